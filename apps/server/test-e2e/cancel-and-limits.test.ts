import { describe, expect, it } from 'vitest';

import { waitFor } from '../test/utils';
import { screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

const WS = 'e2e00000000000000ca17e17';
const waitingFlow = {
  nodes: [
    { id: 'trigger', kind: 'trigger' as const, position: { x: 0, y: 0 }, data: { source: 'manual' as const } },
    { id: 'pause', kind: 'wait' as const, position: { x: 0, y: 160 }, data: { seconds: '60' } },
  ],
  edges: [{ id: 'e1', source: 'trigger', target: 'pause' }],
};

/** Issue 17 points 2 and 3 in the app: Cancel on a waiting execution, the disable dialog's choice, the editor's limits. */
describe('cancel and limits in the app', () => {
  const e2e = useE2eSuite(WS);
  const parked = async (flowId: string) => {
    const { executionId } = await e2e.app.api.flows.run.mutate({ id: flowId });
    await waitFor(async () => (await e2e.app.api.executions.get.query({ id: executionId })).status === 'waiting', 20_000);

    return executionId;
  };

  it('cancels a waiting execution from its page: the timeline says who cancelled it and when', async () => {
    const { app, page } = e2e;
    const flow = await app.api.flows.create.mutate({ name: 'Wait a minute', enabled: true, definition: waitingFlow });
    const id = await parked(flow.id);
    await app.open(page, `/executions/${id}`);
    await page.getByRole('button', { name: 'Cancel execution' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('It ends now and sends nothing more');
    await dialog.getByRole('button', { name: 'Cancel execution' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('cancelled');
    const facts = await page.locator('dl.facts').textContent();
    expect(facts).toMatch(/Cancelled\s*cancelled by user \S+ · /);
    await expect.poll(() => page.getByRole('list', { name: 'Timeline' }).textContent()).toContain('cancelled by user');
    expect(await page.getByRole('button', { name: 'Cancel execution' }).count()).toBe(0);
    await screenshot(page, 'execution-cancelled');
    expect((await app.api.executions.get.query({ id })).status).toBe('cancelled');
  });

  it('disabling a flow asks whether to cancel its executions; letting them finish keeps the waiting one', async () => {
    const { app, page } = e2e;
    const kept = await app.api.flows.create.mutate({ name: 'Keep waiting', enabled: true, definition: waitingFlow });
    const stopped = await app.api.flows.create.mutate({ name: 'Stop waiting', enabled: true, definition: waitingFlow });
    const keptRun = await parked(kept.id);
    const stoppedRun = await parked(stopped.id);
    await app.open(page, '/flows');

    await page.getByLabel('Enable Keep waiting').click();
    const dialog = page.getByRole('dialog');
    const choice = dialog.getByRole('checkbox', { name: /Cancel its queued, waiting and retrying executions/ });
    expect(await choice.isChecked()).toBe(true);
    await choice.uncheck();
    await expect.poll(() => dialog.textContent()).toContain('run to their end');
    await screenshot(page, 'disable-flow-dialog');
    await dialog.getByRole('button', { name: 'Disable flow' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Keep waiting disabled.');

    await page.getByLabel('Enable Stop waiting').click();
    await dialog.getByRole('button', { name: 'Disable flow' }).click();
    await expect.poll(() => page.getByText('Stop waiting disabled: 1 execution cancelled.').count()).toBe(1);
    expect((await app.api.executions.get.query({ id: keptRun })).status).toBe('waiting');
    const cancelled = await app.api.executions.get.query({ id: stoppedRun });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancel?.reason).toMatch(/^flow disabled by user /);
    await app.api.executions.cancel.mutate({ id: keptRun });
  });

  it('sets a flow’s limits in the editor, refusing a value out of range', async () => {
    const { app, page } = e2e;
    const flow = await app.api.flows.create.mutate({ name: 'Limited', enabled: false, definition: waitingFlow });
    await app.open(page, `/flows/${flow.id}`);
    const form = page.getByRole('form', { name: 'Flow limits' });
    await form.getByLabel('Running at once, at most').fill('0');
    await expect.poll(() => form.textContent()).toContain('a whole number from 1 to 1,000');
    expect(await form.getByRole('button', { name: 'Save limits' }).isDisabled()).toBe(true);
    await form.getByLabel('Running at once, at most').fill('2');
    await form.getByLabel('Starts per minute, at most').fill('30');
    await form.getByRole('button', { name: 'Save limits' }).click();
    await expect.poll(() => form.textContent()).toContain('Limits saved.');
    await screenshot(page, 'flow-limits');
    expect(await app.api.flows.get.query({ id: flow.id })).toMatchObject({ maxConcurrent: 2, maxPerMinute: 30 });
  });
});
