import type { TApiDeps } from '../../deps';
import { getBootstrapStatus, type TBootstrapView } from './bootstrap-status';

/** Progress events are in-process; polling this often also shows runs held by another process. */
const POLL_MS = 2_000;

/** The workspace's bootstrap status now and after every change (an event of this process, or a poll), until `signal`. */
export async function* watchBootstrap(
  deps: TApiDeps,
  workspaceId: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<TBootstrapView> {
  const events = deps.bus.subscribe(workspaceId, 'bootstrap.progress', signal)[Symbol.asyncIterator]();
  let pending: Promise<unknown> | null = null;
  let ended = false;
  let last = '';
  while (!signal?.aborted) {
    const state = await getBootstrapStatus(deps, workspaceId);
    const key = `${state.status}:${state.updatedAt}:${state.active}`;
    if (key !== last) {
      last = key;
      yield state;
    }
    if (!ended) {
      pending ??= events.next().then((r) => {
        pending = null;
        ended = r.done === true;
      });
    }
    let timer: NodeJS.Timeout | undefined;
    const tick = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, POLL_MS);
    });
    await Promise.race(ended ? [tick] : [pending, tick]);
    clearTimeout(timer);
  }
}
