export type TFaultMatch = { method?: string; operationId?: string; pathIncludes?: string };
export type TFaultSpec = {
  match?: TFaultMatch;
  /** answer with this status (body `{ message, code }`) instead of running the handler */
  status?: number;
  /** delay before answering (or before the handler runs, when no status is given) */
  latencyMs?: number;
  /** how many matching requests it applies to (default: all) */
  times?: number;
  /** seconds for a Retry-After header */
  retryAfter?: number;
  /** destroy the socket without answering */
  dropConnection?: boolean;
};
export type TFault = TFaultSpec & { id: number; remaining: number; hits: number };
export type TFaults = {
  add(spec: TFaultSpec): TFault;
  remove(id: number): void;
  clear(): void;
  list(): readonly TFault[];
  /** the first active fault for a request, counting one use of it */
  take(request: { method: string; path: string; operationId?: string }): TFault | undefined;
};

const matches = (m: TFaultMatch, r: { method: string; path: string; operationId?: string }) =>
  (!m.method || m.method.toUpperCase() === r.method.toUpperCase()) &&
  (!m.operationId || m.operationId === r.operationId) &&
  (!m.pathIncludes || r.path.includes(m.pathIncludes));

export function createFaults(): TFaults {
  let faults: TFault[] = [];
  let nextId = 1;

  return {
    add(spec) {
      const fault: TFault = { ...spec, id: nextId++, remaining: spec.times ?? Number.POSITIVE_INFINITY, hits: 0 };
      faults.push(fault);

      return fault;
    },
    remove(id) {
      faults = faults.filter((f) => f.id !== id);
    },
    clear() {
      faults = [];
    },
    list: () => faults,
    take(request) {
      const fault = faults.find((f) => f.remaining > 0 && matches(f.match ?? {}, request));
      if (fault) {
        fault.remaining -= 1;
        fault.hits += 1;
      }

      return fault;
    },
  };
}
