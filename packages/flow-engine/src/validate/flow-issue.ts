import type { TFlowIssueCode } from '../errors';

/**
 * One problem found in a flow. `severity: 'error'` refuses the save; `'warning'` is shown only.
 * `field` is the path inside the node (`data.url`, `data.path.projectId`); `position` is the character
 * offset inside that field's expression, for syntax errors.
 */
export type TFlowIssue = {
  code: TFlowIssueCode;
  message: string;
  severity: 'error' | 'warning';
  nodeId?: string;
  edgeId?: string;
  field?: string;
  position?: number;
};

/** The Clockify operation shape validation needs; `@uw/clockify`'s `Operation` fits it. */
export type TOperationInfo = {
  operationId: string;
  parameters?: readonly { name: string; in: string; required?: boolean }[];
  requestBody?: { required?: boolean } | null;
};
