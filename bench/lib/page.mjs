// Page benchmark: our demo page and the ECharts page, each loaded `runs` times in a fresh browser
// context (empty cache, so every download is real), alternating, in one headless Chromium; over
// loopback and with the network emulated (a slow connection, through the DevTools protocol); and
// the same for a generated page of 100 charts (bench/lib/many.mjs).

import { gzipSync, constants as zlib } from 'node:zlib';
import { instrument } from './instrument.mjs';

export const VIEWPORT = { width: 1440, height: 900 };
/** The resize step: still the two-column layout, every chart narrower. */
export const RESIZED = { width: 1100, height: 900 };
/** The emulated connection (Network.emulateNetworkConditions): 1.6 Mbps down, 0.75 up, 150 ms. */
export const SLOW = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };
const TIMEOUT = 120_000;

/** The pages measured: where they are, which elements are their charts, and how the page's care mode is switched on. */
export const PAGES = {
  ours: { label: 'ours (www/index.html)', path: '/', selector: 'xixia-stat', careSwitch: '#care-switch' },
  echarts: { label: 'ECharts 6 (bench/echarts/)', path: '/bench/echarts/', selector: '.echart', careSwitch: null },
  oursMany: { label: 'ours, 100 charts (bench/many/)', path: '/bench/many/', selector: 'xixia-stat', careSwitch: '#care-switch' },
  echartsMany: { label: 'ECharts 6, 100 charts (bench/echarts/many.html)', path: '/bench/echarts/many.html', selector: '.echart', careSwitch: null },
};

const gzip9 = (buf) => gzipSync(buf, { level: zlib.Z_BEST_COMPRESSION }).length;
const max = (xs) => (xs.length ? Math.max(...xs) : null);
const min = (xs) => (xs.length ? Math.min(...xs) : null);

/**
 * One load of one page, then what a reader does with it: resize the window, scroll through every
 * chart, switch the page to care mode. Returns the figures of the run (see PAGE_METRICS in
 * report.mjs for what each is).
 */
export async function measurePage(browser, origin, page, { throttle = 1, network = 'loopback', sizes = null } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const tab = await context.newPage();
    tab.setDefaultTimeout(TIMEOUT);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (network === 'emulated') await cdp.send('Network.emulateNetworkConditions', SLOW);
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

    await tab.addInitScript(instrument, page.selector);
    if (sizes) await tab.addInitScript((s) => Object.defineProperty(window, '__benchSizes', { value: s }), sizes);

    await tab.goto(`${origin}${page.path}`, { waitUntil: 'load' });
    const sel = page.selector;

    // 1. The first screen: every chart meeting the viewport on screen, and drawn by the page's script
    //    (ours: taken over by the module; ECharts: its 'finished' event).
    const screen = await poll(tab, () => {
      const all = window.__bench.onScreen();
      const first = all.filter((c) => c.firstScreen);
      return first.length && first.every((c) => c.painted !== null) ? all : null;
    });
    const ready = await tab.evaluate(([s, t]) => window.__bench.waitFor(s, 0, t, { visibleOnly: true }), [sel, TIMEOUT]);
    // Whatever the page still loads on its own (the rest of its data), then a quiet moment.
    await tab.waitForLoadState('networkidle');
    await tab.waitForTimeout(300);
    const seen = screen.filter((c) => c.painted !== null);
    const firstPaintMs = min(seen.map((c) => c.painted));
    const firstScreen = screen.filter((c) => c.firstScreen);
    const atRest = await tab.evaluate(([t]) => ({
      bytes: window.__bench.bytesBy(t),
      cls: window.__bench.shiftBetween(0, performance.now()),
      now: performance.now(),
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      takenOver: [...document.querySelectorAll('xixia-stat')].filter((e) => e.dataset.state === 'ready').length,
    }), [firstPaintMs]);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heapLoad = await cdp.send('Runtime.getHeapUsage');

    // 2. Resize: from the window's resize event to the visible charts drawn again.
    await tab.evaluate(() => {
      window.__bench.resizeArmed = true;
      window.__bench.resizeAt = null;
    });
    const before = metricsOf(await cdp.send('Performance.getMetrics'));
    const waiting = tab.evaluate(([s, t]) => window.__bench.waitFor(s, 'resize', t, { visibleOnly: true }), [sel, TIMEOUT]);
    await tab.setViewportSize(RESIZED);
    const redrawn = await waiting;
    const after = metricsOf(await cdp.send('Performance.getMetrics'));
    // The charts drawn again in the resize's first half second (visible or not).
    await tab.waitForTimeout(500);
    const resizeRedrawn = await tab.evaluate((since) => new Set(window.__bench.events.filter((e) => e.t >= since).map((e) => e.el)).size, redrawn.since);

    // 3. Scroll through the page, a screen at a time, each screen's charts drawn before the next:
    //    the layout shifts of taking over charts as they come near.
    const scroll = await tab.evaluate(async ([s, t]) => {
      const start = performance.now();
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      for (let y = 0; ; y += Math.round(innerHeight * 0.8)) {
        scrollTo(0, y);
        await frame();
        await window.__bench.waitFor(s, 0, t, { visibleOnly: true });
        await frame();
        if (y + innerHeight >= document.documentElement.scrollHeight) break;
      }
      const end = performance.now();
      scrollTo(0, 0);
      await frame();
      return { start, end, cls: window.__bench.shiftBetween(start, end), charts: document.querySelectorAll(s).length };
    }, [sel, TIMEOUT]);
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAll = await cdp.send('Runtime.getHeapUsage');
    const wasmBytes = await tab.evaluate(() => window.__bench.wasmBytes());

    // 4. The page's care mode (ours): from the switch to the visible charts drawn again.
    let modeMs = null;
    if (page.careSwitch) {
      await tab.waitForTimeout(200);
      const since = await tab.evaluate((button) => {
        const t = performance.now();
        document.querySelector(button).click();
        return t;
      }, page.careSwitch);
      const mode = await tab.evaluate(([s, from, t]) => window.__bench.waitFor(s, from, t, { visibleOnly: true }), [sel, since, TIMEOUT]);
      modeMs = max(mode.times) - since;
    }

    const files = await Promise.all(bodies);
    const bad = files.filter((f) => f.status >= 400);
    if (bad.length) errors.push(...bad.map((f) => `HTTP ${f.status} ${f.url}`));
    if (foreign.length) errors.push(...foreign.map((u) => `request outside the origin: ${u}`));
    const bytes = await tab.evaluate(() => window.__bench.bytesBy(Infinity));
    const sizesOut = await tab.evaluate((s) => [...document.querySelectorAll(s)].map((el) => {
      const svg = el.querySelector('svg');
      const box = (svg ?? el).getBoundingClientRect();
      return { chart: el.getAttribute('chart') ?? el.getAttribute('data-chart'), width: Math.round(box.width), height: Math.round(box.height), svg: Boolean(svg) };
    }), sel);
    if (sizesOut.some((m) => !m.svg)) errors.push('a chart drew no <svg>');
    return {
      network,
      bytesGzip: files.reduce((s, f) => s + f.gzip, 0),
      bytesRaw: files.reduce((s, f) => s + f.raw, 0),
      bytesWire: bytes.total,
      requests: files.length,
      files,
      bytesBeforeFirst: atRest.bytes.before,
      bytesAtRest: atRest.bytes.total,
      filesBeforeFirst: atRest.bytes.files.filter((f) => f.responseStart < firstPaintMs).map((f) => f.url),
      fcpMs: atRest.fcp,
      firstPaintMs,
      firstScreenMs: max(firstScreen.map((c) => c.painted)),
      firstScreenCharts: firstScreen.length,
      firstMs: min(ready.times),
      readyMs: max(ready.times),
      takenOverAtRest: atRest.takenOver,
      clsLoad: atRest.cls,
      clsScroll: scroll.cls,
      resizeMs: max(redrawn.times) - redrawn.since,
      resizePaintMs: max(redrawn.painted) - redrawn.since,
      resizeVisible: redrawn.count,
      resizeRedrawn,
      resizeTaskMs: (after.TaskDuration - before.TaskDuration) * 1000,
      resizeScriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
      modeMs,
      heapUsed: heapAll.usedSize,
      heapLoad: heapLoad.usedSize,
      heapTotal: heapAll.totalSize,
      wasmBytes,
      charts: scroll.charts,
      sizes: sizesOut,
      errors,
    };
  } finally {
    await context.close();
  }
}

