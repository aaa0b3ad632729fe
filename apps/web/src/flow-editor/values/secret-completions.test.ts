import { describe, expect, it } from 'vitest';

import { completionsAt } from './completions';

describe('$secret completions', () => {
  const labels = (text: string, secrets?: readonly string[]) =>
    completionsAt(text, text.length, { data: {}, stepIds: [], ...(secrets ? { secrets } : {}) })?.options.map((o) => o.label);

  it('offers $secret("name") for each secret of the workspace in an action field', () => {
    expect(labels('"Bearer " & $sec', ['api-key', 'slack.hook'])).toEqual(['$secret("api-key")', '$secret("slack.hook")']);
    expect(labels('$se', ['api-key'])).toContain('$secret("api-key")');
  });

  it('offers none without secret names (other node kinds) or when the prefix does not fit', () => {
    expect(labels('$sec')).toBeUndefined();
    expect(labels('$upp', ['api-key'])).toEqual(['$uppercase()']);
  });
});
