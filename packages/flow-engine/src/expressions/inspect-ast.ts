import { SECRET_FUNCTION } from '../model/secret-refs';
import { ALLOWED_FUNCTIONS } from './allowed-functions';
import type { TRegexEngine } from './regex-engine';

export type TAstProblem = { code: 'UNKNOWN_FUNCTION' | 'UNSUPPORTED_REGEX'; message: string; position: number };

export type TAstNode = { type?: unknown; value?: unknown; position?: unknown; procedure?: TAstNode; lhs?: unknown; arguments?: unknown };

/** The built-ins, and `$secret`, which the engine binds in action fields (`withSecretBindings`, checked by `checkSecrets`). */
const allowed = new Set([...ALLOWED_FUNCTIONS, SECRET_FUNCTION]);
const isNode = (value: unknown): value is TAstNode => typeof value === 'object' && value !== null && !(value instanceof RegExp);

/** Every AST node, depth first, found by walking all object-valued properties (robust to JSONata's node shapes). */
export function collectNodes(root: unknown): TAstNode[] {
  const seen = new Set<object>();
  const nodes: TAstNode[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!isNode(current) || seen.has(current)) {
      continue;
    }
    seen.add(current);
    if (typeof current.type === 'string') {
      nodes.push(current);
    }
    stack.push(...Object.values(current));
  }

  return nodes;
}

/** Variable names the expression defines itself: `$x := …` and lambda parameters. */
function definedNames(nodes: TAstNode[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) {
    const lhs = node.lhs as TAstNode | undefined;
    if (node.type === 'bind' && lhs?.type === 'variable' && typeof lhs.value === 'string') {
      names.add(lhs.value);
    }
    if (node.type === 'lambda' && Array.isArray(node.arguments)) {
      for (const parameter of node.arguments as TAstNode[]) {
        if (typeof parameter.value === 'string') {
          names.add(parameter.value);
        }
      }
    }
  }

  return names;
}

/**
 * Save-time checks on a parsed expression: calls to `$functions` outside the allow-list (and not defined
 * in the expression), and regex literals the configured engine cannot compile (RE2 rejects back-references).
 */
export function inspectAst(ast: unknown, regexEngine: TRegexEngine | undefined): TAstProblem[] {
  const nodes = collectNodes(ast);
  const defined = definedNames(nodes);
  const problems: TAstProblem[] = [];
  for (const node of nodes) {
    const position = typeof node.position === 'number' ? node.position : 0;
    const procedure = node.procedure;
    const isCall = node.type === 'function' || node.type === 'partial';
    if (isCall && procedure?.type === 'variable' && typeof procedure.value === 'string') {
      const name = procedure.value;
      if (!allowed.has(name) && !defined.has(name)) {
        problems.push({ code: 'UNKNOWN_FUNCTION', message: `$${name} is not an available function`, position });
      }
    }
    if (node.type === 'regex' && node.value instanceof RegExp && regexEngine) {
      try {
        new regexEngine(node.value);
      } catch (error) {
        problems.push({
          code: 'UNSUPPORTED_REGEX',
          message: `regular expression ${String(node.value)} is not supported: ${(error as Error).message}`,
          position,
        });
      }
    }
  }

  return problems.sort((a, b) => a.position - b.position);
}
