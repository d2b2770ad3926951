// What a journalist takes away, tried as a new user would: the page with JavaScript off (the build's
// pre-rendered charts and tables); every download of every chart opened and checked (PNG decoded in
// the browser at 2× with ink in its title, SVG parsed and standing alone, CSV with its BOM parsed,
// JSON-stat read); "复制嵌入代码" pasted into a blank page, where it draws; permalinks restore the
// chart and the language.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startEnvironment, openPage, waitForCharts, waitUntil, problems, screenshot, NO_PROBLEMS, CHART_IDS, PUBLISHED, FIXTURE_PREFIX, WWW } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnvironment();
});
after(async () => {
  await env?.close();
});

describe('with JavaScript off', () => {
  for (const width of [360, 1440]) {
    test(`index.html shows every chart, its summary, its table and its downloads at ${width} px`, async () => {
      const context = await env.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        const response = await page.goto(`${env.origin}/index.html`);
        assert.equal(response.status(), 200);
        // The first charts carry their SVG in the page; the later ones show it as an image (the
        // build's file, loaded as it comes near), with no placeholder beside it.
        const charts = await page.$$eval('xixia-stat', (els) =>
          els.map((el) => {
            const shown = el.querySelector('.xixia-stat__static svg:not(.xixia-stat__placeholder), .xixia-stat__static .xixia-stat__image');
            return {
            chart: el.getAttribute('chart'),
            svg: shown?.getBoundingClientRect().width ?? 0,
            overflow: (shown?.getBoundingClientRect().right ?? 0) - el.getBoundingClientRect().right,
            placeholder: el.querySelector('.xixia-stat__placeholder')?.getBoundingClientRect().height ?? 0,
            image: shown?.localName === 'img' ? shown.getAttribute('src') : null,
            text: shown?.localName === 'svg' ? shown.textContent : '',
            name: el.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '',
            description: el.querySelector('.xixia-stat__description')?.textContent ?? '',
            rows: el.querySelectorAll('table tbody tr').length,
            links: [...el.querySelectorAll('.xixia-stat__downloads a')].map((a) => a.getAttribute('href')),
            };
          }),
        );
        for (const c of charts) if (c.image) c.text = readFileSync(path.join(WWW, c.image), 'utf8').replace(/<[^>]*>/g, '');
        assert.deepEqual(charts.map((c) => c.chart).sort(), [...CHART_IDS].sort());
        for (const c of charts) {
          assert.ok(c.svg > 200, `${c.chart}: the chart is shown (${c.svg} px)`);
          assert.ok(c.overflow <= 0.5, `${c.chart}: the chart fits its box`);
          assert.equal(c.placeholder, 0, `${c.chart}: no empty placeholder without JavaScript`);
          assert.ok(c.name.length > 0 && c.text.includes(c.name), `${c.chart}: named by its title`);
          assert.match(c.description, /\d.*。$/, `${c.chart}: summary`);
          assert.ok(c.rows > 0, `${c.chart}: table rows`);
          assert.deepEqual(c.links.map((l) => l.split('.').pop()), ['png', 'svg', 'csv', 'json'], `${c.chart}: downloads`);
        }
        const gdp = charts.find((c) => c.chart === 'gdp-by-industry');
        assert.match(gdp.text, /340\.85/);
        assert.match(gdp.description, /489\.91亿元/);
        // The table opens without JavaScript (a <details>).
        await page.locator('xixia-stat[chart="gdp-by-industry"] summary').click();
        assert.equal(await page.locator('xixia-stat[chart="gdp-by-industry"] table').isVisible(), true);
        assert.match(await page.locator('xixia-stat[chart="gdp-by-industry"] table').textContent(), /第二产业340\.8513\.0/);
        await screenshot(page, `nojs-${width}.png`);
      } finally {
        await context.close();
      }
    });
  }
});

/** Fetches a URL inside the page and describes what came back. */
async function fetchInPage(page, url) {
  return page.evaluate(async (href) => {
    const response = await fetch(href);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, type: response.headers.get('content-type'), bytes: [...bytes.slice(0, 8)], length: bytes.length, text: new TextDecoder().decode(bytes) };
  }, url);
}

