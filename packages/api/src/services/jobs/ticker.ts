/**
 * Runs `run` at start and then every `tickMs`, one run at a time (a slow run delays the next); `stop` waits
 * for the current one. A run that throws is reported to `onError` and the next tick runs as usual.
 */
export function createTicker(run: () => Promise<unknown>, tickMs: number, onError: (err: unknown) => void = () => undefined) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const next = () => {
    running = running.then(run).catch(onError);
  };

  return {
    start() {
      timer ??= setInterval(next, tickMs);
      timer.unref();
      next();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
