// What readers saw (issue 18), each defect tried the way the reader met it: care mode and English
// on a 360 px phone (every label whole, none overlapping another, none hiding a data mark, none
// dropped), the keyboard's focus indicator (contrast and shape), tooltips (units, the row's own
// period), a permalink that positions once, the CSV and JSON-stat downloads against the chart, the
// controls on a plain page, and the staff preview's error box. Screenshots of every chart at 360 px
// in care mode, Chinese and English: test-output/screenshots/readers-*.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnvironment, openPage, waitForCharts, seeEveryChart, waitUntil, problems, screenshot, NO_PROBLEMS, CHART_IDS, PUBLISHED, FIXTURE_PREFIX, SCREENSHOTS } from './helpers.mjs';
import path from 'node:path';

let env;
before(async () => {
  env = await startEnvironment();
});
after(async () => {
  await env?.close();
});

async function open(urlPath, { width = 1440, height = 900, care = false } = {}) {
  const p = await openPage(env, urlPath, {
    width,
    height,
    beforeGoto: async (page) => {
      if (care) await page.addInitScript(() => localStorage.setItem('xixia-stat-mode', 'care'));
    },
  });
  await waitForCharts(p.page, urlPath.startsWith('/index.html') ? CHART_IDS.length : undefined);
  return p;
}

/** Every <text> of a chart's SVG: its text and its box in SVG pixels, in drawing order. */
const texts = (page, chart, release) =>
  page.$eval(`xixia-stat[chart="${chart}"]${release ? `[release="${release}"]` : ''} .xixia-stat__chart svg`, (svg) =>
    [...svg.querySelectorAll('text')].map((t) => {
      const b = t.getBBox();
      return { text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height };
    }),
  );

/** Whether two text boxes overlap (or come within `slack` px side by side). A text's box is the
 * font's whole line (about 1.45 em of Noto Sans CJK), taller than the 1.35 em lines are apart:
 * the glyphs' band is its middle 70 %. */
const overlap = (a, b, slack = 0) => {
  const band = (t) => [t.y + 0.15 * t.h, t.y + 0.85 * t.h];
  const [a0, a1] = band(a);
  const [b0, b1] = band(b);
  return a.x < b.x + b.w + slack && b.x < a.x + a.w + slack && a0 < b1 && b0 < a1;
};
const squash = (s) => s.replace(/\s+/g, '');

