// Medians, ratios, budgets and the Markdown tables bench/run.mjs prints (and docs/performance.md
// quotes).

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** The figures of a page's runs (bench/lib/page.mjs measures them). */
export const PAGE_METRICS = [
  { key: 'bytesGzip', label: 'download, every response, gzip -9 (B)', unit: 'B' },
  { key: 'bytesRaw', label: 'download, raw (B)', unit: 'B' },
  { key: 'requests', label: 'requests', unit: '' },
  { key: 'bytesBeforeFirst', label: 'bytes arrived before the first chart is on screen (B, as sent: gzip)', unit: 'B' },
  { key: 'fcpMs', label: 'first contentful paint (ms from navigation start)', unit: 'ms' },
  { key: 'firstPaintMs', label: 'first chart on screen (ms)', unit: 'ms' },
  { key: 'firstScreenMs', label: 'every chart of the first screen on screen (ms)', unit: 'ms' },
  { key: 'firstScreenCharts', label: 'charts in the first screen (1440×900)', unit: '' },
  { key: 'firstMs', label: 'first chart taken over by the script (ms; ECharts: drawn)', unit: 'ms' },
  { key: 'readyMs', label: 'first screen taken over, interactive (ms)', unit: 'ms' },
  { key: 'takenOverAtRest', label: 'charts taken over after the load, before any scrolling', unit: '' },
  { key: 'clsLoad', label: 'layout shift during the load (CLS)', unit: 'cls' },
  { key: 'clsScroll', label: 'layout shift scrolling through every chart (CLS)', unit: 'cls' },
  { key: 'resizeMs', label: 'resize: visible charts drawn again (ms)', unit: 'ms' },
  { key: 'resizePaintMs', label: 'resize: visible charts on screen again (ms)', unit: 'ms' },
  { key: 'resizeVisible', label: 'resize: charts visible', unit: '' },
  { key: 'resizeRedrawn', label: 'resize: charts drawn again within 0.5 s', unit: '' },
  { key: 'resizeTaskMs', label: 'resize: main-thread task time (ms)', unit: 'ms' },
  { key: 'modeMs', label: 'care mode switched on: visible charts drawn again (ms)', unit: 'ms' },
  { key: 'heapLoad', label: 'JS heap used after GC, after the load (KB)', unit: 'KB' },
  { key: 'heapUsed', label: 'JS heap used after GC, every chart seen (KB)', unit: 'KB' },
  { key: 'wasmBytes', label: 'wasm memory (KB)', unit: 'KB' },
];

/** { metric: { median, min, max, runs } } for a page's runs. */
export function summarise(runs) {
  const out = {};
  for (const { key } of PAGE_METRICS) {
    const values = runs.map((r) => r[key]).filter((v) => v !== null && v !== undefined);
    out[key] = values.length ? { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values } : null;
  }
  out.heapTotal = { median: median(runs.map((r) => r.heapTotal)) };
  out.resizeScriptMs = { median: median(runs.map((r) => r.resizeScriptMs)) };
  out.charts = runs[0]?.charts ?? 0;
  return out;
}

const int = (x) => Math.round(x).toLocaleString('en');

function fmt(value, unit) {
  if (value === null || value === undefined) return '—';
  if (unit === 'cls') return value.toFixed(4);
  if (unit === 'KB') return int(value / 1024);
  if (unit === 'ms') return value.toFixed(1);
  return int(value);
}

function cell(stat, unit) {
  if (!stat) return '—';
  const m = fmt(stat.median, unit);
  if ((unit !== 'ms' && unit !== 'cls') || stat.min === stat.max) return m;
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
      ? `Page: median (min–max) of the loads of each page, each in a fresh browser context with the cache disabled, the two pages alternating; ` +
        `served gzip -9; viewport ${o.viewport.width}×${o.viewport.height}, resized to ${o.resizedTo.width}×${o.resizedTo.height}; ` +
        `CPU throttling ${o.cpuThrottle > 1 ? `${o.cpuThrottle}× (CDP Emulation.setCPUThrottlingRate)` : 'off (1×)'}; ` +
        `emulated network: ${o.slow ? `${o.slow.downloadThroughput * 8 / 1e6} Mbps down, ${o.slow.latency} ms latency (CDP Network.emulateNetworkConditions)` : '—'}; demo site from ${o.www}/.`
      : 'Page benchmark: not run.',
  ];
}

