// www/index.html with the real wasm: every chart renders, shows the bulletin's figures, has its data
// table; the page is clean (no errors, no requests elsewhere, no inline styles); the layout is one
// column on a phone and two on a desktop. Full-page screenshots go to test-output/screenshots/.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnvironment, openPage, waitForCharts, seeEveryChart, waitUntil, problems, screenshot, NO_PROBLEMS, CHART_IDS } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnvironment();
});
after(async () => {
  await env?.close();
});

/** Per element: chart, release, state, content width, the svg's width attribute and its text. */
function chartInfo(page) {
  return page.$$eval('xixia-stat', (els) =>
    els.map((el) => {
      const cs = getComputedStyle(el);
      const content = el.getBoundingClientRect().width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      const wrapper = el.querySelector('.xixia-stat__chart');
      const svg = wrapper?.querySelector(':scope > svg');
      return {
        chart: el.getAttribute('chart'),
        release: el.getAttribute('release'),
        state: el.dataset.state,
        message: el.querySelector('.xixia-stat__status')?.textContent ?? '',
        content: Math.round(content),
        role: wrapper?.getAttribute('role'),
        label: wrapper?.getAttribute('aria-label') ?? '',
        description: document.getElementById((wrapper?.getAttribute('aria-describedby') ?? '').split(' ')[0])?.textContent ?? '',
        svgWidth: svg ? Number(svg.getAttribute('width')) : null,
        svgShown: svg ? svg.getBoundingClientRect().width : null,
        text: svg?.textContent ?? '',
        title: el.result?.title ?? '',
        status: el.result?.status ?? '',
      };
    }),
  );
}

const byChart = (infos) => Object.fromEntries(infos.map((i) => [i.chart, i]));

function assertAllRendered(infos) {
  const broken = infos.filter((i) => i.state !== 'ready' || i.svgWidth === null);
  assert.deepEqual(
    broken.map((i) => `${i.chart}: ${i.state} ${i.message}`),
    [],
    'every <xixia-stat> renders an <svg>',
  );
}

