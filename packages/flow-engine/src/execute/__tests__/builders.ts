import { ZFlowDefinitionSchema, type TFlowDefinition, type TFlowDefinitionInput } from '../../model/flow-definition-schema';

/** Small builders for flow documents in tests (positions do not matter). */
const at = { x: 0, y: 0 };
type TNodeInput = TFlowDefinitionInput['nodes'][number];

export const trigger = (id = 't'): TNodeInput => ({ id, kind: 'trigger', position: at, data: { source: 'custom', sourceId: 's1' } });
export const condition = (id: string, expression: string): TNodeInput => ({ id, kind: 'condition', position: at, data: { expression } });
export const post = (id: string, body?: string, url = `"https://example.com/${id}"`): TNodeInput => ({
  id,
  kind: 'http',
  position: at,
  data: { method: 'POST', url, headers: {}, ...(body === undefined ? {} : { body }) },
});
export const switchOn = (id: string, cases: [string, string][]): TNodeInput => ({
  id,
  kind: 'switch',
  position: at,
  data: { cases: cases.map(([caseId, expression]) => ({ id: caseId, expression })) },
});
export const forEach = (id: string, items: string, maxItems?: number): TNodeInput => ({
  id,
  kind: 'forEach',
  position: at,
  data: { items, ...(maxItems === undefined ? {} : { maxItems }) },
});
export const set = (id: string, values: Record<string, string>): TNodeInput => ({ id, kind: 'set', position: at, data: { values } });
export const wait = (id: string, data: { seconds?: string; until?: string }): TNodeInput => ({ id, kind: 'wait', position: at, data });
export const edge = (source: string, target: string, branch?: string) => ({
  id: `${source}-${target}${branch ? `-${branch}` : ''}`,
  source,
  target,
  ...(branch === undefined ? {} : { branch }),
});

export const flow = (nodes: TNodeInput[], edges: ReturnType<typeof edge>[]): TFlowDefinition =>
  ZFlowDefinitionSchema.parse({ nodes, edges });
