import { useMemo } from 'react';

import type { TOperationSchemas, TOperationValues } from './operation-schemas';
import { defaultPickerFor } from './pickers';
import { SchemaForm } from './schema-form';
import { isFieldset } from './schema-kind';
import type { TFormValue, TJsonSchema, TPickerResolver, TRenderLeaf } from './types';

export type TOperationFormProps = {
  /** From `operationSchemas(op, options)`. */
  schemas: TOperationSchemas;
  /** The operation's path template (`/v1/workspaces/{workspaceId}/projects/{projectId}`): an `{id}` picks its entity. */
  operationPath: string;
  value: TOperationValues;
  onChange: (next: TOperationValues) => void;
  idPrefix?: string;
  renderLeaf?: TRenderLeaf;
  /** Default: by field name (and `{id}` by the path); `null`: no pickers. */
  pickerFor?: TPickerResolver | null;
  showMissing?: boolean;
};

/** Bodies that are not objects with properties (arrays, oneOf…) are one JSON field. */
const wrap = (schema: TJsonSchema, required: boolean): TJsonSchema => ({
  type: 'object',
  properties: { body: { ...schema, title: 'Body (JSON)' } },
  required: required ? ['body'] : [],
});

/** Path parameters, query parameters and the request body of one operation, each in its own labelled group. */
export function OperationForm({
  schemas,
  operationPath,
  value,
  onChange,
  idPrefix = 'op',
  renderLeaf,
  pickerFor,
  showMissing,
}: TOperationFormProps) {
  const pathPickers = useMemo(() => (pickerFor === undefined ? defaultPickerFor(operationPath) : pickerFor), [pickerFor, operationPath]);
  const common = { renderLeaf, showMissing, pickerFor };
  const scope = { ...value.path, ...value.query };
  const body = schemas.body;

  return (
    <div className="operation-form">
      {schemas.path && (
        <fieldset className="sf-group">
          <legend>Path parameters</legend>
          <SchemaForm
            {...common}
            pickerFor={pathPickers}
            schema={schemas.path}
            value={value.path}
            onChange={(path) => onChange({ ...value, path })}
            idPrefix={`${idPrefix}-path`}
            collapseOptional={false}
          />
        </fieldset>
      )}
      {schemas.query && (
        <fieldset className="sf-group">
          <legend>Query parameters</legend>
          <SchemaForm
            {...common}
            schema={schemas.query}
            value={value.query}
            scope={value.path}
            onChange={(query) => onChange({ ...value, query })}
            idPrefix={`${idPrefix}-query`}
          />
        </fieldset>
      )}
      {body && (
        <fieldset className="sf-group">
          <legend>Request body</legend>
          {isFieldset(body) ? (
            <SchemaForm
              {...common}
              schema={body}
              value={value.body as TFormValue | undefined}
              scope={scope}
              onChange={(next) => onChange({ ...value, body: next })}
              idPrefix={`${idPrefix}-body`}
            />
          ) : (
            <SchemaForm
              {...common}
              schema={wrap(body, schemas.bodyRequired)}
              value={value.body === undefined ? {} : { body: value.body }}
              scope={scope}
              onChange={(next) => onChange({ ...value, body: next.body })}
              idPrefix={`${idPrefix}-body`}
              collapseOptional={false}
            />
          )}
        </fieldset>
      )}
    </div>
  );
}
