import jsonata from 'jsonata';

import { BOUNDED_BUILTINS } from './bounded-builtins';

type TNode = Record<string, unknown> & { type?: unknown; value?: unknown };
/**
 * `result`: the value only reaches the result (or is dropped), which the evaluator measures with a walk
 * that stops at its size limit, so a constructor may repeat large values there. `operand`: an operator
 * or a builtin consumes it in one uninterruptible call (`&` turns it into JSON), so it must be at most
 * as large as the input or a string the exit hook caps: no constructor unless it holds literals only.
 */
type TPlace = 'result' | 'operand';
type TWalk = { place: TPlace; scope: ReadonlySet<string> };

const BINARY_OPERATORS = new Set(['+', '-', '*', '/', '%', '=', '!=', '<', '<=', '>', '>=', 'and', 'or', '&', 'in']);
const LITERALS = new Set(['string', 'number', 'value']);
const BASE_KEYS = ['type', 'value', 'position'];

const isNode = (value: unknown): value is TNode => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `node` has no property beyond `keys`: an unknown flag (`stages`, `group`, `predicate`, `focus`…) refuses it. */
function only(node: TNode, keys: readonly string[]): boolean {
  return Object.keys(node).every((key) => BASE_KEYS.includes(key) || keys.includes(key));
}

/** `$` (the input), `$$` (the root) and names bound earlier in an enclosing block. */
function isKnownVariable(node: unknown, scope: ReadonlySet<string>): boolean {
  if (!isNode(node) || node.type !== 'variable' || !only(node, []) || typeof node.value !== 'string') return false;

  return node.value === '' || node.value === '$' || scope.has(node.value);
}

/** Literals, and array/object constructors of literals only: no larger than the expression's text. */
function isLiteral(node: unknown): boolean {
  if (!isNode(node)) return false;
  if (LITERALS.has(node.type as string)) return only(node, []);
  if (node.type !== 'unary') return false;
  if (node.value === '[')
    return only(node, ['expressions', 'consarray']) && Array.isArray(node.expressions) && node.expressions.every(isLiteral);

  return node.value === '{' && only(node, ['lhs']) && pairsOf(node).every((pair) => pair !== undefined && pair.every(isLiteral));
}

function pairsOf(node: TNode): (unknown[] | undefined)[] {
  return Array.isArray(node.lhs) ? node.lhs.map((pair) => (Array.isArray(pair) && pair.length === 2 ? pair : undefined)) : [undefined];
}

/** A step picked by a literal index (`items[0]`): JSONata's fast path for a number predicate. */
function isIndexStage(stage: unknown): boolean {
  return (
    isNode(stage) &&
    stage.type === 'filter' &&
    only(stage, ['expr']) &&
    isNode(stage.expr) &&
    stage.expr.type === 'number' &&
    only(stage.expr, [])
  );
}

/** Field names only (after an optional `$`, `$$` or bound variable), each optionally indexed by a number. */
function isPlainPath(node: TNode, scope: ReadonlySet<string>): boolean {
  if (!only(node, ['steps']) || !Array.isArray(node.steps) || node.steps.length === 0) return false;

  return node.steps.every((step: unknown, index) => {
    if (index === 0 && isKnownVariable(step, scope)) return true;
    if (!isNode(step) || step.type !== 'name' || typeof step.value !== 'string' || !only(step, ['stages'])) return false;

    return step.stages === undefined || (Array.isArray(step.stages) && step.stages.every(isIndexStage));
  });
}

function isBoundedCall(node: TNode, walk: TWalk): boolean {
  const procedure = node.procedure;
  if (!only(node, ['procedure', 'arguments', 'name']) || !isNode(procedure) || procedure.type !== 'variable' || !only(procedure, []))
    return false;
  const name = procedure.value;
  const arity = typeof name === 'string' && !walk.scope.has(name) ? BOUNDED_BUILTINS.get(name) : undefined;
  const args = node.arguments;
  if (!arity || !Array.isArray(args) || args.length < arity[0] || args.length > arity[1]) return false;

  return args.every((arg) => isBounded(arg, { ...walk, place: 'operand' }));
}

