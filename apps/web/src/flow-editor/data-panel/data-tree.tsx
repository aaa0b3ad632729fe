import { useState, type DragEvent } from 'react';

import { previewValue } from '../evaluation';
import { joinPath, keysOf, typeOf, valueAt } from '../values/paths';

/** The drag-and-drop type a dragged field carries (its path). */
export const PATH_MIME = 'application/x-uw-path';

type TTreeProps = {
  /** The path of `value` (`['payload']`, `['steps', 'tag']`). */
  path: readonly string[];
  value: unknown;
  onPick: (path: string) => void;
  depth?: number;
};

function describe(value: unknown): string {
  const type = typeOf(value);
  if (type === 'array') return `array of ${(value as unknown[]).length}`;
  if (type === 'object') return 'object';

  return type;
}

function Row({ path, value, onPick, depth = 0 }: TTreeProps) {
  const keys = keysOf(value);
  const [open, setOpen] = useState(depth < 2);
  const text = joinPath(path);
  const name = path[path.length - 1] ?? '';
  const leaf = keys.length === 0;
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(PATH_MIME, text);
    e.dataTransfer.setData('text/plain', text);
    e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <li role="treeitem" aria-expanded={leaf ? undefined : open} aria-selected={false}>
      <div className="data-row">
        {!leaf && (
          <button
            type="button"
            className="data-toggle"
            aria-label={`${open ? 'Collapse' : 'Expand'} ${text}`}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </button>
        )}
        <button
          type="button"
          className="data-field"
          draggable
          onDragStart={onDragStart}
          onClick={() => onPick(text)}
          aria-label={`Insert ${text}`}
          title={`Insert ${text} (or drag it onto a field)`}
        >
          <span className="data-name">{name}</span> <span className="data-type">{describe(value)}</span>
          {leaf && value !== null && value !== undefined && <span className="data-preview"> {previewValue(value, 40)}</span>}
        </button>
      </div>
      {!leaf && open && (
        <ul role="group">
          {keys.map((k) => (
            <Row key={k} path={[...path, k]} value={valueAt(value, [k])} onPick={onPick} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A value as a tree of its fields with their types; clicking (or dragging) a field hands on its path. */
export function DataTree({ path, value, onPick, label }: Omit<TTreeProps, 'depth'> & { label: string }) {
  if (keysOf(value).length === 0) {
    return (
      <p className="muted small">
        <code>{joinPath(path)}</code> is {value === null || value === undefined ? 'empty' : previewValue(value, 60)}.
      </p>
    );
  }

  return (
    <ul role="tree" aria-label={label} className="data-tree">
      {keysOf(value).map((k) => (
        <Row key={k} path={[...path, k]} value={valueAt(value, [k])} onPick={onPick} />
      ))}
    </ul>
  );
}

/** Props that make an element take a field dragged from the data panel (its path goes to `insert`). */
export function pathDropTarget(insert: (path: string) => void) {
  return {
    onDragOver: (e: DragEvent) => {
      if (e.dataTransfer.types.includes(PATH_MIME)) e.preventDefault();
    },
    onDrop: (e: DragEvent) => {
      const path = e.dataTransfer.getData(PATH_MIME);
      if (!path) return;
      e.preventDefault();
      e.stopPropagation();
      insert(path);
    },
  };
}
