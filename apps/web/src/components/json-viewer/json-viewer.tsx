import { useMemo, useState, type KeyboardEvent } from 'react';

import { CopyButton } from '../copy-button';
import {
  allContainerPaths,
  childEntries,
  expandedToDepth,
  isContainer,
  kindOf,
  pathToString,
  summarize,
  togglePath,
  type TJsonPath,
} from './json-tree';

const PAGE = 100;

type TNodeProps = {
  name: string | number | null;
  value: unknown;
  path: TJsonPath;
  expanded: ReadonlySet<string>;
  onToggle: (path: string, open?: boolean) => void;
};

function Primitive({ value }: { value: unknown }) {
  return <span className={`json-${kindOf(value)}`}>{summarize(value)}</span>;
}

function KeyLabel({ name }: { name: string | number | null }) {
  if (name === null) return null;

  return <span className="json-key">{typeof name === 'number' ? name : JSON.stringify(name)}: </span>;
}

function JsonNode({ name, value, path, expanded, onToggle }: TNodeProps) {
  const [shown, setShown] = useState(PAGE);
  const id = pathToString(path);
  if (!isContainer(value)) {
    return (
      <li className="json-leaf">
        <KeyLabel name={name} />
        <Primitive value={value} />
      </li>
    );
  }
  const open = expanded.has(id);
  const children = childEntries(value);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      onToggle(id, e.key === 'ArrowRight');
    }
  };

  return (
    <li className="json-branch">
      <button type="button" className="json-toggle" aria-expanded={open} onClick={() => onToggle(id)} onKeyDown={onKeyDown} title={id}>
        <span aria-hidden="true" className="json-caret">
          {open ? '▾' : '▸'}
        </span>
        <KeyLabel name={name} />
        <span className="json-summary">{summarize(value)}</span>
      </button>
      {open && children.length > 0 && (
        <ul className="json-children">
          {children.slice(0, shown).map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} path={[...path, key]} expanded={expanded} onToggle={onToggle} />
          ))}
          {children.length > shown && (
            <li>
              <button type="button" className="link-button" onClick={() => setShown((n) => n + PAGE)}>
                Show {Math.min(PAGE, children.length - shown)} more of {children.length - shown}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

type TJsonViewerProps = { value: unknown; label: string; initialDepth?: number };

/** A collapsible, keyboard-usable JSON tree: every object/array is a button (Enter/Space toggle, ←/→ collapse/expand). */
export function JsonViewer({ value, label, initialDepth = 2 }: TJsonViewerProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => expandedToDepth(value, initialDepth));
  const text = useMemo(() => JSON.stringify(value, null, 2) ?? 'undefined', [value]);
  const onToggle = (path: string, open?: boolean) => {
    setExpanded((prev) => (open === undefined || prev.has(path) !== open ? togglePath(prev, path) : prev));
  };

  return (
    <section className="json-viewer" aria-label={label}>
      <div className="json-toolbar">
        {isContainer(value) && (
          <>
            <button type="button" className="button small" onClick={() => setExpanded(allContainerPaths(value))}>
              Expand all
            </button>
            <button type="button" className="button small" onClick={() => setExpanded(new Set())}>
              Collapse all
            </button>
          </>
        )}
        <CopyButton text={text} label={`Copy ${label}`} />
      </div>
      <ul className="json-root">
        <JsonNode name={null} value={value} path={[]} expanded={expanded} onToggle={onToggle} />
      </ul>
    </section>
  );
}
