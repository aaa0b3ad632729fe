import { useMemo, useState, type ReactNode } from 'react';

import './schema-form.css';
import { LeafControl } from './leaf-control';
import { defaultPickerFor } from './pickers';
import { flattenSchema, isFieldset, itemSchemaOf, leafKind, pathText } from './schema-kind';
import type { TFieldPath, TFormValue, TJsonSchema, TLeafField, TPickerResolver, TRenderLeaf } from './types';
import { emptyValueOf, getAt, missingRequired, removeAt, setAt } from './values';

export type TSchemaFormProps = {
  /** An object schema: its properties are the fields. */
  schema: TJsonSchema;
  /** Only what the user set; unset fields are absent. */
  value: TFormValue | undefined;
  onChange: (next: TFormValue) => void;
  /** Prefix of the controls' HTML ids (unique on the page). */
  idPrefix: string;
  /** Wraps or replaces each leaf's control (the flow editor's literal / picked / mapped switch). */
  renderLeaf?: TRenderLeaf;
  /** Which leaves are entity pickers; default: by field name (`projectId`, `tagIds`, `users`…); `null`: none. */
  pickerFor?: TPickerResolver | null;
  /** Values outside this form that pickers look at (a path's `projectId` narrows a body's `taskId`). */
  scope?: TFormValue;
  /** Mark required fields that are not set (after a Send or Save was refused). */
  showMissing?: boolean;
  /** Optional fields sit in a closed "Optional fields" disclosure (open when one is set). Default true. */
  collapseOptional?: boolean;
};

type TCtx = Omit<TSchemaFormProps, 'schema' | 'value' | 'onChange' | 'pickerFor'> & {
  root: TFormValue;
  /** Paths (`pathText`) of required fields not set where they count (see `missingRequired`). */
  missing: ReadonlySet<string>;
  pickerFor: TPickerResolver | null;
  set: (path: TFieldPath, v: unknown) => void;
  remove: (path: TFieldPath, index: number) => void;
};

/** What a field takes, under its name: `integer`, `string (date-time)`, `one of 2`, `project id`. */
function typeHint(schema: TJsonSchema, picker: TLeafField['picker']): string {
  if (picker) return `${picker.entityType.replace(/_/g, ' ')} id`;
  if (schema.enum) return `one of ${schema.enum.length}`;
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'JSON');

  return schema.format ? `${type} (${schema.format})` : type;
}

const htmlId = (prefix: string, path: TFieldPath) => `${prefix}-${path.join('-')}`.replace(/[^A-Za-z0-9_-]/g, '_');

type TNodeProps = { ctx: TCtx; path: TFieldPath; schema: TJsonSchema; label: string; required: boolean; isItem?: boolean };

function Leaf({ ctx, path, schema, label, required, isItem }: TNodeProps) {
  const value = getAt(ctx.root, path);
  const parentPath = path.slice(0, typeof path[path.length - 1] === 'number' ? -2 : -1);
  const siblings = (getAt(ctx.root, parentPath) ?? {}) as TFormValue;
  const name = String(path.filter((p) => typeof p === 'string').pop() ?? '');
  const field: TLeafField = {
    path,
    pathText: pathText(path),
    id: htmlId(ctx.idPrefix, path),
    label,
    schema,
    kind: leafKind(schema),
    required,
    readOnly: schema.readOnly === true,
    value,
    onChange: (v) => ctx.set(path, v),
    picker: ctx.pickerFor?.({ name, path, schema, siblings, scope: { ...ctx.scope, ...ctx.root } }) ?? null,
    missing: ctx.missing.has(pathText(path)),
  };
  const control = <LeafControl field={field} />;

  return (
    <div className={isItem ? 'sf-field sf-item-field' : 'sf-field'}>
      <div className={isItem ? 'sf-name visually-hidden' : 'sf-name'}>
        <label htmlFor={field.id}>{label}</label>
        {required && (
          <span className="sf-required" title="required" aria-hidden="true">
            *
          </span>
        )}
        <span className="sf-type">{typeHint(schema, field.picker)}</span>
      </div>
      {ctx.renderLeaf?.(field, control) ?? control}
      {schema.description && <span className="sf-help muted small">{schema.description}</span>}
      {field.missing && <span className="error-text small">Required</span>}
    </div>
  );
}

