import { parentPort } from 'node:worker_threads';

type TJobMessage = { jobs: { id: number; task: unknown }[] };

/** What crosses back for a thrown error: its own enumerable fields plus name and message. */
function errorData(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = Object.fromEntries(Object.entries(error).filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value)));

  return { ...fields, name: error.name, message: error.message };
}

/**
 * The worker side of `createWorkerPool`: runs `warmUp` (if any), announces itself ready, then runs each batch's
 * tasks one after the other and answers each as soon as it ends (so the pool always knows which task a dying
 * worker held). The pool's hard timer starts with a task, after ready: a cold start is never billed to one.
 */
export async function serveTasks(handle: (task: unknown) => Promise<unknown>, warmUp?: () => Promise<unknown>): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs inside a worker thread');
  port.on('message', async ({ jobs }: TJobMessage) => {
    for (const { id, task } of jobs) {
      try {
        port.postMessage({ id, ok: true, value: await handle(task) });
      } catch (error) {
        port.postMessage({ id, ok: false, error: errorData(error) });
      }
    }
  });
  await warmUp?.().catch(() => undefined);
  port.postMessage({ ready: true });
}
