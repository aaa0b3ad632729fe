import type { ReactNode } from 'react';

/** The part of JSON Schema (OpenAPI 3 flavour, `$ref`s resolved by the server) the form understands. */
export type TJsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  format?: string;
  pattern?: string;
  properties?: Record<string, TJsonSchema>;
  required?: string[];
  items?: TJsonSchema | TJsonSchema[];
  additionalProperties?: boolean | TJsonSchema;
  oneOf?: TJsonSchema[];
  anyOf?: TJsonSchema[];
  allOf?: TJsonSchema[];
  readOnly?: boolean;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  $ref?: string;
};

/** Where a value sits in the form's value: property names and array indexes. */
export type TFieldPath = readonly (string | number)[];

/** Values are JSON; `undefined` (or '') means "not set": such keys are left out of what is sent. */
export type TFormValue = Record<string, unknown>;

/** The cache entity a field's value is an id of; `parentId` narrows tasks to a project. */
export type TPicker = { entityType: string; parent?: { entityType: string; id: string } };

/** How a leaf is edited by default. `json`: shapes the form does not break down (oneOf, free-form objects). */
export type TLeafKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'json';

export type TLeafField = {
  /** Path from the form's root, e.g. `['tagIds', 0]`; `pathText` is the same as `tagIds[0]`. */
  path: TFieldPath;
  pathText: string;
  /** The HTML id of the default control (labels point at it). */
  id: string;
  label: string;
  schema: TJsonSchema;
  kind: TLeafKind;
  required: boolean;
  readOnly: boolean;
  value: unknown;
  /** `undefined` unsets the field. */
  onChange: (value: unknown) => void;
  /** Set when the value is the id of a cached entity (project, task, tag, user, client, user group…). */
  picker: TPicker | null;
  /** Required and not set, after the caller asked to show missing fields. */
  missing: boolean;
};

/**
 * Renders one leaf. `control` is the form's own control for it (input, tri-state select, enum select, cache picker,
 * JSON text); return it wrapped, replaced, or `undefined` to keep it as is. The label and help are the form's.
 */
export type TRenderLeaf = (field: TLeafField, control: ReactNode) => ReactNode;

/** Decides which leaves are entity-id pickers. The default (`defaultPickerFor`) goes by field name. */
export type TPickerResolver = (field: {
  name: string;
  path: TFieldPath;
  schema: TJsonSchema;
  siblings: TFormValue;
  scope: TFormValue;
}) => TPicker | null;
