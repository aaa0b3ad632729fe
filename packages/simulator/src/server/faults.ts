export type FaultMatch = { method?: string; operationId?: string; pathIncludes?: string };
export type FaultSpec = {
  match?: FaultMatch;
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
export type Fault = FaultSpec & { id: number; remaining: number; hits: number };
export type Faults = {
  add(spec: FaultSpec): Fault;
  remove(id: number): void;
  clear(): void;
  list(): readonly Fault[];
  /** the first active fault for a request, counting one use of it */
  take(request: { method: string; path: string; operationId?: string }): Fault | undefined;
};

const matches = (m: FaultMatch, r: { method: string; path: string; operationId?: string }) =>
  (!m.method || m.method.toUpperCase() === r.method.toUpperCase()) &&
  (!m.operationId || m.operationId === r.operationId) &&
  (!m.pathIncludes || r.path.includes(m.pathIncludes));

export function createFaults(): Faults {
  let faults: Fault[] = [];
  let nextId = 1;

  return {
    add(spec) {
      const fault: Fault = { ...spec, id: nextId++, remaining: spec.times ?? Number.POSITIVE_INFINITY, hits: 0 };
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
