import type { TFlowDefinition, TFlowIssue } from '@uw/flow-engine';

/** One problem (an error refuses the import) or warning found in an imported document, located by its JSON path. */
export type TDocumentIssue = {
  /** Where in the document: `definition.nodes[2].data.url`. */
  path: string;
  code: string;
  message: string;
  nodeId?: string;
  entityType?: string;
  id?: string;
};

/** `['definition', 'nodes', 2, 'data', 'url']` → `definition.nodes[2].data.url`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) => {
      if (typeof s === 'number' || /^\d+$/.test(String(s))) return `[${String(s)}]`;
      const name = String(s);
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) return `[${JSON.stringify(name)}]`;

      return i === 0 ? name : `.${name}`;
    })
    .join('');
}

/** The path of a node's field inside the document (`field` as `data.cases.0.expression`). */
export function nodeFieldPath(definition: TFlowDefinition, nodeId: string, field?: string): string {
  const index = definition.nodes.findIndex((n) => n.id === nodeId);
  const segments: PropertyKey[] = ['definition', 'nodes', index < 0 ? nodeId : index, ...(field ? field.split('.') : [])];

  return formatPath(segments);
}

/** A validator issue with its document path. */
export function locateFlowIssue(definition: TFlowDefinition, issue: TFlowIssue): TDocumentIssue {
  let path = 'definition';
  if (issue.nodeId !== undefined) path = nodeFieldPath(definition, issue.nodeId, issue.field);
  else if (issue.edgeId !== undefined) {
    path = formatPath([
      'definition',
      'edges',
      Math.max(
        0,
        definition.edges.findIndex((e) => e.id === issue.edgeId),
      ),
    ]);
  }
  const where = issue.nodeId ? ` (node "${issue.nodeId}")` : '';

  return { path, code: issue.code, message: `${issue.message}${where}`, ...(issue.nodeId ? { nodeId: issue.nodeId } : {}) };
}

/** The text of a refused import: the first few problems with their paths. */
export function describeIssues(issues: readonly TDocumentIssue[]): string {
  const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more` : '';

  return `the document has ${issues.length} problem(s): ${shown.join('; ')}${more}`;
}
