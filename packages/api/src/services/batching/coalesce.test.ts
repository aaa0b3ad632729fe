import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { coalesce } from './coalesce';

describe('coalesce', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('flushes what arrives within the window in one call, once the window has passed', () => {
    const flushed: number[][] = [];
    const add = coalesce<number>({ ms: 5, flush: (items) => flushed.push(items) });
    add(1);
    vi.advanceTimersByTime(3);
    add(2);
    add(3);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(2);
    expect(flushed).toEqual([[1, 2, 3]]);
  });

  it('starts a new window for what arrives after a flush, and stays quiet while nothing does', () => {
    const flushed: string[][] = [];
    const add = coalesce<string>({ ms: 2, flush: (items) => flushed.push(items) });
    add('a');
    vi.advanceTimersByTime(2);
    vi.advanceTimersByTime(50);
    expect(flushed).toEqual([['a']]);
    add('b');
    vi.advanceTimersByTime(1);
    add('c');
    vi.advanceTimersByTime(1);
    expect(flushed).toEqual([['a'], ['b', 'c']]);
  });

  it('without an item type, counts the signals of a window in one flush', () => {
    const flush = vi.fn();
    const signal = coalesce({ ms: 2, flush });
    signal();
    signal();
    signal();
    vi.advanceTimersByTime(2);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(flush.mock.calls[0]![0]).toHaveLength(3);
  });
});
