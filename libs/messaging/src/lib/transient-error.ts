/**
 * Thrown by a handler when the failure is in the infrastructure (database down, NATS request timed out), not
 * in the message: the message is retried with back-off for as long as it takes and never dead-lettered.
 */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}
