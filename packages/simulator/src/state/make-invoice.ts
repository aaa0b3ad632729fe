import type { MakeContext } from './make-context';
import { DAY, iso } from './time';
import type { Client, Invoice, TimeEntry, User } from './types';
import type { Workspace } from './workspace-data';

export function makeInvoice(
  ctx: MakeContext,
  ws: Workspace,
  input: { client: Client; user: User; number: number; entries: TimeEntry[] },
): Invoice {
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
