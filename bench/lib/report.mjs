// Medians, ratios, budgets and the Markdown tables bench/run.mjs prints (and docs/performance.md
// quotes).

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** The figures of a page's runs. */
export const PAGE_METRICS = [
  { key: 'bytesGzip', label: 'download, gzip -9 (B)', unit: 'B' },
  { key: 'bytesRaw', label: 'download, raw (B)', unit: 'B' },
  { key: 'requests', label: 'requests', unit: '' },
  { key: 'firstMs', label: 'first chart drawn (ms from navigation start)', unit: 'ms' },
  { key: 'allMs', label: 'all charts drawn (ms from navigation start)', unit: 'ms' },
  { key: 'firstPaintMs', label: 'first chart on screen: its next frame painted (ms)', unit: 'ms' },
  { key: 'allPaintMs', label: 'all charts on screen (ms)', unit: 'ms' },
  { key: 'resizeFirstMs', label: 'resize: first chart drawn again (ms)', unit: 'ms' },
  { key: 'resizeMs', label: 'resize: all charts drawn again (ms)', unit: 'ms' },
  { key: 'resizeTaskMs', label: 'resize: main-thread task time (ms)', unit: 'ms' },
  { key: 'heapUsed', label: 'JS heap used after GC (KB)', unit: 'KB' },
  { key: 'wasmBytes', label: 'wasm memory (KB)', unit: 'KB' },
];

/** { metric: { median, min, max, runs } } for a page's runs. */
export function summarise(runs) {
  const out = {};
  for (const { key } of PAGE_METRICS) {
    const values = runs.map((r) => r[key]);
    out[key] = { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values };
  }
  out.heapTotal = { median: median(runs.map((r) => r.heapTotal)) };
  out.resizeScriptMs = { median: median(runs.map((r) => r.resizeScriptMs)) };
  out.charts = runs[0]?.charts ?? 0;
  return out;
}

const int = (x) => Math.round(x).toLocaleString('en');

function fmt(value, unit) {
  if (value === null || value === undefined) return '—';
  if (unit === 'KB') return int(value / 1024);
  if (unit === 'ms') return value.toFixed(1);
  return int(value);
}

function cell(stat, unit) {
  if (!stat) return '—';
  const m = fmt(stat.median, unit);
  if (unit !== 'ms' || stat.min === stat.max) return m;
  return `${m} (${fmt(stat.min, unit)}–${fmt(stat.max, unit)})`;
}

