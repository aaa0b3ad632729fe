import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { waitFor } from '../test/utils';
import { screenshot, SCREENSHOT_DIR } from './support/browser';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000f1601';
const OVERTIME_TAG = '6f76657274696d6574616701';

type TIngestAnswer = { id: string; outcome: string };

/**
 * The goal: "when a time entry is stopped and lasted over 8 hours, add the tag overtime to it and post
 * its description to an HTTP endpoint", built with clicks, pickers, the data panel and typed literals only.
 */
describe('building a flow without JSONata, end to end', () => {
  const posts: { body: string }[] = [];
  let receiver: Server;
  let receiverUrl = '';
  const e2e = useE2eSuite(WS, { env: { UW_HTTP_ALLOWLIST: '127.0.0.2:*', UW_ENABLE_GENERIC_HTTP_ACTIONS: 'true' } });

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        posts.push({ body });
        res.setHeader('content-type', 'application/json');
        res.end('{"ok":true}');
      });
    }).listen(0, '127.0.0.2');
    await new Promise((r) => receiver.once('listening', r));
    receiverUrl = `http://127.0.0.2:${(receiver.address() as AddressInfo).port}/overtime`;
    // The tag to pick, and the cache the pickers read.
    e2e.app.sim.workspace(WS).data.tags.push({ id: OVERTIME_TAG, name: 'overtime', workspaceId: WS, archived: false });
    await e2e.app.api.bootstrap.trigger.mutate({});
    await waitFor(
      async () => ((await e2e.app.api.cache.search.query({ entityType: 'tag', query: 'overtime' })).length > 0 ? true : null),
      30_000,
    );
  });
  afterAll(() => receiver?.close());

  /** A finished time entry of `hours` in the simulator, and the TIMER_STOPPED body Clockify would send for it. */
  function stoppedEntry(hours: number, description: string) {
    const data = e2e.app.sim.workspace(WS).data;
    const base = data.timeEntries[0]!;
    const end = Date.parse('2026-12-01T18:00:00Z');
    const entry = {
      ...base,
      id: `${hours.toString(16).padStart(2, '0')}${Math.random().toString(16).slice(2, 12).padEnd(10, '0')}000000000000`.slice(0, 24),
      description,
      tagIds: [],
      timeInterval: { start: new Date(end - hours * 3_600_000).toISOString(), end: new Date(end).toISOString(), duration: `PT${hours}H` },
    };
    data.timeEntries.unshift(entry);

    return entry;
  }
  /** Opens a blank new flow and sets its trigger to `eventType`, the way each test here starts. */
  async function blankFlowOn(eventType: string) {
    const { app, page } = e2e;
    await app.open(page, '/flows/new');
    await page.getByRole('link', { name: 'Start blank' }).click();
    await page
      .getByRole('navigation', { name: 'Nodes' })
      .getByRole('button', { name: /^When \(trigger\)/ })
      .click();
    await page.getByRole('searchbox', { name: 'Filter events' }).fill(eventType);
    await page.getByRole('checkbox', { name: new RegExp(`^${eventType}\\b`) }).check();
  }
  const send = async (body: unknown) =>
    (await e2e.app.sim.sendWebhook({ addonUrl: e2e.app.server.url, workspaceId: WS, eventType: 'TIMER_STOPPED' }, { body }))
      .response as TIngestAnswer;

  it('builds, tests and enables the overtime flow from pickers and the data panel; the 9-hour entry is tagged and posted, the 2-hour one filtered', async () => {
    const { app, page } = e2e;
    // A logged event of the trigger's type: the data panel's sample (nothing runs yet).
    expect((await send(stoppedEntry(10, 'Release night'))).outcome).toBe('no_match');

    // Trigger: a timer stopped.
    await blankFlowOn('TIMER_STOPPED');
    await page.getByRole('textbox', { name: 'Flow name' }).fill('Overtime: tag and post');
    const settings = page.getByRole('complementary', { name: 'Node settings' });
    const data = page.getByRole('complementary', { name: 'Data the node can use' });
    const pick = (path: string) => data.getByRole('button', { name: `Insert ${path}`, exact: true }).click();

    // Condition: built from a field picked in the data panel, an operator and a number.
    await page.getByRole('button', { name: '+ Condition', exact: true }).click();
    await settings.getByRole('button', { name: 'Add a rule' }).click();
    await settings.getByRole('combobox', { name: 'Field of rule 1' }).focus();
    await expect.poll(() => data.getByRole('status').textContent()).toContain('the field of rule 1');
    await pick('payload.timeInterval.duration');
    await expect.poll(() => settings.getByRole('combobox', { name: 'Field of rule 1' }).inputValue()).toBe('payload.timeInterval.duration');
    await settings.getByRole('combobox', { name: 'Operator of rule 1' }).selectOption({ label: 'is a duration over (hours)' });
    await settings.getByRole('textbox', { name: 'Value of rule 1' }).fill('8');
    await expect.poll(() => settings.locator('output').textContent()).toContain('true');
    await screenshot(page, 'flow-mapping-condition');

    // Clockify action: update the entry, its id and times mapped, the tag picked from the cache.
    await page.getByRole('button', { name: '+ Clockify action', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Find an operation' }).fill('update time entry');
    await page.getByRole('listbox', { name: 'Operation' }).selectOption('updateTimeEntry');
    const form = settings.locator('.operation-form');
    await form.getByLabel('id', { exact: true }).waitFor();
    await form.getByLabel('id', { exact: true }).focus();
    await pick('payload.id');
    await form.getByLabel('start', { exact: true }).focus();
    await pick('payload.timeInterval.start');
    await form.getByText(/^Optional fields/).click();
    for (const [field, path] of [
      ['end', 'payload.timeInterval.end'],
      ['description', 'payload.description'],
      ['projectId', 'payload.projectId'],
    ] as const) {
      await form.getByLabel(field, { exact: true }).focus();
      await pick(path);
    }
    await form.getByRole('button', { name: 'Add tagIds item' }).click();
    await form.getByLabel('tagIds 1', { exact: true }).selectOption({ label: 'overtime' });
    // In the narrow side panel an item's picker gets the panel's width; its name and Remove sit on a line above it.
    const [item, panel, remove] = await Promise.all([
      form.getByLabel('tagIds 1', { exact: true }).boundingBox(),
      form.boundingBox(),
      form.getByRole('button', { name: 'Remove tagIds item 1' }).boundingBox(),
    ]);
    expect(item!.width).toBeGreaterThan(panel!.width * 0.5);
    expect(remove!.y + remove!.height).toBeLessThanOrEqual(item!.y);
    await expect.poll(() => page.locator('.editor-actions').getByRole('status').textContent()).toMatch(/^No problems found/);
    await screenshot(page, 'flow-mapping-clockify-form');

    // HTTP action: a typed URL, a JSON body row mapped from the data panel.
    await page.getByRole('button', { name: '+ HTTP action', exact: true }).click();
    await settings.getByRole('combobox', { name: 'Method' }).selectOption('POST');
    await settings.getByRole('textbox', { name: 'URL', exact: true }).fill(receiverUrl);
    // A new HTTP action forwards the whole payload: replaced by a body built row by row.
    await settings.getByRole('button', { name: 'Remove the body' }).click();
    await settings.getByRole('button', { name: 'Add a JSON body' }).click();
    await settings.getByRole('combobox', { name: 'Body field name' }).fill('description');
    await settings.getByRole('button', { name: 'Add to body' }).click();
    await settings.getByRole('textbox', { name: 'description', exact: true }).focus();
    await pick('payload.description');
    await expect.poll(() => settings.locator('.expression-result').first().textContent()).toContain('Release night');
    await screenshot(page, 'flow-mapping-data-panel');
    // The editor alone (canvas, data panel, settings): the README's picture of the flow editor.
    await page.locator('.editor-body').screenshot({ path: join(SCREENSHOT_DIR, 'flow-mapping-editor.png') });

    // Save (disabled), test, enable.
    await expect.poll(() => page.locator('.editor-actions').getByRole('status').textContent()).toMatch(/^No problems found/);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/flows\/[0-9a-f-]{36}$/);
    const flowId = page.url().split('/').pop()!;
    const saved = await app.api.flows.get.query({ id: flowId });
    expect(saved.enabled).toBe(false);
    const nodes = saved.definition.nodes;
    expect(nodes.find((n) => n.kind === 'condition')?.data).toMatchObject({
      expression: expect.stringContaining('payload.timeInterval.duration'),
    });
    expect(nodes.find((n) => n.kind === 'clockify')?.data).toMatchObject({
      operationId: 'updateTimeEntry',
      path: { id: 'payload.id' },
      body: expect.stringContaining(`"tagIds": ["${OVERTIME_TAG}"]`),
    });
    expect(nodes.find((n) => n.kind === 'http')?.data).toMatchObject({
      url: JSON.stringify(receiverUrl),
      body: '{"description": payload.description}',
    });
    await page.getByRole('button', { name: 'Test run' }).click();
    const testRun = page.getByRole('region', { name: /^Test run/ });
    await expect.poll(() => testRun.getByRole('heading', { level: 2 }).textContent(), { timeout: 30_000 }).toBe('Test run succeeded');
    expect(posts).toEqual([]);
    await page.getByRole('button', { name: 'Enable', exact: true }).click();
    await expect.poll(async () => (await app.api.flows.get.query({ id: flowId })).enabled).toBe(true);

    // The events: the 9-hour entry acts, the 2-hour one is filtered.
    const long = stoppedEntry(9, 'Migration weekend');
    const short = stoppedEntry(2, 'Stand-up');
    const executionOf = async (logId: string) => {
      const id = await waitFor(async () => (await app.api.webhooks.get.query({ id: logId })).executions[0]?.id, 20_000);

      return waitFor(async () => {
        const e = await app.api.executions.get.query({ id });

        return ['succeeded', 'filtered', 'failed'].includes(e.status) ? e : null;
      }, 30_000);
    };
    const [longSent, shortSent] = [await send(long), await send(short)];
    expect([longSent.outcome, shortSent.outcome]).toEqual(['queued', 'queued']);
    const [longRun, shortRun] = [await executionOf(longSent.id), await executionOf(shortSent.id)];
    expect(longRun.status).toBe('succeeded');
    expect(shortRun.status).toBe('filtered');
    const entries = app.sim.workspace(WS).data.timeEntries;
    expect(entries.find((e) => e.id === long.id)?.tagIds).toEqual([OVERTIME_TAG]);
    expect(entries.find((e) => e.id === short.id)?.tagIds).toEqual([]);
    expect(posts.map((p) => JSON.parse(p.body) as unknown)).toEqual([{ description: 'Migration weekend' }]);
  });

  it('completes paths in an expression field from the keyboard and warns about a path the sample lacks', async () => {
    const { page } = e2e;
    await blankFlowOn('TIMER_STOPPED');
    await page.getByRole('button', { name: '+ HTTP action', exact: true }).click();
    await page.getByRole('button', { name: 'Use an expression for URL' }).click();
    const url = page.getByRole('textbox', { name: 'URL', exact: true });
    await url.press('ControlOrMeta+a');
    await url.press('Delete');
    await page.keyboard.type('payload.desc');
    const list = page.getByRole('listbox', { name: 'Completions for URL' });
    await expect.poll(() => list.getByRole('option').allTextContents()).toEqual([expect.stringMatching(/^description\s*string$/)]);
    await page.keyboard.press('Enter');
    await expect.poll(() => url.textContent()).toBe('payload.description');
    await page.keyboard.type(' & payload.timeInterval.');
    await expect.poll(() => list.getByRole('option').count()).toBe(3);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => list.getByRole('option', { selected: true }).textContent()).toMatch(/^end/);
    await page.keyboard.press('Tab');
    await expect.poll(() => url.textContent()).toBe('payload.description & payload.timeInterval.end');
    await page.keyboard.type(' & payload.descriptin.text');
    await expect
      .poll(() => page.getByRole('note').filter({ hasText: 'descriptin' }).textContent())
      .toBe('payload.descriptin: the sample has no “descriptin” in payload (did you mean “description”?)');
    await screenshot(page, 'flow-mapping-completion');
  });

  it('shows an example generated from the schema when no event of the trigger’s type is logged', async () => {
    const { page } = e2e;
    await blankFlowOn('NEW_CLIENT');
    await page.getByRole('button', { name: '+ Condition', exact: true }).click();
    const data = page.getByRole('complementary', { name: 'Data the node can use' });
    await expect.poll(() => data.textContent()).toContain('No NEW_CLIENT logged yet: an example generated from getClient schema');
    await expect.poll(() => data.getByRole('button', { name: 'Insert payload.name', exact: true }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Test event' }).textContent()).toContain('None logged: using an example');
  });
});