for (const lang of ['zh-CN', 'en']) {
  describe(`care mode on a 360 px phone, ${lang}`, () => {
    let p;
    before(async () => {
      p = await open(`/index.html${lang === 'en' ? '#lang=en' : ''}`, { width: 360, height: 780, care: true });
    });
    after(async () => {
      await p?.context.close();
    });

    test('every chart: each category name printed whole (no "…", no word broken at a letter), no two labels overlapping', async () => {
      const page = p.page;
      for (const { chart, release } of PUBLISHED) {
        const el = page.locator(`xixia-stat[chart="${chart}"][release="${release}"]`);
        await el.scrollIntoViewIfNeeded();
        await el.locator('.xixia-stat__chart').screenshot({ path: path.join(SCREENSHOTS, `readers-360-care-${lang}-${release}-${chart}.png`) });
        const all = await texts(page, chart, release);
        const categories = await el.evaluate((e) => e.result.table.rows.map((r) => r[0]));
        assert.equal(await el.getAttribute('data-mode'), 'care');
        const shortened = all.filter((t) => t.text.endsWith('…'));
        assert.deepEqual(shortened.map((t) => t.text), [], `${chart}: labels cut short`);
        const broken = all.filter((t) => /[A-Za-z]-$/.test(t.text));
        assert.deepEqual(broken.map((t) => t.text), [], `${chart}: words hyphenated at a letter`);
        const printed = all.map((t) => t.text).join(lang === 'en' ? ' ' : '');
        for (const category of categories) {
          // Every name appears as it is written, its lines joined (English at the spaces).
          const ok = lang === 'en' ? printed.includes(category) : squash(printed).includes(squash(category));
          assert.ok(ok, `${chart}: "${category}" is printed whole (printed: ${printed})`);
        }
        const width = await el.evaluate((e) => e.result.width);
        const outside = all.filter((t) => t.x < -0.5 || t.x + t.w > width + 0.5).map((t) => t.text);
        assert.deepEqual(outside, [], `${chart}: labels run off the picture`);
        const clashes = [];
        all.forEach((a, i) => all.slice(i + 1).forEach((b) => overlap(a, b, 2) && clashes.push(`"${a.text}" × "${b.text}"`)));
        assert.deepEqual(clashes, [], `${chart}: labels overlap or touch`);
      }
    });

    test('no label\'s ground covers a dashed reference mark (三保 序时进度, the funds\' target)', async () => {
      for (const { chart, release } of PUBLISHED) {
        const covered = await p.page.$eval(`xixia-stat[chart="${chart}"][release="${release}"] .xixia-stat__chart svg`, (svg) => {
        const nodes = [...svg.querySelectorAll('*')];
        const out = [];
        nodes.forEach((node, i) => {
          if (node.localName !== 'line' || !node.hasAttribute('stroke-dasharray')) return;
          const l = node.getBBox();
          const line = { x: l.x, y: l.y - 1, w: l.width, h: l.height + 2 };
          for (const later of nodes.slice(i + 1)) {
            // A label's white ground hides what is under it (a bare text lets the line show through).
            const label = later.localName === 'rect' && /^#fff(fff)?$/i.test(later.getAttribute('fill') ?? '');
            if (!label) continue;
            const b = later.getBBox();
            if (b.x < line.x + line.w && line.x < b.x + b.width && b.y < line.y + line.h && line.y < b.y + b.height) out.push(`${later.localName} ${later.textContent} over the line at y=${l.y}`);
          }
        });
        return out;
        });
        assert.deepEqual(covered, [], chart);
      }
    });

    test('三保 cumulative: every total and share is printed', async () => {
      const page = p.page;
      const table = await page.$eval('xixia-stat[chart="sanbao-cumulative"]', (e) => e.result.table);
      const shareColumn = table.columns.findIndex((c) => /占全年|Share of annual/.test(c));
      const totalColumn = table.columns.findIndex((c) => c === '合计' || c === 'Total');
      assert.ok(shareColumn > 0 && totalColumn > 0, table.columns.join(' | '));
      const printed = squash((await texts(page, 'sanbao-cumulative')).map((t) => t.text).join(lang === 'en' ? ' ' : ''));
      for (const row of table.rows) {
        assert.ok(printed.includes(squash(row[totalColumn])), `${row[0]}: total ${row[totalColumn]} printed`);
        const share = lang === 'en' ? `${row[shareColumn]} of the year` : `占全年${row[shareColumn]}`;
        assert.ok(printed.includes(squash(share)), `${row[0]}: "${share}" printed (${printed})`);
      }
    });

    test('structure comparison: the rows are told apart and the axis labels stand apart', async () => {
      const page = p.page;
      const all = await texts(page, 'structure-comparison');
      const ticks = all.filter((t) => /^\d+%$/.test(t.text));
      assert.ok(ticks.some((t) => t.text === '0%') && ticks.some((t) => t.text === '100%'), ticks.map((t) => t.text).join(' '));
      const runTogether = ticks.filter((a, i) => ticks.slice(i + 1).some((b) => overlap(a, b, 6))).map((t) => t.text);
      assert.deepEqual(runTogether, [], 'the axis labels stand apart');
      // Each row's name and its ratio ("1.5 : 69.6 : 28.9") keep apart.
      const ratios = all.filter((t) => / : /.test(t.text));
      const names = all.filter((t) => !/ : |^\d+%$/.test(t.text));
      const touching = ratios.flatMap((r) => names.filter((n) => overlap(n, r, 8)).map((n) => `"${n.text}" × "${r.text}"`));
      assert.deepEqual(touching, [], 'a row name touches its ratio');
      assert.ok(!names.some((t) => t.text.endsWith('…')), 'the rows are named whole');
      const rows = await page.$eval('xixia-stat[chart="structure-comparison"]', (e) => e.result.table.rows.map((r) => r[0]));
      assert.equal(new Set(rows).size, rows.length);
    });

    test('no violations of the clean page', async () => {
      assert.deepEqual(await problems(env, p), NO_PROBLEMS);
    });
  });
}

