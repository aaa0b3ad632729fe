import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';

import { screenshot } from './support/browser';
import { flowEditor as editor } from './support/editor';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000f1016';

type TBox = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<TBox> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('no bounding box: the element is not rendered');

  return box;
}

const inside = (inner: TBox, outer: TBox) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

const overlap = (a: TBox, b: TBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function startBlank(page: Page, name: string) {
  await page.getByRole('link', { name: 'Start blank' }).click();
  await editor(page).name.fill(name);
}

describe('flow editor: undo, deletion, placement, tidy and test results on the canvas', () => {
  const e2e = useE2eSuite(WS);

  it('deletes the trigger with Backspace (a toast says so) and brings it back, edges included, with Ctrl+Z; typing is one undo step', async () => {
    const { app, page } = e2e;
    await app.open(page, '/flows/new');
    await startBlank(page, 'Undo the trigger');
    const ui = editor(page);

    await ui.select('When \\(trigger\\)');
    await page.getByRole('searchbox', { name: 'Filter events' }).fill('NEW_TIME_ENTRY');
    await page.getByRole('checkbox', { name: /^NEW_TIME_ENTRY\b/ }).check();
    await ui.add('Condition');
    await ui.edge('trigger', 'condition_1').waitFor({ state: 'attached' });
    await ui.add('Wait');
    await ui.edge('condition_1', 'wait_1').waitFor({ state: 'attached' });
    await expect.poll(() => ui.status.textContent()).toMatch(/^No problems found/);

    // Backspace on the selected trigger: gone with its edge, the toast names it, the header counts the problem.
    await ui.canvasNode('trigger').click();
    await page.keyboard.press('Backspace');
    await expect.poll(() => ui.canvasNode('trigger').count()).toBe(0);
    await expect.poll(() => ui.edge('trigger', 'condition_1').count()).toBe(0);
    await expect.poll(() => ui.toast.textContent()).toMatch(/^Deleted “When” \(the trigger\) and 1 connection — Undo \((Ctrl\+Z|⌘Z)\)/);
    await expect.poll(() => ui.status.textContent()).toMatch(/^\d+ problems? to fix/);
    await screenshot(page, 'editor-trigger-deleted');

    // Ctrl+Z: the trigger, its event and its edge are back; the name is untouched; Save is enabled and nothing is wrong.
    await page.keyboard.press('Control+z');
    await ui.canvasNode('trigger').waitFor();
    await ui.edge('trigger', 'condition_1').waitFor({ state: 'attached' });
    await expect.poll(() => ui.canvasNode('trigger').textContent()).toContain('NEW_TIME_ENTRY');
    await expect.poll(() => ui.toast.count()).toBe(0);
    await expect.poll(() => ui.status.textContent()).toMatch(/^No problems found/);
    await expect(ui.name.inputValue()).resolves.toBe('Undo the trigger');
    await expect(ui.save.isEnabled()).resolves.toBe(true);
    await screenshot(page, 'editor-trigger-restored');

    // A node's form field is in the same history: typing in the wait's seconds is one step, undone with Ctrl+Z there.
    await ui.select('Wait \\(wait\\)');
    const seconds = ui.expression('Seconds');
    await seconds.click();
    await page.keyboard.press('End');
    await page.keyboard.type('00', { delay: 30 });
    await expect.poll(() => ui.canvasNode('wait_1').textContent()).toContain('6000 seconds');
    await page.keyboard.press('Control+z');
    await expect.poll(() => ui.canvasNode('wait_1').textContent()).toContain('60 seconds');
    await expect.poll(() => seconds.textContent()).toBe('60');

    // The side panel's delete says the same, and the toast's Undo button brings the node back with both its edges.
    await ui.select('If \\(condition\\)');
    await page.getByRole('button', { name: 'Delete this node' }).click();
    await expect.poll(() => ui.canvasNode('condition_1').count()).toBe(0);
    await expect.poll(() => ui.toast.textContent()).toMatch(/^Deleted “If” and 2 connections — Undo/);
    await ui.toast.getByRole('button', { name: 'Undo', exact: true }).click();
    await ui.edge('trigger', 'condition_1').waitFor({ state: 'attached' });
    await ui.edge('condition_1', 'wait_1').waitFor({ state: 'attached' });
    await expect.poll(() => ui.toast.count()).toBe(0);

    // Typing in the name is one step: Ctrl+Z in the field takes back the whole burst, Ctrl+Shift+Z redoes it.
    await ui.name.click();
    await ui.name.press('End');
    await ui.name.pressSequentially(' now', { delay: 30 });
    await expect(ui.name.inputValue()).resolves.toBe('Undo the trigger now');
    await ui.name.press('Control+z');
    await expect.poll(() => ui.name.inputValue()).toBe('Undo the trigger');
    await ui.name.press('Control+Shift+z');
    await expect.poll(() => ui.name.inputValue()).toBe('Undo the trigger now');
    // Undo past the first name: the header says what is wrong instead of "No problems found".
    await page.getByRole('button', { name: '↶ Undo' }).click();
    for (let i = 0; i < 10 && (await ui.name.inputValue()) !== ''; i += 1) {
      await page.getByRole('button', { name: '↶ Undo' }).click();
    }
    await expect.poll(() => ui.name.inputValue()).toBe('');
    await expect.poll(() => ui.status.textContent()).toMatch(/problems? to fix/);
    await expect.poll(() => ui.problems.textContent()).toContain('Flow: give the flow a name');
    await expect(ui.save.isDisabled()).resolves.toBe(true);
  });

  it('adds nodes beside the selected one, connected and in view; Tidy lays them out left to right and Fit view frames them all', async () => {
    const { app, page } = e2e;
    await app.open(page, '/flows/new');
    await startBlank(page, 'Placement');
    const ui = editor(page);
    const canvasBox = () => boxOf(ui.canvas);

    // A chain longer than the canvas is wide: every new node lands in view, connected to the one selected before.
    await ui.select('When \\(trigger\\)');
    const chain = ['trigger', 'set_1', 'set_2', 'set_3', 'set_4', 'set_5'];
    for (const [i, id] of chain.slice(1).entries()) {
      await ui.add('Set values');
      await ui.edge(chain[i]!, id).waitFor({ state: 'attached' });
      await expect.poll(async () => inside(await boxOf(ui.canvasNode(id)), await canvasBox())).toBe(true);
    }
    const selected = await boxOf(ui.canvasNode('set_4'));
    const added = await boxOf(ui.canvasNode('set_5'));
    expect(added.x).toBeGreaterThan(selected.x + selected.width);
    await screenshot(page, 'editor-added-in-view');

    // A branch: a condition after set_5, then two nodes on its true and false ways out.
    await ui.add('Condition');
    await ui.add('HTTP action');
    await ui.select('If \\(condition\\)');
    await ui.add('Wait');
    await ui.edge('condition_1', 'wait_1').waitFor({ state: 'attached' });

    // Drag the view away, then Tidy: one column per step, no overlaps, and the whole flow in view.
    await ui.canvas.locator('.react-flow__pane').hover({ position: { x: 20, y: 20 } });
    await page.mouse.down();
    await page.mouse.move(900, 900, { steps: 5 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Tidy' }).click();
    const ids = [...chain, 'condition_1', 'http_1', 'wait_1'];
    await expect
      .poll(async () => {
        const box = await canvasBox();
        const boxes = await Promise.all(ids.map((id) => boxOf(ui.canvasNode(id))));

        return boxes.every((b) => inside(b, box));
      })
      .toBe(true);
    const boxes = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await boxOf(ui.canvasNode(id))] as const)));
    for (const [i, a] of ids.entries())
      for (const b of ids.slice(i + 1)) expect(overlap(boxes[a]!, boxes[b]!), `${a} overlaps ${b}`).toBe(false);
    for (const [source, target] of [
      ...chain.slice(1).map((id, i) => [chain[i]!, id]),
      ['condition_1', 'http_1'],
      ['condition_1', 'wait_1'],
    ]) {
      expect(boxes[source]!.x + boxes[source]!.width, `${source} left of ${target}`).toBeLessThan(boxes[target]!.x);
    }
    // true (http_1) above false (wait_1)
    expect(boxes.http_1!.y).toBeLessThan(boxes.wait_1!.y);
    await screenshot(page, 'editor-tidy');

    // Tidy is a step of the history too; Fit view after panning away frames everything again.
    await ui.canvas.locator('.react-flow__pane').hover({ position: { x: 20, y: 20 } });
    await page.mouse.down();
    await page.mouse.move(1300, 950, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => inside(await boxOf(ui.canvasNode('trigger')), await canvasBox())).toBe(false);
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await expect
      .poll(async () => {
        const box = await canvasBox();
        const all = await Promise.all(ids.map((id) => boxOf(ui.canvasNode(id))));

        return all.every((b) => inside(b, box));
      })
      .toBe(true);
  });

  it('paints each node with its test-run status (per-item counts in a loop) and shows the selected node in the run', async () => {
    const { app, page } = e2e;
    await app.open(page, '/flows/new');
    await startBlank(page, 'Badges');
    const ui = editor(page);

    await ui.select('When \\(trigger\\)');
    await page.getByRole('radio', { name: 'Manual runs only' }).check();
    await ui.add('For each');
    await ui.expression('Items').fill('[1, 2, 3]');
    await ui.add('Condition');
    await page.getByRole('button', { name: 'Edit as expression' }).click();
    await ui.expression('Condition').fill('$item >= 2');
    await ui.add('Set values');
    await page.getByRole('combobox', { name: 'Value name' }).fill('double');
    await page.getByRole('button', { name: 'Add to values' }).click();
    await page.getByRole('button', { name: 'Use an expression for double' }).click();
    await ui.expression('double').fill('$item * 2');
    await ui.edge('condition_1', 'set_1').waitFor({ state: 'attached' });
    await expect.poll(() => ui.status.textContent()).toMatch(/^No problems found/);

    await page.getByRole('button', { name: 'Test run' }).click();
    const badge = (id: string) => ui.canvasNode(id).locator('.flow-node-run');
    await expect.poll(() => badge('trigger').textContent()).toBe('triggered');
    await expect.poll(() => badge('forEach_1').textContent()).toBe('looped 3 items');
    await expect.poll(() => badge('condition_1').textContent()).toBe('blocked ×1 · passed ×2');
    await expect.poll(() => badge('set_1').textContent()).toBe('skipped ×1 · set ×2');
    await screenshot(page, 'editor-test-run-badges');

    // The selected node in that run: its badge, its input (the event) and output.
    await ui.select('When \\(trigger\\)');
    const details = page.getByRole('region', { name: /^In the last test run/ });
    await expect.poll(() => details.textContent()).toMatch(/^In the last test run triggered/);
    await ui.select('For each \\(forEach\\)');
    await expect.poll(() => details.textContent()).toContain('looped 3 items');
    await details.getByRole('region', { name: 'output of forEach_1' }).getByRole('button', { name: 'Expand all' }).click();
    await expect.poll(() => details.getByRole('region', { name: 'output of forEach_1' }).textContent()).toMatch(/count.*3/s);
    await screenshot(page, 'editor-node-in-test-run');

    // A change to the flow marks the badges as from before it (a move does not); the next run paints them afresh.
    await ui.expression('Items').fill('[1, 2]');
    await expect.poll(() => badge('forEach_1').getAttribute('class')).toContain('flow-node-run-stale');
    await expect.poll(() => details.textContent()).toContain('The flow has changed since');
    await page.getByRole('button', { name: 'Test run' }).click();
    await expect.poll(() => badge('forEach_1').textContent()).toBe('looped 2 items');
    await expect.poll(() => badge('forEach_1').getAttribute('class')).not.toContain('flow-node-run-stale');
    await expect.poll(() => badge('condition_1').textContent()).toBe('blocked ×1 · passed ×1');
  });

  it('opens every template left to right: each edge leads rightwards, no node on another, all in view', async () => {
    const { app, page } = e2e;
    await app.open(page, '/flows/new');
    const names = await page.getByRole('link', { name: /^Use template: / }).allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      await app.open(page, '/flows/new');
      await page.getByRole('link', { name, exact: true }).click();
      const ui = editor(page);
      await ui.canvas.locator('.react-flow__node').first().waitFor();
      const edges = await ui.canvas
        .locator('.react-flow__edge')
        .evaluateAll((els) => els.map((e) => /^Edge from (\S+) to (\S+)$/.exec(e.getAttribute('aria-label') ?? '')?.slice(1) ?? []));
      const ids = await ui.canvas.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
      await expect
        .poll(async () => {
          const box = await boxOf(ui.canvas);
          const all = await Promise.all(ids.map((id) => boxOf(ui.canvas.locator(`.react-flow__node[data-id="${id}"]`))));

          return all.every((b) => inside(b, box));
        }, { message: name })
        .toBe(true);
      const boxes = Object.fromEntries(
        await Promise.all(ids.map(async (id) => [id, await boxOf(ui.canvas.locator(`.react-flow__node[data-id="${id}"]`))] as const)),
      );
      for (const [i, a] of ids.entries())
        for (const b of ids.slice(i + 1)) expect(overlap(boxes[a]!, boxes[b]!), `${name}: ${a} on ${b}`).toBe(false);
      for (const [source, target] of edges) {
        expect(boxes[source!]!.x + boxes[source!]!.width, `${name}: ${source} → ${target}`).toBeLessThan(boxes[target!]!.x);
      }
    }
    await screenshot(page, 'editor-template-left-to-right');
  });
});
