/** What a masked value is shown as (the same mask as HTTP-action header values). */
export const VALUE_MASK = '••••';

/** The forms a value takes in text: as is, URL-encoded (paths, queries) and JSON-escaped; longest first. */
function formsOf(values: readonly string[]): string[] {
  const forms = values.flatMap((v) => [v, encodeURIComponent(v), encodeURI(v), JSON.stringify(v).slice(1, -1)]);

  return [...new Set(forms.filter((f) => f.length > 0))].sort((a, b) => b.length - a.length);
}

function maskText(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) {
    if (out.includes(form)) out = out.split(form).join(VALUE_MASK);
  }

  return out;
}

function maskDeep(value: unknown, forms: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return maskText(value, forms);
  if (!value || typeof value !== 'object' || depth > 64) return value;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, forms, depth + 1));

  return Object.fromEntries(Object.entries(value).map(([key, item]) => [maskText(key, forms), maskDeep(item, forms, depth + 1)]));
}

/**
 * A copy of `value` with each of `values` (secrets just sent) replaced by `••••` wherever it appears in a
 * string or key, at any depth: for answers that echo a request back, error messages that quote a URL, logs.
 */
export function maskValues<T>(value: T, values: readonly string[]): T {
  if (values.length === 0) return value;

  return maskDeep(value, formsOf(values), 0) as T;
}
