/** A step failure the engine can classify: retryable ones are rescheduled, others fail the execution. */
export class StepError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
    readonly details: { status?: number; body?: unknown; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'StepError';
  }

  get retryAfterMs() {
    return this.details.retryAfterMs;
  }
}
