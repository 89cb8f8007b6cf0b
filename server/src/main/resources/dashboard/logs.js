// The live log view. EventSource cannot send an Authorization header, so the stream of
// GET …/logs?follow=true is read with fetch() and its server-sent events are parsed here.
import { api, send, seg } from './api.js';
import { h, fill, field, showError } from './ui.js';
import { parseEvents } from './sse.js';

const MAX_LINES = 500; // older lines leave the view so a chatty app cannot grow the page without bound
const RECONNECT_MS = 2000;

const keyOf = (line) => `${line.ts}|${line.instance}|${line.message}`;

export function logView(base, ctx) {
  const filter = h('select', { name: 'process' }, h('option', { value: '' }, 'All processes'),
    h('option', { value: 'runtime' }, 'runtime (deploys, restarts, crashes)'));
  const pause = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, 'Pause');
  const state = h('span', { class: 'stream-state muted', role: 'status' }, 'Connecting…');
  const lines = h('ol', { class: 'log', id: 'log-lines', tabindex: '0', 'aria-label': 'Log lines, oldest first' });
  let paused = false;
  let held = [];
  let stream = null;

  function render(line) {
    lines.append(h('li', { class: `stream-${line.stream}`, dataset: { process: line.process } },
      h('time', { datetime: line.ts }, line.ts.replace('T', ' ').replace(/\.\d+Z$/, 'Z')), ' ',
      h('span', { class: 'instance' }, line.instance), ' ',
      h('span', { class: 'message' }, line.message)));
    while (lines.children.length > MAX_LINES) {
      lines.firstElementChild.remove();
    }
  }

  function show(batch) {
    if (paused) {
      held.push(...batch);
      state.textContent = `Paused; ${held.length} new line${held.length === 1 ? '' : 's'} held`;
      return;
    }
    const atBottom = lines.scrollTop + lines.clientHeight >= lines.scrollHeight - 4;
    batch.forEach(render);
    if (atBottom) {
      lines.scrollTop = lines.scrollHeight; // follow the tail unless the reader scrolled up
    }
  }

  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
    if (paused) {
      state.textContent = 'Paused';
    } else {
      const batch = held;
      held = [];
      show(batch);
      state.textContent = 'Live';
    }
  });

  async function follow() {
    stream?.abort();
    const controller = new AbortController();
    stream = controller;
    ctx.signal.addEventListener('abort', () => controller.abort(), { once: true });
    const process = filter.value ? `&process=${seg(filter.value)}` : '';
    held = [];
    fill(lines);
    state.textContent = 'Connecting…';
    try {
      // open the stream first and keep what it sends while the recent lines load, so none fall in between
      const response = await send('GET', `${base}/logs?follow=true${process}`, undefined,
        { signal: controller.signal, accept: 'text/event-stream' });
      const early = [];
      let backlogShown = false;
      const reading = read(response, controller.signal, (line) => (backlogShown ? show([line]) : early.push(line)));
      const recent = await api('GET', `${base}/logs?limit=100${process}`, undefined, { signal: controller.signal });
      const seen = new Set(recent.lines.map(keyOf));
      show(recent.lines);
      show(early.filter((line) => !seen.has(keyOf(line))));
      backlogShown = true;
      if (lines.children.length === 0 && !paused) {
        state.textContent = 'Live; no lines yet';
      } else if (!paused) {
        state.textContent = 'Live';
      }
      await reading;
      if (!controller.signal.aborted) {
        state.textContent = 'Stream ended; reconnecting…';
        setTimeout(() => controller.signal.aborted || follow(), RECONNECT_MS);
      }
    } catch (e) {
      if (e.name !== 'AbortError' && !controller.signal.aborted) {
        state.textContent = 'Not connected';
        showError(e, 'Following logs');
      }
    }
  }

  async function read(response, signal, onLine) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    signal.addEventListener('abort', () => reader.cancel().catch(() => {}), { once: true });
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      const parsed = parseEvents(buffer + value);
      buffer = parsed.rest;
      for (const data of parsed.events) {
        try {
          onLine(JSON.parse(data));
        } catch {
          // not a log line (a future event kind): nothing to show
        }
      }
    }
  }

  filter.addEventListener('change', follow);
  follow();

  return {
    element: h('div', { class: 'logs' },
      h('div', { class: 'toolbar' }, field('Process', filter), pause, state), lines),
    /** Offers the app's process types in the filter, keeping the current choice. */
    setProcessTypes(types) {
      const present = new Set([...filter.options].map((o) => o.value));
      for (const type of types) {
        if (!present.has(type)) {
          filter.insertBefore(h('option', { value: type }, type), filter.options[1]);
        }
      }
    },
  };
}