/** WCAG relative luminance and contrast of "#RRGGBB" colours. */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe('the keyboard focus indicator', () => {
  for (const care of [false, true]) {
    test(`${care ? 'care mode' : 'standard'}: at least 3:1 against the bar and the ground, around the bar; on the donut, the segment alone`, async () => {
      const p = await open('/index.html', { width: 1280, care });
      try {
        const page = p.page;
        for (const [chart, presses] of [['gdp-by-industry', 2], ['industry-growth', 1], ['gdp-structure', 2]]) {
          await page.locator(`xixia-stat[chart="${chart}"] .xixia-stat__chart`).focus();
          for (let i = 0; i < presses; i += 1) await page.keyboard.press('ArrowRight');
          const found = await page.$eval(`xixia-stat[chart="${chart}"]`, (el, index) => {
            const svg = el.querySelector('.xixia-stat__chart svg');
            const ring = svg.querySelector('.xixia-stat__focus-mark');
            if (!ring) return null;
            const mark = el.result.marks[index];
            let box = svg.getBoundingClientRect();
            const scale = box.width / el.result.width;
            // The mark in the middle of the screen (elementsFromPoint sees only what is on it).
            window.scrollBy({ top: box.top + (mark.y + mark.height / 2) * scale - innerHeight / 2, behavior: 'instant' });
            box = svg.getBoundingClientRect();
            // The mark's own colour: the filled shape under its middle (the ring lets the pointer through).
            let at = { x: mark.x + mark.width / 2, y: mark.y + mark.height / 2 };
            if (mark.arc) {
              const t = ((mark.arc.start + mark.arc.end) / 2000) * 2 * Math.PI;
              const r = (mark.arc.inner + mark.arc.outer) / 2;
              at = { x: mark.arc.cx + r * Math.sin(t), y: mark.arc.cy - r * Math.cos(t) };
            }
            const under = document.elementsFromPoint(box.left + at.x * scale, box.top + at.y * scale).find((n) => /^(rect|polygon|path)$/.test(n.localName) && /^#[0-9a-f]{6}$/i.test(n.getAttribute('fill') ?? '') && !ring.contains(n));
            const paths = [...ring.querySelectorAll('path')].map((n) => ({ ring: n.dataset.ring, stroke: n.getAttribute('stroke'), width: Number(n.getAttribute('stroke-width')) }));
            const outer = ring.querySelector('[data-ring="outer"]');
            const inside = (x, y) => outer.isPointInFill(new DOMPoint(x, y));
            let shape;
            if (mark.arc) {
              // Inside the focused segment; not in another segment of the ring.
              const other = el.result.marks.find((m, i) => i !== index && m.arc);
              const mid = (m) => {
                const t = ((m.arc.start + m.arc.end) / 2000) * 2 * Math.PI;
                const r = (m.arc.inner + m.arc.outer) / 2;
                return [m.arc.cx + r * Math.sin(t), m.arc.cy - r * Math.cos(t)];
              };
              shape = { own: inside(...mid(mark)), other: inside(...mid(other)) };
            } else {
              shape = { own: inside(mark.x + mark.width / 2, mark.y + mark.height / 2), other: inside(mark.x - 20, mark.y - 20) };
            }
            return { paths, fill: under?.getAttribute('fill') ?? null, ground: '#FFFFFF', shape };
          }, presses - 1);
          assert.ok(found, `${chart}: a focus indicator is drawn on the chart`);
          const outer = found.paths.find((r) => r.ring === 'outer');
          const inner = found.paths.find((r) => r.ring === 'inner');
          assert.ok(outer && inner && outer.width >= 2 && inner.width >= 2, JSON.stringify(found.paths));
          assert.ok(found.fill, `${chart}: the mark's colour is found`);
          assert.ok(contrast(outer.stroke, found.ground) >= 3, `${chart}: outer ${outer.stroke} on the ground`);
          assert.ok(contrast(inner.stroke, found.fill) >= 3, `${chart}: inner ${inner.stroke} against the mark ${found.fill}`);
          assert.ok(contrast(inner.stroke, outer.stroke) >= 3, `${chart}: the two lines apart`);
          assert.deepEqual(found.shape, { own: true, other: false }, `${chart}: shaped to the focused mark`);
        }
        await page.locator('xixia-stat[chart="gdp-structure"]').screenshot({ path: path.join(SCREENSHOTS, `readers-focus-donut-${care ? 'care' : 'standard'}.png`) });
        await page.locator('xixia-stat[chart="industry-growth"] .xixia-stat__chart').focus();
        await page.keyboard.press('ArrowRight');
        await page.locator('xixia-stat[chart="industry-growth"]').screenshot({ path: path.join(SCREENSHOTS, `readers-focus-bar-${care ? 'care' : 'standard'}.png`) });
        await page.keyboard.press('Escape');
        assert.equal(await page.locator('xixia-stat[chart="industry-growth"] .xixia-stat__focus-mark').count(), 0, 'Escape removes it');
      } finally {
        await p.context.close();
      }
    });
  }
});

describe('tooltips', () => {
  let p;
  before(async () => {
    p = await open('/index.html', { width: 1280 });
  });
  after(async () => {
    await p?.context.close();
  });

  const tooltipRows = (page, chart) =>
    page.$eval(`xixia-stat[chart="${chart}"] .xixia-stat__tooltip`, (t) => ({
      rows: [...t.querySelectorAll('.xixia-stat__tooltip-row')].map((r) => [r.children[0].textContent, r.children[1].textContent]),
      period: t.querySelector('.xixia-stat__tooltip-period').textContent,
    }));

  test('三保: every figure has its unit, the total too', async () => {
    const page = p.page;
    await page.locator('xixia-stat[chart="sanbao-cumulative"] .xixia-stat__chart').focus();
    const marks = await page.$eval('xixia-stat[chart="sanbao-cumulative"]', (e) => e.result.marks.length);
    for (let i = 0; i < marks; i += 1) {
      await page.keyboard.press('ArrowRight');
      const { rows } = await tooltipRows(page, 'sanbao-cumulative');
      for (const [name, value] of rows) assert.match(value, /(万元|%)$/, `${name} ${value}`);
      assert.ok(rows.some(([name]) => name === '合计'), JSON.stringify(rows));
    }
  });

  test('structure comparison: a row names its own period', async () => {
    const page = p.page;
    await page.locator('xixia-stat[chart="structure-comparison"] .xixia-stat__chart').focus();
    const marks = await page.$eval('xixia-stat[chart="structure-comparison"]', (e) => e.result.marks.map((m) => m.category));
    for (const category of marks) {
      await page.keyboard.press('ArrowRight');
      const { period } = await tooltipRows(page, 'structure-comparison');
      assert.ok(!period.includes('、'), `${category}: ${period}`);
      assert.ok(category.startsWith(period), `${category} is of ${period}`);
    }
  });
});

describe('a permalink', () => {
  const arrive = async () => {
    const p = await openPage(env, '/index.html#chart=direct-funds-progress', { width: 1280, height: 900 });
    // The chart it names is drawn and positioned wherever it is; the others as they come near.
    await waitUntil(() => p.page.evaluate(() => document.activeElement?.closest('xixia-stat')?.getAttribute('chart') === 'direct-funds-progress'), 'the chart to take focus');
    await waitUntil(() => p.page.evaluate(() => [...document.querySelectorAll('xixia-stat')].filter((e) => {
      const box = e.getBoundingClientRect();
      return box.bottom > -innerHeight && box.top < 2 * innerHeight;
    }).every((e) => e.dataset.state === 'ready')), 'the charts near the screen drawn');
    await p.page.waitForTimeout(300);
    return p;
  };

  test('on arrival: the chart with its card heading on screen', async () => {
    const p = await arrive();
    try {
      const heading = await p.page.$eval('xixia-stat[chart="direct-funds-progress"]', (e) => e.closest('.chart-card').querySelector('h3, h4').getBoundingClientRect().toJSON());
      // (Scrolling lands on whole device pixels: a heading at a fractional position may sit a
      // fraction of a pixel above the top.)
      assert.ok(heading.top > -1 && heading.bottom <= 900, `the card's heading is on screen (${heading.top})`);
      await screenshot(p.page, 'readers-permalink-arrival.png');
    } finally {
      await p.context.close();
    }
  });

  test('positions once: a language switch later does not pull the page back to the chart', async () => {
    const p = await arrive();
    const page = p.page;
    try {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('#lang-switch');
    await waitUntil(async () => {
      await seeEveryChart(page);
      return page.evaluate(() => document.documentElement.lang === 'en' && [...document.querySelectorAll('xixia-stat svg')].every((s) => !/[\u4e00-\u9fff]{4}/.test(s.textContent)));
    }, 'the charts in English');
    await page.waitForTimeout(500);
    assert.ok((await page.evaluate(() => scrollY)) < 10, `the page stays at the top (scrollY ${await page.evaluate(() => scrollY)})`);
    } finally {
      await p.context.close();
    }
  });
});

/** The href of a chart's download of `format`. */
const download = (page, chart, format) => page.$eval(`xixia-stat[chart="${chart}"] .xixia-stat__download[data-format="${format}"]`, (a) => a.href);

test('CSV: the 序时进度 column holds the figures the chart shows, the exact ones in a column named so', async () => {
  const p = await open('/index.html', { width: 1280 });
  try {
    const page = p.page;
    const table = await page.$eval('xixia-stat[chart="sanbao-cumulative"]', (e) => e.result.table);
    const pace = table.columns.findIndex((c) => c.startsWith('序时进度'));
    const csv = (await (await fetch(await download(page, 'sanbao-cumulative', 'csv'))).text()).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    // The table starts after the blank line that ends the `key,value` rows.
    const head = lines.indexOf('""') + 1;
    assert.match(lines[head], /^时期,/);
    const header = lines[head].split(',');
    const column = header.findIndex((h) => h === '序时进度（万元）');
    const exact = header.findIndex((h) => h === '序时进度（万元）：精确值');
    assert.ok(column > 0 && exact > 0, header.join(' | '));
    const rows = lines.slice(head + 1, head + 1 + table.rows.length).map((l) => l.split(','));
    assert.deepEqual(rows.map((r) => r[column]), table.rows.map((r) => r[pace]));
    assert.deepEqual(rows.map((r) => r[exact]).slice(0, 2), ['11486.1375', '22972.2750']);
  } finally {
    await p.context.close();
  }
});

test('JSON-stat on the English page: English labels, not the Chinese file', async () => {
  const p = await open('/index.html#lang=en', { width: 1280 });
  try {
    const page = p.page;
    const url = await download(page, 'gdp-by-industry', 'jsonstat');
    const en = await (await fetch(url)).json();
    const zh = await (await fetch(url.replace('/export/en/', '/export/zh-CN/'))).json();
    assert.notDeepEqual(en, zh);
    const cjk = /[\u4e00-\u9fff]/;
    assert.doesNotMatch(en.label, cjk);
    for (const dim of ['time', 'geo', 'indicator']) assert.doesNotMatch(en.dimension[dim].label, cjk, dim);
    assert.doesNotMatch(Object.values(en.dimension.time.category.label).join(), cjk);
    assert.equal(en.dimension.indicator.category.label.gdp, 'Gross regional product');
    assert.equal(en.dimension.indicator.category.unit.gdp.label, '100 million yuan');
    assert.deepEqual(en.value, zh.value);
    assert.deepEqual(en.dimension.indicator.category.index, zh.dimension.indicator.category.index);
  } finally {
    await p.context.close();
  }
});

describe('the controls on a plain page (no site stylesheet)', () => {
  for (const mode of ['standard', 'care']) {
    test(`${mode}: 查看数据表 and 下载与分享 are one height on one baseline`, async () => {
      const body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>嵌入</title><script type="module" src="/xixia-stat.js"></script></head><body><main><xixia-stat chart="gdp-structure" release="2022-bulletin" mode="${mode}"></xixia-stat></main></body></html>`;
      const p = await openPage(env, `${FIXTURE_PREFIX}plain.html`, {
        width: 800,
        beforeGoto: (page) => page.route(`${env.origin}${FIXTURE_PREFIX}plain.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body })),
      });
      try {
        await waitForCharts(p.page, 1);
        const boxes = await p.page.$eval('xixia-stat', (el) =>
          ['.xixia-stat__toggle', '.xixia-stat__share-toggle'].map((s) => {
            const node = el.querySelector(s);
            const range = document.createRange();
            range.selectNodeContents(node.firstChild);
            const b = node.getBoundingClientRect();
            return { top: b.top, height: b.height, text: range.getBoundingClientRect().bottom };
          }),
        );
        assert.ok(Math.abs(boxes[0].height - boxes[1].height) < 0.5, `heights ${boxes[0].height} and ${boxes[1].height}`);
        assert.ok(Math.abs(boxes[0].top - boxes[1].top) < 0.5, `tops ${boxes[0].top} and ${boxes[1].top}`);
        assert.ok(Math.abs(boxes[0].text - boxes[1].text) < 0.5, `text bottoms ${boxes[0].text} and ${boxes[1].text}`);
        await screenshot(p.page, `readers-plain-controls-${mode}.png`);
      } finally {
        await p.context.close();
      }
    });
  }
});

