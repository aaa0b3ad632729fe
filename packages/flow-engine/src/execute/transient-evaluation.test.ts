import { describe, expect, it } from 'vitest';

import { ExpressionError, FlowError } from '../errors';
import { createEvaluator } from '../expressions/create-evaluator';
import type { TEngineEvaluator } from './execution-types';
import { condition, edge, flow, post, trigger } from './__tests__/builders';
import { createContext, createFakeJournal, createFakePorts } from './__tests__/fakes';
import { executeFlow } from './execute-flow';

/** An evaluator that throws `error` for one expression and evaluates the rest normally. */
function failingOn(expression: string, error: Error): TEngineEvaluator {
  const real = createEvaluator();

  return {
    check: (e) => real.check(e),
    evaluate: (e, context) => (e === expression ? Promise.reject(error) : real.evaluate(e, context)),
  };
}

describe('an evaluation that fails for a transient reason', () => {
  const definition = flow(
    [trigger(), condition('c', 'payload.go'), post('send', undefined, '"https://example.test/" & payload.id')],
    [edge('t', 'c'), edge('c', 'send')],
  );
  const run = (evaluator: TEngineEvaluator) =>
    executeFlow({
      definition,
      context: createContext({ go: true, id: 'x' }),
      journal: createFakeJournal().journal,
      ports: createFakePorts().ports,
      evaluator,
    });

  it('a lost sandbox worker in a condition asks for a retry (the caller counts the attempt)', async () => {
    const lost = new FlowError('EXPRESSION_CRASHED', 'the worker died', { kind: 'operational' });
    expect(await run(failingOn('payload.go', lost))).toMatchObject({
      status: 'retry',
      nodeId: 'c',
      error: { code: 'EXPRESSION_CRASHED', kind: 'operational', field: 'data.expression' },
    });
  });

  it('the same in an action field asks for a retry too, and nothing is sent', async () => {
    const lost = new FlowError('EXPRESSION_TIMEOUT', 'stopped by the hard limit', { kind: 'operational' });
    const ports = createFakePorts();
    const outcome = await executeFlow({
      definition,
      context: createContext({ go: true, id: 'x' }),
      journal: createFakeJournal().journal,
      ports: ports.ports,
      evaluator: failingOn('"https://example.test/" & payload.id', lost),
    });
    expect(outcome).toMatchObject({ status: 'retry', error: { code: 'EXPRESSION_TIMEOUT' } });
    expect(ports.http).not.toHaveBeenCalled();
  });

  it('an expression error of the flow itself still fails the run at once', async () => {
    const own = new ExpressionError('EXPRESSION_LIMIT', 'too big');
    expect(await run(failingOn('payload.go', own))).toMatchObject({ status: 'failed', error: { code: 'EXPRESSION_LIMIT', kind: 'user' } });
  });
});
