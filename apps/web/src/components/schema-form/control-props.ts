import type { TLeafField } from './types';

/** The id and ARIA state every leaf control carries. */
export const controlProps = (field: TLeafField, invalid = false) => ({
  id: field.id,
  'aria-required': field.required,
  'aria-invalid': invalid || field.missing || undefined,
});
