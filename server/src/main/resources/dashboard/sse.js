// Server-sent events, parsed by hand: the log stream is read with fetch(), which can send the token.

/** Splits a growing text buffer into complete SSE events; hands back the data of each and the unfinished rest. */
export function parseEvents(buffer) {
  const events = [];
  // a chunk may end between the \r and \n of one line break: keep that \r for the next chunk
  const held = buffer.endsWith('\r') ? '\r' : '';
  const text = buffer.slice(0, buffer.length - held.length).replace(/\r\n?/g, '\n');
  let start = 0;
  let end;
  while ((end = text.indexOf('\n\n', start)) >= 0) {
    const data = text.slice(start, end).split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''));
    if (data.length > 0) {
      events.push(data.join('\n'));
    }
    start = end + 2;
  }
  return { events, rest: text.slice(start) + held };
}
