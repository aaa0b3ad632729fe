import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

import { safeValidator } from '../../../components/schema-form/safe-validator';

const UI: UiSchema = { 'ui:submitButtonOptions': { norender: true } };

type TSchemaFormProps = { schema: RJSFSchema; uiSchema?: UiSchema; value: unknown; onChange: (value: unknown) => void; idPrefix: string };

/** react-jsonschema-form without its submit button (the page has its own Send), with the CSP-safe validator. */
export function SchemaForm({ schema, uiSchema = UI, value, onChange, idPrefix }: TSchemaFormProps) {
  return (
    <Form
      className="schema-form"
      schema={schema}
      uiSchema={uiSchema}
      formData={value}
      validator={safeValidator}
      idPrefix={idPrefix}
      showErrorList={false}
      noHtml5Validate
      onChange={(e) => onChange(e.formData)}
      tagName="div"
    />
  );
}
