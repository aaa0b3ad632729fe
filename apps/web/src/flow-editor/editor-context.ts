import { createContext, useContext } from 'react';

import type { TFlowContext } from '@uw/flow-engine';

/** What every expression field in the side panel needs: the context to evaluate against. */
export type TEditorContextValue = { evalContext: TFlowContext; sampleLabel: string | null };

export const EditorContext = createContext<TEditorContextValue | null>(null);

export function useEditorContext(): TEditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditorContext() outside the flow editor');

  return value;
}
