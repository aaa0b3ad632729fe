import jsonata from 'jsonata';

import { SECRET_FUNCTION } from '../model/secret-refs';
import { collectNodes, type TAstNode } from './inspect-ast';

/** A use of `$secret` in an expression: `name` is the literal argument, null when it is not one string literal. */
export type TSecretCall = { name: string | null; position: number };

const MENTIONS = /\$secret\b/;

/** Whether the text mentions `$secret` at all (a cheap test before parsing). */
export function mentionsSecret(expression: string): boolean {
  return MENTIONS.test(expression);
}

function literalName(call: TAstNode): string | null {
  const args = call.arguments;
  if (call.type !== 'function' || !Array.isArray(args) || args.length !== 1) return null;
  const [arg] = args as TAstNode[];

  return arg?.type === 'string' && typeof arg.value === 'string' ? arg.value : null;
}

/**
 * Every use of `$secret` in an expression. A call with one string literal gives its name; any other use
 * (a computed name, `$secret` passed as a value, bound or partially applied) gives `name: null`, so a
 * payload can never choose which secret is sent. An expression that does not parse gives none (its
 * syntax error is reported elsewhere).
 */
export function findSecretCalls(expression: string): TSecretCall[] {
  if (!mentionsSecret(expression)) return [];
  let ast: unknown;
  try {
    ast = jsonata(expression).ast();
  } catch {
    return [];
  }
  const nodes = collectNodes(ast);
  const procedures = new Set<unknown>();
  const calls: TSecretCall[] = [];
  for (const node of nodes) {
    const procedure = node.procedure;
    const isCall = node.type === 'function' || node.type === 'partial';
    if (isCall && procedure?.type === 'variable' && procedure.value === SECRET_FUNCTION) {
      procedures.add(procedure);
      calls.push({ name: literalName(node), position: typeof node.position === 'number' ? node.position : 0 });
    }
  }
  for (const node of nodes) {
    if (node.type === 'variable' && node.value === SECRET_FUNCTION && !procedures.has(node)) {
      calls.push({ name: null, position: typeof node.position === 'number' ? node.position : 0 });
    }
  }

  return calls.sort((a, b) => a.position - b.position);
}
