/**
 * Imported first by src/main.ts, before any module that requires pg: when the OTEL_* variables ask
 * for traces, the trace SDK and its pg instrumentation are loaded here, so pg is patched before its
 * first require. Otherwise nothing is loaded (tracing.ts holds only the variable check): a start
 * without tracing pays for one environment lookup.
 */
import { tracingRequested } from './tracing';
import type { TracingSdk } from './tracing-sdk';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const tracingSdk: TracingSdk | null = tracingRequested() ? (require('./tracing-sdk') as typeof import('./tracing-sdk')).startTracingSdk() : null;
