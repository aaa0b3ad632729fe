import type { TSimulator } from './simulator-types';

/** A plausible mix of Clockify activity: mostly time tracking, now and then catalogue and people changes. */
export const DEMO_EVENTS: readonly string[] = [
  'NEW_TIMER_STARTED',
  'TIMER_STOPPED',
  'NEW_TIME_ENTRY',
  'TIME_ENTRY_UPDATED',
  'NEW_TIMER_STARTED',
  'TIMER_STOPPED',
  'NEW_TAG',
  'NEW_TIME_ENTRY',
  'TIME_ENTRY_DELETED',
  'NEW_CLIENT',
  'NEW_PROJECT',
  'NEW_TASK',
  'NEW_TIME_ENTRY',
  'EXPENSE_CREATED',
  'PROJECT_UPDATED',
  'TIME_OFF_REQUESTED',
  'NEW_APPROVAL_REQUEST',
  'USER_JOINED_WORKSPACE',
];

export type TDemoTrafficOptions = {
  sim: TSimulator;
  /** the add-on; used in 'direct' mode (and for nothing else) */
  addonBaseUrl: string;
  workspaceId: string;
  everyMs: number;
  /** 'emit' (default): like Clockify, to every webhook registered for the event; 'direct': POST to the add-on */
  mode?: 'emit' | 'direct';
  events?: readonly string[];
  onEvent?: (event: { eventType: string; statuses: number[] }) => void;
};

export type TDemoTraffic = { stop(): void; readonly sent: number };

/** Sends one event every `everyMs` until stopped; failures are reported through onEvent (status 0), never thrown. */
export function runDemoTraffic(options: TDemoTrafficOptions): TDemoTraffic {
  const events = options.events ?? DEMO_EVENTS;
  let index = 0;
  let sent = 0;
  let busy = false;
  const tick = async () => {
    if (busy) {
      return;
    }
    busy = true;
    const eventType = events[index++ % events.length] as string;
    try {
      const statuses =
        options.mode === 'direct'
          ? [(await options.sim.sendWebhook({ addonUrl: options.addonBaseUrl, workspaceId: options.workspaceId, eventType })).status]
          : (await options.sim.emitWebhook(options.workspaceId, eventType)).deliveries.map((d) => d.status);
      sent += 1;
      options.onEvent?.({ eventType, statuses });
    } catch {
      options.onEvent?.({ eventType, statuses: [0] });
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), options.everyMs);

  return {
    stop: () => clearInterval(timer),
    get sent() {
      return sent;
    },
  };
}
