/**
 * JSONata's effective boolean value (`$boolean`), used for conditions: empty string, 0, null, empty
 * array/object, functions and undefined are false; an array is true when any item is.
 */
export function toBoolean(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.some((item) => toBoolean(item));
  }
  if (typeof value === 'string') {
    return value.length > 0;
  }
  if (typeof value === 'number') {
    return value !== 0 && !Number.isNaN(value);
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.keys(value).length > 0;
  }

  return false;
}
