import type { TMakeContext } from './make-context';
import type { TCustomField } from './types';
import type { TWorkspace } from './workspace-data';

export function makeCustomField(ctx: TMakeContext, ws: TWorkspace, spec: { name: string; allowedValues: string[] }): TCustomField {
  const { name, allowedValues } = spec;
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