describe('staff preview at 1280×900: the error box', () => {
  let p;
  before(async () => {
    p = await openPage(env, '/preview.html', { width: 1280, height: 900 });
    await p.page.waitForSelector('html[data-ready="true"]');
  });
  after(async () => {
    await p?.context.close();
  });

  const paste = async (page, text) => {
    const before = await page.evaluate(() => Number(document.documentElement.dataset.runs ?? 0));
    await page.evaluate((text) => {
      const ta = document.getElementById('draft');
      ta.value = text;
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
    await waitUntil(async () => (await page.evaluate(() => Number(document.documentElement.dataset.runs ?? 0))) > before, 'the draft to be analysed');
  };

  const state = (page) =>
    page.evaluate(() => {
      const box = document.getElementById('error').getBoundingClientRect();
      return {
        error: !document.getElementById('error').hidden,
        inView: box.top >= 0 && box.bottom <= innerHeight,
        jump: document.getElementById('error-jump').getBoundingClientRect().height > 0,
        empty: document.getElementById('empty').hidden ? '' : document.getElementById('empty').textContent,
      };
    });

  test('an error with no place: in view, no jump button, and the results side says why', async () => {
    const page = p.page;
    await paste(page, '<!doctype html><html><body><p>2022年地区生产总值489.91亿元。</p></body></html>');
    const s = await state(page);
    assert.equal(s.error, true);
    assert.equal(s.jump, false, 'no 「跳到出错位置」 without a place');
    assert.equal(s.inView, true, 'the error box is on screen');
    assert.doesNotMatch(s.empty, /尚未读入草稿/);
    await screenshot(page, 'readers-preview-error-1280.png');
  });

  test('an error with a place has the jump; the next error without one has none', async () => {
    const page = p.page;
    await page.selectOption('#format', 'json');
    await paste(page, '{\n  "id": "draft",\n  "title": 5,\n}');
    assert.equal((await state(page)).jump, true);
    await page.selectOption('#format', 'auto');
    await paste(page, '<html><body>x</body></html>');
    const s = await state(page);
    assert.equal(s.error, true);
    assert.equal(s.jump, false);
  });
});
