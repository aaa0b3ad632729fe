import { z } from 'zod';

/** Events the add-on itself raises, for `internal` triggers (admins build their own failure notifications). */
export const INTERNAL_EVENTS = [
  /** An execution failed after its last attempt. */
  'EXECUTION_FAILED',
  'BOOTSTRAP_COMPLETED',
  'BOOTSTRAP_FAILED',
  'WEBHOOK_REGISTRATION_FAILED',
] as const;
export type TInternalEvent = (typeof INTERNAL_EVENTS)[number];

export const ZClockifyTriggerDataSchema = z.object({
  source: z.literal('clockify'),
  events: z.array(z.string().min(1)).min(1, 'choose at least one event'),
});

export const ZCustomTriggerDataSchema = z.object({
  source: z.literal('custom'),
  sourceId: z.string().min(1, 'choose a webhook source'),
});

/**
 * Fires on a 5-field cron (`minute hour day-of-month month day-of-week`) in an IANA time zone; without
 * `timezone` the workspace's. `validateFlow` reports a missing, malformed or never-firing cron.
 */
export const ZScheduleTriggerDataSchema = z.object({
  source: z.literal('schedule'),
  cron: z.string().max(200).optional(),
  timezone: z.string().min(1).max(100).optional(),
});

/** Runs only when asked: from the editor or `flows.run({ id, sample? })`. */
export const ZManualTriggerDataSchema = z.object({ source: z.literal('manual') });

/** The add-on's own events (`INTERNAL_EVENTS`); unknown names are reported by `validateFlow`. */
export const ZInternalTriggerDataSchema = z.object({
  source: z.literal('internal'),
  events: z.array(z.string().min(1)).min(1, 'choose at least one event'),
});

export const ZTriggerDataSchema = z.discriminatedUnion('source', [
  ZClockifyTriggerDataSchema,
  ZCustomTriggerDataSchema,
  ZScheduleTriggerDataSchema,
  ZManualTriggerDataSchema,
  ZInternalTriggerDataSchema,
]);

export type TTriggerData = z.infer<typeof ZTriggerDataSchema>;
export type TTriggerSource = TTriggerData['source'];
