/**
 * The schema form: one form for Clockify operations, shared by the API explorer and the flow editor.
 *
 * Values hold only what the user set: an untouched field is absent (never `false`, `0` or an invented id), so
 * nothing unset is sent. Optional booleans are tri-state (not set / true / false); enums are selects; id fields
 * (`projectId`, `taskId` narrowed to the chosen project, `tagIds`, `users`, `clientId`, `userGroupIds`, a path's
 * `{id}`…) are pickers over the entity cache with a "Type an id" escape; arrays have labelled Add/Remove buttons;
 * optional fields sit in a closed "Optional fields" disclosure. Examples are placeholders only.
 *
 *   const schemas = operationSchemas(op, { omit: ['workspaceId'] });        // path / query / body schemas
 *   <OperationForm schemas={schemas} operationPath={op.path} value={v} onChange={setV}
 *                  renderLeaf={(field, control) => <MySwitch field={field}>{control}</MySwitch>} showMissing />
 *   operationValuesToSend(schemas, v)   // { path, query, body? } with unset values pruned
 *   missingOperationFields(schemas, v)  // ['path.projectId', 'body.name'] = required and not set
 *
 * Lower level: `<SchemaForm schema value onChange idPrefix renderLeaf? pickerFor? scope? showMissing? collapseOptional? />`
 * for any object schema, `missingRequired(schema, value)`, `pruneValue(value)`, `setAt` / `getAt`.
 * `renderLeaf(field, control)` gets each leaf (`{ path, pathText, id, label, schema, kind, required, readOnly, value,
 * onChange, picker, missing }`) and the form's own control; return a replacement or `undefined` to keep the control.
 * Values a leaf holds that are not of its schema's type (e.g. a JSONata expression string in a number field) are
 * kept as given: the caller decides what they mean.
 */
export { OperationForm, type TOperationFormProps } from './operation-form';
export {
  missingOperationFields,
  operationSchemas,
  operationValuesToSend,
  type TOperationSchemas,
  type TOperationShape,
  type TOperationValues,
  type TParameterOptions,
} from './operation-schemas';
export { defaultPickerFor, entityOfIdSegment, entityTypeOfName } from './pickers';
export { SchemaForm, type TSchemaFormProps } from './schema-form';
export { flattenSchema, isFieldset, leafKind, pathText } from './schema-kind';
export type { TFieldPath, TFormValue, TJsonSchema, TLeafField, TLeafKind, TPicker, TPickerResolver, TRenderLeaf } from './types';
export { getAt, isUnset, missingRequired, pruneValue, setAt } from './values';
