// Indicators over time on the sample page (www/sample/index.html, the invented 样例县's site
// folder sample-site/, built by `make build`): the line and column-and-line charts drawn by the
// module with their sentence, table and notes; the period selector (an earlier period is the chart
// as it was published then, the page says which period is newest, the permalink keeps it); the
// keyboard walk along a line and across its regions; tooltips; care mode on a phone in English;
// print; and the pre-rendered version without JavaScript.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnvironment, openPage, waitUntil, problems, screenshot, NO_PROBLEMS } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnvironment();
});
after(async () => {
  await env?.close();
});

const SAMPLE = '/sample/index.html';
const chartSel = (id) => `xixia-stat[chart="${id}"]`;

/** Scrolls the chart into view and waits until the module has drawn it. */
async function drawn(page, id) {
  const el = page.locator(chartSel(id)).first();
  await el.scrollIntoViewIfNeeded();
  await waitUntil(() => el.evaluate((e) => e.dataset.state === 'ready' && e.result !== null), `${id} drawn`);
  return el;
}

const tableRows = (el) => el.evaluate((e) => [...e.querySelectorAll('.xixia-stat__table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim())));

describe('charts over time on the sample page', () => {
  test('the page says its data are invented, and the line chart carries its sentence, table and notes', async () => {
    const p = await openPage(env, SAMPLE, { width: 1440 });
    try {
      assert.match(await p.page.textContent('h1'), /样例县（虚构数据）/);
      assert.match(await p.page.textContent('.page-intro--invented'), /本页数据均为虚构/);
      const el = await drawn(p.page, 'industry-trend');
      const result = await el.evaluate((e) => e.result);
      assert.equal(result.description, '1-6月，规模以上工业增加值同比增长6.7%，增速比1-5月提高0.3个百分点，高于全省0.9个百分点、全市0.5个百分点，位居全市第2位、全省第15位。');
      assert.equal(await el.locator('.xixia-stat__description').textContent(), result.description);
      assert.equal(await el.locator('.xixia-stat__figure:not(.xixia-stat__static) .xixia-stat__dates').textContent(), '2025年7月17日发布 · 数据时期：2025年1-6月');
      assert.ok((await el.locator('svg polyline').count()) > 10, 'lines are drawn');
      // One mark per figure: the place and two derived regions, twelve periods each.
      assert.equal(result.marks.length, 36);
      const rows = await tableRows(el);
      assert.equal(rows.length, 12);
      assert.equal(rows.at(-1)[0], '2025年1-6月');
      assert.ok(rows.at(-1).includes('+0.3'), rows.at(-1).join(' | '));
      assert.ok(result.notes.some((n) => n.includes('由各期“高于/低于…个百分点”推算')), result.notes.join('\n'));
      assert.deepEqual(await problems(env, p), NO_PROBLEMS);
    } finally {
      await p.context.close();
    }
  });

  test('a month not published is a gap: no mark there and a note says so', async () => {
    const p = await openPage(env, SAMPLE, { width: 1440 });
    try {
      const el = await drawn(p.page, 'retail-trend');
      const result = await el.evaluate((e) => e.result);
      const rows = await tableRows(el);
      const gap = rows.findIndex((r) => r[0] === '2024年1-8月');
      assert.ok(gap >= 0);
      assert.ok(!result.marks.some((m) => m.index === gap), 'no mark in the gap');
      assert.ok(result.notes.includes('2024年1-8月未发布该指标，图中留空。'), result.notes.join('\n'));
    } finally {
      await p.context.close();
    }
  });

  test('an earlier period is the chart as it was published; the page names the newest; the permalink keeps it', async () => {
    const p = await openPage(env, SAMPLE, { width: 1440 });
    try {
      const el = await drawn(p.page, 'industry-trend');
      const select = el.locator('.xixia-stat__period-select');
      const options = await select.locator('option').allTextContents();
      assert.equal(options.length, 16, 'one per monthly report');
      assert.equal(options[0], '2025年1-6月（最新）');
      assert.ok(await el.locator('.xixia-stat__period-note').isHidden(), 'no note while the newest is shown');
      await select.selectOption('2024-1-10-indicators');
      await waitUntil(() => el.evaluate((e) => e.result?.release === '2024-1-10-indicators'), 'the 1-10月 chart');
      const rows = await tableRows(el);
      assert.equal(rows[0][0], '2024年1-2月');
      assert.equal(rows.at(-1)[0], '2024年1-10月');
      assert.match(await el.locator('.xixia-stat__description').textContent(), /^1-10月，规模以上工业增加值同比增长7\.2%，增速比1-9月提高0\.1个百分点/);
      assert.equal((await el.locator('.xixia-stat__period-note').textContent()).replace('查看最新一期', '').trim(), '正在查看2024年1-10月的数据，最新一期为2025年1-6月。');
      const href = await el.locator('.xixia-stat__permalink').getAttribute('href');
      assert.match(href, /chart=industry-trend/);
      assert.match(href, /period=2024-1-10-indicators/);
      await el.locator('.xixia-stat__period-newest').click();
      await waitUntil(() => el.evaluate((e) => e.result?.release === '2025-1-6-indicators'), 'back to the newest');
      assert.ok(await el.locator('.xixia-stat__period-note').isHidden());
    } finally {
      await p.context.close();
    }
  });

  test('a permalink with a period opens the chart at that period', async () => {
    const p = await openPage(env, `${SAMPLE}#chart=industry-trend&period=2024-1-6-indicators`, { width: 1440 });
    try {
      const el = p.page.locator(chartSel('industry-trend')).first();
      await waitUntil(() => el.evaluate((e) => e.result?.release === '2024-1-6-indicators'), 'the 1-6月 2024 chart');
      assert.equal(await el.locator('.xixia-stat__period-select').inputValue(), '2024-1-6-indicators');
    } finally {
      await p.context.close();
    }
  });

  test('the keyboard walks along the line and up and down across its regions; the pointer gets a tooltip', async () => {
    const p = await openPage(env, SAMPLE, { width: 1440 });
    try {
      const el = await drawn(p.page, 'industry-trend');
      const live = () => el.locator('.xixia-stat__live').textContent();
      await el.locator('.xixia-stat__chart').focus();
      await p.page.keyboard.press('End');
      await p.page.keyboard.press('Home');
      assert.match(await live(), /^2024年1-6月，样例县7\.0%/);
      await p.page.keyboard.press('ArrowRight');
      assert.match(await live(), /^2024年1-7月，样例县6\.8%/);
      await p.page.keyboard.press('ArrowDown');
      assert.match(await live(), /^2024年1-7月，全省（推算）5\.6%\*/);
      await p.page.keyboard.press('ArrowDown');
      assert.match(await live(), /^2024年1-7月，全市（推算）6\.3%\*/);
      await p.page.keyboard.press('ArrowUp');
      assert.match(await live(), /^2024年1-7月，全省（推算）/);
      // The pointer on the newest point of the place's line.
      const mark = await el.evaluate((e) => e.result.marks.filter((m) => m.series_index === 0).at(-1));
      const box = await el.locator('.xixia-stat__chart svg').boundingBox();
      const scale = box.width / (await el.evaluate((e) => e.result.width));
      await p.page.mouse.move(box.x + (mark.x + mark.width / 2) * scale, box.y + (mark.y + mark.height / 2) * scale);
      const tooltip = el.locator('.xixia-stat__tooltip');
      await waitUntil(() => tooltip.isVisible(), 'the tooltip');
      const text = await tooltip.textContent();
      assert.match(text, /2025年1-6月/);
      assert.match(text, /6\.7%/);
      assert.match(text, /全省（推算）5\.8%\*/);
    } finally {
      await p.context.close();
    }
  });

  test('the column-and-line chart of five bulletins shows the revised year and says so', async () => {
    const p = await openPage(env, SAMPLE, { width: 1440 });
    try {
      const el = await drawn(p.page, 'gdp-five-years');
      const result = await el.evaluate((e) => e.result);
      assert.equal(result.title, '2020—2024年样例县地区生产总值及其增长速度');
      const rows = await tableRows(el);
      assert.deepEqual(rows.map((r) => r.slice(0, 3)), [
        ['2020年', '238.46', '3.6%'],
        ['2021年', '264.45', '7.9%'],
        ['2022年', '281.64', '4.6%'],
        ['2023年', '304.62', '6.0%'],
        ['2024年', '325.94', '5.6%'],
      ]);
      assert.ok(result.notes.some((n) => n.startsWith('2023年数据已按《') && n.includes('302.20亿元、增长5.8%')), result.notes.join('\n'));
      assert.equal(result.marks.length, 10, 'five columns and five points');
    } finally {
      await p.context.close();
    }
  });

  test('on a phone in care mode and English the charts and the period selector fit the card', async () => {
    const p = await openPage(env, `${SAMPLE}#lang=en`, { width: 360, height: 780 });
    try {
      await p.page.click('#care-switch');
      for (const id of ['industry-trend', 'gdp-five-years']) {
        const el = await drawn(p.page, id);
        await waitUntil(() => el.evaluate((e) => e.dataset.mode === 'care'), `${id} in care mode`);
        const result = await el.evaluate((e) => e.result);
        assert.doesNotMatch(result.svg.replace(/<[^>]+>/g, ''), /[\u4e00-\u9fff]/, `${id}: English only`);
        const card = await el.boundingBox();
        for (const part of ['.xixia-stat__chart svg', '.xixia-stat__controls']) {
          const box = await el.locator(part).boundingBox();
          assert.ok(box.x >= card.x - 1 && box.x + box.width <= card.x + card.width + 1, `${id} ${part} inside the card: ${JSON.stringify({ box, card })}`);
        }
        // The newest period is on the phone's chart.
        const newest = result.table.rows.length - 1;
        assert.ok(result.marks.some((m) => m.index === newest), `${id}: the newest period is drawn`);
      }
      const select = p.page.locator(`${chartSel('industry-trend')} .xixia-stat__period-select`);
      const sbox = await select.boundingBox();
      assert.ok(sbox.x + sbox.width <= 360, `the period selector fits the phone: ${JSON.stringify(sbox)}`);
      assert.match(await select.locator('option').first().textContent(), /^Jan–Jun 2025 \(newest\)$/);
      await p.page.locator(chartSel('industry-trend')).first().scrollIntoViewIfNeeded();
      await screenshot(p.page, 'series-360-care-en.png');
    } finally {
      await p.context.close();
    }
  });

  test('printing draws the charts over time in print mode', async () => {
    const p = await openPage(env, SAMPLE, { width: 1024 });
    try {
      const el = await drawn(p.page, 'industry-trend');
      await p.page.emulateMedia({ media: 'print' });
      await waitUntil(() => el.evaluate((e) => e.dataset.mode === 'print'), 'print mode');
      assert.match(await el.evaluate((e) => e.result.svg), /stroke-dasharray/, 'the regions are dashed');
    } finally {
      await p.context.close();
    }
  });

  test('without JavaScript the pre-rendered chart over time reads right, with its table', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(new URL(SAMPLE, env.origin).href);
      const el = page.locator(chartSel('industry-trend')).first();
      const text = await el.textContent();
      assert.match(text, /1-6月，规模以上工业增加值同比增长6\.7%，增速比1-5月提高0\.3个百分点/);
      const rows = await el.evaluate((e) => [...e.querySelectorAll('table tbody tr')].map((tr) => tr.firstElementChild.textContent.trim()));
      assert.equal(rows.length, 12);
      assert.equal(rows.at(-1), '2025年1-6月');
      assert.ok((await el.locator('svg, img').count()) > 0, 'a picture of the chart');
    } finally {
      await context.close();
    }
  });
});
