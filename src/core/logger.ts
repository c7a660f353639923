import pino, { type Logger, type DestinationStream } from 'pino';
import { currentRequest } from './request-context';

/** Paths that never reach a log line. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'password',
  '*.password',
  '*.newPassword',
  'variables.password',
  'variables.input.password',
  'variables.input.newPassword',
  'token',
  '*.token',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'yunhu-review' },
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Every line written while an HTTP request runs carries its id (X-Request-Id), whichever logger wrote it.
      mixin: () => {
        const r = currentRequest();
        return r ? { requestId: r.requestId } : {};
      },
    },
    destination,
  );
}

export type { Logger };
