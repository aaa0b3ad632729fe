export type TSseEvent = { type: string; data: string; lastEventId: string };
export type TSseParser = { feed(chunk: string): void; end(): void };

/**
 * An incremental parser for `text/event-stream` (the WHATWG rules: `data`, `event`, `id`, `retry`
 * fields, `:` comments, a blank line dispatches; CRLF, CR or LF line ends, split anywhere across chunks).
 */
export function createSseParser(onEvent: (event: TSseEvent) => void, onRetry?: (ms: number) => void): TSseParser {
  let buffer = '';
  let data: string[] = [];
  let type = '';
  let lastEventId = '';

  const dispatch = () => {
    if (data.length > 0) {
      onEvent({ type: type || 'message', data: data.join('\n'), lastEventId });
    }
    data = [];
    type = '';
  };

  const processLine = (line: string) => {
    if (line === '') {
      dispatch();

      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') type = value;
    else if (field === 'id' && !value.includes('\0')) lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry?.(Number(value));
  };

  return {
    feed(chunk) {
      buffer += chunk;
      const pattern = /\r\n|\r|\n/g;
      let start = 0;
      for (let m = pattern.exec(buffer); m; m = pattern.exec(buffer)) {
        // A CR at the very end may be the first half of a CRLF still in flight.
        if (m[0] === '\r' && m.index === buffer.length - 1) break;
        processLine(buffer.slice(start, m.index));
        start = m.index + m[0].length;
      }
      buffer = buffer.slice(start);
    },
    end() {
      if (buffer !== '' && buffer !== '\r') processLine(buffer);
      buffer = '';
      data = [];
      type = '';
    },
  };
}
