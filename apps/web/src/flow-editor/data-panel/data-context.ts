import { createContext, useContext } from 'react';

import type { TCompletionData } from '../values/completions';

/** Where a step's data in the panel comes from: the last test run, the operation's response schema, or nothing yet. */
export type TStepSource = 'test run' | 'response schema' | 'not run';

/** The data the selected node can use, for the data panel, completions and missing-path warnings. */
export type TAvailableData = TCompletionData & {
  /** Roots the data speaks for (`payload`, `steps.<id>`): references elsewhere are not warned about. */
  known: ReadonlySet<string>;
  /** Earlier steps in run order, with their labels and where their data came from. */
  steps: readonly { id: string; label: string; source: TStepSource }[];
  /** What the payload is: a logged event, an example from the schema, or none. */
  payloadSource: string | null;
  /** Whether the node sits inside a forEach body (`$item` / `$index` are bound). */
  inLoop: boolean;
};

/** The field the data panel inserts into: the last one focused. */
export type TInsertTarget = { label: string; insert: (path: string) => void };

export type TDataContextValue = {
  available: TAvailableData;
  target: TInsertTarget | null;
  setTarget: (target: TInsertTarget | null) => void;
};

export const DataContext = createContext<TDataContextValue | null>(null);

/** Null outside the editor's side panel (fields then work without data, completions or insertion). */
export function useDataContext(): TDataContextValue | null {
  return useContext(DataContext);
}
