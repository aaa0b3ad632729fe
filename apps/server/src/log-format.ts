import type { DestinationStream } from 'pino';

import type { TEnv } from './env';

const LEVELS: Record<number, { name: string; color: string }> = {
  10: { name: 'TRACE', color: '\x1b[90m' },
  20: { name: 'DEBUG', color: '\x1b[36m' },
  30: { name: 'INFO ', color: '\x1b[32m' },
  40: { name: 'WARN ', color: '\x1b[33m' },
  50: { name: 'ERROR', color: '\x1b[31m' },
  60: { name: 'FATAL', color: '\x1b[35m' },
};
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';
/** Shown in the line's head or not at all (pid and hostname say little on a developer's terminal). */
const HEAD_KEYS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'err']);

type TWritable = { write(text: string): unknown; isTTY?: boolean };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const clock = (ms: number) => {
  const d = new Date(ms);

  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
};
const show = (value: unknown) => (typeof value === 'string' && /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value));

/** One pino JSON line as `12:34:56.789 INFO  message key=value …`, an error's stack on the lines below. */
export function formatLogLine(line: string, color: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const level = LEVELS[Number(entry.level)] ?? { name: String(entry.level), color: '' };
  const paint = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  const fields = Object.entries(entry)
    .filter(([key]) => !HEAD_KEYS.has(key))
    .map(([key, value]) => paint(DIM, `${key}=`) + show(value));
  const err = entry.err as { stack?: unknown; message?: unknown } | undefined;
  const stack = err ? `\n    ${String(err.stack ?? err.message ?? JSON.stringify(err)).replace(/\n/g, '\n    ')}` : '';
  const head = `${paint(DIM, clock(Number(entry.time ?? Date.now())))} ${paint(level.color, level.name)} ${String(entry.msg ?? '')}`;

  return `${[head, ...fields].join(' ')}${stack}\n`;
}

/** A pino destination writing human-readable lines to `out`, coloured when `color`. */
export function prettyDestination(out: TWritable, color: boolean): DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n').filter(Boolean)) out.write(formatLogLine(line, color));
    },
  };
}

/** UW_LOG_FORMAT: readable lines on a terminal (or when asked), else undefined: pino's own fast JSON to stdout. */
export function logDestination(format: TEnv['UW_LOG_FORMAT'], out: TWritable = process.stdout): DestinationStream | undefined {
  const isTerminal = out.isTTY === true;
  const pretty = format === 'pretty' || (format === 'auto' && isTerminal);

  return pretty ? prettyDestination(out, isTerminal) : undefined;
}
