import { describe, expect, it } from 'vitest';

import { GROUP_WINDOW_MS, HISTORY_LIMIT, startHistory, withHistory, type THistory, type THistoryAction } from './history';

type TAction = { set: string } | { append: string };
const reducer = withHistory<string, TAction>((state, action) => ('set' in action ? action.set : state + action.append));

function run(history: THistory<string>, ...actions: THistoryAction<TAction>[]) {
  return actions.reduce(reducer, history);
}
const edit = (append: string, at: number, group?: string): THistoryAction<TAction> => ({
  type: 'do',
  action: { append },
  at,
  ...(group ? { group } : {}),
});

describe('withHistory', () => {
  it('undoes and redoes one step at a time, and a new change drops what could be redone', () => {
    let h = run(startHistory(''), edit('a', 0), edit('b', 10), edit('c', 20));
    expect(h.present).toBe('abc');

    h = run(h, { type: 'undo' }, { type: 'undo' });
    expect([h.present, h.past, h.future]).toEqual(['a', [''], ['ab', 'abc']]);
    h = run(h, { type: 'redo' });
    expect(h.present).toBe('ab');

    h = run(h, edit('x', 30));
    expect([h.present, h.future]).toEqual(['abx', []]);
    expect(run(h, { type: 'redo' })).toBe(h);
  });

  it('leaves the history as it is when there is nothing to undo or redo, or a change changes nothing', () => {
    const h = startHistory('same');
    expect(run(h, { type: 'undo' })).toBe(h);
    expect(run(h, { type: 'redo' })).toBe(h);
    expect(run(h, { type: 'do', action: { append: '' }, at: 0 })).toBe(h);
    expect(run(h, { type: 'do', action: { set: 'same' }, at: 0, group: 'field:1' })).toBe(h);
    expect(run(h, { type: 'do', action: { set: 'other' }, at: 0 }).past).toEqual(['same']);
  });

  it('groups typing in one field into one step, within the window of its last keystroke', () => {
    let h = run(startHistory(''), edit('h', 0, 'field:1'), edit('e', 400, 'field:1'), edit('y', 1_200, 'field:1'));
    expect([h.present, h.past]).toEqual(['hey', ['']]);

    // A pause longer than the window, another field, or an ungrouped change starts a new step.
    h = run(
      h,
      edit('!', 1_200 + GROUP_WINDOW_MS + 1, 'field:1'),
      edit('2', 5_000, 'field:2'),
      edit('3', 5_001, 'field:2'),
      edit('g', 5_002),
    );
    expect(h.past).toEqual(['', 'hey', 'hey!', 'hey!23']);
    expect(run(h, { type: 'undo' }, { type: 'undo' }).present).toBe('hey!');
  });

  it('never continues a group across an undo', () => {
    let h = run(startHistory(''), edit('a', 0, 'field:1'), edit('b', 100, 'field:1'));
    h = run(h, { type: 'undo' }, edit('c', 200, 'field:1'));
    expect([h.present, h.past]).toEqual(['c', ['']]);
    h = run(h, edit('d', 300, 'field:1'));
    expect([h.present, h.past]).toEqual(['cd', ['']]);
  });

  it('replaces the present without a step for changes not recorded (a save), keeping the steps before', () => {
    let h = run(startHistory('v1'), edit('+x', 0));
    h = run(h, { type: 'do', action: { set: 'saved' }, at: 10, record: false });
    expect([h.present, h.past]).toEqual(['saved', ['v1']]);
    expect(run(h, { type: 'undo' }).present).toBe('v1');
  });

  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    let h = startHistory('');
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) h = run(h, edit('.', i * 10_000));
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe('.....');
  });
});
