export const HISTORY_RESPONSE_LIMIT_BYTES = 64 * 1024;

/** What the history keeps of a body: all of it up to 64 KB of JSON, else a truncated preview. */
export function boundedBody(body: unknown): { body: unknown } | { truncated: true; bytes: number; preview: string } {
  const text = JSON.stringify(body ?? null);
  const bytes = Buffer.byteLength(text);
  if (bytes <= HISTORY_RESPONSE_LIMIT_BYTES) {
    return { body: body ?? null };
  }

  return { truncated: true, bytes, preview: Buffer.from(text).subarray(0, HISTORY_RESPONSE_LIMIT_BYTES).toString('utf8') };
}