describe('downloads', () => {
  let p;
  before(async () => {
    p = await openPage(env, '/index.html', { width: 1440 });
    await waitForCharts(p.page, CHART_IDS.length);
  });
  after(async () => {
    await p?.context.close();
  });

  test('every chart offers PNG, SVG, CSV and JSON-stat, and every file opens correctly', async () => {
    const page = p.page;
    for (const { chart, release } of PUBLISHED) {
      const el = page.locator(`xixia-stat[chart="${chart}"][release="${release}"]`);
      await el.locator('.xixia-stat__share-toggle').click();
      const links = await el.locator('.xixia-stat__download').evaluateAll((as) => as.map((a) => ({ format: a.dataset.format, href: a.href, download: a.hasAttribute('download'), label: a.textContent })));
      assert.deepEqual(links.map((l) => l.format), ['png', 'svg', 'csv', 'jsonstat'], chart);
      assert.ok(links.every((l) => l.download && l.href.startsWith(env.origin)), `${chart}: same-origin downloads`);

      // PNG: decodes at 2× the chart's export width, not blank, ink in the title (Chinese glyphs drawn).
      const png = await page.evaluate(async (href) => {
        const bitmap = await createImageBitmap(await (await fetch(href)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        ctx.drawImage(bitmap, 0, 0);
        const ink = (x, y, w, h) => {
          const d = ctx.getImageData(x, y, w, h).data;
          let dark = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 300) dark++;
          return dark / (w * h);
        };
        const all = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
        const colours = new Set();
        for (let i = 0; i < all.length; i += 4 * 97) colours.add((all[i] << 16) | (all[i + 1] << 8) | all[i + 2]);
        return { width: bitmap.width, height: bitmap.height, titleInk: ink(20, 20, Math.min(600, bitmap.width - 40), 30), colours: colours.size };
      }, links[0].href);
      assert.equal(png.width, 1600, `${chart}: PNG 2 × 800 px wide`);
      assert.ok(png.height > 300, `${chart}: PNG height ${png.height}`);
      assert.ok(png.titleInk > 0.05, `${chart}: the title's glyphs are drawn (${(png.titleInk * 100).toFixed(1)}% ink)`);
      assert.ok(png.colours > 5, `${chart}: not blank (${png.colours} colours)`);

      // SVG: parses as a document of its own, declares its CJK fonts, carries title and source.
      const svg = await fetchInPage(page, links[1].href);
      assert.equal(svg.status, 200);
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const root = doc.documentElement;
        return { error: doc.querySelector('parsererror')?.textContent ?? null, root: root.localName, title: root.querySelector('title')?.textContent ?? '', font: root.getAttribute('font-family') ?? '', text: root.textContent };
      }, svg.text);
      assert.equal(parsed.error, null, `${chart}: SVG parses`);
      assert.equal(parsed.root, 'svg');
      assert.ok(parsed.title.length > 0, `${chart}: <title>`);
      assert.match(parsed.font, /Noto Sans CJK SC.*sans-serif$/, `${chart}: CJK font stack`);
      assert.match(parsed.text, /资料来源：西夏区(统计局|财政局)/);
      assert.match(parsed.text, /初步统计数/);

      // CSV: UTF-8 with a BOM, the source and status in its header rows.
      const csv = await fetchInPage(page, links[2].href);
      assert.deepEqual(csv.bytes.slice(0, 3), [0xef, 0xbb, 0xbf], `${chart}: BOM`);
      assert.match(csv.text, /西夏区(统计局|财政局)/);
      assert.match(csv.text, /初步统计数/);

      // JSON-stat 2.0 of the release.
      const jsonstat = JSON.parse((await fetchInPage(page, links[3].href)).text);
      assert.equal(jsonstat.version, '2.0');
      assert.equal(jsonstat.class, 'dataset');
      const cells = jsonstat.size.reduce((a, b) => a * b, 1);
      const values = Array.isArray(jsonstat.value) ? jsonstat.value.length : Object.keys(jsonstat.value).length;
      assert.ok(values > 0 && values <= cells, `${chart}: ${values} values in ${cells} cells`);
      assert.deepEqual(Object.keys(jsonstat.dimension).sort(), [...jsonstat.id].sort());
      await el.locator('.xixia-stat__share-toggle').click();
    }
    assert.deepEqual(await problems(env, p), NO_PROBLEMS);
  });

  test('English charts offer English files', async () => {
    const q = await openPage(env, '/index.html#lang=en', { width: 1024 });
    try {
      await waitForCharts(q.page, CHART_IDS.length);
      const href = await q.page.locator('xixia-stat[chart="gdp-by-industry"] .xixia-stat__download[data-format="csv"]').getAttribute('href');
      assert.match(href, /\/data\/export\/en\/2022-bulletin\/gdp-by-industry\.csv$/);
      const csv = await fetchInPage(q.page, href);
      assert.doesNotMatch(csv.text, /[\u4e00-\u9fff]/, 'no Chinese in the English CSV');
      assert.match(csv.text, /Xixia District Bureau of Statistics/);
    } finally {
      await q.context.close();
    }
  });
});

