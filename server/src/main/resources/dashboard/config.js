// Config vars: values stay masked (and out of the page) until "Reveal"; add, edit and unset with PATCH.
import { api } from './api.js';
import { h, fill, load, act, empty, field, announce, confirmDialog } from './ui.js';

const MASK = '••••••••';

export function configSection(base, ctx, afterChange) {
  const list = h('div', { id: 'config-vars' });
  const revealed = new Set();
  let vars = {};

  const patch = async (changes, message) => {
    vars = await api('PATCH', `${base}/config`, changes);
    announce(message);
    await afterChange();
  };
  const refresh = () => load(list, 'config vars', () => api('GET', `${base}/config`, undefined, { signal: ctx.signal }), (data) => {
    vars = data;
    return table();
  });

  function table() {
    const keys = Object.keys(vars).sort();
    if (keys.length === 0) {
      return empty('No config vars. Add one below; each change makes a new release.');
    }
    return h('div', { class: 'scroll' }, h('table', { class: 'stack' },
      h('caption', { class: 'sr-only' }, 'Config vars'),
      h('thead', {}, h('tr', {}, ['Key', 'Value', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, keys.map(row))));
  }

  function row(key) {
    const shown = revealed.has(key);
    const valueCell = h('td', { class: 'value', 'data-label': 'Value' }, shown ? h('code', {}, vars[key]) : h('span', { 'aria-label': 'hidden value' }, MASK));
    const reveal = h('button', { type: 'button', class: 'secondary', 'aria-pressed': String(shown),
      'aria-label': `${shown ? 'Hide' : 'Reveal'} ${key}`,
      onclick: () => {
        shown ? revealed.delete(key) : revealed.add(key);
        fill(list, table());
        list.querySelector(`tr[data-key="${CSS.escape(key)}"] button`)?.focus();
      } }, shown ? 'Hide' : 'Reveal');
    const edit = h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ${key}`,
      onclick: () => editRow(tr, key) }, 'Edit');
    const unset = h('button', { type: 'button', class: 'danger', 'aria-label': `Unset ${key}` }, 'Unset');
    unset.addEventListener('click', async () => {
      if (await confirmDialog(`Unset ${key}?`, `${key} is removed and the app restarts with a new release.`, `Unset ${key}`)) {
        await act(unset, `Unset ${key}`, () => patch({ [key]: null }, `Unset ${key}.`));
      }
    });
    const tr = h('tr', { dataset: { key } }, h('th', { scope: 'row' }, h('code', {}, key)), valueCell,
      h('td', { 'data-label': 'Actions' }, h('div', { class: 'row-actions' }, reveal, edit, unset)));
    return tr;
  }

  function editRow(tr, key) {
    const input = h('input', { type: 'text', value: vars[key], autocomplete: 'off' });
    const save = h('button', { type: 'submit' }, 'Save');
    const cancel = h('button', { type: 'button', class: 'secondary', onclick: () => fill(list, table()) }, 'Cancel');
    const form = h('form', {
      class: 'inline',
      onsubmit: (event) => {
        event.preventDefault();
        act(save, `Set ${key}`, () => patch({ [key]: input.value }, `Set ${key}.`));
      },
    }, field(`New value of ${key}`, input), save, cancel);
    fill(tr, h('th', { scope: 'row' }, h('code', {}, key)), h('td', { colspan: 2 }, form));
    input.focus();
  }

  const key = h('input', { type: 'text', name: 'key', required: true, autocomplete: 'off', pattern: '[A-Z_][A-Z0-9_]*',
    title: 'Upper-case letters, digits and underscores, not starting with a digit' });
  const value = h('input', { type: 'text', name: 'value', autocomplete: 'off' });
  const add = h('button', { type: 'submit' }, 'Set config var');
  const form = h('form', {
    class: 'inline',
    onsubmit: (event) => {
      event.preventDefault();
      const k = key.value.trim();
      act(add, `Set ${k}`, async () => {
        await patch({ [k]: value.value }, `Set ${k}.`);
        key.value = '';
        value.value = '';
      });
    },
  }, field('Key', key), field('Value', value), add);

  refresh();
  return { element: h('div', {}, list, form), refresh };
}
