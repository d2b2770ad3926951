// Shared set-up for the browser tests: the static server on a free port, headless Chromium from Debian,
// and a page wrapper that records everything a test must check afterwards (console, page errors,
// requests, CSP violations).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WWW = path.join(ROOT, 'www');
export const FIXTURES = path.join(ROOT, 'tests', 'browser', 'fixtures');
export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');
export const FIXTURE_PREFIX = '/__fixtures__/';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Generous but bounded waits (ms). */
export const TIMEOUT = 30_000;

/**
 * Every chart the build published (www/data/charts/index.json: each release and its charts), one
 * entry per chart and release, in publication order: index.html shows each of them once. Read from
 * the build, since the charts come from the content folder: the specification's charts and an
 * automatic chart for every other structure.
 */
const INDEX = path.join(WWW, 'data', 'charts', 'index.json');
export const PUBLISHED = existsSync(INDEX)
  ? JSON.parse(readFileSync(INDEX, 'utf8')).releases.flatMap((r) => r.charts.map((chart) => ({ chart, release: r.id })))
  : [];
export const CHART_IDS = PUBLISHED.map((c) => c.chart);

/** The charts of the chart specification (data/charts.json): every one of them is on index.html. */
export const SPEC_CHART_IDS = JSON.parse(readFileSync(path.join(ROOT, 'data', 'charts.json'), 'utf8')).charts.map((c) => c.id);

/** Fails early, with the fix, when the build has not run. */
/** Runs the command line (`xixia-stats …`, built by cargo) and returns what it printed. */
export function cli(args, { input } = {}) {
  return execFileSync('cargo', ['run', '--quiet', '--', ...args], { cwd: ROOT, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

export function assertBuilt() {
  for (const f of ['pkg/xixia_stats.js', 'pkg/xixia_stats_bg.wasm']) {
    if (!existsSync(path.join(WWW, f))) {
      throw new Error(`www/${f} is missing: run 'make build' before the browser tests`);
    }
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run 'make setup'`);
}

/** Starts the server (www/ at /, the fixtures at /__fixtures__/) and Chromium. */
export async function startEnvironment({ dir = WWW } = {}) {
  assertBuilt();
  const server = await startServer({ dir, port: 0, mounts: { [FIXTURE_PREFIX]: FIXTURES } });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: TIMEOUT });
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    server,
    browser,
    origin: new URL(server.url).origin,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens `urlPath` in a fresh context at the given viewport, recording console messages, page errors,
 * every request, failed requests, HTTP errors and `securitypolicyviolation` events.
 */
export async function openPage(env, urlPath, { width = 1440, height = 900, beforeGoto, hasTouch = false } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, hasTouch });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const log = { console: [], pageErrors: [], requests: [], failed: [], httpErrors: [] };
  page.on('console', (msg) => log.console.push({ type: msg.type(), text: msg.text() }));
  page.on('pageerror', (err) => log.pageErrors.push(String(err?.stack || err)));
  page.on('request', (req) => log.requests.push(req.url()));
  page.on('requestfailed', (req) => log.failed.push(`${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) log.httpErrors.push(`${res.status()} ${res.url()}`);
  });
  // Injected through the DevTools protocol, so it runs under the page's CSP too.
  await page.addInitScript(() => {
    // Error events that are not exceptions (such as "ResizeObserver loop completed with
    // undelivered notifications") reach site error monitors too.
    window.__windowErrors = [];
    window.addEventListener('error', (e) => window.__windowErrors.push(String(e.message)));
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  if (beforeGoto) await beforeGoto(page);
  await page.goto(new URL(urlPath, env.origin).href, { waitUntil: 'load' });
  return { page, context, log };
}

/** Polls `fn` (async, in Node) until it returns a truthy value; fails with `what` after `timeout`. */
export async function waitUntil(fn, what, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until every <xixia-stat> on the page has finished (ready or error); returns their states.
 * The component draws a chart only when it comes near the screen, so this scrolls to each chart
 * still waiting, as a reader would, and back to where the page was.
 */
export async function waitForCharts(page, expectedCount) {
  const scrolled = await page.evaluate(() => scrollY);
  try {
    return await waitUntil(async () => {
      const states = await page.$$eval('xixia-stat', (els) => {
        const waiting = els.find((e) => e.dataset.state !== 'ready' && e.dataset.state !== 'error');
        waiting?.scrollIntoView({ block: 'center', behavior: 'instant' });
        return els.map((e) => ({ id: e.id, chart: e.getAttribute('chart'), state: e.dataset.state ?? '' }));
      });
      if (expectedCount !== undefined && states.length !== expectedCount) return false;
      return states.length > 0 && states.every((s) => s.state === 'ready' || s.state === 'error') ? states : false;
    }, `every <xixia-stat> to finish rendering`);
  } finally {
    await page.evaluate((y) => scrollTo({ top: y, behavior: 'instant' }), scrolled);
  }
}

/**
 * Brings every <xixia-stat> near the screen in turn, as a reader scrolling through the page does
 * (a chart far from the screen is drawn again, after a change of mode or size, when it comes near),
 * then scrolls back.
 */
export async function seeEveryChart(page) {
  await page.evaluate(async () => {
    const y = scrollY;
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const el of document.querySelectorAll('xixia-stat')) {
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
      await frame();
    }
    scrollTo({ top: y, behavior: 'instant' });
    await frame();
  });
}

/** Problems recorded on a page that a clean page must not have. */
export async function problems(env, { page, log }) {
  const csp = await page.evaluate(() => window.__cspViolations ?? []);
  const windowErrors = await page.evaluate(() => window.__windowErrors ?? []);
  return {
    windowErrors,
    consoleErrors: log.console.filter((m) => m.type === 'error' || m.type === 'warning').map((m) => m.text),
    pageErrors: log.pageErrors,
    foreignRequests: log.requests.filter((u) => !u.startsWith(`${env.origin}/`)),
    failedRequests: log.failed,
    httpErrors: log.httpErrors,
    cspViolations: [...csp, ...log.console.filter((m) => /Content Security Policy/i.test(m.text)).map((m) => m.text)],
  };
}

export const NO_PROBLEMS = {
  windowErrors: [],
  consoleErrors: [],
  pageErrors: [],
  foreignRequests: [],
  failedRequests: [],
  httpErrors: [],
  cspViolations: [],
};

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await page.mouse.move(0, 0); // no hover state in the picture
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
