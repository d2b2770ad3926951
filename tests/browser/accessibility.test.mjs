// The visitor's experience on www/index.html and www/embed.html with the real wasm: an axe-core audit
// (WCAG 2.1 A and AA) in the normal, care (适老化) and English views; a keyboard walk through charts
// with the announced texts; tooltips inside a 360 px phone's viewport, by mouse and by tap; the care
// switch and its memory; prefers-contrast, prefers-reduced-motion and print. Screenshots of each view
// go to test-output/screenshots/.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startEnvironment, openPage, waitForCharts, seeEveryChart, waitUntil, problems, screenshot, NO_PROBLEMS, CHART_IDS, PUBLISHED } from './helpers.mjs';

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

let env;
before(async () => {
  env = await startEnvironment();
});
after(async () => {
  await env?.close();
});

/** Runs axe-core (WCAG 2.1 AA rules) with every data table open; returns the violations, short. */
async function audit(page) {
  await page.$$eval('.xixia-stat__toggle[aria-expanded="false"]', (buttons) => buttons.forEach((b) => b.click()));
  await page.evaluate(AXE_SOURCE); // through the DevTools protocol: no CSP applies
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_21_AA);
  assert.ok(result.passes.length > 20, `axe ran its rules (${result.passes.length} passed)`);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary}`);
}

/** Opens a page, optionally with the care mode remembered from an earlier visit. */
async function open(urlPath, { width = 1440, height = 900, care = false, hasTouch = false } = {}) {
  const p = await openPage(env, urlPath, {
    width,
    height,
    beforeGoto: async (page) => {
      if (care) await page.addInitScript(() => localStorage.setItem('xixia-stat-mode', 'care'));
    },
    hasTouch,
  });
  await waitForCharts(p.page);
  return p;
}

const live = (page, chart) => page.locator(`xixia-stat[chart="${chart}"] .xixia-stat__live`).textContent();
const modes = (page) => page.$$eval('xixia-stat', (els) => els.map((e) => e.dataset.mode));

describe('axe-core, WCAG 2.1 AA', () => {
  for (const [name, url, options] of [
    ['index.html', '/index.html', {}],
    ['index.html in care mode at 360 px', '/index.html', { care: true, width: 360 }],
    ['index.html in English', '/index.html#lang=en', {}],
    ['embed.html', '/embed.html', { width: 1024 }],
    ['embed.html in care mode', '/embed.html', { width: 1024, care: true }],
  ]) {
    test(`${name}: no violations`, async () => {
      const p = await open(url, options);
      try {
        assert.deepEqual(await audit(p.page), []);
        assert.deepEqual(await problems(env, p), NO_PROBLEMS);
      } finally {
        await p.context.close();
      }
    });
  }
});

describe('keyboard', () => {
  let p;
  before(async () => {
    p = await open('/index.html', { width: 1440 });
  });
  after(async () => {
    await p?.context.close();
  });

  test('Tab reaches each chart in page order, and each says how to walk it', async () => {
    const page = p.page;
    const reached = [];
    for (let i = 0; i < 12 * CHART_IDS.length && reached.length < CHART_IDS.length; i++) {
      await page.keyboard.press('Tab');
      const chart = await page.evaluate(() => document.activeElement?.closest('xixia-stat')?.getAttribute('chart') ?? null);
      const onChart = await page.evaluate(() => document.activeElement?.classList.contains('xixia-stat__chart'));
      if (onChart) reached.push(chart);
    }
    const order = await page.$$eval('xixia-stat', (els) => els.map((e) => e.getAttribute('chart')));
    assert.deepEqual(reached, order);
    const described = await page.$eval('xixia-stat[chart="gdp-by-industry"] .xixia-stat__chart', (chart) =>
      chart.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent),
    );
    assert.match(described[0], /489\.91亿元/);
    assert.match(described[1], /方向键/);
  });

  test('arrow keys walk the points of 三次产业增加值, each announced; Escape leaves', async () => {
    const page = p.page;
    const chart = page.locator('xixia-stat[chart="gdp-by-industry"] .xixia-stat__chart');
    await chart.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await live(page, 'gdp-by-industry'), '第一产业，增加值7.25亿元，比上年增长（%）0.7，第1项，共3项。');
    await page.keyboard.press('ArrowRight');
    assert.equal(await live(page, 'gdp-by-industry'), '第二产业，增加值340.85亿元，比上年增长（%）13.0，第2项，共3项。');
    // The ring is drawn around the bar the announcement names; the tooltip says the same.
    const [ring, tooltip, mark] = await page.$eval('xixia-stat[chart="gdp-by-industry"]', (el) => {
      const box = (node) => node.getBoundingClientRect().toJSON();
      const svg = el.querySelector('svg').getBoundingClientRect();
      const m = el.result.marks[1];
      const scale = svg.width / el.result.width;
      return [box(el.querySelector('.xixia-stat__focus-mark')), el.querySelector('.xixia-stat__tooltip').textContent, { x: svg.left + (m.x + m.width / 2) * scale, y: svg.top + (m.y + m.height / 2) * scale }];
    });
    assert.ok(ring.width > 0 && mark.x > ring.left && mark.x < ring.right && mark.y > ring.top && mark.y < ring.bottom, `ring ${JSON.stringify(ring)} around ${JSON.stringify(mark)}`);
    assert.match(tooltip, /第二产业.*340\.85亿元/);
    await page.keyboard.press('End');
    assert.equal(await live(page, 'gdp-by-industry'), '第三产业，增加值141.81亿元，比上年增长（%）0.8，第3项，共3项。');
    await page.keyboard.press('ArrowRight'); // stays on the last point
    assert.match(await live(page, 'gdp-by-industry'), /第3项，共3项/);
    await page.keyboard.press('Home');
    assert.match(await live(page, 'gdp-by-industry'), /^第一产业/);
    await page.keyboard.press('Escape');
    const after = await page.evaluate(() => ({
      active: document.activeElement?.className,
      ring: document.querySelector('xixia-stat[chart="gdp-by-industry"] .xixia-stat__focus-mark') === null,
      tooltip: document.querySelector('xixia-stat[chart="gdp-by-industry"] .xixia-stat__tooltip').hidden,
    }));
    assert.deepEqual(after, { active: 'xixia-stat__toggle', ring: true, tooltip: true });
  });

  test('a grouped chart announces each series with the comparison figures of its row', async () => {
    const page = p.page;
    await page.locator('xixia-stat[chart="indicators-vs-region"] .xixia-stat__chart').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const text = await live(page, 'indicators-vs-region');
    assert.match(text, /^规模以上工业增加值，自治区（推算）11\.5%\*，西夏区21\.4%，银川市（推算）15\.1%\*，第2项，共9项。$/);
  });

  test('the live region is polite and atomic, the chart an image with a name', async () => {
    const attrs = await p.page.$$eval('xixia-stat', (els) =>
      els.map((el) => {
        const chart = el.querySelector('.xixia-stat__chart');
        const region = el.querySelector('.xixia-stat__live');
        return [chart.getAttribute('role'), chart.tabIndex, Boolean(chart.getAttribute('aria-label')), region.getAttribute('aria-live'), region.getAttribute('aria-atomic')];
      }),
    );
    assert.deepEqual(attrs, CHART_IDS.map(() => ['img', 0, true, 'polite', 'true']));
  });
});

describe('tooltips on a 360 px phone', () => {
  test('hovering the rightmost mark of every chart keeps the tooltip inside the viewport', async () => {
    const p = await open('/index.html', { width: 360, height: 740 });
    try {
      const page = p.page;
      for (const { chart, release } of PUBLISHED) {
        const el = page.locator(`xixia-stat[chart="${chart}"][release="${release}"]`);
        const target = await el.evaluate((node) => {
          const first = node.querySelector('svg').getBoundingClientRect();
          // The mark near the middle of the screen (a tall chart's top may be above it).
          window.scrollBy({ top: first.top + node.result.marks[0].y * (first.width / node.result.width) - 300, behavior: 'instant' });
          const svg = node.querySelector('svg').getBoundingClientRect();
          const scale = svg.width / node.result.width;
          const marks = node.result.marks.filter((m) => !m.arc);
          // A ring's rightmost point is at 3 o'clock: the segment that spans a quarter turn.
          const m = marks.length ? marks.reduce((a, b) => (b.x + b.width > a.x + a.width ? b : a)) : node.result.marks.find((mark) => mark.arc.start <= 250 && mark.arc.end >= 250);
          const x = m.arc ? m.arc.cx + (m.arc.inner + m.arc.outer) / 2 : m.x + m.width - 1;
          const y = m.arc ? m.arc.cy : m.y + m.height / 2;
          return { x: svg.left + x * scale, y: svg.top + y * scale, category: m.category };
        });
        await page.mouse.move(target.x, target.y);
        const tooltip = el.locator('.xixia-stat__tooltip');
        await waitUntil(() => tooltip.isVisible(), `${chart}: the tooltip`);
        const box = await tooltip.boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= 360, `${chart}: tooltip ${box.x.toFixed(0)}..${(box.x + box.width).toFixed(0)} inside 0..360`);
        assert.ok(box.y >= 0 && box.y + box.height <= 740, `${chart}: tooltip ${box.y.toFixed(0)}..${(box.y + box.height).toFixed(0)} inside the viewport height`);
        assert.ok((await tooltip.textContent()).startsWith(target.category), `${chart}: the tooltip names ${target.category}`);
        await page.mouse.move(0, 0);
      }
      assert.deepEqual(await problems(env, p), NO_PROBLEMS);
    } finally {
      await p.context.close();
    }
  });

  test('a tap shows the full name and figures; a tap elsewhere hides it', async () => {
    const p = await open('/index.html', { width: 360, height: 740, hasTouch: true });
    try {
      const page = p.page;
      const el = page.locator('xixia-stat[chart="industry-growth"]');
      await el.scrollIntoViewIfNeeded();
      // 计算机、通信和其他电子设备制造业 is shortened on the chart at this width; the tooltip has it whole.
      const target = await el.evaluate((node) => {
        const svg = node.querySelector('svg').getBoundingClientRect();
        const scale = svg.width / node.result.width;
        const m = node.result.marks.find((mark) => mark.category.startsWith('计算机'));
        const lines = [...node.querySelectorAll('svg text')].map((t) => t.textContent);
        return { x: svg.left + (m.x + m.width / 2) * scale, y: svg.top + (m.y + m.height / 2) * scale, lines };
      });
      assert.ok(!target.lines.includes('计算机、通信和其他电子设备制造业'), `the long name is wrapped or shortened on the chart: ${target.lines}`);
      await page.touchscreen.tap(target.x, target.y);
      const tooltip = el.locator('.xixia-stat__tooltip');
      await waitUntil(() => tooltip.isVisible(), 'the tooltip after a tap');
      const text = await tooltip.textContent();
      assert.match(text, /^计算机、通信和其他电子设备制造业/);
      assert.match(text, /40\.9%/);
      assert.match(text, /2022年$/);
      await page.touchscreen.tap(180, 20);
      await waitUntil(async () => !(await tooltip.isVisible()), 'the tooltip to close');
    } finally {
      await p.context.close();
    }
  });
});

describe('care mode (适老化)', () => {
  test('the page switch turns every chart to care mode, is remembered, and an element can opt out', async () => {
    const p = await open('/index.html', { width: 1440 });
    try {
      const page = p.page;
      assert.deepEqual(await modes(page), CHART_IDS.map(() => 'standard'));
      const switchButton = page.locator('#care-switch');
      assert.equal(await switchButton.getAttribute('aria-pressed'), 'false');
      const before = await page.$eval('xixia-stat[chart="gdp-structure"] .xixia-stat__description', (d) => parseFloat(getComputedStyle(d).fontSize));
      await switchButton.click();
      await waitUntil(async () => {
        await seeEveryChart(page);
        return (await modes(page)).every((m) => m === 'care');
      }, 'every chart in care mode');
      assert.equal(await switchButton.getAttribute('aria-pressed'), 'true');
      const svg = await page.locator('xixia-stat[chart="gdp-structure"] svg').innerHTML();
      assert.match(svg, /font-size="19\.5"/, 'chart labels 1.5 × 13 px');
      assert.match(svg, /fill="url\(#xs\d+-p1\)"/, 'pattern fills');
      assert.match(svg, /fill="#000000"/, 'black text');
      const after = await page.$eval('xixia-stat[chart="gdp-structure"] .xixia-stat__description', (d) => parseFloat(getComputedStyle(d).fontSize));
      assert.ok(after >= before * 1.5 - 0.5, `summary text ${before} → ${after} px`);
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '24px');

      await page.reload();
      await waitForCharts(page);
      assert.deepEqual(await modes(page), CHART_IDS.map(() => 'care'), 'remembered across visits');
      assert.equal(await page.locator('#care-switch').getAttribute('aria-pressed'), 'true');

      await page.$eval('xixia-stat[chart="gdp-by-industry"]', (el) => el.setAttribute('mode', 'standard'));
      await waitUntil(async () => (await page.getAttribute('xixia-stat[chart="gdp-by-industry"]', 'data-mode')) === 'standard', 'the attribute to win');
      await page.locator('#care-switch').click();
      await waitUntil(async () => {
        await seeEveryChart(page);
        return (await modes(page)).every((m) => m === 'standard');
      }, 'back to standard');
      assert.equal(await page.evaluate(() => localStorage.getItem('xixia-stat-mode')), 'standard');
      assert.deepEqual(await problems(env, p), NO_PROBLEMS);
    } finally {
      await p.context.close();
    }
  });

  for (const width of [360, 1440]) {
    test(`screenshot at ${width} px`, async () => {
      const p = await open('/index.html', { width, care: true });
      try {
        assert.deepEqual(await modes(p.page), CHART_IDS.map(() => 'care'));
        await screenshot(p.page, `care-${width}.png`);
      } finally {
        await p.context.close();
      }
    });
  }
});

describe('system settings and print', () => {
  test('prefers-contrast: more draws high contrast with patterns; prefers-reduced-motion stops transitions', async () => {
    const p = await openPage(env, '/index.html', { width: 1024, beforeGoto: (page) => page.emulateMedia({ contrast: 'more', reducedMotion: 'reduce' }) });
    try {
      const page = p.page;
      await waitForCharts(page);
      assert.deepEqual(await modes(page), CHART_IDS.map(() => 'contrast'));
      assert.match(await page.locator('xixia-stat[chart="indicators-vs-region"] svg').innerHTML(), /url\(#xs\d+-p2\)/);
      const transitions = await page.$$eval('.xixia-stat__tooltip, .xixia-stat__toggle', (els) => els.map((e) => getComputedStyle(e).transitionDuration));
      assert.ok(transitions.every((t) => t === '0s'), `transitions: ${transitions}`);
      await page.emulateMedia({ contrast: 'no-preference' });
      await waitUntil(async () => {
        await seeEveryChart(page);
        return (await modes(page)).every((m) => m === 'standard');
      }, 'standard again when the setting is off');
    } finally {
      await p.context.close();
    }
  });

  test('print draws greys and patterns, hides the controls, and makes a PDF', async () => {
    const p = await open('/index.html', { width: 1024 });
    try {
      const page = p.page;
      await page.emulateMedia({ media: 'print' });
      await waitUntil(async () => (await modes(page)).every((m) => m === 'print'), 'every chart in print mode');
      const svg = await page.locator('xixia-stat[chart="sanbao-cumulative"] svg').innerHTML();
      assert.match(svg, /url\(#xs\d+-p1\)/);
      assert.doesNotMatch(svg, /#1F5FA8/, 'no screen colours on paper');
      assert.equal(await page.locator('.xixia-stat__toggle').first().isVisible(), false);
      assert.equal(await page.locator('#care-switch').isVisible(), false);
      assert.match(await page.locator('xixia-stat[chart="gdp-by-industry"] svg').textContent(), /资料来源：西夏区统计局/);
      await screenshot(page, 'print-1024.png');
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      assert.ok(pdf.length > 50_000, `PDF of ${pdf.length} bytes`);
      await page.emulateMedia({ media: 'screen' });
      await waitUntil(async () => {
        await seeEveryChart(page);
        return (await modes(page)).every((m) => m === 'standard');
      }, 'back on screen');
    } finally {
      await p.context.close();
    }
  });
});

describe('English', () => {
  for (const width of [360, 1440]) {
    test(`#lang=en draws every chart and the interface in English at ${width} px`, async () => {
      const p = await open('/index.html#lang=en', { width });
      try {
        const page = p.page;
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal(await page.locator('h1').textContent(), 'Xixia District Statistics');
        assert.equal(await page.locator('#lang-switch').textContent(), '中文');
        const charts = await page.$$eval('xixia-stat', (els) =>
          els.map((el) => ({
            chart: el.getAttribute('chart'),
            state: el.dataset.state,
            text: el.querySelector('svg')?.textContent ?? '',
            table: el.querySelector('table')?.textContent ?? '',
            description: el.querySelector('.xixia-stat__description')?.textContent ?? '',
            toggle: el.querySelector('.xixia-stat__toggle').textContent,
          })),
        );
        for (const c of charts) {
          assert.equal(c.state, 'ready', c.chart);
          assert.doesNotMatch(c.text, CJK, `${c.chart} chart: ${c.text}`);
          assert.doesNotMatch(c.table, CJK, `${c.chart} table: ${c.table}`);
          assert.doesNotMatch(c.description, CJK, `${c.chart} description: ${c.description}`);
          assert.equal(c.toggle, 'Show data table');
        }
        assert.match(charts.find((c) => c.chart === 'gdp-by-industry').text, /340\.85/);
        await screenshot(page, `english-${width}.png`);
        // Back to Chinese from the page's own switch.
        await page.locator('#lang-switch').click();
        await waitUntil(async () => (await page.getAttribute('html', 'lang')) === 'zh-CN', 'the page in Chinese');
        await waitUntil(async () => CJK.test(await page.locator('xixia-stat[chart="gdp-by-industry"] svg').textContent()), 'the charts in Chinese');
        assert.deepEqual(await problems(env, p), NO_PROBLEMS);
      } finally {
        await p.context.close();
      }
    });
  }
});
