// What a CMS editor sees when something is wrong, with the real wasm: a clear message inside the
// element (never a dead, empty one); the loading text while the wasm is on its way.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnvironment, openPage, waitForCharts, waitUntil, problems, NO_PROBLEMS, FIXTURE_PREFIX } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnvironment();
});
after(async () => {
  await env?.close();
});

function state(page, id) {
  return page.$eval(`#${id}`, (el) => ({
    state: el.dataset.state,
    alert: el.querySelector('[role="alert"]')?.textContent ?? null,
    alertVisible: !!el.querySelector('[role="alert"]')?.checkVisibility(),
    svg: !!el.querySelector('svg'),
    svgVisible: !!el.querySelector('svg')?.checkVisibility(),
    text: el.textContent,
  }));
}

describe('bad attributes (fixture page served from another folder)', () => {
  let p;
  before(async () => {
    p = await openPage(env, `${FIXTURE_PREFIX}errors.html`, { width: 900 });
    await waitForCharts(p.page, 6);
  });
  after(async () => {
    await p?.context.close();
  });

  test('an unknown chart id: the wasm error, shown in the element', async () => {
    const s = await state(p.page, 'bad-chart');
    assert.equal(s.state, 'error');
    assert.ok(s.alertVisible, 'the message is visible');
    assert.match(s.alert, /^图表无法显示：/);
    assert.match(s.alert, /nope/, `the message names the chart: ${s.alert}`);
    assert.equal(s.svg, false);
  });

  test('an unknown release: the wasm error names it', async () => {
    const s = await state(p.page, 'bad-release');
    assert.equal(s.state, 'error');
    assert.ok(s.alertVisible);
    assert.match(s.alert, /no-such-release/, s.alert);
  });

  test('an unknown chart and no release: the message lists the charts there are', async () => {
    const s = await state(p.page, 'bad-chart-no-release');
    assert.equal(s.state, 'error');
    assert.match(s.alert, /未找到图表“nope”/);
    assert.match(s.alert, /gdp-structure/);
  });

  test('no chart attribute: says so', async () => {
    const s = await state(p.page, 'no-chart');
    assert.equal(s.state, 'error');
    assert.match(s.alert, /未指定图表/);
  });

  test('no release attribute: the catalogue supplies it', async () => {
    const s = await state(p.page, 'no-release');
    assert.equal(s.state, 'ready');
    assert.ok(s.svgVisible);
    assert.equal(s.alert, null);
  });

  test('the chart attribute changed at run time: error, then a chart again', async () => {
    const page = p.page;
    assert.equal((await state(page, 'switch')).state, 'ready');
    await page.$eval('#switch', (el) => el.setAttribute('chart', 'nope'));
    await waitUntil(async () => (await state(page, 'switch')).state === 'error', 'the error state');
    const s = await state(page, 'switch');
    assert.ok(s.alertVisible);
    assert.match(s.alert, /nope/);
    assert.equal(s.svgVisible, false);
    await page.$eval('#switch', (el) => el.setAttribute('chart', 'gdp-structure'));
    await waitUntil(async () => (await state(page, 'switch')).state === 'ready', 'the ready state');
    const t = await state(page, 'switch');
    assert.ok(t.svgVisible);
    assert.match(t.text, /69\.6/);
  });

  test('errors are handled: no page errors, no console errors, nothing fetched elsewhere', async () => {
    assert.deepEqual(await problems(env, p), NO_PROBLEMS);
  });
});

describe('loading', () => {
  test('until the wasm arrives: the pre-rendered chart, or "图表加载中…" where there is none; then the drawn chart', async () => {
    let release;
    const gate = new Promise((r) => (release = r));
    const p = await openPage(env, '/embed.html', {
      beforeGoto: (page) =>
        page.route('**/pkg/xixia_stats_bg.wasm', async (route) => {
          await gate;
          await route.continue();
        }),
    });
    try {
      const page = p.page;
      const el = page.locator('xixia-stat').first();
      await waitUntil(async () => (await el.getAttribute('data-state')) === 'loading', 'the loading state');
      // The build's static chart shows meanwhile, with no loading message over it.
      assert.equal(await el.locator('.xixia-stat__static svg').isVisible(), true);
      assert.equal(await el.locator('.xixia-stat__status').isVisible(), false);
      // An element pasted into a page the build never saw has nothing to show but the message.
      await page.evaluate(() => {
        const pasted = document.createElement('xixia-stat');
        pasted.id = 'pasted';
        pasted.setAttribute('chart', 'gdp-by-industry');
        pasted.setAttribute('release', '2022-bulletin');
        document.querySelector('main').append(pasted);
      });
      const status = page.locator('#pasted .xixia-stat__status');
      await waitUntil(() => status.isVisible(), 'the loading message');
      assert.equal((await status.textContent()).trim(), '图表加载中…');
      assert.equal(await status.getAttribute('role'), 'status');
      release();
      await waitForCharts(page, 4);
      assert.equal(await el.getAttribute('data-state'), 'ready');
      assert.equal(await el.locator('.xixia-stat__static').count(), 0, 'the static chart is replaced');
      assert.equal(await el.locator('svg').count(), 1);
      assert.equal(await status.isVisible(), false);
      assert.equal(await page.locator('#pasted svg').isVisible(), true);
    } finally {
      release();
      await p.context.close();
    }
  });

  test('the wasm cannot be fetched: every element says so', async () => {
    const p = await openPage(env, '/csp.html', {
      beforeGoto: (page) => page.route('**/pkg/xixia_stats_bg.wasm', (route) => route.abort('failed')),
    });
    try {
      const states = await waitForCharts(p.page, 2);
      assert.deepEqual(states.map((s) => s.state), ['error', 'error']);
      const alerts = await p.page.$$eval('xixia-stat [role="alert"]', (as) => as.map((a) => a.textContent));
      assert.equal(alerts.length, 2);
      for (const a of alerts) assert.match(a, /^图表组件加载失败：/);
      // Nothing is lost: the build's static charts and tables stay readable.
      assert.equal(await p.page.locator('.xixia-stat__static svg').count(), 2);
      assert.equal(await p.page.locator('.xixia-stat__static table').count(), 2);
    } finally {
      await p.context.close();
    }
  });
});
