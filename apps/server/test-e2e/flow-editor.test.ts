import { describe, expect, it } from 'vitest';

import { screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

const WS = 'e2e0000000000000000f1001';

type TIngestAnswer = { id: string; outcome: string; flows?: number };

describe('flow editor, end to end', () => {
  const e2e = useE2eSuite(WS);

  it('builds a flow from the palette, shows and clears validation errors, test-runs, saves a version, and runs it on a webhook', async () => {
    const { app, page } = e2e;
    const project = app.sim.workspace(WS).data.projects[0]!;
    const timeEntry = (description: string) => ({
      id: `te-${Math.random().toString(16).slice(2)}`,
      workspaceId: WS,
      projectId: project.id,
      billable: true,
      description,
    });
    // A logged event to test against (no flow yet, so nothing runs).
    const sample = await app.sim.sendWebhook(
      { addonUrl: app.server.url, workspaceId: WS, eventType: 'NEW_TIME_ENTRY' },
      { body: timeEntry('sample for the test run') },
    );
    expect((sample.response as TIngestAnswer).outcome).toBe('no_match');

    await app.open(page, '/flows/new');
    await page.getByRole('link', { name: 'Start blank' }).click();
    await page.getByRole('textbox', { name: 'Flow name' }).fill('Billable entries: read the project');

    const canvas = page.getByRole('application', { name: 'Flow graph' });
    const canvasNode = (id: string) => canvas.getByRole('group', { name: new RegExp(`\\(${id}\\)$|: ${id}$`) });
    const nodeList = page.getByRole('navigation', { name: 'Nodes' });
    const status = page.locator('.editor-actions').getByRole('status');
    const save = page.getByRole('button', { name: 'Save', exact: true });

    // Trigger: NEW_TIME_ENTRY.
    await expect.poll(() => canvasNode('trigger').textContent()).toContain('choose at least one event');
    await nodeList.getByRole('button', { name: /^When \(trigger\)/ }).click();
    await page.getByRole('searchbox', { name: 'Filter events' }).fill('NEW_TIME_ENTRY');
    await page.getByRole('checkbox', { name: /^NEW_TIME_ENTRY\b/ }).check();
    await expect.poll(() => canvasNode('trigger').textContent()).toContain('NEW_TIME_ENTRY');
    await expect.poll(() => canvasNode('trigger').getByRole('list').count()).toBe(0);

    // Condition, added after (and connected to) the selected trigger; a bad JSONata expression is flagged on its node.
    await page.getByRole('button', { name: '+ Condition' }).click();
    // (an edge is a vertical line: zero width, so it counts as attached rather than visible)
    await canvas.getByRole('group', { name: 'Edge from trigger to condition_1' }).waitFor({ state: 'attached' });
    // Typed as JSONata on purpose: the rule builder's raw mode.
    await page.getByRole('button', { name: 'Edit as expression' }).click();
    const condition = page.getByRole('textbox', { name: 'Condition', exact: true });
    await condition.fill('payload.billable = ');
    await expect.poll(() => canvasNode('condition_1').getByRole('list').textContent()).toMatch(/expression: .+/);
    await expect(save.isDisabled()).resolves.toBe(true);
    await screenshot(page, 'editor-bad-expression');
    await condition.fill('payload.billable = true');
    await expect.poll(() => canvasNode('condition_1').getByRole('list').count()).toBe(0);
    await expect.poll(() => canvasNode('condition_1').textContent()).toContain('payload.billable = true');

    // Clockify action after the condition: getProject needs projectId, which is not mapped yet.
    await page.getByRole('button', { name: '+ Clockify action' }).click();
    await canvas.getByRole('group', { name: 'Edge from condition_1 to clockify_1' }).waitFor({ state: 'attached' });
    await page.getByRole('searchbox', { name: 'Find an operation' }).fill('project by id');
    await page.getByRole('listbox', { name: 'Operation' }).selectOption('getProject');
    await expect.poll(() => canvasNode('clockify_1').textContent()).toContain('getProject');
    await expect
      .poll(() => canvasNode('clockify_1').getByRole('list').textContent())
      .toContain('getProject needs the path parameter "projectId"');
    await expect.poll(() => status.textContent()).toMatch(/^1 problem to fix/);
    await expect(save.isDisabled()).resolves.toBe(true);
    await screenshot(page, 'editor-missing-parameter');

    // Fix it: map projectId from the payload (its field switched to an expression).
    await page.getByRole('button', { name: 'Use an expression for projectId' }).click();
    await page.getByRole('textbox', { name: 'projectId (expression)', exact: true }).fill('payload.projectId');
    await expect.poll(() => canvasNode('clockify_1').getByRole('list').count()).toBe(0);
    await expect.poll(() => status.textContent()).toMatch(/^No problems found/);

    // Dry run against the logged event: the would-be request, nothing sent to Clockify.
    const clockifyCallsBefore = app.sim.requests.length;
    await page.getByRole('combobox', { name: 'Test event' }).selectOption((sample.response as TIngestAnswer).id);
    await expect.poll(() => page.locator('output').filter({ hasText: project.id }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Test run' }).click();
    const testRun = page.getByRole('region', { name: /^Test run/ });
    await expect.poll(() => testRun.getByRole('heading', { level: 2 }).textContent()).toBe('Test run succeeded');
    const wouldBe = testRun.locator('.would-be-requests > li');
    await expect.poll(() => wouldBe.count()).toBe(1);
    await expect.poll(() => wouldBe.first().textContent()).toContain('clockify_1 · getProject');
    await wouldBe.first().getByRole('button', { name: 'Expand all' }).click();
    await expect.poll(() => wouldBe.first().getByRole('region', { name: 'request of clockify_1' }).textContent()).toContain(project.id);
    expect(app.sim.requests.slice(clockifyCallsBefore).filter((r) => r.operationId === 'getProject')).toEqual([]);
    await screenshot(page, 'editor-test-run');

    // Save: the flow and its version 1 exist, the editor moves to the saved flow's address.
    await expect(save.isEnabled()).resolves.toBe(true);
    await save.click();
    await page.waitForURL(/\/flows\/(?!new)[^/?]+$/);
    const flowId = new URL(page.url()).pathname.split('/').at(-1)!;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/version 1$/);
    await expect.poll(() => page.getByRole('region', { name: 'Versions' }).textContent()).toMatch(/Version 1\s*current/);
    await expect.poll(() => status.textContent()).toBe('No problems found');
    const versions = await app.api.flows.versions.query({ id: flowId });
    expect(versions.map((v) => v.version)).toEqual([1]);
    const saved = versions[0]!.definition;
    expect(saved.nodes.map((n) => n.kind)).toEqual(['trigger', 'condition', 'clockify']);
    expect(saved.edges.map((e) => [e.source, e.target])).toEqual([
      ['trigger', 'condition_1'],
      ['condition_1', 'clockify_1'],
    ]);

    // New flows are saved disabled: enable it from the header (asked first when this editor has not tested it).
    await page.getByRole('button', { name: 'Enable', exact: true }).click();
    const ask = page.getByRole('alertdialog', { name: 'Enable an untested flow' });
    await expect.poll(async () => (await ask.count()) > 0 || (await app.api.flows.get.query({ id: flowId })).enabled).toBe(true);
    if ((await ask.count()) > 0) await ask.getByRole('button', { name: 'Enable anyway' }).click();
    await expect.poll(async () => (await app.api.flows.get.query({ id: flowId })).enabled).toBe(true);

    // A matching webhook runs it; the executions page and the timeline show it succeed.
    const delivered = await app.sim.sendWebhook(
      { addonUrl: app.server.url, workspaceId: WS, eventType: 'NEW_TIME_ENTRY' },
      { body: timeEntry('runs the flow') },
    );
    expect(delivered.response as TIngestAnswer).toMatchObject({ outcome: 'queued', flows: 1 });
    await page.getByRole('link', { name: 'Executions of this flow' }).click();
    await page.waitForURL(/\/executions\?flowId=/);
    const row = page.getByRole('row').filter({ hasText: 'Billable entries: read the project' });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('succeeded');
    await screenshot(page, 'executions-of-the-flow');
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/executions\/[^/?]+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Execution succeeded');
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await expect
      .poll(() => timeline.getByRole('listitem').allTextContents())
      .toEqual([
        expect.stringMatching(/^trigger NEW_TIME_ENTRY/),
        expect.stringMatching(/^passed condition condition_1/),
        expect.stringMatching(/^succeeded clockify clockify_1/),
      ]);
    await screenshot(page, 'execution-timeline-of-the-flow');
    expect(app.sim.requests.filter((r) => r.operationId === 'getProject').map((r) => r.path)).toEqual([
      expect.stringContaining(`/projects/${project.id}`),
    ]);
  });
});
