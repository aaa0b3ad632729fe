import { useCallback, useEffect, useState } from 'react';

import { UNDO_KEYS } from './shortcuts';

export type TUndoToast = { id: number; message: string };

type TNamed = { id: string; label?: string | undefined; kind: string };

let toastCount = 0;

/** "Deleted “When” (trigger)", "Deleted “If” and 2 connections", "Deleted 3 nodes and 4 connections". */
export function deletionMessage(nodes: readonly TNamed[], edgeCount: number): string {
  const named = (n: TNamed) => `“${n.label ?? n.id}”${n.kind === 'trigger' ? ' (the trigger)' : ''}`;
  const what = nodes.length === 0 ? [] : nodes.length === 1 ? [named(nodes[0] as TNamed)] : [`${nodes.length} nodes`];
  if (edgeCount > 0) what.push(`${edgeCount} ${edgeCount === 1 ? 'connection' : 'connections'}`);

  return `Deleted ${what.join(' and ')}`;
}

/** One toast at a time, gone after 10 s (or when closed, or undone). */
export function useUndoToast() {
  const [toast, setToast] = useState<TUndoToast | null>(null);
  const show = useCallback((message: string) => setToast({ id: (toastCount += 1), message }), []);
  const hide = useCallback(() => setToast(null), []);
  useEffect(() => {
    if (!toast) return undefined;
    const timer = setTimeout(() => setToast((t) => (t?.id === toast.id ? null : t)), 10_000);

    return () => clearTimeout(timer);
  }, [toast]);

  return { toast, show, hide };
}

/** What was just deleted, and how to get it back. */
export function UndoToast({ toast, onUndo, onClose }: { toast: TUndoToast | null; onUndo: () => void; onClose: () => void }) {
  if (!toast) return null;

  return (
    <div className="undo-toast" role="status" aria-live="polite">
      <span>
        {toast.message} — Undo ({UNDO_KEYS})
      </span>
      <button type="button" className="button small" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="button small" onClick={onClose} aria-label="Close this message">
        ×
      </button>
    </div>
  );
}
