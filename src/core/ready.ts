/**
 * "The server is ready": main.ts says it once the HTTP server answers and the background work has
 * started; src/start.ts listens to write V8's code cache of everything the start compiled. A process
 * event, because start.ts runs outside the bundle that holds main.ts (two copies of this module).
 */
export const READY_EVENT = 'yunhu:ready';

export function announceReady(): void {
  process.emit(READY_EVENT as never);
}

export function onReady(listener: () => void): void {
  process.once(READY_EVENT as never, listener);
}
