import { describe, expect, it } from 'vitest';

import { screenshot } from './support/browser';
import { flowEditor as editor } from './support/editor';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000f1002';

describe('flow editor: branches, loops and the new triggers, end to end', () => {
  const e2e = useE2eSuite(WS);

  it('builds a manual flow with a forEach whose body branches on a condition, saves it, test-runs it (branch per item, counts) and runs it', async () => {
    const { app, page } = e2e;
    await app.open(page, '/flows/new');
    await page.getByRole('link', { name: 'Start blank' }).click();
    await page.getByRole('textbox', { name: 'Flow name' }).fill('Size each item');
    const ui = editor(page);

    // Trigger: manual runs.
    await ui.select('When \\(trigger\\)');
    await page.getByRole('radio', { name: 'Manual runs only' }).check();
    await expect.poll(() => ui.canvasNode('trigger').textContent()).toContain('Manual runs');

    // A forEach after the trigger: without a body edge the validator names it in the problems list.
    await ui.add('For each');
    await ui.canvas.getByRole('group', { name: 'Edge from trigger to forEach_1' }).waitFor({ state: 'attached' });
    await ui.expression('Items').fill('[1, 2, 3]');
    await expect
      .poll(() => ui.problems.textContent())
      .toMatch(/For each “For each” \(forEach_1\): connect the nodes to run per item .*LOOP_WITHOUT_BODY/);
    await expect.poll(() => ui.canvasNode('forEach_1').getByRole('list').textContent()).toContain('body');

    // The condition hangs from the loop's body handle, set_1 from the condition's first free one (true).
    await ui.add('Condition');
    await page.getByRole('button', { name: 'Edit as expression' }).click();
    await ui.expression('Condition').fill('$item >= 2');
    await expect.poll(() => ui.problems.count()).toBe(0);
    const addValue = async (name: string, expression: string) => {
      await page.getByRole('combobox', { name: 'Value name' }).fill(name);
      await page.getByRole('button', { name: 'Add to values' }).click();
      await page.getByRole('button', { name: `Use an expression for ${name}` }).click();
      await ui.expression(name).fill(expression);
    };
    await ui.add('Set values');
    await ui.canvas.getByRole('group', { name: 'Edge from condition_1 to set_1' }).waitFor({ state: 'attached' });
    await addValue('size', '"big"');
    // set_2 added with nothing selected (unconnected), then connected by dragging from the false handle.
    await ui.canvas.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
    await expect.poll(() => page.getByRole('group', { name: 'Add a node' }).textContent()).toMatch(/^Add a node:/);
    await ui.add('Set values');
    await addValue('size', '"small"');
    await ui
      .canvasNode('condition_1')
      .locator('.react-flow__handle[data-handleid="false"]')
      .dragTo(ui.canvasNode('set_2').locator('.react-flow__handle.target'));
    await ui.canvas.getByRole('group', { name: 'Edge from condition_1 to set_2' }).waitFor({ state: 'attached' });
    // After the loop (its done handle): one more value, reading the loop's results.
    await ui.select('For each \\(forEach\\)');
    await ui.add('Set values');
    await addValue('sizes', 'steps.forEach_1.results.*.size');

    // Each edge shows its branch.
    const labels = ui.canvas.locator('.react-flow__edge-textwrapper');
    await expect.poll(async () => (await labels.allTextContents()).sort()).toEqual(['body', 'done', 'false', 'true']);
    await expect.poll(() => ui.status.textContent()).toMatch(/^No problems found/);
    await screenshot(page, 'flow-branches-editor');

    // Test run: per item, the branch the condition took; per node, the counts.
    await page.getByRole('button', { name: 'Test run' }).click();
    const testRun = page.getByRole('region', { name: /^Test run/ });
    // (no action in the flow, and a condition blocked: the run is filtered)
    await expect.poll(() => testRun.getByRole('heading', { level: 2 }).textContent()).toBe('Test run filtered');
    await expect.poll(() => testRun.locator('.trace').first().textContent()).toMatch(/forEach_1 \(forEach\)\s*looped · 3 items/);
    const counts = testRun.getByRole('list', { name: 'Per item counts of forEach_1' });
    await expect
      .poll(() => counts.getByRole('listitem').allTextContents())
      .toEqual(['condition_1: false ×1, true ×2', 'set_1: skipped ×1, set ×2', 'set_2: set ×1, skipped ×2']);
    const items = testRun.getByRole('list', { name: 'Items of forEach_1' }).locator(':scope > li');
    await expect.poll(() => items.count()).toBe(3);
    await expect.poll(() => items.nth(0).textContent()).toMatch(/^Item 0:.*condition_1 \(condition\)\s*blocked → false/);
    await expect.poll(() => items.nth(2).textContent()).toMatch(/^Item 2:.*condition_1 \(condition\)\s*passed → true/);
    await testRun.scrollIntoViewIfNeeded();
    await screenshot(page, 'flow-branches-test-run');

    // Save: the stored document carries the branches.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/\/flows\/(?!new)[^/?]+$/);
    const flowId = new URL(page.url()).pathname.split('/').at(-1)!;
    const [version] = await app.api.flows.versions.query({ id: flowId });
    expect(version!.definition.edges.map((e) => [e.source, e.target, e.branch])).toEqual([
      ['trigger', 'forEach_1', undefined],
      ['forEach_1', 'condition_1', 'body'],
      ['condition_1', 'set_1', 'true'],
      ['condition_1', 'set_2', 'false'],
      ['forEach_1', 'set_3', 'done'],
    ]);

    // Run now (flows.run): the worker runs the saved version; the loop's values come out.
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.getByRole('group', { name: 'Run the saved flow' }).getByRole('link', { name: 'the run' }).click();
    await page.waitForURL(/\/executions\/[^/?]+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Execution filtered');
    const executionId = new URL(page.url()).pathname.split('/').at(-1)!;
    const execution = await app.api.executions.get.query({ id: executionId });
    expect(JSON.stringify(execution)).toContain('"sizes":["small","big","big"]');
    await screenshot(page, 'flow-branches-run');
  });

  it('previews a schedule trigger: the browser’s time zone by default and the next fire times', async () => {
    const { app, page } = e2e;
    await app.open(page, '/flows/new');
    await page.getByRole('link', { name: 'Start blank' }).click();
    const ui = editor(page);
    await ui.select('When \\(trigger\\)');
    await page.getByRole('radio', { name: 'A schedule' }).check();
    const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    await expect.poll(() => page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe(browserZone);
    await page.getByRole('combobox', { name: /^Cron/ }).fill('30 17 * * 1-5');
    await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Asia/Tokyo');
    const next = page.getByLabel('Next runs').getByRole('listitem');
    await expect.poll(() => next.count()).toBe(5);
    for (const text of await next.allTextContents()) expect(text).toMatch(/^(Mon|Tue|Wed|Thu|Fri), .* 17:30 (GMT\+9|JST)$/);
    await expect.poll(() => ui.canvasNode('trigger').textContent()).toContain('Schedule: 30 17 * * 1-5 · Asia/Tokyo');
    await screenshot(page, 'flow-schedule-next-runs');

    // A cron that never fires: the validator's message on the node and in the problems list.
    await page.getByRole('combobox', { name: /^Cron/ }).fill('0 0 31 2 *');
    await expect
      .poll(() => ui.problems.textContent())
      .toMatch(/Trigger “When” \(trigger\): the cron "0 0 31 2 \*" never fires.*CRON_NEVER_FIRES/);
    await expect.poll(() => ui.canvasNode('trigger').getByRole('list').textContent()).toContain('never fires');
    await screenshot(page, 'flow-schedule-trigger');
  });

  it('edits a switch (rename, add, reorder, remove cases) with a handle per case, and a wait until a time', async () => {
    const { app, page } = e2e;
    await app.open(page, '/flows/new');
    await page.getByRole('link', { name: 'Start blank' }).click();
    // (a flow without a name is a problem the header counts)
    await page.getByRole('textbox', { name: 'Flow name' }).fill('Switch and wait');
    const ui = editor(page);
    await ui.select('When \\(trigger\\)');
    await page.getByRole('radio', { name: 'Manual runs only' }).check();
    await ui.add('Switch');
    const outputs = () => ui.canvasNode('switch_1').locator('.flow-node-output').allTextContents();
    await expect.poll(outputs).toEqual(['case_1', 'default']);

    // Rename the first case and label it; the node added after the switch hangs from it and the edge shows the label.
    await page.getByRole('textbox', { name: 'Case id' }).fill('big');
    await page.getByRole('textbox', { name: 'Label', exact: true }).last().fill('Over two');
    await ui.expression('When (Over two)').fill('$count(payload) > 2');
    await page.getByRole('button', { name: 'Add a case' }).click();
    await expect.poll(outputs).toEqual(['Over two', 'case_2', 'default']);
    await ui.add('Set values');
    await expect.poll(() => ui.canvas.locator('.react-flow__edge-textwrapper').allTextContents()).toEqual(['Over two']);
    await ui.select('Switch');
    await page.getByRole('button', { name: 'Move case_2 up' }).click();
    await expect.poll(outputs).toEqual(['case_2', 'Over two', 'default']);
    await page.getByRole('button', { name: 'Remove case_2' }).click();
    await expect.poll(outputs).toEqual(['Over two', 'default']);

    // A wait after the set node, until a time: the seconds field gives way to until.
    await ui.select('Set values');
    await ui.add('Wait');
    await page.getByRole('radio', { name: 'until a time' }).check();
    await expect.poll(() => page.getByRole('textbox', { name: 'Seconds', exact: true }).count()).toBe(0);
    await ui.expression('Until').fill('"2030-01-01T09:00:00Z"');
    await expect.poll(() => ui.canvasNode('wait_1').textContent()).toContain('until "2030-01-01T09:00:00Z"');
    await page.getByRole('combobox', { name: 'Value name' }).waitFor({ state: 'detached' });
    await ui.select('Set values');
    await page.getByRole('combobox', { name: 'Value name' }).fill('n');
    await page.getByRole('button', { name: 'Add to values' }).click();
    await expect.poll(() => ui.status.textContent()).toMatch(/^No problems found/);
    await screenshot(page, 'flow-switch-and-wait');

    // The dry run takes the default branch (the sample payload is null) and does not wait; no action: filtered.
    await page.getByRole('button', { name: 'Test run' }).click();
    const testRun = page.getByRole('region', { name: /^Test run/ });
    await expect.poll(() => testRun.getByRole('heading', { level: 2 }).textContent()).toBe('Test run filtered');
    await expect.poll(() => testRun.locator('.trace').first().textContent()).toMatch(/switch_1 \(switch\)\s*switched → default/);
    await expect.poll(() => testRun.locator('.trace').first().textContent()).toMatch(/set_1 \(set\)\s*skipped/);
  });
});
