// <xixia-stat> on its own: the wasm module is replaced by tests/browser/fixtures/fake-pkg.js (same
// exports), so these tests check the element's behaviour whatever the charts look like: one shared
// module load, sizing to the container, re-rendering only on a width change, the data table built
// with textContent (the fake puts markup in every string), the tooltip and the toggle.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startEnvironment, openPage, waitForCharts, waitUntil, problems, NO_PROBLEMS, FIXTURES, FIXTURE_PREFIX } from './helpers.mjs';

let env;
let p;

async function elementInfo(page, id) {
  return page.$eval(`#${id}`, (el) => {
    const svg = el.querySelector('.xixia-stat__chart > svg');
    const cs = getComputedStyle(el);
    const content = el.getBoundingClientRect().width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    return {
      state: el.dataset.state,
      content: Math.round(content),
      svgWidthAttr: svg ? Number(svg.getAttribute('width')) : null,
      svgShown: svg ? svg.getBoundingClientRect().width : null,
    };
  });
}

const calls = (page) => page.evaluate(() => window.__fake.calls.slice());

before(async () => {
  env = await startEnvironment();
  const fake = await readFile(path.join(FIXTURES, 'fake-pkg.js'), 'utf8');
  p = await openPage(env, `${FIXTURE_PREFIX}component.html`, {
    width: 800,
    height: 600,
    beforeGoto: async (page) => {
      // Also a reload after a crash (`xixia_stats.js?reload=1`).
      await page.route(/\/pkg\/xixia_stats\.js(\?.*)?$/, (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: fake }),
      );
      // The fake's one release: the index names it, its data file is the fake's business.
      const json = (body) => (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
      await page.route(/\/data\/charts\/index\.json$/, json({ releases: [{ id: 'r1', aliases: [], charts: ['demo'] }] }));
      await page.route(/\/data\/charts\/r1(\.en)?\.bin$/, (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('XSC1') }));
    },
  });
  await waitForCharts(p.page, 2);
});

after(async () => {
  await p?.context.close();
  await env?.close();
});

test('the module is loaded and initialised once for all elements', async () => {
  assert.equal(await p.page.evaluate(() => window.__fake.inits), 1);
  const pkgRequests = p.log.requests.filter((u) => u.endsWith('/pkg/xixia_stats.js'));
  assert.equal(pkgRequests.length, 1);
});

test('the stylesheet is linked once, next to the script, from a page in another folder', async () => {
  const links = await p.page.$$eval('head link[rel="stylesheet"]', (ls) => ls.map((l) => l.href));
  assert.deepEqual(links.filter((h) => h.endsWith('xixia-stat.css')), [`${env.origin}/xixia-stat.css`]);
});

test('renders at its own width; a missing release is taken from the catalogue', async () => {
  const a = await elementInfo(p.page, 'a');
  assert.equal(a.state, 'ready');
  assert.equal(a.content, 600);
  assert.equal(a.svgWidthAttr, 600);
  assert.ok((await calls(p.page)).some((c) => c.release === 'r1' && c.chart === 'demo' && c.width === 600));
  // #b has no release attribute, and a 200 px box: drawn at the minimum width, scaled down by CSS.
  const b = await elementInfo(p.page, 'b');
  assert.equal(b.state, 'ready');
  assert.equal(b.svgWidthAttr, 280);
  assert.ok(b.svgShown <= 200.5, `svg shown ${b.svgShown} px wide in a 200 px box`);
});

test('re-renders when the width changes, and only then', async () => {
  const page = p.page;
  const before = (await calls(page)).length;
  // Height only (the table opens and closes; the viewport grows taller): no new render.
  const heightBefore = (await page.locator('#a').boundingBox()).height;
  await page.locator('#a .xixia-stat__toggle').click();
  await page.waitForTimeout(300);
  assert.ok((await page.locator('#a').boundingBox()).height > heightBefore + 20, 'the open table makes the element taller');
  await page.locator('#a .xixia-stat__toggle').click();
  await page.setViewportSize({ width: 800, height: 700 });
  await page.waitForTimeout(300);
  assert.equal((await calls(page)).length, before, 'a height change must not re-render');
  // Width: exactly one new render per element whose width changed, at the new width.
  await page.$eval('#box-a', (b) => b.classList.add('box--narrow'));
  await waitUntil(async () => (await elementInfo(page, 'a')).svgWidthAttr === 420, 'the chart to be drawn at 420 px');
  await page.waitForTimeout(300);
  const after = (await calls(page)).slice(before);
  assert.deepEqual(after, [{ release: 'r1', chart: 'demo', width: 420, lang: 'zh-CN', mode: 'standard', ids: after[0]?.ids }]);
  assert.match(after[0].ids, /^xs\d+$/, 'an id prefix unique to the element');
});

