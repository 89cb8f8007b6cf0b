// Unit tests of the dashboard's DOM-free modules (node --test), run by DashboardBrowserTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEvents } from '../../main/resources/dashboard/sse.js';
import { toColumns, formatValue, rangeSeconds } from '../../main/resources/dashboard/chart-data.js';

/** Feeds chunks through parseEvents as the log view does and collects every event's data. */
function feed(...chunks) {
  const events = [];
  let buffer = '';
  for (const chunk of chunks) {
    const parsed = parseEvents(buffer + chunk);
    events.push(...parsed.events);
    buffer = parsed.rest;
  }
  return { events, rest: buffer };
}

test('events split across chunks come out whole, comments and heartbeats are skipped', () => {
  const { events, rest } = feed(': following\n\n', 'data: {"message":"a"', '}\n\n: heartbeat\n', '\ndata: {"message":"b"}\n\nda');
  assert.deepEqual(events, ['{"message":"a"}', '{"message":"b"}']);
  assert.equal(rest, 'da');
});

test('CRLF line breaks work, also when a chunk ends between CR and LF', () => {
  const { events } = feed('data: one\r', '\n\r\ndata: two\r\n\r', '\n');
  assert.deepEqual(events, ['one', 'two']);
});

test('several data lines of one event are joined with a newline; other fields are ignored', () => {
  assert.deepEqual(feed('id: 7\nevent: line\ndata: first\ndata:second\n\n').events, ['first\nsecond']);
});

test('series with different timestamps share one sorted x axis, gaps are null', () => {
  const columns = toColumns({
    series: [
      { process: 'web', points: [['2026-01-01T00:00:10Z', 2], ['2026-01-01T00:00:00Z', 1]] },
      { process: 'worker', points: [['2026-01-01T00:00:20Z', 5]] },
    ],
  });
  const t0 = Date.parse('2026-01-01T00:00:00Z') / 1000;
  assert.deepEqual(columns, [[t0, t0 + 10, t0 + 20], [1, 2, null], [null, null, 5]]);
});

test('no series gives an empty x axis', () => {
  assert.deepEqual(toColumns({ series: [] }), [[]]);
});

test('values read as people expect them', () => {
  assert.equal(formatValue('bytes', 20 * 1024 * 1024), '20.0 MiB');
  assert.equal(formatValue('bytes', 3 * 1024 ** 3), '3.00 GiB');
  assert.equal(formatValue('percent', 1.234), '1.2 %');
  assert.equal(formatValue('count', 2), '2 count');
  assert.equal(formatValue('percent', null), '—');
});

test('ranges in seconds; an unknown range falls back to an hour', () => {
  assert.equal(rangeSeconds('5m'), 300);
  assert.equal(rangeSeconds('6h'), 21600);
  assert.equal(rangeSeconds('7d'), 604800);
  assert.equal(rangeSeconds('bogus'), 3600);
});
