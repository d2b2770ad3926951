// www/embed.html and www/csp.html with the real wasm.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnvironment, openPage, waitForCharts, waitUntil, problems, screenshot, NO_PROBLEMS, CHART_IDS, PUBLISHED } from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let env;
before(async () => {
  env = await startEnvironment();
});
after(async () => {
  await env?.close();
});

async function svgCount(page) {
  return page.locator('xixia-stat[data-state="ready"] .xixia-stat__chart > svg').count();
}

describe('embed.html', () => {
  let p;
  before(async () => {
    p = await openPage(env, '/embed.html', { width: 1024 });
    await waitForCharts(p.page, 3);
  });
  after(async () => {
    await p?.context.close();
  });

  test('shows the two lines to paste, and their live result', async () => {
    const page = p.page;
    const code = await page.locator('pre code').first().textContent();
    assert.equal(
      code.trim(),
      '<script type="module" src="xixia-stat.js"></script>\n<xixia-stat chart="gdp-structure" release="2022-bulletin"></xixia-stat>',
    );
    const el = page.locator('xixia-stat').first();
    assert.equal(await el.getAttribute('chart'), 'gdp-structure');
    assert.equal(await el.getAttribute('release'), '2022-bulletin');
    assert.equal(await svgCount(page), 3);
    assert.match(await el.locator('svg').textContent(), /69\.6/);
  });

  test('the care-mode and English examples draw as their attributes say', async () => {
    const page = p.page;
    const care = page.locator('#care-example');
    assert.equal(await care.getAttribute('data-mode'), 'care');
    assert.match(await care.locator('svg').innerHTML(), /font-size="19\.5"/);
    assert.match(await care.locator('svg').innerHTML(), /<pattern id="xs\d+-p1"/);
    const english = page.locator('#english-example');
    const text = await english.locator('svg').textContent();
    assert.match(text, /340\.85/);
    assert.doesNotMatch(text, /[\u3000-\u9fff\uff00-\uffef]/, `English chart text: ${text}`);
    assert.equal(await english.locator('.xixia-stat__toggle').textContent(), 'Show data table');
  });

  test('explains the attributes and lists every chart id', async () => {
    const page = p.page;
    const terms = await page.$$eval('dl dt code', (cs) => cs.map((c) => c.textContent));
    assert.deepEqual(terms, ['chart', 'release', 'mode', 'lang']);
    const catalogue = JSON.parse(await page.evaluate(async () => (await import('/pkg/xixia_stats.js')).charts('zh-CN')));
    const rows = await page.$$eval('#chart-catalogue tbody tr', (trs) =>
      trs.map((tr) => `${tr.cells[1].textContent.trim()}/${tr.cells[0].textContent.trim()}`),
    );
    // Every published chart is listed, though the page loads only the releases its examples show.
    assert.deepEqual(rows.sort(), PUBLISHED.map((c) => `${c.release}/${c.chart}`).sort());
    assert.ok(catalogue.length > 0 && catalogue.length < PUBLISHED.length, `the page loaded ${catalogue.length} of ${PUBLISHED.length} charts`);
  });

  test('the component added its stylesheet itself, once', async () => {
    const css = await p.page.$$eval('head link[rel="stylesheet"]', (ls) => ls.map((l) => new URL(l.href).pathname));
    assert.deepEqual(css, ['/index.css', '/xixia-stat.css']);
  });

  test('clean: no errors, no requests elsewhere', async () => {
    assert.deepEqual(await problems(env, p), NO_PROBLEMS);
    await screenshot(p.page, 'embed-1024.png');
  });
});

describe('csp.html', () => {
  let p;
  before(async () => {
    p = await openPage(env, '/csp.html', { width: 1280 });
    await waitForCharts(p.page, 2);
  });
  after(async () => {
    await p?.context.close();
  });

  test('the page carries the strict policy', async () => {
    assert.equal(await p.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), CSP);
  });

  test('both charts render under it', async () => {
    assert.equal(await svgCount(p.page), 2);
    const texts = await p.page.$$eval('xixia-stat svg', (ss) => ss.map((s) => s.textContent));
    assert.match(texts[0], /489\.91/);
    assert.match(texts[1], /20\.3/);
  });

  test('no CSP violations, console errors or requests elsewhere', async () => {
    assert.deepEqual(await problems(env, p), NO_PROBLEMS);
    await screenshot(p.page, 'csp-1280.png');
  });

  test('the violation check itself works: an inline style is caught', async () => {
    // A control, in its own page: the same policy, one forbidden inline style. If this stops being
    // reported, the "no CSP violations" test above proves nothing.
    const q = await openPage(env, '/csp.html', { width: 800 });
    try {
      await waitForCharts(q.page, 2);
      await q.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color:red">x</p>'));
      await waitUntil(async () => (await problems(env, q)).cspViolations.length > 0, 'a reported violation');
    } finally {
      await q.context.close();
    }
  });
});
