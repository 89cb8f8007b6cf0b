// CPU and memory charts (uPlot) over a chosen range, one series per process type, refreshed while shown.
import uPlot from './vendor/uplot/uPlot.esm.js';
import { api } from './api.js';
import { h, fill, field, showError } from './ui.js';
import { toColumns, formatValue, rangeSeconds } from './chart-data.js';

const RANGES = ['5m', '15m', '1h', '6h', '24h', '7d'];
const KINDS = [
  { kind: 'cpu', title: 'CPU' },
  { kind: 'memory', title: 'Memory' },
];
const COLORS = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2'];
const REFRESH_MS = 10000;

export function metricsView(base, ctx) {
  const range = h('select', { name: 'range' }, RANGES.map((r) => h('option', { value: r, selected: r === '15m' }, `last ${r}`)));
  const charts = KINDS.map(({ kind, title }) => chart(kind, title));
  const refresh = () => charts.forEach((c) => c.update(base, range.value, ctx.signal));
  range.addEventListener('change', refresh);
  refresh();
  ctx.every(REFRESH_MS, refresh);
  ctx.signal.addEventListener('abort', () => charts.forEach((c) => c.destroy()));
  return h('div', { class: 'metrics' },
    h('div', { class: 'toolbar' }, field('Range', range)),
    h('div', { class: 'charts' }, charts.map((c) => c.element)));
}

function chart(kind, title) {
  const caption = h('figcaption', {}, h('strong', {}, title), ' ', h('span', { class: 'muted summary-line' }, 'Loading…'));
  const area = h('div', { class: 'chart-area' });
  const element = h('figure', { class: 'chart', id: `chart-${kind}`, dataset: { kind, points: '0' } }, caption, area);
  let plot = null;
  let shape = '';
  let span = [0, 1]; // the x axis always spans the chosen range, however few samples there are
  const resize = new ResizeObserver(() => plot?.setSize(size(area)));
  resize.observe(area);

  function draw(metrics) {
    const data = toColumns(metrics);
    const now = Date.now() / 1000;
    span = [now - rangeSeconds(metrics.range), now];
    const points = metrics.series.reduce((n, s) => n + s.points.length, 0);
    element.dataset.points = String(points);
    element.dataset.series = metrics.series.map((s) => s.process).join(',');
    const summary = caption.querySelector('.summary-line');
    if (points === 0) {
      plot?.destroy();
      plot = null;
      shape = '';
      fill(area, h('p', { class: 'empty' }, `No ${title.toLowerCase()} samples in the last ${metrics.range}.`));
      summary.textContent = `(${metrics.unit})`;
      return;
    }
    // a text alternative for the chart: the latest value of each process
    summary.textContent = `(${metrics.unit}, every ${metrics.step_seconds} s) latest: ` + metrics.series.map((s) =>
      `${s.process} ${formatValue(metrics.unit, s.points.at(-1)?.[1])}`).join(', ');
    const newShape = metrics.series.map((s) => s.process).join(',') + '|' + metrics.unit;
    if (plot && newShape === shape) {
      plot.setData(data);
      return;
    }
    plot?.destroy();
    fill(area);
    shape = newShape;
    plot = new uPlot({
      ...size(area),
      series: [{}, ...metrics.series.map((s, i) => ({
        label: s.process,
        stroke: COLORS[i % COLORS.length],
        width: 2,
        spanGaps: false,
        value: (u, v) => formatValue(metrics.unit, v),
      }))],
      axes: [{}, { values: (u, ticks) => ticks.map((v) => formatValue(metrics.unit, v)), size: 80 }],
      scales: { x: { time: true, range: () => span }, y: { range: (u, min, max) => [0, Math.max(max, metrics.unit === 'percent' ? 1 : 1024 * 1024)] } },
    }, data, area);
    area.querySelector('canvas')?.setAttribute('aria-label', `${title} chart; the values are listed in the caption`);
    area.querySelector('canvas')?.setAttribute('role', 'img');
  }

  return {
    element,
    async update(base, range, signal) {
      try {
        draw(await api('GET', `${base}/metrics?kind=${kind}&range=${range}`, undefined, { signal }));
      } catch (e) {
        showError(e, `Loading ${title.toLowerCase()} metrics`);
      }
    },
    destroy() {
      resize.disconnect();
      plot?.destroy();
    },
  };
}

function size(area) {
  return { width: Math.max(260, area.clientWidth || 600), height: 220 };
}
