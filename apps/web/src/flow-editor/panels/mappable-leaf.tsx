import { useRef, type ReactNode } from 'react';

import type { TLeafField } from '../../components/schema-form';
import { useDataContext } from '../data-panel/data-context';
import { pathDropTarget } from '../data-panel/data-tree';
import { hole, isHole } from '../values/json-template';
import { ExpressionField } from './expression-field';

/** A literal leaf after a path was inserted into it: the path, or the text joined with it. */
function mapped(value: unknown, path: string): string {
  return typeof value === 'string' && value !== '' ? `${JSON.stringify(value)} & ${path}` : path;
}

/**
 * One field of a Clockify action's form: the form's own control (typed, picked from the cache, chosen from an
 * enum) with a switch to an expression; a field picked in the data panel maps it (it becomes that path).
 */
export function MappableLeaf({ field, control }: { field: TLeafField; control: ReactNode }) {
  const data = useDataContext();
  const latest = useRef(field);
  latest.current = field;
  const name = field.pathText;

  if (isHole(field.value)) {
    return (
      <ExpressionField
        label={`${name} (expression)`}
        value={field.value.$expr}
        onChange={(expr) => latest.current.onChange(hole(expr))}
        actions={
          <button
            type="button"
            className="mode-switch"
            onClick={() => latest.current.onChange(undefined)}
            aria-label={`Use a fixed value for ${name}`}
          >
            Fixed
          </button>
        }
      />
    );
  }
  const insert = (path: string) => latest.current.onChange(hole(mapped(latest.current.value, path)));

  return (
    <div className="mappable-leaf" onFocusCapture={() => data?.setTarget({ label: name, insert })} {...pathDropTarget(insert)}>
      {control}
      <button
        type="button"
        className="mode-switch"
        onClick={() => field.onChange(hole(field.value === undefined ? '' : JSON.stringify(field.value)))}
        aria-label={`Use an expression for ${name}`}
      >
        fx
      </button>
    </div>
  );
}