const SCENARIOS = {
  loopback: 'the page of every chart, over loopback',
  emulated: 'the page of every chart, network emulated',
  'many-loopback': 'a generated page of 100 charts, over loopback',
  'many-emulated': 'a generated page of 100 charts, network emulated',
};

/** One table per scenario: ours, ECharts, the ratio. */
export function pageTable(res) {
  const rows = [];
  for (const [name, sc] of Object.entries(res.page.scenarios ?? {})) {
    const { ours, echarts } = sc;
    rows.push(`### ${SCENARIOS[name] ?? name} (${ours.bytesGzip?.runs.length ?? 0} loads of each; ${ours.charts} charts)`, '');
    rows.push('| figure | ours | ECharts 6 | ours / ECharts |', '|---|---:|---:|---:|');
    for (const { key, label, unit } of PAGE_METRICS) {
      if (!ours[key] && !echarts[key]) continue;
      const r = key === 'wasmBytes' || unit === 'cls' || unit === '' ? null : ratio(ours[key]?.median ?? null, echarts[key]?.median ?? null);
      rows.push(`| ${label} | ${cell(ours[key], unit)} | ${cell(echarts[key], unit)} | ${fmtRatio(r)} |`);
    }
    rows.push('');
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

/** The budgets (issue "Performance of a page with every chart"), each met, missed or not measured. */
export function budgets(res) {
  const out = [];
  const add = (name, figure, met) => out.push({ budget: name, figure, status: met === null ? 'not measured' : met ? 'met' : 'missed' });
  const sc = res.page?.scenarios ?? {};
  for (const [prefix, fast, slow] of [['', 'loopback', 'emulated'], ['100 charts: ', 'many-loopback', 'many-emulated']]) {
    const f = sc[fast];
    const e = sc[slow];
    const first = e && ratio(e.ours.firstPaintMs?.median ?? null, e.echarts.firstPaintMs?.median ?? null);
    add(`${prefix}first chart on screen ≤ 0.25× ECharts, network emulated`, first === null || !e ? '—' : `${fmtRatio(first)}× (${e.ours.firstPaintMs.median.toFixed(0)} vs ${e.echarts.firstPaintMs.median.toFixed(0)} ms)`, e ? first <= 0.25 : null);
    const before = e?.ours.bytesBeforeFirst?.median ?? null;
    add(`${prefix}bytes before the first chart on screen ≤ 25 KB gzip (network emulated)`, before === null ? '—' : `${(before / 1024).toFixed(1)} KB`, before === null ? null : before <= 25 * 1024);
    const all = f && ratio(f.ours.bytesGzip.median, f.echarts.bytesGzip.median);
    add(`${prefix}all bytes ≤ 0.5× ECharts (gzip -9)`, f ? `${fmtRatio(all)}× (${int(f.ours.bytesGzip.median)} vs ${int(f.echarts.bytesGzip.median)} B)` : '—', f ? all <= 0.5 : null);
    const resize = f?.ours.resizeMs?.median ?? null;
    add(`${prefix}resize: visible charts drawn again < 16 ms (median, loopback)`, resize === null ? '—' : `${resize.toFixed(1)} ms (${f.ours.resizeVisible?.median ?? '?'} visible, ${f.ours.resizeRedrawn?.median ?? '?'} drawn)`, resize === null ? null : resize < 16);
    const shifts = [f, e].filter(Boolean).flatMap((s) => [...(s.ours.clsLoad?.runs ?? []), ...(s.ours.clsScroll?.runs ?? [])]);
    const worst = shifts.length ? Math.max(...shifts) : null;
    add(`${prefix}layout shift 0 (worst run, load and scrolling, both networks)`, worst === null ? '—' : worst.toFixed(4), worst === null ? null : worst === 0);
  }
  const f = sc.loopback;
  if (f) add('page download gzip ≤ 120 KB', `${(f.ours.bytesGzip.median / 1024).toFixed(1)} KB`, f.ours.bytesGzip.median <= 120 * 1024);
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
