// The API's metric series turned into what uPlot draws and what the captions say.

const UNIT_SECONDS = { m: 60, h: 3600, d: 86400 };

/** "15m" → 900. */
export function rangeSeconds(range) {
  const match = /^(\d+)([mhd])$/.exec(range);
  return match ? Number(match[1]) * UNIT_SECONDS[match[2]] : 3600;
}

/** uPlot's columnar data from the API's series: shared x (unix seconds), one y column per process, gaps as null. */
export function toColumns(metrics) {
  const times = [...new Set(metrics.series.flatMap((s) => s.points.map(([ts]) => Date.parse(ts) / 1000)))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const columns = metrics.series.map((s) => {
    const column = new Array(times.length).fill(null);
    s.points.forEach(([ts, value]) => { column[index.get(Date.parse(ts) / 1000)] = value; });
    return column;
  });
  return [times, ...columns];
}

export function formatValue(unit, value) {
  if (value === null || value === undefined) {
    return '—';
  }
  if (unit === 'bytes') {
    const mib = value / (1024 * 1024);
    return mib >= 1024 ? `${(mib / 1024).toFixed(2)} GiB` : `${mib.toFixed(1)} MiB`;
  }
  if (unit === 'percent') {
    return `${value.toFixed(1)} %`;
  }
  return `${Math.round(value * 100) / 100} ${unit}`;
}
