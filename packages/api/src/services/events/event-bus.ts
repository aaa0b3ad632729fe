import { EventEmitter, on } from 'node:events';

/** In-process fan-out for live views (SSE subscriptions). Events are scoped by workspace in their channel. */
export type TBusEvent =
  | { type: 'webhook.logged'; workspaceId: string; logId: string }
  | { type: 'execution.updated'; workspaceId: string; executionId: string; status: string }
  | { type: 'bootstrap.progress'; workspaceId: string }
  /** Enabled flows changed somewhere: `origin` is the process whose flow index already holds the change. */
  | { type: 'flows.changed'; workspaceId: string; origin: string }
  /** An installation's status, settings or webhook tokens changed (caches of credentials drop it). */
  | { type: 'installation.changed'; workspaceId: string };

export type TEventBus = {
  publish(event: TBusEvent): void;
  subscribe(workspaceId: string, type: TBusEvent['type'], signal?: AbortSignal): AsyncIterable<TBusEvent>;
  /** Every event of a type, whatever its workspace (process-wide caches). Returns the unsubscribe. */
  listen(type: TBusEvent['type'], listener: (event: TBusEvent) => void): () => void;
};

export function createEventBus(): TEventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);

  return {
    publish(event) {
      emitter.emit(`${event.workspaceId}:${event.type}`, event);
      emitter.emit(`*:${event.type}`, event);
    },
    listen(type, listener) {
      emitter.on(`*:${type}`, listener);

      return () => emitter.off(`*:${type}`, listener);
    },
    async *subscribe(workspaceId, type, signal) {
      try {
        for await (const [event] of on(emitter, `${workspaceId}:${type}`, { signal })) {
          yield event as TBusEvent;
        }
      } catch (err) {
        if ((err as Error).name !== 'AbortError') throw err;
      }
    },
  };
}
