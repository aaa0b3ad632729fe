import { cronNeverFires, parseCron } from '../cron/parse-cron';
import { isValidTimeZone } from '../cron/zoned-time';
import { INTERNAL_EVENTS, LOOP_MAX_ITEMS_CAP, type TFlowNode } from '../model/node-schemas';
import type { TFlowDefinition } from '../model/flow-definition-schema';
import type { TFlowIssue } from './flow-issue';

type TRule = Omit<TFlowIssue, 'severity' | 'nodeId'>;

function scheduleRules(cron: string | undefined, timezone: string | undefined): TRule[] {
  const rules: TRule[] = [];
  if (timezone !== undefined && !isValidTimeZone(timezone)) {
    rules.push({
      code: 'TIMEZONE_INVALID',
      field: 'data.timezone',
      message: `unknown time zone "${timezone}" (use an IANA name such as Europe/Berlin)`,
    });
  }
  if (cron === undefined || cron.trim() === '') {
    return [
      ...rules,
      { code: 'SCHEDULE_WITHOUT_CRON', field: 'data.cron', message: 'a schedule needs a cron such as "0 9 * * 1" (Mondays at 9:00)' },
    ];
  }
  const parsed = parseCron(cron);
  if (!parsed.ok) return [...rules, { code: 'CRON_INVALID', field: 'data.cron', message: `cron: ${parsed.message}` }];
  if (cronNeverFires(parsed.cron)) {
    rules.push({ code: 'CRON_NEVER_FIRES', field: 'data.cron', message: `the cron "${cron}" never fires: no month has that day` });
  }

  return rules;
}

const knownInternal = new Set<string>(INTERNAL_EVENTS);

function nodeRules(node: TFlowNode): TRule[] {
  switch (node.kind) {
    case 'trigger': {
      const { data } = node;
      if (data.source === 'schedule') return scheduleRules(data.cron, data.timezone);
      if (data.source !== 'internal') return [];

      return data.events.flatMap((event, index) =>
        knownInternal.has(event)
          ? []
          : [
              {
                code: 'UNKNOWN_INTERNAL_EVENT' as const,
                field: `data.events.${index}`,
                message: `unknown event "${event}" (one of ${INTERNAL_EVENTS.join(', ')})`,
              },
            ],
      );
    }
    case 'switch': {
      if (node.data.cases.length === 0) return [{ code: 'SWITCH_WITHOUT_CASES', field: 'data.cases', message: 'add at least one case' }];
      const ids = node.data.cases.map((entry) => entry.id);

      return ids.flatMap((id, index) =>
        ids.indexOf(id) === index
          ? []
          : [{ code: 'DUPLICATE_CASE' as const, field: `data.cases.${index}.id`, message: `two cases share the id "${id}"` }],
      );
    }
    case 'forEach':
      return node.data.maxItems > LOOP_MAX_ITEMS_CAP
        ? [{ code: 'LOOP_MAX_ITEMS', field: 'data.maxItems', message: `maxItems can be at most ${LOOP_MAX_ITEMS_CAP}` }]
        : [];
    case 'set':
      return Object.keys(node.data.values).length === 0
        ? [{ code: 'SET_WITHOUT_VALUES', field: 'data.values', message: 'add at least one value' }]
        : [];
    case 'wait': {
      const count = Number(node.data.seconds !== undefined) + Number(node.data.until !== undefined);

      return count === 1
        ? []
        : [{ code: 'WAIT_INVALID', field: 'data', message: 'a wait takes either seconds or until, not both or neither' }];
    }
    default:
      return [];
  }
}

/** Per-kind rules the schema leaves open (so the editor can name them): cases, loop caps, values, waits, schedules, internal events. */
export function checkNodeRules(definition: TFlowDefinition): TFlowIssue[] {
  return definition.nodes.flatMap((node) => nodeRules(node).map((rule): TFlowIssue => ({ ...rule, severity: 'error', nodeId: node.id })));
}
