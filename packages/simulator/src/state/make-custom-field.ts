import type { MakeContext } from './make-context';
import type { CustomField } from './types';
import type { Workspace } from './workspace-data';

export function makeCustomField(ctx: MakeContext, ws: Workspace, name: string, allowedValues: string[]): CustomField {
  return {
    id: ctx.id(),
    name,
    workspaceId: ws.id,
    type: allowedValues.length > 0 ? 'DROPDOWN_SINGLE' : 'TXT',
    entityType: 'TIMEENTRY',
    status: 'VISIBLE',
    allowedValues,
    description: '',
    placeholder: name,
    required: false,
    onlyAdminCanEdit: false,
    projectDefaultValues: [],
    workspaceDefaultValue: allowedValues[0] ?? '',
  };
}
