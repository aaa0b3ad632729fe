import type { Page } from 'playwright-core';

/** The flow editor's parts, found the way a user (or a screen reader) finds them. */
export function flowEditor(page: Page) {
  const canvas = page.getByRole('application', { name: 'Flow graph' });

  return {
    canvas,
    canvasNode: (id: string) => canvas.getByRole('group', { name: new RegExp(`\\(${id}\\)$|: ${id}$`) }),
    edge: (source: string, target: string) => canvas.getByRole('group', { name: `Edge from ${source} to ${target}` }),
    nodeList: page.getByRole('navigation', { name: 'Nodes' }),
    status: page.locator('.editor-actions').getByRole('status'),
    problems: page.getByRole('region', { name: /^Problems/ }),
    save: page.getByRole('button', { name: 'Save', exact: true }),
    name: page.getByRole('textbox', { name: 'Flow name' }),
    /** What was just deleted, with Undo. */
    toast: page.locator('.undo-toast'),
    /** A JSONata field (CodeMirror) by its label. */
    expression: (label: string) => page.getByRole('textbox', { name: label, exact: true }),
    add: (label: string) => page.getByRole('button', { name: `+ ${label}`, exact: true }).click(),
    /** Selects a node from the accessible node list, by its label and kind ("If (condition)"). */
    select: (name: string) =>
      page
        .getByRole('navigation', { name: 'Nodes' })
        .getByRole('button', { name: new RegExp(`^${name}`) })
        .click(),
  };
}
