import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { COMPILED_MAIN, REPO_ROOT, SERVER_MAIN, TEST_ENCRYPTION_KEY } from './paths';

/**
 * The real server as a child process, as it ships: `node apps/server/dist/main.js` (compiled by
 * `buildServerOnce`), with an explicit environment (nothing inherited but PATH and HOME). Its output goes straight to a file (no pipe for the
 * parent to drain, which would steal CPU from the server under load).
 */
export type TServerProcess = {
  name: string;
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  logFile: string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
  /** Polls GET /ready until it answers 200; throws with the log tail when the time runs out. */
  waitReady(timeoutMs?: number): Promise<void>;
  /** The JSON log lines written so far (non-JSON lines are skipped). */
  logs(): Record<string, unknown>[];
  /** Peak resident set size (VmHWM) in kB, while the process runs. */
  peakRssKb(): number | null;
  /** Current resident set size (VmRSS) in kB. */
  rssKb(): number | null;
  kill9(): Promise<void>;
  /** SIGSTOP / SIGCONT. */
  pause(): void;
  resume(): void;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
};

export type TServerOptions = {
  name: string;
  env: Record<string, string>;
  /** Keep the port of an earlier run (restarts). Default: a free loopback port. */
  port?: number;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
  nodeArgs?: string[];
  logDir?: string;
  /** Another entry point (the benchmark's baseline; `.ts` runs through tsx); default the compiled server. */
  entry?: string;
};

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));

  return port;
}

/** The V8 flags the product runs with: the same as `npm start` and the Dockerfile (a test keeps them in step). */
export const SERVER_NODE_ARGS = ['--max-old-space-size=192'];

/** The environment every spawned server gets unless the caller overrides it. */
export function baseServerEnv(port: number, dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    UW_BASE_URL: `http://127.0.0.1:${port}`,
    UW_DATA_DIR: dataDir,
    UW_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    UW_BOOTSTRAP_RUN_ON_INSTALL: 'false',
    // The simulated Clockify listens on loopback; nothing else there is allowed.
    UW_CLOCKIFY_API_ALLOWLIST: '127.0.0.1:*',
    LOG_LEVEL: 'info',
    UW_SHUTDOWN_TIMEOUT_MS: '5000',
  };
}

let built = false;

/** Compiles apps/server/dist once per test process (esbuild, well under a second), so it is never stale. */
export function buildServerOnce(): void {
  if (built) return;
  try {
    execFileSync(process.execPath, [join(REPO_ROOT, 'apps/server/scripts/build.mjs')], { stdio: 'pipe' });
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`the server build failed:\n${String(e.stdout ?? '')}${String(e.stderr ?? '')}`);
  }
  built = true;
}

export async function spawnServer(opts: TServerOptions): Promise<TServerProcess> {
  const entry = opts.entry ?? SERVER_MAIN;
  if (entry === COMPILED_MAIN) buildServerOnce();
  const port = opts.port ?? (await freePort());
  const logDir = opts.logDir ?? mkdtempSync(join(tmpdir(), `uw-${opts.name}-`));
  const dataDir = mkdtempSync(join(tmpdir(), `uw-data-${opts.name}-`));
  const logFile = join(logDir, `${opts.name}-${Date.now()}.log`);
  const fd = openSync(logFile, 'a');
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    ...baseServerEnv(port, dataDir),
    ...opts.env,
    PORT: String(port),
  };
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, ...(opts.nodeArgs ?? []), ...loader, entry], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  running.add(child);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(signal ?? String(code));
    });
  });
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const readLog = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };

  const proc: TServerProcess = {
    name: opts.name,
    url,
    port,
    pid: child.pid!,
    child,
    logFile,
    exited,
    async waitReady(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < until) {
        if (gone) throw new Error(`${opts.name} exited before it was ready:\n${readLog().slice(-3_000)}`);
        try {
          const res = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(3_000) });
          last = `${res.status} ${await res.text()}`;
          if (res.status === 200) return;
        } catch (err) {
          last = (err as Error).message;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${opts.name} not ready within ${timeoutMs} ms (last: ${last}):\n${readLog().slice(-3_000)}`);
    },
    logs() {
      const out: Record<string, unknown>[] = [];
      for (const line of readLog().split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          out.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // a line cut by kill -9
        }
      }

      return out;
    },
    peakRssKb: () => procStatusKb(child.pid!, 'VmHWM'),
    rssKb: () => procStatusKb(child.pid!, 'VmRSS'),
    async kill9() {
      if (gone) return;
      child.kill('SIGKILL');
      await exited;
    },
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    async stop(graceMs = 8_000) {
      if (gone) return;
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };

  return proc;
}

function procStatusKb(pid: number, field: string): number | null {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));

    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
