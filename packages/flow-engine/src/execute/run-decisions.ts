import { SWITCH_DEFAULT_BRANCH, type TFlowConditionNode, type TFlowSetNode, type TFlowSwitchNode } from '../model/node-schemas';
import { toBoolean } from '../expressions/to-boolean';
import { toStepError } from './classify-failure';
import { contextOf, evaluationStop, recall, type TFrame, type TNodeAt, type TRun, type TStop, type TVisit } from './run-state';

/** Evaluates one field; an error stops the run, naming the node, the step key and the field. */
export async function evaluateField(run: TRun, frame: TFrame, at: { nodeId: string; key: string; field: string; expression: string }) {
  try {
    return { value: await run.evaluator.evaluate(at.expression, contextOf(run, frame)) };
  } catch (error) {
    return evaluationStop(run, { ...toStepError(error), field: at.field }, { nodeId: at.nodeId, key: at.key });
  }
}

const isStop = (value: object): value is TStop => 'stop' in value;

export async function runCondition(run: TRun, { node, frame, key }: TNodeAt<TFlowConditionNode>): Promise<TVisit> {
  let result = (await recall(run, key, 'condition'))?.result;
  if (result === undefined) {
    const evaluated = await evaluateField(run, frame, { nodeId: node.id, key, field: 'data.expression', expression: node.data.expression });
    if (isStop(evaluated)) return evaluated;
    result = toBoolean(evaluated.value);
    await run.input.journal.record({ nodeId: node.id, key, kind: 'condition', result });
  }
  const branch = result ? 'true' : 'false';

  return { state: result ? 'passed' : 'blocked', branch, extra: { branch } };
}

/** The first case whose expression is truthy, else `default`. */
export async function runSwitch(run: TRun, { node, frame, key }: TNodeAt<TFlowSwitchNode>): Promise<TVisit> {
  let branch = (await recall(run, key, 'switch'))?.branch;
  if (branch === undefined) {
    branch = SWITCH_DEFAULT_BRANCH;
    for (const [index, entry] of node.data.cases.entries()) {
      const field = `data.cases.${index}.expression`;
      const evaluated = await evaluateField(run, frame, { nodeId: node.id, key, field, expression: entry.expression });
      if (isStop(evaluated)) return evaluated;
      if (toBoolean(evaluated.value)) {
        branch = entry.id;
        break;
      }
    }
    await run.input.journal.record({ nodeId: node.id, key, kind: 'switch', branch });
  }

  return { state: 'switched', branch, extra: { branch } };
}

/** Each value once, against the steps before this node; `steps.<id>.<name>` afterwards. */
export async function runSet(run: TRun, { node, frame, key }: TNodeAt<TFlowSetNode>): Promise<TVisit> {
  let values = (await recall(run, key, 'set'))?.values;
  if (values === undefined) {
    values = {};
    for (const [name, expression] of Object.entries(node.data.values)) {
      const evaluated = await evaluateField(run, frame, { nodeId: node.id, key, field: `data.values.${name}`, expression });
      if (isStop(evaluated)) return evaluated;
      if (evaluated.value !== undefined) values[name] = evaluated.value;
    }
    await run.input.journal.record({ nodeId: node.id, key, kind: 'set', values });
  }
  frame.steps[node.id] = values;

  return { state: 'set' };
}