function isBoundedConstructor(node: TNode, walk: TWalk): boolean {
  if (walk.place === 'operand') return isLiteral(node);
  if (node.value === '[') {
    return (
      only(node, ['expressions', 'consarray']) && Array.isArray(node.expressions) && node.expressions.every((item) => isBounded(item, walk))
    );
  }

  return (
    only(node, ['lhs']) &&
    pairsOf(node).every((pair) => pair !== undefined && isBounded(pair[0], { ...walk, place: 'operand' }) && isBounded(pair[1], walk))
  );
}

/** `($a := …; $b := …; result)`, as the loop bindings wrap expressions: each bound value an operand. */
function isBoundedBlock(node: TNode, walk: TWalk): boolean {
  if (!only(node, ['expressions']) || !Array.isArray(node.expressions) || node.expressions.length === 0) return false;
  const scope = new Set(walk.scope);
  const last = node.expressions.length - 1;

  return node.expressions.every((statement: unknown, index) => {
    if (!isNode(statement) || statement.type !== 'bind')
      return isBounded(statement, { scope, place: index === last ? walk.place : 'result' });
    const { lhs } = statement;
    if (!only(statement, ['lhs', 'rhs']) || !isNode(lhs) || lhs.type !== 'variable' || !only(lhs, [])) return false;
    const name = lhs.value;
    if (typeof name !== 'string' || name === '' || name === '$' || BOUNDED_BUILTINS.has(name)) return false;
    if (!isBounded(statement.rhs, { scope, place: 'operand' })) return false;
    scope.add(name);

    return true;
  });
}

/**
 * At most this many references to the input (paths and variables) in one bounded expression: with each node
 * run once, no value built on the main thread holds the input more often than that. (Every string built is
 * also checked against the size cap by the exit hook; this keeps the worst case small before that check.)
 */
export const MAX_INPUT_REFERENCES = 16;

/** Paths and variables in the tree (a path counts once; a called function's name is not a reference). */
function countReferences(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, item) => n + countReferences(item), 0);
  if (!isNode(node)) return 0;
  if (node.type === 'path' || node.type === 'variable') return 1;

  return Object.entries(node).reduce((n, [key, value]) => (key === 'procedure' ? n : n + countReferences(value)), 0);
}

function isBounded(node: unknown, walk: TWalk): boolean {
  if (!isNode(node)) return false;
  const operand = { ...walk, place: 'operand' as const };
  switch (node.type) {
    case 'string':
    case 'number':
    case 'value':
      return only(node, []);
    case 'variable':
      return isKnownVariable(node, walk.scope);
    case 'path':
      return isPlainPath(node, walk.scope);
    case 'unary':
      if (node.value === '-') return only(node, ['expression']) && isBounded(node.expression, operand);

      return (node.value === '[' || node.value === '{') && isBoundedConstructor(node, walk);
    case 'binary':
      return (
        BINARY_OPERATORS.has(node.value as string) &&
        only(node, ['lhs', 'rhs']) &&
        isBounded(node.lhs, operand) &&
        isBounded(node.rhs, operand)
      );
    case 'condition':
      return (
        only(node, ['condition', 'then', 'else']) &&
        isBounded(node.condition, operand) &&
        isBounded(node.then, walk) &&
        (node.else === undefined || isBounded(node.else, walk))
      );
    case 'function':
      return isBoundedCall(node, walk);
    case 'block':
      return isBoundedBlock(node, walk);
    default:
      return false;
  }
}

/**
 * Whether a parsed JSONata expression is "bounded": it can only do work linear in the size of its input
 * and cannot loop or build a large value, so it may run on the main thread. Every node is evaluated at
 * most once (no lambdas, no path steps other than field names, no predicates other than a literal
 * index, no sort, group-by or transform), nothing repeats (no ranges), nothing searches by a pattern (no
 * regexes), only the builtins of `BOUNDED_BUILTINS` are called, and the input is referred to at most
 * `MAX_INPUT_REFERENCES` times. Anything not recognised is refused.
 * (Once per node holds for an input that is not an array: over an array, an object constructor runs per
 * item, so `createInlineEvaluator` leaves array inputs to the workers.)
 */
export function isBoundedAst(ast: unknown): boolean {
  return countReferences(ast) <= MAX_INPUT_REFERENCES && isBounded(ast, { place: 'result', scope: new Set() });
}

/** `isBoundedAst` of an expression's text; false when it does not parse. */
export function isBoundedExpression(expression: string): boolean {
  let ast: unknown;
  try {
    ast = jsonata(expression).ast();
  } catch {
    return false;
  }

  return isBoundedAst(ast);
}
