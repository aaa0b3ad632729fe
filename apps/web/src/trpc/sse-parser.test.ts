import { describe, expect, it } from 'vitest';

import { createSseParser, type TSseEvent } from './sse-parser';

function parse(chunks: string[]) {
  const events: TSseEvent[] = [];
  const retries: number[] = [];
  const parser = createSseParser(
    (e) => events.push(e),
    (ms) => retries.push(ms),
  );
  for (const c of chunks) parser.feed(c);
  parser.end();

  return { events, retries };
}

describe('createSseParser', () => {
  it('parses named events, ids and multi-line data', () => {
    const { events } = parse(['event: connected\ndata: {"a":1}\n\nid: 7\ndata: line1\ndata: line2\n\n']);

    expect(events).toEqual([
      { type: 'connected', data: '{"a":1}', lastEventId: '' },
      { type: 'message', data: 'line1\nline2', lastEventId: '7' },
    ]);
  });

  it('handles chunks split anywhere, including inside a CRLF', () => {
    const { events } = parse(['da', 'ta: he', 'llo\r', '\n\r', '\nevent: ping\r\ndata:\r\n\r\n']);

    expect(events).toEqual([
      { type: 'message', data: 'hello', lastEventId: '' },
      { type: 'ping', data: '', lastEventId: '' },
    ]);
  });

  it('ignores comments and events without data, and reads retry', () => {
    const { events, retries } = parse([': keep-alive\n\nevent: empty\n\nretry: 1500\nretry: soon\ndata: x\n\n']);

    expect(events.map((e) => e.data)).toEqual(['x']);
    expect(retries).toEqual([1500]);
  });

  it('keeps the last event id for later events, and a field without a colon is an empty value', () => {
    const { events } = parse(['id: 1\ndata: a\n\ndata\n\n']);

    expect(events).toEqual([
      { type: 'message', data: 'a', lastEventId: '1' },
      { type: 'message', data: '', lastEventId: '1' },
    ]);
  });

  it('drops an unterminated event at the end of the stream', () => {
    expect(parse(['data: never dispatched']).events).toEqual([]);
  });
});
