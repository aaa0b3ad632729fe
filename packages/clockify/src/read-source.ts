import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const isHttpUrl = (source: string) => /^https?:\/\//i.test(source);

export type TReadSourceOptions = { fetch?: typeof fetch; timeoutMs?: number };

/** Thrown with a message that names the source; callers wrap it in their own error type. */
export class SourceReadError extends Error {
  constructor(
    message: string,
    readonly notFound: boolean,
  ) {
    super(message);
    this.name = 'SourceReadError';
  }
}

/** Reads the text of a local file (path or `file:` URL) or of an http(s) URL. */
export async function readSource(source: string, opts: TReadSourceOptions = {}): Promise<string> {
  if (isHttpUrl(source)) {
    return readUrl(source, opts);
  }
  const path = source.startsWith('file:') ? fileURLToPath(source) : source;
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;

    throw new SourceReadError(
      code === 'ENOENT' ? `no file at ${path}` : `cannot read ${path} (${code ?? (err as Error).message})`,
      code === 'ENOENT',
    );
  }
}

async function readUrl(url: string, opts: TReadSourceOptions): Promise<string> {
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000), headers: { accept: 'application/json' } });
  } catch (err) {
    const reason =
      (err as Error).name === 'TimeoutError' ? 'timed out' : (((err as Error).cause as Error)?.message ?? (err as Error).message);

    throw new SourceReadError(`cannot fetch ${url}: ${reason}`, false);
  }
  if (!res.ok) {
    await res.body?.cancel();

    throw new SourceReadError(`fetching ${url} answered HTTP ${res.status}`, res.status === 404);
  }

  return res.text();
}