function ArrayField({
  ctx,
  path,
  schema,
  items,
  label,
}: {
  ctx: TCtx;
  path: TFieldPath;
  schema: TJsonSchema;
  items: TJsonSchema;
  label: string;
}) {
  const list = getAt(ctx.root, path);
  const values = Array.isArray(list) ? list : [];
  const full = schema.maxItems !== undefined && values.length >= schema.maxItems;

  return (
    <fieldset className="sf-array">
      <legend>{label}</legend>
      {schema.description && <p className="sf-help muted small">{schema.description}</p>}
      {values.length === 0 && <p className="muted small">No items: not sent.</p>}
      <ol className="sf-items">
        {values.map((_, i) => (
          <li key={i}>
            <span className="sf-item-caption" aria-hidden="true">
              {label} {i + 1}
            </span>
            <Node ctx={ctx} path={[...path, i]} schema={items} label={`${label} ${i + 1}`} required={false} isItem />
            <button type="button" className="button small" aria-label={`Remove ${label} item ${i + 1}`} onClick={() => ctx.remove(path, i)}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button small"
        disabled={full}
        onClick={() => ctx.set([...path, values.length], emptyValueOf(items) ?? '')}
      >
        Add {label} item
      </button>
    </fieldset>
  );
}

function Node(props: TNodeProps) {
  const s = flattenSchema(props.schema);
  if (isFieldset(s)) {
    return (
      <fieldset className="sf-object">
        <legend>
          {props.label}
          {props.required && (
            <span className="sf-required" title="required" aria-hidden="true">
              *
            </span>
          )}
        </legend>
        {s.description && <p className="sf-help muted small">{s.description}</p>}
        <Fields ctx={props.ctx} path={props.path} schema={s} />
      </fieldset>
    );
  }
  const items = itemSchemaOf(s);
  if (items) return <ArrayField ctx={props.ctx} path={props.path} schema={s} items={items} label={props.label} />;

  return <Leaf {...props} schema={s} />;
}

function Fields({ ctx, path, schema }: { ctx: TCtx; path: TFieldPath; schema: TJsonSchema }) {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {});
  const render = ([name, sub]: [string, TJsonSchema]) => (
    <Node key={name} ctx={ctx} path={[...path, name]} schema={sub} label={sub.title ?? name} required={required.has(name)} />
  );
  const mandatory = entries.filter(([name]) => required.has(name));
  const optional = entries.filter(([name]) => !required.has(name));
  const anySet = optional.some(([name]) => getAt(ctx.root, [...path, name]) !== undefined);
  if (ctx.collapseOptional === false || optional.length === 0) return <>{entries.map(render)}</>;

  return (
    <>
      {mandatory.map(render)}
      <OptionalGroup count={optional.length} anySet={anySet}>
        {optional.map(render)}
      </OptionalGroup>
    </>
  );
}

/** Optional fields behind a disclosure; it opens by itself when one of them gets a value (history, a loaded flow). */
function OptionalGroup({ count, anySet, children }: { count: number; anySet: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(anySet);
  if (anySet && !open) setOpen(true);

  return (
    <details className="sf-optional" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Optional fields ({count}){anySet ? '' : ': none set, none sent'}
      </summary>
      {open && children}
    </details>
  );
}

/** A form for an object schema whose value holds only what the user set (see index.ts). */
export function SchemaForm({ schema, value, onChange, pickerFor, ...rest }: TSchemaFormProps): ReactNode {
  const root = useMemo(() => value ?? {}, [value]);
  const resolver = useMemo(() => (pickerFor === undefined ? defaultPickerFor() : pickerFor), [pickerFor]);
  const missing = useMemo(() => new Set(rest.showMissing ? missingRequired(schema, root) : []), [rest.showMissing, schema, root]);
  const ctx: TCtx = {
    missing,
    ...rest,
    root,
    pickerFor: resolver,
    set: (path, v) => onChange(setAt(root, path, v) as TFormValue),
    remove: (path, index) => onChange(removeAt(root, path, index) as TFormValue),
  };

  return (
    <div className="schema-form">
      <Fields ctx={ctx} path={[]} schema={flattenSchema(schema)} />
    </div>
  );
}
