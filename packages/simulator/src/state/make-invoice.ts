import type { TMakeContext } from './make-context';
import { DAY, iso } from './time';
import type { TClient, TInvoice, TTimeEntry, TUser } from './types';
import type { TWorkspace } from './workspace-data';

export function makeInvoice(
  ctx: TMakeContext,
  ws: TWorkspace,
  input: { client: TClient; user: TUser; number: number; entries: TTimeEntry[] },
): TInvoice {
  const quantity = Math.max(1, input.entries.length);
  const unitPrice = ws.hourlyRate.amount;
  const amount = quantity * unitPrice;
  const issued = ctx.now();

  return {
    id: ctx.id(),
    number: `INV-${String(input.number).padStart(4, '0')}`,
    status: 'UNSENT',
    issuedDate: iso(issued),
    dueDate: iso(issued + 30 * DAY),
    subtotal: amount,
    discount: 0,
    tax: 0,
    tax2: 0,
    discountAmount: 0,
    taxAmount: 0,
    tax2Amount: 0,
    amount,
    currency: ws.currency.code,
    subject: `Services for ${input.client.name}`,
    note: '',
    clientId: input.client.id,
    clientName: input.client.name,
    clientAddress: input.client.address,
    userId: input.user.id,
    workspaceId: ws.id,
    items: [
      { order: 1, quantity, description: 'Consulting', unitPrice, amount, itemType: null, timeEntryIds: input.entries.map((e) => e.id) },
    ],
  };
}