function ratio(a, b) {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

const fmtRatio = (r) => (r === null ? '—' : `${r.toFixed(2)}`);

export function headerLines(res) {
  const m = res.machine;
  const o = res.options;
  return [
    `## xixia-stats benchmarks (${res.mode} run, ${res.generatedAt.slice(0, 16).replace('T', ' ')} UTC, commit ${res.commit})`,
    '',
    `Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}; Chromium ${m.chromium} headless; Node ${m.node}; ` +
      `load average ${m.loadavg.join(' → ')} (start → end).`,
    res.page
      ? `Page: median (min–max) of ${o.runs} loads per page, each in a fresh browser context with the cache disabled, alternating; ` +
        `viewport ${o.viewport.width}×${o.viewport.height}, resized to ${o.resizedTo.width}×${o.resizedTo.height}; ` +
        `CPU throttling ${o.cpuThrottle > 1 ? `${o.cpuThrottle}× (CDP Emulation.setCPUThrottlingRate)` : 'off (1×)'}; ` +
        `${res.page.ours.charts} charts on each page; demo site from ${o.www}/.`
      : 'Page benchmark: not run.',
  ];
}

export function pageTable(res) {
  const { ours, echarts } = res.page;
  const rows = [
    '| figure | ours | ECharts 6 | ours / ECharts |',
    '|---|---:|---:|---:|',
  ];
  for (const { key, label, unit } of PAGE_METRICS) {
    if (!ours[key]) continue; // a results file from before the figure existed
    const r = key === 'wasmBytes' ? null : ratio(ours[key].median, echarts[key].median);
    rows.push(`| ${label} | ${cell(ours[key], unit)} | ${cell(echarts[key], unit)} | ${fmtRatio(r)} |`);
  }
  return rows;
}

function nativeWhen(native) {
  if (native?.ranNow) return 'this run';
  const at = Object.values(native?.crunch ?? {}).map((c) => c.at).sort().pop();
  return at ? `not run now: an earlier criterion run, ${at.slice(0, 16).replace('T', ' ')} UTC, possibly of other code` : 'not run';
}

export function computeTable(res) {
  const { wasm, native } = res.compute;
  const ns = [...new Set([...wasm.map((w) => w.n)])];
  const rows = [
    `Compute: growth, shares and ranks (\`crunch\`) over n synthetic observations. wasm: median (min–max) of ${wasm.map((w) => `${w.runs} runs of ${int(w.n)}`).join(', ')}, in Chromium, unthrottled, ` +
      `timed inside the module; native: criterion's median (${nativeWhen(native)}). ` +
      `"build" makes the observations (not part of the crunch). wasm memory after the runs: ${int(res.compute.wasmMemoryBytes / 1024)} KB.`,
    '',
    '| observations | wasm crunch (ms) | wasm (obs/s) | native crunch (ms) | native (obs/s) | wasm / native | wasm build (ms) | native build (ms) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const n of ns) {
    const w = wasm.find((x) => x.n === n);
    const c = native?.crunch?.[n];
    const b = native?.observations?.[n];
    const tput = (ms) => (ms ? int(n / (ms / 1000)) : '—');
    rows.push(
      `| ${int(n)} | ${w.crunchMs.toFixed(1)} (${Math.min(...w.crunchRunsMs).toFixed(1)}–${Math.max(...w.crunchRunsMs).toFixed(1)}) | ${tput(w.crunchMs)} | ${c ? c.medianMs.toFixed(1) : '—'} | ${c ? tput(c.medianMs) : '—'} | ` +
        `${fmtRatio(c ? ratio(w.crunchMs, c.medianMs) : null)} | ${w.buildMs.toFixed(1)} | ${b ? b.medianMs.toFixed(1) : '—'} |`,
    );
  }
  return rows;
}

/** The issue's budgets, each met, missed or not measured. */
export function budgets(res) {
  const out = [];
  const add = (name, figure, met) => out.push({ budget: name, figure, status: met === null ? 'not measured' : met ? 'met' : 'missed' });
  const p = res.page;
  if (p) {
    const gz = p.ours.bytesGzip.median;
    const gzRatio = ratio(gz, p.echarts.bytesGzip.median);
    add('page download gzip ≤ 120 KB', `${(gz / 1024).toFixed(1)} KB`, gz <= 120 * 1024);
    add('page download gzip ≤ 0.5× ECharts', `${fmtRatio(gzRatio)}×`, gzRatio <= 0.5);
    const first = ratio(p.ours.firstMs.median, p.echarts.firstMs.median);
    add('first chart drawn ≤ 0.5× ECharts', `${fmtRatio(first)}× (${p.ours.firstMs.median.toFixed(1)} vs ${p.echarts.firstMs.median.toFixed(1)} ms)`, first <= 0.5);
    const painted = p.ours.firstPaintMs && ratio(p.ours.firstPaintMs.median, p.echarts.firstPaintMs.median);
    if (painted) add(
      'first chart drawn ≤ 0.5× ECharts, read as "on screen" (next frame painted)',
      `${fmtRatio(painted)}× (${p.ours.firstPaintMs.median.toFixed(1)} vs ${p.echarts.firstPaintMs.median.toFixed(1)} ms)`,
      painted <= 0.5,
    );
    add('re-render of all demo charts < 16 ms (median)', `${p.ours.resizeMs.median.toFixed(1)} ms`, p.ours.resizeMs.median < 16);
  } else {
    for (const b of ['page download gzip ≤ 120 KB', 'page download gzip ≤ 0.5× ECharts', 'first chart drawn ≤ 0.5× ECharts', 're-render of all demo charts < 16 ms (median)']) {
      add(b, '—', null);
    }
  }
  const million = res.compute?.wasm.find((w) => w.n === 1_000_000);
  add('1 M observations in wasm < 250 ms (crunch)', million ? `${million.crunchMs.toFixed(0)} ms` : '—', million ? million.crunchMs < 250 : null);
  return out;
}

export function budgetTable(list) {
  return [
    'Budgets (reported, not asserted):',
    '',
    '| budget | figure | status |',
    '|---|---:|---|',
    ...list.map((b) => `| ${b.budget} | ${b.figure} | ${b.status} |`),
  ];
}
