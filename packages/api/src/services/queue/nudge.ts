/**
 * "Executions were just queued in this process": the ingest commit queue and the retry procedure notify,
 * this process's worker (when it runs one) listens and claims at once instead of at its next poll.
 * Created first by the composition root and handed to both sides, so nothing is wired after construction.
 */
export type TNudge = {
  notify(): void;
  /** Registers a listener; returns its removal. */
  listen(listener: () => void): () => void;
};

export function createNudge(): TNudge {
  const listeners = new Set<() => void>();

  return {
    notify() {
      for (const listener of listeners) listener();
    },
    listen(listener) {
      listeners.add(listener);

      return () => listeners.delete(listener);
    },
  };
}
