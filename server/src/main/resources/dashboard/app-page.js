// One app: summary, releases (rollback), processes (scale, restart), config vars, add-ons, logs, metrics.
import { api, seg } from './api.js';
import { h, fill, load, act, showError, empty, when, field, badge, announce, confirmDialog, dataTable } from './ui.js';
import { releaseSummary } from './apps.js';
import { configSection } from './config.js';
import { logView } from './logs.js';
import { metricsView } from './metrics.js';

/** The page of one app; its sections appear once the app is found, or a single message says it is not. */
export function appView(name, ctx) {
  const body = h('div', { class: 'page' }, h('p', { class: 'loading' }, 'Loading…'));
  api('GET', `/v1/apps/${seg(name)}`, undefined, { signal: ctx.signal })
    .then(() => fill(body, sections(name, ctx)))
    .catch((e) => {
      if (e.name === 'AbortError') {
        return;
      }
      fill(body, empty(e.status === 404 ? `There is no app named ${name} (it may have been deleted).` : 'Could not load the app.'));
      showError(e, `Loading ${name}`);
    });
  return h('div', { class: 'page' },
    h('p', { class: 'crumbs' }, h('a', { href: '#/apps' }, '← All apps')),
    h('h1', {}, name),
    body);
}

function sections(name, ctx) {
  const base = `/v1/apps/${seg(name)}`;
  const get = (path) => api('GET', base + path, undefined, { signal: ctx.signal });
  const summary = h('div', { class: 'summary', id: 'app-summary' });
  const releases = h('div', { id: 'releases' });
  const processes = h('div', { id: 'processes' });
  const addons = h('div', { id: 'addons' });
  const logs = logView(base, ctx);

  const refresh = {
    summary: () => load(summary, 'the app', () => get(''), renderSummary),
    releases: () => load(releases, 'releases', () => get('/deploys?limit=50'), (page) => releasesTable(page, base, refreshAfterChange)),
    processes: () => load(processes, 'processes', () => get('/processes'), (p) => {
      logs.setProcessTypes(p.types.map((t) => t.type));
      return processesView(p, base, refresh.processes);
    }),
    addons: () => load(addons, 'add-ons', () => get('/addons'), (page) => addonsTable(page.items, refreshAfterChange)),
  };
  // a rollback, a config change or an add-on makes a new release: everything about the app may have moved
  const refreshAfterChange = () => Promise.all([refresh.summary(), refresh.releases(), refresh.processes(), refresh.addons(),
    config.refresh()]);
  const config = configSection(base, ctx, refreshAfterChange);

  Object.values(refresh).forEach((r) => r());
  // releases go from pending to running and instances start and stop on their own; skip a section being used
  ctx.every(3000, () => {
    for (const [key, section] of [['summary', summary], ['releases', releases], ['processes', processes]]) {
      if (!section.contains(document.activeElement)) {
        refresh[key]();
      }
    }
  });

  const attach = h('button', { type: 'button' }, 'Attach database');
  attach.addEventListener('click', () => act(attach, 'Attach database', async () => {
    const addon = await api('POST', '/v1/addons/database', { app: name });
    announce(`Attached ${addon.name}; its URL is in ${addon.config_var}.`);
    await refreshAfterChange();
  }));
  const restartAll = h('button', { type: 'button', class: 'secondary' }, 'Restart all processes');
  restartAll.addEventListener('click', () => act(restartAll, 'Restart', async () => {
    await api('POST', `${base}/restart`);
    announce(`Restarting every process of ${name}.`);
    await refresh.processes();
  }));

  const section = (id, title, ...content) => h('section', { class: 'card', id: `section-${id}`, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title), ...content);
  return [
    summary,
    h('nav', { class: 'jump', 'aria-label': 'Sections of this app' },
      ['releases', 'processes', 'config', 'addons', 'logs', 'metrics'].map((id) =>
        h('a', { href: `#/apps/${seg(name)}`, onclick: (e) => { e.preventDefault(); document.getElementById(`section-${id}`).scrollIntoView(); } },
          { releases: 'Releases', processes: 'Processes', config: 'Config', addons: 'Add-ons', logs: 'Logs', metrics: 'Metrics' }[id]))),
    section('releases', 'Releases', releases),
    section('processes', 'Processes', h('div', { class: 'actions' }, restartAll), processes),
    section('config', 'Config vars', config.element),
    section('addons', 'Add-ons', h('div', { class: 'actions' }, attach), addons),
    section('logs', 'Logs', logs.element),
    section('metrics', 'Metrics', metricsView(base, ctx))];
}

function renderSummary(app) {
  return h('dl', { class: 'facts' },
    h('div', {}, h('dt', {}, 'Current release'), h('dd', { id: 'current-release' }, releaseSummary(app))),
    h('div', {}, h('dt', {}, 'URL'), h('dd', {}, app.web_url ? h('a', { href: app.web_url, target: '_blank', rel: 'noopener' }, app.web_url) : '—')),
    h('div', {}, h('dt', {}, 'Region'), h('dd', {}, app.region || '—')),
    h('div', {}, h('dt', {}, 'Created'), h('dd', {}, when(app.created_at))));
}