describe('index.html at 1440 px', () => {
  let p;
  before(async () => {
    p = await openPage(env, '/index.html', { width: 1440, height: 900 });
    await waitForCharts(p.page, CHART_IDS.length);
  });
  after(async () => {
    await p?.context.close();
  });

  test('the page: language, title, the three sections', async () => {
    const page = p.page;
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal((await page.textContent('h1')).trim(), '西夏区统计数据');
    const h2 = (await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent.trim())));
    // The newest release of each kind, made from the content folder, section by section.
    assert.deepEqual(h2, ['西夏区2022年国民经济和社会发展统计公报', '西夏区2023年1-11月主要经济指标', '西夏财政专报第五至八期']);
    const h3 = await page.$$eval('#r-2022-bulletin h3', (hs) => hs.map((h) => h.textContent.trim()));
    assert.deepEqual(h3, ['一、综合', '二、农业', '三、工业和建筑业', '四、服务业', '五、固定资产投资', '六、贸易', '七、财政', '八、人民生活', '九、人口']);
    // Every section has its figures as a table, the ranks of the monthly report among them.
    const tables = await page.$$eval('#r-2022-bulletin .release-section', (ss) => ss.map((s) => s.querySelectorAll('.release-section__figures[data-lang="zh-CN"] tbody tr').length));
    assert.ok(tables.every((n) => n > 0), `rows per section: ${tables}`);
    assert.match(await page.textContent('#r-2023-1-11-indicators'), /全区第4位；全市第2位；沿黄市辖区第2位/);
    const body = await page.textContent('body');
    for (const s of ['489.91', '资料来源：西夏区统计局', '资料来源：西夏区财政局', '数据均为初步统计数']) {
      assert.ok(body.includes(s), `page text has ${s}`);
    }
  });

  test('each chart of the catalogue is on the page once, with its release', async () => {
    const catalogue = JSON.parse(await p.page.evaluate(async () => (await import('/pkg/xixia_stats.js')).charts('zh-CN')));
    assert.deepEqual(catalogue.map((c) => c.id).sort(), [...CHART_IDS].sort());
    const onPage = (await chartInfo(p.page)).map((i) => `${i.release}/${i.chart}`).sort();
    assert.deepEqual(onPage, catalogue.map((c) => `${c.release}/${c.id}`).sort());
    // Every chart has a short heading in its card.
    const headings = await p.page.$$eval('xixia-stat', (els) =>
      els.map((el) => el.closest('.chart-card')?.querySelector('h3, h4')?.textContent.trim() ?? ''),
    );
    assert.ok(headings.every((h) => h.length > 0), `headings: ${headings}`);
  });

  test('every <xixia-stat> renders an <svg> drawn at its own width', async () => {
    const infos = await chartInfo(p.page);
    assertAllRendered(infos);
    for (const i of infos) {
      assert.equal(i.svgWidth, Math.max(280, i.content), `${i.chart}: svg width ${i.svgWidth}, element ${i.content}`);
      assert.ok(i.svgShown <= i.content + 0.5, `${i.chart}: svg overflows`);
      assert.equal(i.role, 'img', `${i.chart}: role=img on the svg wrapper`);
      assert.ok(i.title && i.label === i.title, `${i.chart}: aria-label "${i.label}"`);
      assert.match(i.description, /\d.*。$/, `${i.chart}: described in words with figures: "${i.description}"`);
      assert.ok(i.text.includes(i.title), `${i.chart}: the svg shows its title "${i.title}"`);
      assert.ok(i.status && i.text.includes(i.status), `${i.chart}: the svg shows the status "${i.status}"`);
    }
  });

  test('the SVGs show the bulletin figures', async () => {
    const c = byChart(await chartInfo(p.page));
    assert.match(c['gdp-by-industry'].text, /489\.91/, 'GDP 489.91 亿元');
    assert.match(c['gdp-structure'].text, /69\.6/, 'secondary industry 69.6 %');
    assert.match(c['direct-funds-progress'].text, /20\.3/, 'direct funds paid 20.3 %');
    assert.match(c['direct-funds-progress'].text, /25(\.0+)?\s?%/, 'the 25 % target line');
    assert.match(c['indicators-vs-region'].text, /21\.4/, 'industrial value added +21.4 %');
  });

  test('every chart has a non-empty data table behind its toggle', async () => {
    const page = p.page;
    const count = await page.locator('xixia-stat').count();
    for (let n = 0; n < count; n++) {
      const el = page.locator('xixia-stat').nth(n);
      const chart = await el.getAttribute('chart');
      const button = el.locator('button.xixia-stat__toggle');
      assert.equal((await button.textContent()).trim(), '查看数据表', chart);
      assert.equal(await button.isVisible(), true, `${chart}: toggle visible`);
      assert.equal(await button.getAttribute('aria-expanded'), 'false', chart);
      const panelId = await button.getAttribute('aria-controls');
      const panel = page.locator(`[id="${panelId}"]`);
      assert.equal(await panel.isVisible(), false, `${chart}: table hidden at first`);
      await button.click();
      assert.equal(await button.getAttribute('aria-expanded'), 'true', chart);
      assert.equal(await panel.isVisible(), true, `${chart}: table shown after the click`);
      const table = await panel.locator('table').evaluate((t) => ({
        caption: t.caption?.textContent.trim() ?? '',
        cols: [...t.querySelectorAll('thead th')].map((th) => [th.scope, th.textContent.trim()]),
        rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => [c.localName, c.scope, c.textContent.trim()])),
        data: t.closest('xixia-stat').result.table,
      }));
      assert.ok(table.caption.length > 0, `${chart}: caption`);
      assert.ok(table.cols.length >= 2, `${chart}: at least two columns`);
      assert.deepEqual(table.cols, table.data.columns.map((c) => ['col', c.trim()]), `${chart}: column headers`);
      assert.ok(table.rows.length >= 1, `${chart}: at least one row`);
      assert.equal(table.rows.length, table.data.rows.length, `${chart}: every row`);
      for (const row of table.rows) {
        assert.deepEqual(row[0].slice(0, 2), ['th', 'row'], `${chart}: row header`);
        assert.equal(row.length, table.cols.length, `${chart}: row length`);
        assert.ok(row[0][2].length > 0, `${chart}: row label`);
      }
      assert.ok(table.rows.some((r) => r.slice(1).some((c) => /\d/.test(c[2]))), `${chart}: figures in the table`);
    }
    await screenshot(page, 'index-1440-tables-open.png');
    for (let n = 0; n < count; n++) await page.locator('xixia-stat').nth(n).locator('button.xixia-stat__toggle').click();
    assert.equal(await page.locator('.xixia-stat__table-wrap:visible').count(), 0, 'a second click hides the tables');
  });

  test('no console errors, page errors, failed requests or requests to other origins', async () => {
    assert.deepEqual(await problems(env, p), NO_PROBLEMS);
    // The wasm and its JS are fetched once for the nine charts.
    assert.equal(p.log.requests.filter((u) => u.endsWith('/pkg/xixia_stats_bg.wasm')).length, 1);
    assert.equal(p.log.requests.filter((u) => u.endsWith('/pkg/xixia_stats.js')).length, 1);
  });

  test('no inline scripts or styles, one component stylesheet', async () => {
    const found = await p.page.evaluate(() => ({
      styleAttrs: [...document.querySelectorAll('[style]')].map((e) => e.outerHTML.slice(0, 120)),
      styleElements: document.querySelectorAll('style').length,
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
      componentCss: [...document.querySelectorAll('link[rel="stylesheet"]')].filter((l) => l.href.endsWith('/xixia-stat.css')).length,
    }));
    assert.deepEqual(found, { styleAttrs: [], styleElements: 0, inlineScripts: 0, componentCss: 1 });
  });

  test('typography and two columns at ≥ 1024 px', async () => {
    const page = p.page;
    const body = await page.evaluate(() => {
      const cs = getComputedStyle(document.body);
      return { size: parseFloat(cs.fontSize), lineHeight: parseFloat(cs.lineHeight), family: cs.fontFamily };
    });
    assert.ok(body.size >= 16, `base font ${body.size}px`);
    assert.ok(Math.abs(body.lineHeight / body.size - 1.6) < 0.01, `line-height ${body.lineHeight / body.size}`);
    assert.match(body.family, /Noto Sans CJK SC/);
    const lefts = await page.$$eval('#r-2022-bulletin .chart-card', (cs) => cs.map((c) => Math.round(c.getBoundingClientRect().left)));
    assert.equal(new Set(lefts).size, 2, `two columns: ${lefts}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll');
  });

  test('marks lie inside their chart, and hovering one names it and its value', async () => {
    const page = p.page;
    const all = await page.$$eval('xixia-stat', (els) => els.map((el) => ({ chart: el.getAttribute('chart'), w: el.result.width, h: el.result.height, marks: el.result.marks })));
    for (const { chart, w, h, marks } of all) {
      assert.ok(marks.length > 0, `${chart}: marks`);
      for (const m of marks) {
        assert.ok(m.x >= 0 && m.y >= 0 && m.x + m.width <= w + 1 && m.y + m.height <= h + 1, `${chart}: mark ${JSON.stringify(m)} inside ${w}×${h}`);
      }
    }
    const el = page.locator('xixia-stat[chart="gdp-by-industry"]');
    const marks = all.find((c) => c.chart === 'gdp-by-industry').marks;
    const secondary = marks.find((m) => (m.category ?? m.label) === '第二产业');
    assert.ok(secondary, 'a mark for 第二产业');
    await el.scrollIntoViewIfNeeded();
    const box = await el.locator('svg').boundingBox();
    await page.mouse.move(box.x + secondary.x + secondary.width / 2, box.y + secondary.y + secondary.height / 2);
    const tooltip = el.locator('.xixia-stat__tooltip');
    await waitUntil(() => tooltip.isVisible(), 'the tooltip');
    const text = await tooltip.textContent();
    assert.match(text, /第二产业/);
    assert.match(text, /340\.85/);
    await page.mouse.move(0, 0);
    await waitUntil(async () => !(await tooltip.isVisible()), 'the tooltip to hide');
  });

  test('full-page screenshot', async () => {
    await screenshot(p.page, 'index-1440.png');
  });

  test('resizing the window re-renders at the new width, a height change does not', async () => {
    const page = p.page;
    await page.evaluate(() => {
      window.__renders = [];
      document.addEventListener('xixia-stat-render', (e) => window.__renders.push(e.target.getAttribute('chart')));
    });
    await page.setViewportSize({ width: 1440, height: 1200 });
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(() => window.__renders), [], 'no re-render for a height change');
    await page.setViewportSize({ width: 900, height: 1200 });
    // The charts near the screen are drawn again at once, the others as the reader reaches them.
    await waitUntil(async () => {
      await seeEveryChart(page);
      const infos = await chartInfo(page);
      return infos.every((i) => i.svgWidth === Math.max(280, i.content));
    }, 'every chart to be redrawn at its new width');
    const renders = await page.evaluate(() => window.__renders);
    assert.deepEqual([...new Set(renders)].sort(), [...new Set(CHART_IDS)].sort(), 'each chart drawn again');
    assert.ok(renders.length <= CHART_IDS.length * 2, `a few renders, not a loop: ${renders.length}`);
    assert.deepEqual(await problems(env, p), NO_PROBLEMS);
  });
});

describe('index.html at 360 px (phone)', () => {
  let p;
  before(async () => {
    p = await openPage(env, '/index.html', { width: 360, height: 740 });
    await waitForCharts(p.page, CHART_IDS.length);
  });
  after(async () => {
    await p?.context.close();
  });

  test('every chart renders, sized to the narrow column', async () => {
    const infos = await chartInfo(p.page);
    assertAllRendered(infos);
    for (const i of infos) {
      assert.ok(i.content < 360, `${i.chart}: element ${i.content}px`);
      assert.equal(i.svgWidth, Math.max(280, i.content), `${i.chart}: svg width`);
      assert.ok(i.svgShown <= i.content + 0.5, `${i.chart}: svg overflows`);
    }
  });

  test('one column, nothing wider than the screen', async () => {
    const page = p.page;
    const lefts = await page.$$eval('.chart-card', (cs) => cs.map((c) => Math.round(c.getBoundingClientRect().left)));
    assert.equal(new Set(lefts).size, 1, `one column: ${lefts}`);
    const overflow = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      wide: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('.xixia-stat__table-wrap, .release-section__table, .table-scroll'))
        .map((e) => e.localName + (e.className && typeof e.className === 'string' ? `.${e.className}` : ''))
        .slice(0, 5),
    }));
    assert.deepEqual(overflow, { scroll: 360, wide: [] });
  });

  test('no console errors, page errors or requests to other origins', async () => {
    assert.deepEqual(await problems(env, p), NO_PROBLEMS);
  });

  test('full-page screenshot', async () => {
    await screenshot(p.page, 'index-360.png');
  });
});
