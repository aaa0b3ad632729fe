/** What Clockify or the receiver answered, when it did. */
export type TStepErrorDetails = { status?: number; body?: unknown; retryAfterMs?: number };

/** A step failure the engine can classify: retryable ones are rescheduled, others fail the execution. */
export class StepError extends Error {
  readonly retryable: boolean;
  readonly details: TStepErrorDetails;

  constructor(
    message: string,
    readonly code: string,
    how: { retryable: boolean; details?: TStepErrorDetails },
  ) {
    super(message);
    this.name = 'StepError';
    this.retryable = how.retryable;
    this.details = how.details ?? {};
  }

  get retryAfterMs() {
    return this.details.retryAfterMs;
  }
}
