// The tenant's apps: create, list with the current release, delete (confirmed) and restore.
import { api, seg } from './api.js';
import { h, load, act, empty, when, field, badge, announce, confirmDialog, dataTable } from './ui.js';

/** Every page of a list endpoint, following next_cursor. */
export async function allItems(path, signal) {
  const items = [];
  let cursor = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await api('GET', `${path}${sep}limit=200${cursor ? `&cursor=${seg(cursor)}` : ''}`, undefined, { signal });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

/** "v3 succeeded" for an app's current release, or a note that nothing is deployed. */
export function releaseSummary(app) {
  const release = app.current_release;
  if (!release) {
    return h('span', { class: 'muted' }, 'not deployed');
  }
  return h('span', {}, `v${release.version} `, badge(release.status));
}

export function appsView(ctx) {
  const live = h('div', { id: 'apps-list' });
  const deleted = h('div', { id: 'deleted-apps' });
  const refresh = () => Promise.all([
    load(live, 'apps', () => allItems('/v1/apps', ctx.signal), (apps) => appsTable(apps, refresh)),
    load(deleted, 'deleted apps', () => allItems('/v1/apps?deleted=true', ctx.signal), (apps) => deletedTable(apps, refresh)),
  ]);
  refresh();
  // releases move from pending to running on their own: keep the statuses fresh
  ctx.every(5000, () => {
    if (!live.contains(document.activeElement)) {
      load(live, 'apps', () => allItems('/v1/apps', ctx.signal), (apps) => appsTable(apps, refresh));
    }
  });
  return h('div', { class: 'page' },
    h('h1', {}, 'Apps'),
    createForm(refresh),
    h('section', { class: 'card', 'aria-labelledby': 'apps-title' }, h('h2', { id: 'apps-title' }, 'Your apps'), live),
    h('section', { class: 'card', 'aria-labelledby': 'deleted-title' },
      h('h2', { id: 'deleted-title' }, 'Deleted apps'),
      h('p', { class: 'muted' }, 'A deleted app can be restored for 30 days.'), deleted));
}

function createForm(refresh) {
  const name = h('input', { type: 'text', name: 'name', required: true, autocomplete: 'off',
    'aria-describedby': 'app-name-hint', placeholder: 'my-app' });
  const submit = h('button', { type: 'submit' }, 'Create app');
  return h('section', { class: 'card', 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title' }, 'Create an app'),
    h('form', {
      class: 'inline',
      onsubmit: (event) => {
        event.preventDefault();
        act(submit, 'Create app', async () => {
          const app = await api('POST', '/v1/apps', { name: name.value.trim() });
          announce(`Created ${app.name}.`);
          name.value = '';
          await refresh();
        });
      },
    }, field('App name', name), submit),
    h('p', { id: 'app-name-hint', class: 'hint' }, '3 to 30 lower-case letters, digits or hyphens, starting with a letter.'));
}

function appsTable(apps, refresh) {
  if (apps.length === 0) {
    return empty('No apps yet. Create one above, then deploy it with the paas CLI or the API.');
  }
  return dataTable('Your apps', ['App', 'Current release', 'URL', 'Created', 'Actions'], apps, (app) => [
    h('a', { href: `#/apps/${seg(app.name)}` }, app.name),
    releaseSummary(app),
    app.web_url ? h('a', { href: app.web_url, target: '_blank', rel: 'noopener' }, app.web_url) : '—',
    when(app.created_at),
    deleteButton(app, refresh),
  ], (app) => ({ dataset: { app: app.name } }));
}

function deleteButton(app, refresh) {
  const button = h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${app.name}` }, 'Delete');
  button.addEventListener('click', async () => {
    const sure = await confirmDialog(`Delete ${app.name}?`,
      `Its processes stop and it answers "not found" until restored. You can restore it for 30 days.`, `Delete ${app.name}`);
    if (!sure) {
      button.focus();
      return;
    }
    await act(button, `Delete ${app.name}`, async () => {
      await api('DELETE', `/v1/apps/${seg(app.id)}`);
      announce(`Deleted ${app.name}.`);
      await refresh();
    });
  });
  return button;
}

function deletedTable(apps, refresh) {
  if (apps.length === 0) {
    return empty('No deleted apps.');
  }
  return dataTable('Deleted apps', ['App', 'Deleted', 'Actions'], apps, (app) => {
    const restore = h('button', { type: 'button', 'aria-label': `Restore ${app.name}` }, 'Restore');
    restore.addEventListener('click', () => act(restore, `Restore ${app.name}`, async () => {
      await api('POST', `/v1/apps/${seg(app.id)}/restore`);
      announce(`Restored ${app.name}.`);
      await refresh();
    }));
    return [app.name, when(app.deleted_at), restore];
  }, (app) => ({ dataset: { app: app.name } }));
}
