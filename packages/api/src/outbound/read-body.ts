/** Reads a response body as a stream, never past a byte cap, and decodes it by content type. */
import type { Readable } from 'node:stream';

export type TCappedBody = { bytes: Buffer; truncated: boolean };

/**
 * Collects at most `maxBytes`. On overflow the stream is destroyed, which makes undici drop the
 * connection, so an endless or huge body costs at most `maxBytes` of memory.
 */
export async function readCapped(body: Readable, maxBytes: number): Promise<TCappedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    const room = maxBytes - size;
    if (buf.length > room) {
      chunks.push(buf.subarray(0, room));
      size = maxBytes;
      truncated = true;
      break;
    }
    chunks.push(buf);
    size += buf.length;
  }
  if (truncated) {
    body.destroy();
  }

  return { bytes: Buffer.concat(chunks, size), truncated };
}

const JSON_TYPE = /^[^;]*[/+]json\s*(;|$)/i;

/** Parsed JSON when the content type says JSON and the text parses (not when truncated); else text. */
export function decodeBody(bytes: Buffer, contentType: string | undefined, truncated: boolean): unknown {
  const text = bytes.toString('utf8');
  if (truncated || !contentType || !JSON_TYPE.test(contentType) || text.trim() === '') {
    return text;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** undici's header record flattened to one string per name (repeated headers joined with ", "). */
export function flattenHeaders(headers: Record<string, string | string[] | undefined>) {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
  }

  return out;
}
