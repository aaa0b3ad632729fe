import '@xyflow/react/dist/style.css';
import './flow-editor.css';

import { Link } from '@tanstack/react-router';
import { ReactFlowProvider } from '@xyflow/react';
import { useMemo, useRef, useState } from 'react';

import type { TFlowDefinition, TFlowIssue } from '@uw/flow-engine';

import { useIsAdmin, useSession } from '../auth/auth-store';
import { formatDateTime } from '../components/format';
import { useEventTypes } from '../hooks/use-event-types';
import { errorMessage } from '../trpc/errors';
import { Canvas } from './canvas';
import { EditorHeader } from './editor-header';
import { EditorSide } from './editor-side';
import { EditorContext } from './editor-context';
import { buildContext } from './evaluation';
import type { TFlowMeta } from './flow-document';
import { HistoryButtons } from './history-buttons';
import { NodeRunDetails } from './node-run-details';
import { missingBodyFields } from './panels/clockify-values';
import { Palette } from './palette';
import { RunNow } from './run-now';
import { SampleEventPicker, triggerOf, useSampleEvent } from './sample-event';
import { TestRunPanel } from './test-run-panel';
import { UndoToast, useUndoToast } from './undo-toast';
import { countErrors, useFlowIssues } from './use-flow-issues';
import { useCanvasEditing } from './use-canvas-editing';
import { useEditorHistory } from './use-editor-history';
import { UnsavedGuard } from './unsaved-guard';
import { useSaveFlow } from './use-save-flow';
import { useTestRun } from './use-test-run';
import { useUsedOperations } from './use-used-operations';
import { VersionsPanel } from './versions-panel';

const NAME_MISSING: TFlowIssue = { code: 'SCHEMA_INVALID', severity: 'error', field: 'name', message: 'give the flow a name' };

type TFlowEditorProps = {
  flowId: string | null;
  definition: TFlowDefinition;
  meta: TFlowMeta;
  currentVersion?: number;
  startDirty?: boolean;
};

export function FlowEditor({ flowId, definition, meta, currentVersion = 0, startDirty = false }: TFlowEditorProps) {
  const session = useSession();
  const canEdit = useIsAdmin();
  const toast = useUndoToast();
  const history = useEditorHistory({ definition, meta, dirty: startDirty }, { enabled: canEdit, onTravel: toast.hide });
  const { state, dispatch } = history;
  const dirtyRef = useRef(state.dirty);
  dirtyRef.current = state.dirty;
  const { eventTypes } = useEventTypes();
  const eventNames = useMemo(() => (eventTypes.length > 0 ? eventTypes.map((e) => e.name) : undefined), [eventTypes]);
  const operations = useUsedOperations(state.definition);
  // An older version opened from the versions panel: its masked header values are kept from it on save.
  const [baseVersion, setBaseVersion] = useState<number | undefined>(undefined);
  const saver = useSaveFlow({
    flowId,
    onSaved: (d) => {
      setBaseVersion(undefined);
      dirtyRef.current = false;
      dispatch({ type: 'load', definition: d, dirty: false });
    },
  });
  const validated = useFlowIssues(state.definition, { operations, eventTypes: eventNames, server: saver.serverIssues });
  const issues = useMemo(
    () => [...validated, ...missingBodyFields(state.definition.nodes, operations)],
    [validated, state.definition.nodes, operations],
  );
  const sample = useSampleEvent(triggerOf(state.definition.nodes));
  const test = useTestRun();
  // The flow's name is not in the document the validator reads, but a flow without one cannot be saved.
  const problems = useMemo(() => (state.meta.name.trim() ? issues : [...issues, NAME_MISSING]), [issues, state.meta.name]);
  const canvas = useCanvasEditing({ state, dispatch, issues, result: test.result, onDeletedMessage: toast.show });
  const { view } = canvas;
  const evalContext = useMemo(
    () => buildContext(sample.sample, session.workspaceId ?? '', test.steps),
    [sample.sample, session.workspaceId, test.steps],
  );
  const selected = state.definition.nodes.find((n) => n.id === view.selectedId) ?? null;

  const runTest = () =>
    test.run(state.definition, { webhookId: sample.selectedId, payload: sample.sample?.payload }, triggerOf(state.definition.nodes));

  return (
    <EditorContext.Provider
      value={{
        evalContext,
        sampleLabel: sample.isExample
          ? `the example ${sample.sample?.eventType ?? ''}`
          : sample.sample
            ? `${sample.sample.eventType} of ${formatDateTime(sample.sample.receivedAt)}`
            : null,
      }}
    >
      <EditorHeader
        meta={state.meta}
        onMeta={(patch) => dispatch({ type: 'meta', patch })}
        dirty={state.dirty}
        errorCount={countErrors(problems)}
        canEdit={canEdit}
        saving={saver.isPending}
        testing={test.isPending}
        onSave={() => saver.save(state.definition, state.meta, baseVersion)}
        onTest={runTest}
      />
      {!canEdit && <p className="muted">You can look at this flow; only workspace admins can change, test or save it.</p>}
      {saver.error && (
        <p role="alert" className="error-text">
          Not saved: {errorMessage(saver.error)}
        </p>
      )}
      {test.error && (
        <p role="alert" className="error-text">
          Test run failed: {errorMessage(test.error)}
        </p>
      )}
      <div className="editor-toolbar">
        {canEdit && <HistoryButtons canUndo={history.canUndo} canRedo={history.canRedo} onUndo={history.undo} onRedo={history.redo} />}
        {canEdit && (
          <Palette
            onAdd={canvas.addNode}
            hasTrigger={triggerOf(state.definition.nodes) !== null}
            anchorLabel={selected ? (selected.label ?? selected.id) : null}
          />
        )}
        <SampleEventPicker state={sample} />
        {canEdit && flowId && triggerOf(state.definition.nodes)?.source === 'manual' && (
          <RunNow flowId={flowId} dirty={state.dirty} payload={sample.sample?.payload} />
        )}
      </div>
      <div className="editor-body">
        <ReactFlowProvider>
          <Canvas
            nodes={view.nodes}
            edges={view.edges}
            onNodesChange={view.onNodesChange}
            onEdgesChange={view.onEdgesChange}
            onDelete={view.onDelete}
            onConnect={view.onConnect}
            canEdit={canEdit}
            onTidy={canvas.tidy}
            fitRequest={canvas.fitRequest}
            revealId={canvas.revealId}
          />
        </ReactFlowProvider>
        <EditorSide
          nodes={state.definition.nodes}
          issues={problems}
          selected={selected}
          onSelect={view.select}
          dispatch={canvas.sideDispatch}
          edges={state.definition.edges}
          sampleSource={sample.source}
          runDetails={
            selected && (
              <NodeRunDetails
                node={selected}
                definition={state.definition}
                result={test.result}
                run={canvas.runs?.get(selected.id)}
                payload={sample.sample?.payload ?? null}
              />
            )
          }
        />
      </div>
      <UndoToast toast={toast.toast} onUndo={history.undo} onClose={toast.hide} />
      {test.result && <TestRunPanel result={test.result} />}
      {flowId && (
        <>
          <VersionsPanel
            flowId={flowId}
            currentVersion={currentVersion}
            onOpen={(d, v) => {
              setBaseVersion(v);
              dispatch({ type: 'load', definition: d, dirty: true });
            }}
          />
          <p>
            <Link to="/executions" search={{ flowId }}>
              Executions of this flow
            </Link>
          </p>
        </>
      )}
      <UnsavedGuard dirtyRef={dirtyRef} />
    </EditorContext.Provider>
  );
}
