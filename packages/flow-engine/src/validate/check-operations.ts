import type { TFlowDefinition } from '../model/flow-definition-schema';
import type { TFlowClockifyNode } from '../model/node-schemas';
import type { TFlowIssue, TOperationInfo } from './flow-issue';

/** Path parameter the engine binds to the execution's workspace when the flow leaves it unmapped. */
export const AUTO_BOUND_PATH_PARAMETERS: readonly string[] = ['workspaceId'];

function checkNode(node: TFlowClockifyNode, operation: TOperationInfo): TFlowIssue[] {
  const issues: TFlowIssue[] = [];
  const parameters = operation.parameters ?? [];
  for (const location of ['path', 'query'] as const) {
    const mapped = node.data[location];
    const declared = parameters.filter((p) => p.in === location);
    for (const parameter of declared) {
      const isRequired = location === 'path' || parameter.required === true;
      const isAutoBound = location === 'path' && AUTO_BOUND_PATH_PARAMETERS.includes(parameter.name);
      if (isRequired && !isAutoBound && mapped[parameter.name] === undefined) {
        const message = `${operation.operationId} needs the ${location} parameter "${parameter.name}"`;
        issues.push({
          code: 'MISSING_PARAMETER',
          severity: 'error',
          nodeId: node.id,
          field: `data.${location}.${parameter.name}`,
          message,
        });
      }
    }
    for (const name of Object.keys(mapped)) {
      if (!declared.some((p) => p.name === name)) {
        const message = `${operation.operationId} has no ${location} parameter "${name}"; it is ignored`;
        issues.push({ code: 'UNKNOWN_PARAMETER', severity: 'warning', nodeId: node.id, field: `data.${location}.${name}`, message });
      }
    }
  }
  if (operation.requestBody?.required === true && node.data.body === undefined) {
    issues.push({
      code: 'MISSING_BODY',
      severity: 'error',
      nodeId: node.id,
      field: 'data.body',
      message: `${operation.operationId} needs a request body`,
    });
  }
  if (!operation.requestBody && node.data.body !== undefined) {
    issues.push({
      code: 'UNKNOWN_PARAMETER',
      severity: 'warning',
      nodeId: node.id,
      field: 'data.body',
      message: `${operation.operationId} takes no request body; it is ignored`,
    });
  }

  return issues;
}

/**
 * Clockify nodes against the OpenAPI catalogue: the operation exists, every required path/query
 * parameter is mapped (except `workspaceId`, bound automatically), a required body is given.
 */
export function checkOperations(definition: TFlowDefinition, operations: readonly TOperationInfo[]): TFlowIssue[] {
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const issues: TFlowIssue[] = [];
  for (const node of definition.nodes) {
    if (node.kind !== 'clockify') {
      continue;
    }
    const operation = byId.get(node.data.operationId);
    if (!operation) {
      const message = `unknown Clockify operation "${node.data.operationId}"`;
      issues.push({ code: 'UNKNOWN_OPERATION', severity: 'error', nodeId: node.id, field: 'data.operationId', message });
      continue;
    }
    issues.push(...checkNode(node, operation));
  }

  return issues;
}
