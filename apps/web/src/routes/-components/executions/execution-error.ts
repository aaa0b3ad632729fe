/** A one-line text for an execution's or step's stored error (a string, `{ message }`, or any JSON). */
export function executionErrorText(error: unknown): string {
  if (error === null || error === undefined) return '';
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && 'message' in error && typeof (error as { message: unknown }).message === 'string') {
    const e = error as { message: string; code?: string };

    return e.code ? `${e.code}: ${e.message}` : e.message;
  }

  return JSON.stringify(error);
}
