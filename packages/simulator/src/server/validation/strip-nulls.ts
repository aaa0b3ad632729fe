/**
 * Clockify sends `null` for absent values although its document declares no `nullable`; a response is
 * validated with its null-valued properties left out, so a null never counts as a violation but a missing
 * required property still does.
 */
export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(stripNulls);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, stripNulls(v)]),
    );
  }

  return value;
}
