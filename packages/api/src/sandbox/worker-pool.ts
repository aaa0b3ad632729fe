import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Why a task did not get an answer from its worker. */
export type TPoolFailure = 'timeout' | 'crashed' | 'closed';

/** A task whose worker died, was killed, or whose pool was closed. Task errors come back as `TaskError`. */
export class WorkerPoolError extends Error {
  readonly reason: TPoolFailure;

  constructor(reason: TPoolFailure, message: string) {
    super(message);
    this.name = 'WorkerPoolError';
    this.reason = reason;
  }
}

/** A task that ran and threw inside the worker; `data` is what the worker sent (structured-clone data). */
export class TaskError extends Error {
  readonly data: Record<string, unknown>;

  constructor(data: Record<string, unknown>) {
    super(typeof data.message === 'string' ? data.message : 'task failed');
    this.name = 'TaskError';
    this.data = data;
  }
}

export type TWorkerPoolOptions = {
  /** The worker's module: it must answer the protocol of `serveTasks` (`task-server.ts`). */
  script: URL;
  workerData?: unknown;
  /** Workers kept (started on first use). */
  size: number;
  /** V8 old-generation cap per worker: a task that allocates past it kills only its worker. */
  heapMb: number;
  /** A worker silent this long while it holds a task is terminated and the task fails with `timeout`. */
  hardTimeoutMs: number;
  /** Tasks sent to an idle worker in one message (shared objects in a batch are cloned once). */
  maxBatch?: number;
  onWorkerLost?: (reason: 'timeout' | 'crashed', detail: string) => void;
};

export type TWorkerPool = {
  run(task: unknown): Promise<unknown>;
  /** Workers started and replaced so far (for tests and metrics). */
  stats(): { started: number; lost: number };
  close(): Promise<void>;
};

type TJob = { id: number; task: unknown; resolve(value: unknown): void; reject(error: Error): void };
type TSlot = { worker?: Worker; ready: boolean; inFlight: TJob[]; timer?: NodeJS.Timeout; killedForTime: boolean };
type TReply = { ready: true } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: Record<string, unknown> };

/**
 * Worker threads do not inherit the parent's TypeScript loader (and Node 20 ignores `--import` in a
 * worker's execArgv), so a `.ts` worker starts from a tiny script that registers tsx's ESM hooks first.
 * Compiled `.js` workers start directly.
 */
function workerSource(script: URL): { source: string | URL; isEval: boolean } {
  if (!script.pathname.endsWith('.ts')) return { source: script, isEval: false };
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = require(manifestPath) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api']!.import.default)).href;
  const source = [
    `import(${JSON.stringify(api)})`,
    `.then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); })`,
    '.catch((error) => { process.stderr.write(String(error && error.stack)); process.exit(70); });',
  ].join('');

  return { source, isEval: true };
}

/**
 * A small pool of worker threads with a hard backstop: each worker runs under a heap cap
 * (`resourceLimits`), and one that holds a task without answering for `hardTimeoutMs` is terminated.
 * Each worker takes one batch at a time and answers task by task, so when it dies the task it was on
 * is known: that one fails (`crashed` / `timeout`), the rest of its batch goes back to the queue, and a
 * fresh worker takes over. Tasks are plain data (structured clone), so whole flow executions can be
 * moved here later with a new task kind.
 */
export function createWorkerPool(options: TWorkerPoolOptions): TWorkerPool {
  const maxBatch = options.maxBatch ?? 16;
  const entry = workerSource(options.script);
  const slots: TSlot[] = Array.from({ length: options.size }, () => ({ ready: false, inFlight: [], killedForTime: false }));
  const queue: TJob[] = [];
  const counts = { started: 0, lost: 0 };
  let nextId = 1;
  let closed = false;

  const arm = (slot: TSlot) => {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (slot.inFlight.length === 0) return;
    slot.timer = setTimeout(() => {
      slot.killedForTime = true;
      void slot.worker?.terminate();
    }, options.hardTimeoutMs);
    slot.timer.unref();
  };

  const lose = (slot: TSlot, worker: Worker, detail: string) => {
    if (slot.worker !== worker) return;
    clearTimeout(slot.timer);
    const reason = slot.killedForTime ? 'timeout' : 'crashed';
    const [culprit, ...rest] = slot.inFlight;
    const wasReady = slot.ready;
    Object.assign(slot, { worker: undefined, ready: false, inFlight: [], timer: undefined, killedForTime: false });
    if (closed) return;
    counts.lost += 1;
    options.onWorkerLost?.(reason, detail);
    if (!wasReady) {
      // It never came up (a broken build, not a task): fail what waits instead of respawning in a loop.
      for (const job of queue.splice(0)) job.reject(new WorkerPoolError('crashed', `the sandbox worker did not start: ${detail}`));

      return;
    }
    queue.unshift(...rest);
    if (culprit) {
      const message =
        reason === 'timeout'
          ? `the task ran longer than ${options.hardTimeoutMs} ms and its worker was stopped`
          : `the task's worker died (${detail}) and was replaced`;
      culprit.reject(new WorkerPoolError(reason, message));
    }
    pump();
  };

  const spawn = (slot: TSlot) => {
    const worker = new Worker(entry.source, {
      eval: entry.isEval,
      workerData: options.workerData,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb, maxYoungGenerationSizeMb: 16 },
      stdout: false,
      stderr: false,
    });
    counts.started += 1;
    slot.worker = worker;
    worker.unref();
    worker.on('message', (reply: TReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        pump();

        return;
      }
      const index = slot.inFlight.findIndex((job) => job.id === reply.id);
      if (index === -1) return;
      const [job] = slot.inFlight.splice(index, 1);
      if (reply.ok) job!.resolve(reply.value);
      else job!.reject(new TaskError(reply.error));
      arm(slot);
      if (slot.inFlight.length === 0) pump();
    });
    worker.on('error', (error) => lose(slot, worker, error.message));
    worker.on('exit', (code) => lose(slot, worker, `exit code ${code}`));
  };

  function pump() {
    for (const slot of slots) {
      if (queue.length === 0 || closed) return;
      if (!slot.worker) spawn(slot);
      if (!slot.ready || slot.inFlight.length > 0) continue;
      const batch = queue.splice(0, maxBatch);
      try {
        slot.worker!.postMessage({ jobs: batch.map((job) => ({ id: job.id, task: job.task })) });
      } catch (error) {
        // Data that cannot be cloned: those tasks fail, the worker is untouched.
        for (const job of batch) job.reject(new TaskError({ message: `task data cannot be sent: ${(error as Error).message}` }));
        continue;
      }
      slot.inFlight = batch;
      arm(slot);
    }
  }

  return {
    run(task) {
      if (closed) return Promise.reject(new WorkerPoolError('closed', 'the sandbox is closed'));

      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, task, resolve, reject });
        pump();
      });
    },
    stats: () => ({ ...counts }),
    async close() {
      closed = true;
      const waiting = [...queue.splice(0), ...slots.flatMap((slot) => slot.inFlight)];
      for (const job of waiting) job.reject(new WorkerPoolError('closed', 'the sandbox was closed'));
      await Promise.all(
        slots.map(async (slot) => {
          clearTimeout(slot.timer);
          const worker = slot.worker;
          Object.assign(slot, { worker: undefined, ready: false, inFlight: [] });
          await worker?.terminate();
        }),
      );
    },
  };
}