test('strings from the module are text, never markup', async () => {
  const page = p.page;
  const info = await page.$eval('#a', (el) => ({
    imgs: document.querySelectorAll('img, [data-xss]').length,
    xss: window.__xss === true,
    label: el.querySelector('.xixia-stat__chart').getAttribute('aria-label'),
    description: el.querySelector('.xixia-stat__chart').getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent),
    role: el.querySelector('.xixia-stat__chart').getAttribute('role'),
    caption: el.querySelector('caption').textContent,
    headers: [...el.querySelectorAll('thead th')].map((th) => [th.scope, th.textContent, th.className]),
    rows: [...el.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((c) => [c.localName, c.scope, c.textContent, c.className])),
  }));
  assert.equal(info.imgs, 0);
  assert.equal(info.xss, false);
  const hostile = '<img src="x" data-xss="1" onerror="window.__xss = true">';
  assert.equal(info.role, 'img');
  assert.equal(info.label, `演示图表${hostile}`);
  assert.equal(info.description[0], '一根柱子');
  assert.match(info.description[1], /方向键/);
  assert.equal(info.caption, `表题${hostile}`);
  assert.deepEqual(info.headers, [['col', '项目', ''], ['col', `数值${hostile}`, 'xixia-stat__num']]);
  assert.deepEqual(info.rows, [
    [['th', 'row', `第一行${hostile}`, ''], ['td', '', '12.50', 'xixia-stat__num']],
    [['th', 'row', '第二行', ''], ['td', '', '-3.4%', 'xixia-stat__num']],
  ]);
});

test('the toggle shows and hides the table, with aria-expanded and aria-controls', async () => {
  const page = p.page;
  const button = page.locator('#a .xixia-stat__toggle');
  assert.equal(await button.textContent(), '查看数据表');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  const controls = await button.getAttribute('aria-controls');
  const panel = page.locator(`#${controls}`);
  assert.equal(await panel.count(), 1);
  assert.equal(await panel.isVisible(), false);
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await panel.isVisible(), true);
  assert.equal(await page.locator(`#${controls} table`).isVisible(), true);
  // The table stays open across a re-render at another width.
  await page.$eval('#box-a', (b) => b.classList.remove('box--narrow'));
  await waitUntil(async () => (await elementInfo(page, 'a')).svgWidthAttr === 600, 'the chart to be drawn at 600 px');
  assert.equal(await panel.isVisible(), true);
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await panel.isVisible(), false);
  // The two elements' tables have different ids.
  const other = await page.locator('#b .xixia-stat__toggle').getAttribute('aria-controls');
  assert.notEqual(other, controls);
});

test('hovering a mark shows its label and value as text', async () => {
  const page = p.page;
  const box = await page.locator('#a .xixia-stat__chart svg').boundingBox();
  const tooltip = page.locator('#a .xixia-stat__tooltip');
  await page.mouse.move(box.x + 5, box.y + 5);
  assert.equal(await tooltip.isVisible(), false);
  await page.mouse.move(box.x + 50, box.y + 100); // inside the mark (20..80, 40..160)
  await waitUntil(() => tooltip.isVisible(), 'the tooltip');
  const hostile = '<img src="x" data-xss="1" onerror="window.__xss = true">';
  assert.deepEqual(
    await tooltip.evaluate((t) => [...t.children].map((c) => c.textContent)),
    [`柱${hostile}`, `数值${hostile}12.50亿元`, '增长（%）−3.4', `2022年${hostile}`],
  );
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, [data-xss]').length), 0);
  await page.mouse.move(box.x + 300, box.y + 5);
  await waitUntil(async () => !(await tooltip.isVisible()), 'the tooltip to hide');
});

test('an error from the module is shown in the element, and it recovers', async () => {
  const page = p.page;
  await page.$eval('#a', (el) => el.setAttribute('chart', 'missing-chart'));
  await waitUntil(async () => (await elementInfo(page, 'a')).state === 'error', 'the error state');
  const alert = page.locator('#a [role="alert"]');
  assert.equal(await alert.isVisible(), true);
  assert.equal(await alert.textContent(), '图表无法显示：未知的图表：missing-chart');
  assert.equal(await page.locator('#a svg').isVisible(), false);
  assert.equal(await page.locator('#a .xixia-stat__toggle').isVisible(), false);
  await page.$eval('#a', (el) => el.setAttribute('chart', 'demo'));
  await waitUntil(async () => (await elementInfo(page, 'a')).state === 'ready', 'the ready state again');
  assert.equal(await page.locator('#a svg').isVisible(), true);
  assert.equal(await alert.count(), 0);
});

test('no console errors, page errors or requests elsewhere', async () => {
  assert.deepEqual(await problems(env, p), NO_PROBLEMS);
});

test('a panic in the module: a message in the element, a fresh module, the other charts untouched', async () => {
  const page = p.page;
  const initsBefore = await page.evaluate(() => window.__fake.inits);
  await page.$eval('#a', (el) => el.setAttribute('chart', 'crash'));
  await waitUntil(async () => (await page.evaluate(() => window.__fake.inits)) === initsBefore + 2, 'a fresh module after each crash');
  const alert = page.locator('#a [role="alert"]');
  await waitUntil(async () => /再次/.test((await alert.textContent()) ?? ''), 'the final message');
  const text = await alert.textContent();
  assert.match(text, /^图表组件再次出现内部错误，无法显示此图表。请刷新页面，或查看下方的数据表：panicked at src\/chart\/render\/mod\.rs/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, [data-xss]').length), 0, 'the panic message is text');
  // Tried once more, then left alone: no reload loop.
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__fake.inits), initsBefore + 2);
  assert.equal((await elementInfo(page, 'b')).state, 'ready', 'the other chart still stands');
  // The reader (or the page) asks for another chart: the fresh module draws it.
  await page.$eval('#a', (el) => el.setAttribute('chart', 'demo'));
  await waitUntil(async () => (await elementInfo(page, 'a')).state === 'ready', 'the chart again');
  assert.equal(await page.locator('#a svg').isVisible(), true);
  assert.deepEqual((await problems(env, p)).pageErrors, []);
});
