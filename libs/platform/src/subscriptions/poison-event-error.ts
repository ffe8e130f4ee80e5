/** Thrown by a handler for an event that can never succeed: it is dropped to the dead-letter topic instead of retried. */
export class PoisonEventError extends Error {
  override readonly name = 'PoisonEventError';
}
