// Small DOM building blocks shared by the views: elements, alerts, confirmation, loading states.

/** Creates an element: h('button', {class: 'x', onclick: f}, 'text', child…). Strings become text nodes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on')) {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key in el && typeof value !== 'string') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : value);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Shows an API (or any) error in the page's live alert region, with the request id when there is one. */
export function showError(error, context) {
  if (error && error.name === 'AbortError') {
    return;
  }
  const region = document.getElementById('alerts');
  const detail = (error.details || []).map((d) => `${d.field}: ${d.problem}`).join('; ');
  const item = h('div', { class: 'alert error', role: 'alert', dataset: { context: context || '' } },
    h('p', {},
      h('strong', {}, context ? `${context}: ` : 'Error: '),
      h('span', { class: 'alert-message' }, error.message || String(error)),
      detail && !String(error.message).includes(detail) ? h('span', {}, ` (${detail})`) : null),
    error.requestId ? h('p', { class: 'request-id' }, 'Request id: ', h('code', {}, error.requestId)) : null,
    h('button', { type: 'button', class: 'link', onclick: () => item.remove(), 'aria-label': 'Dismiss this error' }, 'Dismiss'));
  region.append(item);
  // keep only the latest few so an error loop cannot flood the page
  while (region.children.length > 5) {
    region.firstElementChild.remove();
  }
}

/** Announces a success politely (screen readers) and shows it briefly. */
export function announce(message) {
  const status = document.getElementById('status');
  status.textContent = message;
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => { status.textContent = ''; }, 6000);
}

export function clearErrors(context) {
  const region = document.getElementById('alerts');
  if (context === undefined) {
    region.replaceChildren();
    return;
  }
  // an action that now worked makes its earlier failures stale
  [...region.children].filter((alert) => alert.dataset.context === context).forEach((alert) => alert.remove());
}

/** Asks a yes/no question in the modal <dialog>; resolves true when confirmed. */
export function confirmDialog(title, message, confirmLabel) {
  const dialog = document.getElementById('confirm');
  dialog.querySelector('#confirm-title').textContent = title;
  dialog.querySelector('#confirm-message').textContent = message;
  dialog.querySelector('[value=confirm]').textContent = confirmLabel;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
    dialog.showModal();
    dialog.querySelector('[value=cancel]').focus();
  });
}

/** Runs an action from a button: disables it meanwhile, reports failure in the alert region. */
export async function act(button, context, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    const result = await action();
    clearErrors(context);
    return result;
  } catch (e) {
    showError(e, context);
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

const latestLoad = new WeakMap(); // container → the number of its newest load

/**
 * A section that loads its content: a loading line first, then what render() builds, or the error.
 * When loads of one container overlap, only the newest one's answer is shown (answers can arrive out of order).
 */
export async function load(container, context, fetcher, render) {
  const ticket = (latestLoad.get(container) || 0) + 1;
  latestLoad.set(container, ticket);
  if (!container.hasChildNodes()) {
    fill(container, h('p', { class: 'loading' }, 'Loading…'));
  }
  container.setAttribute('aria-busy', 'true');
  try {
    const data = await fetcher();
    if (latestLoad.get(container) === ticket) {
      fill(container, render(data));
    }
  } catch (e) {
    if (e.name === 'AbortError' || latestLoad.get(container) !== ticket) {
      return;
    }
    fill(container, h('p', { class: 'empty' }, `Could not load ${context}.`));
    showError(e, `Loading ${context}`);
  } finally {
    if (latestLoad.get(container) === ticket) {
      container.removeAttribute('aria-busy');
    }
  }
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

/** Local date and time of an ISO timestamp, with the ISO value kept in a <time> element. */
export function when(iso) {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return h('time', { datetime: iso, title: iso }, date.toLocaleString());
}

/** A labelled form field. */
export function field(label, input) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

export function badge(text, kind) {
  return h('span', { class: `badge ${kind || text}` }, text);
}

/**
 * A table of items: cells(item) gives the contents of each column, the first being the row's header.
 * Cells carry their column name so that on a phone each row can stack as a labelled card.
 */
export function dataTable(caption, columns, items, cells, rowAttrs = () => ({})) {
  return h('div', { class: 'scroll' }, h('table', { class: 'stack' },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, items.map((item) => h('tr', rowAttrs(item), cells(item).map((content, i) => (i === 0
      ? h('th', { scope: 'row' }, content)
      : h('td', { 'data-label': columns[i] }, content))))))));
}