function releasesTable(page, base, afterChange) {
  if (page.items.length === 0) {
    return empty('No releases yet. Deploy with the paas CLI (paas deploy) or POST a .tar.gz to the deploys API.');
  }
  return h('div', {},
    dataTable('Releases, newest first', ['Release', 'Status', 'Description', 'Created', 'Actions'], page.items, (release) => [
      [`v${release.version} `, release.current ? badge('current') : null],
      [badge(release.status), release.status_reason ? h('span', { class: 'muted' }, ` ${release.status_reason}`) : null],
      release.description || '—',
      [when(release.created_at), release.created_by ? h('span', { class: 'muted' }, ` by ${release.created_by}`) : null],
      release.current || release.status === 'failed' ? null : rollbackButton(release, base, afterChange),
    ], (release) => ({ dataset: { version: release.version, current: release.current } })),
    page.next_cursor ? h('p', { class: 'muted' }, 'Showing the latest 50 releases.') : null);
}

function rollbackButton(release, base, afterChange) {
  const button = h('button', { type: 'button', class: 'secondary', 'aria-label': `Roll back to v${release.version}` },
    `Roll back to v${release.version}`);
  button.addEventListener('click', () => act(button, `Roll back to v${release.version}`, async () => {
    const created = await api('POST', `${base}/deploys/${seg(release.id)}/rollback`);
    announce(`Rolled back: v${created.version} copies v${release.version}.`);
    await afterChange();
  }));
  return button;
}

function processesView(formation, base, refresh) {
  if (formation.types.length === 0) {
    return empty('No processes: deploy a release to start some.');
  }
  return h('div', { class: 'process-types' }, formation.types.map((type) => {
    const replicas = h('input', { type: 'number', min: 0, max: 20, value: type.replicas, required: true, class: 'replicas' });
    const scale = h('button', { type: 'submit' }, 'Scale');
    const restart = h('button', { type: 'button', class: 'secondary' }, `Restart ${type.type}`);
    restart.addEventListener('click', () => act(restart, `Restart ${type.type}`, async () => {
      await api('POST', `${base}/restart?type=${seg(type.type)}`);
      announce(`Restarting ${type.type}.`);
      await refresh();
    }));
    return h('article', { class: 'process-type', dataset: { type: type.type }, 'aria-labelledby': `type-${type.type}` },
      h('h3', { id: `type-${type.type}` }, type.type, ' ', h('span', { class: 'muted' }, `× ${type.replicas}${type.size ? ` (${type.size})` : ''}`)),
      h('p', {}, h('code', { class: 'command' }, type.command || '')),
      h('form', {
        class: 'inline',
        onsubmit: (event) => {
          event.preventDefault();
          act(scale, `Scale ${type.type}`, async () => {
            const scaled = await api('PATCH', `${base}/processes/${seg(type.type)}`, { replicas: Number(replicas.value) });
            announce(`${type.type} scaled to ${scaled.replicas}.`);
            await refresh();
          });
        },
      }, field(`Replicas of ${type.type}`, replicas), scale, restart),
      type.instances.length === 0 ? empty('No instances running.')
        : dataTable(`Instances of ${type.type}`, ['Instance', 'State', 'Started', 'Restarts', 'Port'], type.instances,
          (i) => [i.id, badge(i.state), when(i.started_at), String(i.restarts ?? 0), i.port ? String(i.port) : '—'],
          (i) => ({ dataset: { instance: i.id } })));
  }));
}

function addonsTable(addons, afterChange) {
  if (addons.length === 0) {
    return empty('No add-ons. "Attach database" provisions a PostgreSQL database and sets DATABASE_URL.');
  }
  return dataTable('Add-ons', ['Add-on', 'Kind', 'Plan', 'Status', 'Config var', 'Created', 'Actions'], addons, (addon) => {
    const detach = h('button', { type: 'button', class: 'danger', 'aria-label': `Detach ${addon.name}` }, 'Detach');
    detach.addEventListener('click', async () => {
      const sure = await confirmDialog(`Detach ${addon.name}?`,
        `The database and its data are deleted and ${addon.config_var} is removed from the app.`, 'Detach and delete');
      if (sure) {
        await act(detach, `Detach ${addon.name}`, async () => {
          await api('DELETE', `/v1/addons/${seg(addon.id)}`);
          announce(`Detached ${addon.name}.`);
          await afterChange();
        });
      }
    });
    return [addon.name, addon.kind, addon.plan || '—', badge(addon.status), h('code', {}, addon.config_var),
      when(addon.created_at), detach];
  }, (addon) => ({ dataset: { addon: addon.name } }));
}
