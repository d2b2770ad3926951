// Page benchmark: our demo page and the ECharts page, each loaded `runs` times in a fresh browser
// context (empty cache, so every download is real), alternating, in one headless Chromium.

import { gzipSync, constants as zlib } from 'node:zlib';
import { instrument } from './instrument.mjs';

export const VIEWPORT = { width: 1440, height: 900 };
/** The resize step: still the two-column layout, every chart narrower. */
export const RESIZED = { width: 1100, height: 900 };
const TIMEOUT = 60_000;

/** The pages measured: where they are and which elements are their charts. */
export const PAGES = {
  ours: { label: 'ours (www/index.html)', path: '/', selector: 'xixia-stat' },
  echarts: { label: 'ECharts 6 (bench/echarts/)', path: '/bench/echarts/', selector: '.echart' },
};

const gzip9 = (buf) => gzipSync(buf, { level: zlib.Z_BEST_COMPRESSION }).length;

/**
 * One load of one page. Returns the figures of the run:
 * { bytesGzip, bytesRaw, requests, files[], firstMs, allMs, firstPaintMs, allPaintMs, resizeFirstMs,
 *   resizeMs, resizeTaskMs, resizeScriptMs, heapUsed, heapTotal, wasmBytes, charts, sizes, errors }.
 */
export async function measurePage(browser, origin, page, { throttle = 1, sizes = null } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const tab = await context.newPage();
    tab.setDefaultTimeout(TIMEOUT);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await cdp.send('Performance.enable');

    const errors = [];
    tab.on('pageerror', (err) => errors.push(String(err?.message || err)));
    tab.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    const bodies = [];
    const foreign = [];
    tab.on('response', (res) => {
      const url = res.url();
      if (!url.startsWith(`${origin}/`)) {
        foreign.push(url);
        return;
      }
      bodies.push(
        res.body().then(
          (body) => ({ url: url.slice(origin.length), status: res.status(), raw: body.length, gzip: gzip9(body) }),
          () => ({ url: url.slice(origin.length), status: res.status(), raw: 0, gzip: 0 }),
        ),
      );
    });

    await tab.addInitScript(instrument);
    if (sizes) await tab.addInitScript((s) => Object.defineProperty(window, '__benchSizes', { value: s }), sizes);

    await tab.goto(`${origin}${page.path}`, { waitUntil: 'load' });
    const drawn = await tab.evaluate(([sel, timeout]) => window.__bench.waitFor(sel, 0, timeout), [page.selector, TIMEOUT]);

    // Sizes of the drawn charts (the ECharts page takes our height/width ratios).
    const measured = await tab.evaluate((sel) => {
      const out = [];
      for (const el of document.querySelectorAll(sel)) {
        const svg = el.querySelector('svg');
        const box = (svg ?? el).getBoundingClientRect();
        out.push({
          chart: el.getAttribute('chart') ?? el.getAttribute('data-chart'),
          width: Math.round(box.width),
          height: Math.round(box.height),
          svg: Boolean(svg),
        });
      }
      return out;
    }, page.selector);

    // Heap and wasm memory, once the charts are drawn (after a full garbage collection).
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasmBytes = await tab.evaluate(() => window.__bench.wasmBytes());

    // Resize: from the window's resize event to the last chart drawn again.
    await tab.evaluate(() => {
      window.__bench.resizeArmed = true;
      window.__bench.resizeAt = null;
    });
    const before = metricsOf(await cdp.send('Performance.getMetrics'));
    const waiting = tab.evaluate(([sel, timeout]) => window.__bench.waitFor(sel, 'resize', timeout), [page.selector, TIMEOUT]);
    await tab.setViewportSize(RESIZED);
    const redrawn = await waiting;
    const after = metricsOf(await cdp.send('Performance.getMetrics'));

    const files = await Promise.all(bodies);
    const bad = files.filter((f) => f.status >= 400);
    if (bad.length) errors.push(...bad.map((f) => `HTTP ${f.status} ${f.url}`));
    if (foreign.length) errors.push(...foreign.map((u) => `request outside the origin: ${u}`));
    if (drawn.count === 0 || measured.some((m) => !m.svg)) errors.push('a chart drew no <svg>');
    return {
      bytesGzip: files.reduce((s, f) => s + f.gzip, 0),
      bytesRaw: files.reduce((s, f) => s + f.raw, 0),
      requests: files.length,
      files,
      firstMs: Math.min(...drawn.times),
      allMs: Math.max(...drawn.times),
      firstPaintMs: Math.min(...drawn.painted),
      allPaintMs: Math.max(...drawn.painted),
      resizeMs: Math.max(...redrawn.times) - redrawn.since,
      resizeFirstMs: Math.min(...redrawn.times) - redrawn.since,
      resizeTaskMs: (after.TaskDuration - before.TaskDuration) * 1000,
      resizeScriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
      heapUsed: heap.usedSize,
      heapTotal: heap.totalSize,
      wasmBytes,
      charts: drawn.count,
      sizes: measured,
      errors,
    };
  } finally {
    await context.close();
  }
}

function metricsOf({ metrics }) {
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Height/width of each of our charts, keyed by chart id, for the ECharts page. */
export function ratiosOf(run) {
  return Object.fromEntries(run.sizes.filter((s) => s.width > 0).map((s) => [s.chart, +(s.height / s.width).toFixed(4)]));
}

/**
 * The page benchmark: one calibration load of our page (its chart sizes go to the ECharts page),
 * then `runs` loads of each page, alternating. Returns { ours: [runs], echarts: [runs], ratios }.
 */
export async function pageBenchmark(browser, origin, { runs, throttle, onRun = () => {} }) {
  const calibration = await measurePage(browser, origin, PAGES.ours, { throttle: 1 });
  if (calibration.errors.length) throw new Error(`bench: our page has problems: ${calibration.errors.join('; ')}`);
  const ratios = ratiosOf(calibration);
  const out = { ours: [], echarts: [], ratios };
  for (let i = 0; i < runs; i++) {
    for (const key of ['ours', 'echarts']) {
      const run = await measurePage(browser, origin, PAGES[key], { throttle, sizes: key === 'echarts' ? ratios : null });
      if (run.errors.length) throw new Error(`bench: ${PAGES[key].label} run ${i + 1}: ${run.errors.join('; ')}`);
      out[key].push(run);
      onRun(key, i, run);
    }
  }
  return out;
}
