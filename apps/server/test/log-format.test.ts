import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { formatLogLine, logDestination, prettyDestination } from '../src/log-format';
import { createLogger } from '../src/logger';
import { waitFor } from './utils';

const MAIN = resolve(import.meta.dirname, '../src/main.ts');
const HEAD = /^\d\d:\d\d:\d\d\.\d{3} /;
/** Without ANSI colour codes (ESC [ … m). */
const plain = (text: string) => text.replaceAll('\x1b', '').replace(/\[[0-9;]*m/g, '');

function sink(isTTY: boolean) {
  const written: string[] = [];

  return { written, out: { isTTY, write: (text: string) => written.push(text) } };
}

describe('log lines', () => {
  it('are JSON (pino to stdout) unless stdout is a terminal or pretty is asked for', () => {
    expect(logDestination('auto', sink(false).out)).toBeUndefined();
    expect(logDestination('json', sink(true).out)).toBeUndefined();
    expect(logDestination('auto', sink(true).out)).toBeDefined();
    expect(logDestination('pretty', sink(false).out)).toBeDefined();
  });

  it('read as time, level, message and fields on a terminal, secrets still masked, errors with their stack', () => {
    const { written, out } = sink(false);
    const logger = createLogger('debug', prettyDestination(out, false));
    logger.info({ port: 8001, db: 'sqlite', note: 'two words', installation: { token: 'hunter2' } }, 'Universal Webhook listening');
    logger.error({ err: new Error('database is down') }, 'request failed');
    logger.trace('below the level');
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(HEAD);
    expect(written[0]).toContain('INFO  Universal Webhook listening port=8001 db=sqlite note="two words"');
    expect(written[0]).not.toContain('hunter2');
    expect(written[0]).not.toMatch(/pid=|hostname=|\{"level"/);
    expect(written[1]).toContain('ERROR request failed');
    expect(written[1]).toMatch(/\n {4}Error: database is down\n\s+at /);
  });

  it('are coloured only when written to a terminal, and pass through what is not JSON', () => {
    const line = JSON.stringify({ level: 40, time: Date.now(), msg: 'slow' });
    expect(formatLogLine(line, true)).toContain('\x1b[33mWARN \x1b[0m');
    expect(formatLogLine(line, false)).not.toContain('\x1b[');
    expect(formatLogLine('plain text', false)).toBe('plain text\n');
  });

  it('keep every line pino writes, one chunk or several', () => {
    const { written, out } = sink(false);
    const destination = prettyDestination(out, false);
    const a = JSON.stringify({ level: 30, time: 0, msg: 'a' });
    const b = JSON.stringify({ level: 30, time: 0, msg: 'b' });
    destination.write(`${a}\n${b}\n`);
    expect(written.map((w) => w.trim().split(' ').slice(1).join(' '))).toEqual(['INFO  a', 'INFO  b']);
  });
});

describe('the server process on a terminal', () => {
  let stop: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await stop?.();
    stop = null;
  });

  it('prints readable lines when stdout is a TTY (under script(1)), with LOG_LEVEL in capitals', async () => {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      PORT: port,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'INFO',
      UW_DATA_DIR: mkdtempSync(join(tmpdir(), 'uw-tty-')),
    };
    // timeout(1) bounds the server's life whatever happens to this test; Ctrl-C on the terminal stops it.
    const command = `timeout --foreground 60 ${process.execPath} --import tsx ${MAIN}`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env,
      cwd: resolve(import.meta.dirname, '..'),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise((r) => child.once('exit', r));
    stop = async () => {
      child.stdin.write('\x03');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      child.kill('SIGKILL');
    };
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    await waitFor(async () => output.includes('Universal Webhook listening'), 30_000, 100);
    const line = output.split(/\r?\n/).find((l) => l.includes('Universal Webhook listening')) ?? '';
    expect(plain(line)).toMatch(HEAD);
    expect(plain(line)).toMatch(/INFO {2}Universal Webhook listening port=\d+/);
    expect(line).toContain('\x1b['); // coloured on a terminal
    expect(output).not.toContain('"msg":');
    await stop?.();
    stop = null;
    expect(plain(output)).toMatch(/INFO {2}stopped/);
  });
});
