// A page that costs what it shows (issue "Performance of a page with every chart"), checked as
// outcomes, never as timings: the pre-rendered chart is taken over where it stands; charts far from
// the screen are drawn only when they come near; a resize draws again only the charts near the
// screen, the others when they are seen; without JavaScript every chart is still there.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startEnvironment, openPage, waitUntil, problems, NO_PROBLEMS, CHART_IDS, WWW } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnvironment();
});
after(async () => {
  await env?.close();
});

/** Each chart's state, whether it meets the viewport, and its drawn width. */
const states = (page) =>
  page.$$eval('xixia-stat', (els) =>
    els.map((e) => {
      const box = e.getBoundingClientRect();
      return { chart: e.getAttribute('chart'), state: e.dataset.state ?? '', visible: box.bottom > 0 && box.top < innerHeight, width: e.result?.width ?? null };
    }),
  );

describe('index.html at 1440 px', () => {
  let p;
  before(async () => {
    p = await openPage(env, '/index.html', {
      beforeGoto: (page) =>
        page.addInitScript(() => {
          // The first chart's pre-rendered SVG and its box, as the first paint shows them.
          // The first frame comes after the stylesheets: the box then is the one painted.
          window.__first = null;
          const look = () => {
            const svg = document.querySelector('xixia-stat .xixia-stat__static svg');
            const box = svg?.getBoundingClientRect();
            if (!box?.width) return requestAnimationFrame(look);
            window.__first = { svg, box: [box.x, box.y, box.width, box.height].map(Math.round) };
          };
          requestAnimationFrame(look);
        }),
    });
    await waitUntil(async () => (await states(p.page)).filter((s) => s.visible).every((s) => s.state === 'ready'), 'the first screen taken over');
  });
  after(async () => {
    await p?.context.close();
  });

  test('the first chart is taken over where it stands: the same SVG element, the same box', async () => {
    const kept = await p.page.evaluate(() => {
      const el = document.querySelector('xixia-stat');
      const svg = el.querySelector('.xixia-stat__chart svg');
      const box = svg.getBoundingClientRect();
      return { same: svg === window.__first?.svg, before: window.__first?.box, after: [box.x, box.y, box.width, box.height].map(Math.round), statics: el.querySelectorAll('.xixia-stat__static').length, width: el.result.width };
    });
    assert.equal(kept.statics, 0, 'the static figure is gone');
    assert.equal(kept.same, true, 'the pre-rendered SVG is kept, not drawn again');
    assert.deepEqual(kept.after, kept.before, 'and it has not moved');
    assert.equal(kept.width, 556, 'the module drew it at the width the build did');
  });

  test('charts far from the screen are not drawn until scrolled near', async () => {
    const all = await states(p.page);
    assert.equal(all.length, CHART_IDS.length);
    const last = all.length - 1;
    assert.notEqual(all[last].state, 'ready', 'the last chart waits');
    const drawn = all.filter((s) => s.state === 'ready').length;
    assert.ok(drawn >= 2 && drawn < all.length / 2, `only the charts near the screen are drawn (${drawn} of ${all.length})`);
    // Its placeholder holds the chart's place meanwhile.
    const lastEl = p.page.locator('xixia-stat').nth(last);
    const placeholder = (await lastEl.locator('.xixia-stat__placeholder').boundingBox()).height;
    assert.ok(placeholder > 100, `a placeholder of the chart's size (${placeholder} px)`);
    await lastEl.scrollIntoViewIfNeeded();
    await waitUntil(async () => (await lastEl.getAttribute('data-state')) === 'ready', 'the last chart drawn once near');
    assert.equal(await lastEl.locator('.xixia-stat__placeholder').count(), 0);
    await p.page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
  });

  test('a resize draws again only the charts near the screen; the others when they are seen', async () => {
    const lastEl = p.page.locator('xixia-stat').last();
    const lastWidth = await lastEl.evaluate((e) => e.result.width);
    await p.page.evaluate(() => {
      window.__drawn = [];
      document.addEventListener('xixia-stat-render', (e) => window.__drawn.push(e.target.getAttribute('chart')));
    });
    await p.page.setViewportSize({ width: 1100, height: 900 });
    await waitUntil(async () => (await states(p.page)).filter((s) => s.visible).every((s) => s.width === 466), 'the visible charts drawn at the new width');
    await p.page.waitForTimeout(300);
    const drawn = await p.page.evaluate(() => window.__drawn.length);
    const all = await states(p.page);
    const ready = all.filter((s) => s.state === 'ready');
    assert.ok(drawn >= all.filter((s) => s.visible).length && drawn < ready.length, `${drawn} drawn again of the ${ready.length} taken over`);
    // The last chart (drawn at 1440 in the test above) keeps its old width until it is seen.
    assert.equal(await lastEl.evaluate((e) => e.result.width), lastWidth);
    await lastEl.scrollIntoViewIfNeeded();
    await waitUntil(async () => (await lastEl.evaluate((e) => e.result.width)) < lastWidth, 'the last chart drawn again once seen');
    await p.page.setViewportSize({ width: 1440, height: 900 });
  });

  test('clean: no errors, and no image of a chart fetched with JavaScript on', async () => {
    assert.deepEqual(await problems(env, p), NO_PROBLEMS);
    assert.deepEqual(p.log.requests.filter((u) => u.includes('/data/static/')), []);
  });
});

describe('index.html without JavaScript', () => {
  test('the charts after the first screen are images of the same SVG, and the page has no placeholder showing', async () => {
    const html = readFileSync(path.join(WWW, 'index.html'), 'utf8');
    const images = [...html.matchAll(/<noscript><img class="xixia-stat__image" src="([^"]+)"/g)].map((m) => m[1]);
    const inline = (html.match(/<figure class="xixia-stat__figure xixia-stat__static"[^>]*><div class="xixia-stat__chart"[^>]*><svg xmlns/g) ?? []).length;
    assert.equal(images.length + inline, CHART_IDS.length, 'every chart: inline or an image');
    assert.ok(inline >= 1 && images.length > inline);
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${env.origin}/index.html`);
      const placeholders = await page.$$eval('.xixia-stat__placeholder', (els) => els.filter((e) => e.getBoundingClientRect().height > 0).length);
      assert.equal(placeholders, 0, 'no empty box beside the image');
      const last = page.locator('.xixia-stat__image').last();
      await last.scrollIntoViewIfNeeded();
      await waitUntil(() => last.evaluate((img) => img.complete && img.naturalWidth > 0), 'the last chart image loaded');
      const box = await last.boundingBox();
      assert.ok(box.width > 300 && box.height > 100, `shown (${box.width}×${box.height})`);
      const src = await last.getAttribute('src');
      const svg = readFileSync(path.join(WWW, src), 'utf8');
      const title = await last.evaluate((img) => img.closest('[role="img"]').getAttribute('aria-label'));
      assert.ok(svg.startsWith('<svg xmlns') && svg.includes(title.slice(0, 8)), 'the chart, with its title');
    } finally {
      await context.close();
    }
  });
});