describe('embed code and permalinks', () => {
  test('"复制嵌入代码" puts two lines on the clipboard that draw the chart on a blank page', async () => {
    const p = await openPage(env, '/index.html', { width: 1024 });
    try {
      const page = p.page;
      await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
      await waitForCharts(page, CHART_IDS.length);
      const el = page.locator('xixia-stat[chart="gdp-structure"]');
      await el.locator('.xixia-stat__share-toggle').click();
      await el.locator('.xixia-stat__copy').click();
      await waitUntil(async () => (await el.locator('.xixia-stat__share-status').textContent()) === '嵌入代码已复制到剪贴板。', 'the confirmation');
      const code = await page.evaluate(() => navigator.clipboard.readText());
      // Pinned by Subresource Integrity: the SHA-384 of the script as served.
      const served = await (await fetch(`${env.origin}/xixia-stat.js`)).arrayBuffer();
      const sri = `sha384-${createHash('sha384').update(Buffer.from(served)).digest('base64')}`;
      assert.equal(
        code,
        `<script type="module" src="${env.origin}/xixia-stat.js" integrity="${sri}" crossorigin="anonymous"></script>\n<xixia-stat chart="gdp-structure" release="2022-bulletin"></xixia-stat>`,
      );

      // A new user pastes it into an empty page of their CMS.
      const body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>粘贴</title></head><body><main>${code}</main></body></html>`;
      const q = await openPage(env, `${FIXTURE_PREFIX}pasted.html`, {
        width: 800,
        beforeGoto: (pasted) => pasted.route(`${env.origin}${FIXTURE_PREFIX}pasted.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body })),
      });
      try {
        await waitForCharts(q.page, 1);
        assert.match(await q.page.locator('xixia-stat svg').textContent(), /69\.6/);
        assert.deepEqual(await problems(env, q), NO_PROBLEMS, 'the integrity check passes');
      } finally {
        await q.context.close();
      }
    } finally {
      await p.context.close();
    }
  });

  test('#chart=…&lang=… opens the page on that chart, focused, in that language', async () => {
    const p = await openPage(env, '/index.html#chart=sanbao-cumulative&lang=en', { width: 1440, height: 800 });
    try {
      const page = p.page;
      // The chart it names is drawn (and positioned) even though it is far from the top; the
      // charts around it as they come near.
      await waitUntil(
        () => page.evaluate(() => document.activeElement?.closest('xixia-stat')?.getAttribute('chart') === 'sanbao-cumulative'),
        'the chart to take focus',
      );
      await waitUntil(() => page.evaluate(() => [...document.querySelectorAll('xixia-stat')].filter((e) => {
        const box = e.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      }).every((e) => e.dataset.state === 'ready')), 'the charts on screen drawn');
      const box = await page.locator('xixia-stat[chart="sanbao-cumulative"]').boundingBox();
      assert.ok(box.y >= -1 && box.y < 800, `the chart is on screen (top at ${box.y})`);
      await waitForCharts(page, CHART_IDS.length);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.doesNotMatch(await page.locator('xixia-stat[chart="sanbao-cumulative"] svg').textContent(), /[\u4e00-\u9fff]/);
      // Each chart's own permalink carries its id and the language.
      await page.locator('xixia-stat[chart="gdp-structure"] .xixia-stat__share-toggle').click();
      assert.equal(await page.locator('xixia-stat[chart="gdp-structure"] .xixia-stat__permalink').getAttribute('href'), '#chart=gdp-structure&lang=en');
      await page.locator('xixia-stat[chart="gdp-structure"] .xixia-stat__permalink').click();
      await waitUntil(
        () => page.evaluate(() => document.activeElement?.closest('xixia-stat')?.getAttribute('chart') === 'gdp-structure'),
        'the linked chart to take focus',
      );
      assert.equal(new URL(page.url()).hash, '#chart=gdp-structure&lang=en');
    } finally {
      await p.context.close();
    }
  });
});

test('a script that does not match the embed code\'s integrity hash is refused', async () => {
  const body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>篡改</title></head><body><main><script type="module" src="/xixia-stat.js" integrity="sha384-${'A'.repeat(64)}" crossorigin="anonymous"></script><xixia-stat chart="gdp-structure" release="2022-bulletin"></xixia-stat></main></body></html>`;
  const q = await openPage(env, `${FIXTURE_PREFIX}tampered.html`, {
    width: 800,
    beforeGoto: (page) => page.route(`${env.origin}${FIXTURE_PREFIX}tampered.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body })),
  });
  try {
    await q.page.waitForTimeout(1000);
    assert.equal(await q.page.evaluate(() => customElements.get('xixia-stat') === undefined), true, 'the script did not run');
    assert.ok(q.log.console.some((m) => /integrity/i.test(m.text)), 'Chromium reports the integrity failure');
  } finally {
    await q.context.close();
  }
});