/** Runs `fn` in the page every 50 ms until it returns something other than null. */
async function poll(tab, fn, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await tab.evaluate(fn);
    if (value !== null) return value;
    if (Date.now() > end) throw new Error('bench: timed out waiting for the first screen of charts');
    await tab.waitForTimeout(50);
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
 * The page benchmark: one calibration load of our page (its chart sizes go to the ECharts pages),
 * then for each scenario (loopback, emulated network; the page of every chart and the generated
 * page of 100) its loads of each page, alternating. Returns
 * { ratios, scenarios: { [name]: { network, pages: [oursKey, echartsKey], ours: [runs], echarts: [runs] } } }.
 */
export async function pageBenchmark(browser, origin, { runs, emulatedRuns, manyRuns, throttle, onRun = () => {} }) {
  const calibration = await measurePage(browser, origin, PAGES.ours, { throttle: 1 });
  if (calibration.errors.length) throw new Error(`bench: our page has problems: ${calibration.errors.join('; ')}`);
  const ratios = ratiosOf(calibration);
  const plan = [
    { name: 'loopback', network: 'loopback', keys: ['ours', 'echarts'], runs },
    { name: 'emulated', network: 'emulated', keys: ['ours', 'echarts'], runs: emulatedRuns },
    { name: 'many-loopback', network: 'loopback', keys: ['oursMany', 'echartsMany'], runs: manyRuns },
    { name: 'many-emulated', network: 'emulated', keys: ['oursMany', 'echartsMany'], runs: manyRuns },
  ];
  const scenarios = {};
  for (const { name, network, keys, runs: n } of plan) {
    if (!n) continue;
    const out = { network, pages: keys.map((k) => PAGES[k].label), ours: [], echarts: [] };
    for (let i = 0; i < n; i++) {
      for (const [side, key] of [['ours', keys[0]], ['echarts', keys[1]]]) {
        const run = await measurePage(browser, origin, PAGES[key], { throttle, network, sizes: side === 'echarts' ? ratios : null });
        if (run.errors.length) throw new Error(`bench: ${PAGES[key].label} (${network}) run ${i + 1}: ${run.errors.join('; ')}`);
        out[side].push(run);
        onRun(`${name} ${side}`, i, run);
      }
    }
    scenarios[name] = out;
  }
  return { ratios, scenarios };
}
