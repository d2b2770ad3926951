// Hostile text everywhere it can come from: chart data whose every string carries markup, script,
// attribute breakers and javascript: URLs (served in place of each release's data/charts/<release>.bin), element attributes,
// and the URL. Whatever the component shows it shows as text — in the SVG, the tooltip, the live
// region, the table and the embed code — and nothing runs. The real wasm draws it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, startEnvironment, openPage, waitForCharts, waitUntil, problems, NO_PROBLEMS, CHART_IDS, WWW } from './helpers.mjs';

const PAYLOADS = [
  '<script>window.__xss = 1</script>',
  '</svg><img src="x" onerror="window.__xss = 2">',
  '" onmouseover="window.__xss = 3" x="',
  "javascript:window.__xss = 4",
  '</text><foreignObject><iframe src="javascript:window.__xss=5"></iframe></foreignObject>',
  // What JSON must escape on its way out of the module: quotes, backslashes, a tab, U+2028.
  'q"\\"\\u0041\t\u2028end',
];
/** Some payload, shown as text. */
const SHOWN = /<script>|<img|onmouseover|javascript:|<\/text>|q"\\"\\u0041\t\u2028end/;

/** Every string in the chart data gets a payload appended (round-robin), figures stay numbers. */
function poison(value, counter = { n: 0 }, key = '') {
  if (typeof value === 'string') {
    // Exact values are decimal strings the module parses: leave them, poison everything shown.
    if (key === 'values' || key === 'kind' || key === 'lang' || key === 'id' || key === 'release') return value;
    return `${value}${PAYLOADS[counter.n++ % PAYLOADS.length]}`;
  }
  if (Array.isArray(value)) return value.map((v) => poison(v, counter, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, counter, k)]));
  return value;
}

let env;
let p;
before(async () => {
  env = await startEnvironment();
  // Each release's data file served poisoned in its place: read as JSON, poisoned, and written
  // back by the command line as the file the page loads.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xixia-hostile-'));
  const hostile = new Map();
  for (const file of readdirSync(path.join(WWW, 'data', 'charts')).filter((f) => f.endsWith('.bin'))) {
    const json = path.join(dir, `${file}.json`);
    writeFileSync(json, JSON.stringify(poison(JSON.parse(cli(['unpack-charts', path.join(WWW, 'data', 'charts', file)])))));
    cli(['pack-charts', json, '-o', path.join(dir, file)]);
    hostile.set(file, readFileSync(path.join(dir, file)));
  }
  p = await openPage(env, '/index.html', {
    width: 1024,
    beforeGoto: async (page) => {
      await page.emulateMedia({ reducedMotion: 'reduce' }); // no smooth scrolling under the pointer
      await page.route(/\/data\/charts\/[^/]+\.bin$/, async (route) =>
        route.fulfill({ contentType: 'application/octet-stream', body: hostile.get(decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop())) }),
      );
    },
  });
  await waitForCharts(p.page, CHART_IDS.length);
});
after(async () => {
  await p?.context.close();
  await env?.close();
});

/** Elements and attributes that would mean markup got in. */
function intrusions(page) {
  return page.evaluate(() => {
    const found = [];
    for (const node of document.querySelectorAll('xixia-stat *')) {
      if (['script', 'img', 'iframe', 'foreignObject', 'object', 'embed'].includes(node.localName)) found.push(node.localName);
      for (const attr of node.attributes) {
        const url = ['href', 'src', 'xlink:href', 'action', 'formaction'].includes(attr.name);
        if (/^on/i.test(attr.name) || (url && /^\s*javascript:/i.test(attr.value)) || attr.name.includes('"')) found.push(`${node.localName}[${attr.name}]`);
      }
    }
    return { found, xss: window.__xss ?? null };
  });
}

test('every chart draws the hostile strings as text, and nothing runs', async () => {
  const page = p.page;
  const states = await page.$$eval('xixia-stat', (els) => els.map((e) => e.dataset.state));
  assert.deepEqual(states, CHART_IDS.map(() => 'ready'));
  const texts = await page.$$eval('xixia-stat svg', (svgs) => svgs.map((s) => s.textContent));
  assert.ok(texts.some((t) => t.includes('<script>window.__xss = 1</script>')), 'the payload is shown literally');
  assert.ok(texts.some((t) => t.includes('</svg><img')), 'an </svg> breaker is shown literally');
  assert.deepEqual(await intrusions(page), { found: [], xss: null });
});

test('the tooltip, the live region, the summary and the table show them as text', async () => {
  const page = p.page;
  const chart = page.locator('xixia-stat[chart="gdp-by-industry"]');
  await chart.locator('.xixia-stat__chart').focus();
  await page.keyboard.press('ArrowRight');
  assert.match(await chart.locator('.xixia-stat__live').textContent(), SHOWN);
  assert.match(await chart.locator('.xixia-stat__tooltip').textContent(), SHOWN);
  // Hover a bar too (scrolled into view at once: the page scrolls smoothly otherwise).
  await chart.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  const box = await chart.locator('svg').boundingBox();
  const mark = await chart.evaluate((el) => el.result.marks[1]);
  const scale = box.width / (await chart.evaluate((el) => el.result.width));
  await page.mouse.move(box.x + (mark.x + mark.width / 2) * scale, box.y + (mark.y + mark.height / 2) * scale);
  await waitUntil(() => chart.locator('.xixia-stat__tooltip').isVisible(), 'the tooltip');
  for (const button of await page.locator('.xixia-stat__toggle').all()) await button.click();
  const tables = await page.$$eval('xixia-stat table', (ts) => ts.map((t) => t.textContent).join('\n'));
  for (const payload of [...PAYLOADS.slice(0, 3), PAYLOADS[5]]) assert.ok(tables.includes(payload), `the table shows ${payload} as text`);
  assert.match(await chart.locator('.xixia-stat__description').textContent(), SHOWN);
  assert.deepEqual(await intrusions(page), { found: [], xss: null });
  assert.deepEqual(await problems(env, p), NO_PROBLEMS);
});

test('hostile attributes and URLs: shown as text or ignored', async () => {
  const q = await openPage(env, `/embed.html#chart=${encodeURIComponent('"><img src=x onerror="window.__xss=6">')}&lang=${encodeURIComponent('<script>')}`, { width: 1024 });
  try {
    const page = q.page;
    await waitForCharts(page, 3);
    await page.evaluate(() => {
      const el = document.querySelector('xixia-stat');
      el.setAttribute('chart', '"><img src="x" onerror="window.__xss = 7">');
      el.setAttribute('release', '<script>window.__xss = 8</script>');
    });
    const alert = page.locator('xixia-stat').first().locator('[role="alert"]');
    await waitUntil(() => alert.isVisible(), 'the error message');
    assert.match(await alert.textContent(), /<img src="x" onerror=/);
    // The embed code of a chart with an odd release attribute quotes it safely.
    const english = page.locator('#english-example');
    await english.evaluate((el) => el.setAttribute('release', '2022-bulletin" onload="window.__xss = 9'));
    await english.scrollIntoViewIfNeeded(); // drawn (here: its error) once near the screen
    await waitUntil(async () => (await english.getAttribute('data-state')) === 'error', 'the unknown release');
    assert.deepEqual(await intrusions(page), { found: [], xss: null });
    const code = await page.evaluate(() => document.querySelector('#care-example').embedCode());
    assert.doesNotMatch(code, /"\s+on/);
  } finally {
    await q.context.close();
  }
});
