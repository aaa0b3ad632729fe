import { UserError } from '../../errors';
import { SETTINGS, type TSettingId, type TSettingDefinition, type TSettingsValues } from './definitions';

export type TSettingOrigin = 'workspace' | 'environment';
export type TEffectiveSetting = { id: TSettingId; value: unknown; origin: TSettingOrigin; group: string; name: string };

/** Saved workspace values win over the environment's defaults, setting by setting. */
export function effectiveSettings(defaults: TSettingsValues, saved: Record<string, unknown>): TSettingsValues {
  const values: Record<string, unknown> = { ...defaults };
  for (const s of SETTINGS) {
    if (saved[s.id] !== undefined) {
      values[s.id] = saved[s.id];
    }
  }

  return values as TSettingsValues;
}

export function describeSettings(defaults: TSettingsValues, saved: Record<string, unknown>): TEffectiveSetting[] {
  return SETTINGS.map((s) => ({
    id: s.id,
    group: s.group,
    name: s.name,
    value: saved[s.id] ?? defaults[s.id],
    origin: saved[s.id] === undefined ? 'environment' : 'workspace',
  }));
}

/**
 * Validates settings as Clockify sends them (`[{ id, value }]`, values typed per setting or as strings).
 * Unknown ids are ignored (a newer manifest may carry more); a bad value is a UserError naming it.
 */
export function parseSettingsUpdate(items: { id: string; value: unknown }[]): Partial<TSettingsValues> {
  const out: Record<string, unknown> = {};
  for (const item of items) {
    const def = SETTINGS.find((s) => s.id === item.id);
    if (!def) continue;
    out[def.id] = coerce(def, item.value);
  }

  return out as Partial<TSettingsValues>;
}

/** `value` as the setting's type, within its range; a UserError naming the setting otherwise. */
function coerce(setting: Pick<TSettingDefinition, 'id' | 'type' | 'min' | 'max'>, value: unknown): unknown {
  const { id, type, min, max } = setting;
  if (type === 'CHECKBOX') {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw new UserError('VALIDATION_FAILED', `setting ${id}: expected true or false`);
  }
  if (type === 'NUMBER') {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isInteger(n) || (min !== undefined && n < min) || (max !== undefined && n > max)) {
      throw new UserError('VALIDATION_FAILED', `setting ${id}: expected a whole number from ${min} to ${max}`);
    }

    return n;
  }
  if (typeof value !== 'string' || value.length > 4000) {
    throw new UserError('VALIDATION_FAILED', `setting ${id}: expected text of at most 4000 characters`);
  }

  return value;
}
