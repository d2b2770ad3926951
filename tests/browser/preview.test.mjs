// The staff preview page (www/preview.html) with the real preview module (www/pkg-preview/): a
// release pasted as JSON shows its charts (marked 征求意见稿), the checker's known errors with a jump
// into the draft, updates live as a figure is edited; garbage, over-limit input and unreadable files
// give a clear message and leave the page usable; downloads work; the page passes axe-core; and the
// public index.html never downloads the preview module. Screenshots: preview-1280.png, preview-360.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, startEnvironment, openPage, waitUntil, problems, screenshot, NO_PROBLEMS, waitForCharts } from './helpers.mjs';

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FISCAL = await readFile(path.join(ROOT, 'data', 'releases', '2023-fiscal-reports-5-8.json'), 'utf8');
/** The checker's message for 第七期's four levels (`cargo run -- check 2023-fiscal-reports-5-8`). */
const FOUR_LEVELS = '之和4.16亿元 ≠ 全口径一般公共预算收入5.16亿元';
let env;
before(async () => {
  env = await startEnvironment();
});
after(async () => {
  await env?.close();
});

async function open(width = 1280, height = 900) {
  const p = await openPage(env, '/preview.html', { width, height });
  await p.page.waitForSelector('html[data-ready="true"]');
  return p;
}

/** What a clean page must not have; the downloads' own blob: URLs are the page's. */
async function clean(p) {
  const found = await problems(env, p);
  return { ...found, foreignRequests: found.foreignRequests.filter((u) => !u.startsWith(`blob:${env.origin}/`)) };
}

/** Pastes `text` into the draft (the value and the input event a paste makes; Playwright's `fill`
 * types a long text far too slowly) and waits for the analysis. */
async function paste(page, text) {
  const before = await runs(page);
  await page.evaluate((text) => {
    const ta = document.getElementById('draft');
    ta.focus();
    ta.value = text;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  await waitUntil(async () => (await runs(page)) > before, 'the draft to be analysed');
}

const runs = (page) => page.evaluate(() => Number(document.documentElement.dataset.runs ?? 0));

const findingTexts = (page) => page.$$eval('#findings .pv-finding', (els) => els.map((e) => ({ severity: e.dataset.severity, text: e.textContent })));
const counts = (page) =>
  page.$$eval('#filters .pv-filter', (bs) => Object.fromEntries(bs.map((b) => [b.dataset.filter, Number(/(\d+)$/.exec(b.textContent)?.[1])])));

describe('a release pasted as JSON', () => {
  let p;
  before(async () => {
    p = await open(1280);
    await paste(p.page, FISCAL);
  });
  after(async () => {
    await p?.context.close();
  });

  test('the summary names the release and the format', async () => {
    const summary = await p.page.locator('#summary').textContent();
    assert.match(summary, /JSON/);
    assert.match(summary, /西夏财政专报第五至八期/);
    assert.match(await p.page.locator('#status').textContent(), /分析用时 \d+ 毫秒/);
  });

  test('charts appear, each drawn and marked 征求意见稿, with a data table', async () => {
    const charts = await p.page.$$eval('#charts .pv-chart', (els) =>
      els.map((e) => ({
        state: e.dataset.state,
        svg: Boolean(e.querySelector('.pv-chart__area > svg')),
        mark: e.querySelector('.pv-draft-mark')?.textContent,
        label: e.querySelector('.pv-chart__area')?.getAttribute('aria-label') ?? '',
        rows: e.querySelectorAll('.pv-chart__table tbody tr').length,
      })),
    );
    assert.ok(charts.length >= 2, `charts: ${charts.length}`);
    for (const c of charts) {
      assert.equal(c.state, 'ready');
      assert.ok(c.svg, 'an svg');
      assert.equal(c.mark, '征求意见稿');
      assert.ok(c.label.length > 0, 'named by its title');
      assert.ok(c.rows > 0, 'a data table');
    }
    assert.ok(charts.some((c) => /直达资金/.test(c.label)), 'the direct-funds chart');
    // A draft of a published release shows that release's own charts, with the watermark drawn in.
    const ids = await p.page.$$eval('#charts .pv-chart', (els) => els.map((e) => e.dataset.chart));
    for (const id of ['sanbao-cumulative', 'direct-funds-progress']) assert.ok(ids.includes(id), `${id} among ${ids.join(', ')}`);
    const marked = await p.page.$$eval('#charts .pv-chart__area > svg', (svgs) => svgs.filter((s) => s.textContent.includes('征求意见稿')).length);
    assert.equal(marked, charts.length, 'every chart drawn with 征求意见稿');
  });

  test('the findings panel shows the known errors, with badges in words, and counts that agree', async () => {
    const page = p.page;
    const shown = await findingTexts(page);
    const four = shown.find((f) => f.text.includes(FOUR_LEVELS));
    assert.ok(four, `the four levels finding among ${shown.length}`);
    assert.equal(four.severity, 'error');
    assert.match(four.text, /✖\s*错误/);
    const n = await counts(page);
    assert.ok(n.error >= 1);
    await page.click('#filters [data-filter="error"]');
    const errors = await findingTexts(page);
    assert.equal(errors.length, n.error, 'the error filter lists as many as it counts');
    assert.ok(errors.every((f) => f.severity === 'error'));
    await page.click('#filters [data-filter="ok"]');
    const passes = await findingTexts(page);
    assert.equal(passes.length, n.ok);
    assert.ok(passes.every((f) => /✔\s*通过/.test(f.text)));
    await page.click('#filters [data-filter="problems"]');
    assert.equal(await page.getAttribute('#filters [data-filter="problems"]', 'aria-pressed'), 'true');
  });

  test('a finding’s location jumps into the draft: selected, scrolled to and focused', async () => {
    const page = p.page;
    const jump = page.locator('#findings .pv-finding', { hasText: FOUR_LEVELS }).locator('.pv-jump');
    assert.match(await jump.textContent(), /full-revenue-by-level/);
    await page.evaluate(() => {
      document.getElementById('draft').scrollTop = 0;
    });
    await jump.click();
    const state = await page.evaluate(() => {
      const ta = document.getElementById('draft');
      return { focused: document.activeElement === ta, selected: ta.value.slice(ta.selectionStart, ta.selectionEnd), scrollTop: ta.scrollTop, line: ta.value.slice(0, ta.selectionStart).split('\n').length };
    });
    assert.equal(state.focused, true);
    assert.equal(state.selected, 'full-revenue-by-level');
    assert.ok(state.line > 100, `far down the draft (line ${state.line})`);
    assert.ok(state.scrollTop > 0, 'the textarea scrolled to it');
  });

  test('editing a figure updates the panel live', async () => {
    const page = p.page;
    const before = await counts(page);
    // Type over the 0 of 西夏区级 "0.56" (亿元): the four levels then sum to 5.16, and its share fits.
    await page.evaluate(() => {
      const ta = document.getElementById('draft');
      const at = ta.value.indexOf('"amount": "0.56"', ta.value.indexOf('"id": "full-revenue-district"'));
      const digit = at + '"amount": "'.length;
      ta.focus();
      ta.setSelectionRange(digit, digit + 1);
    });
    const read = await runs(page);
    await page.keyboard.type('1');
    await waitUntil(async () => (await runs(page)) > read, 'the edit to be analysed');
    const after = await counts(page);
    const shown = await findingTexts(page);
    assert.ok(!shown.some((f) => f.text.includes(FOUR_LEVELS)), 'the four levels now add up');
    assert.ok(!shown.some((f) => /表述为30\.23%/.test(f.text)), 'the 西夏区级 share now fits');
    // …and the checker now sees 西夏区级's own tax + non-tax (0.56) fall short of the edited total.
    assert.ok(shown.some((f) => f.severity === 'error' && f.text.includes('之和0.56亿元 ≠ 西夏区级（全口径一般公共预算收入）1.56亿元')));
    assert.equal(after.error, before.error - 1, 'two errors gone, one new');
    await page.click('#filters [data-filter="ok"]');
    const passes = await findingTexts(page);
    assert.ok(passes.some((f) => /之和5\.16亿元 = 全口径一般公共预算收入5\.16亿元/.test(f.text)), 'the sum now passes');
    await page.click('#filters [data-filter="problems"]');
  });

  test('the comparison shows the edited value, old → new', async () => {
    const diff = await p.page.locator('#diff').textContent();
    assert.match(diff, /与已发布的《西夏财政专报第五至八期》比较：1处数值改动/);
    const row = await p.page.$$eval('#diff tbody tr', (trs) => trs.map((tr) => tr.textContent).find((t) => t.includes('西夏区级')) ?? '');
    assert.match(row, /0\.56/);
    assert.match(row, /1\.56/);
    // Its jump selects the changed item in the draft.
    await p.page.locator('#diff tbody tr', { hasText: '西夏区级' }).locator('.pv-jump').first().click();
    const selected = await p.page.evaluate(() => {
      const ta = document.getElementById('draft');
      return ta.value.slice(ta.selectionStart, ta.selectionEnd);
    });
    assert.equal(selected, 'full-revenue-district');
  });

  test('downloads: chart CSV, SVG and PNG, and the draft release JSON', async () => {
    const page = p.page;
    const card = page.locator('#charts .pv-chart').first();
    const get = async (label) => {
      const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: label }).click()]);
      return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
    };
    const csv = await get('下载 CSV');
    assert.match(csv.name, /征求意见稿\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    assert.match(csv.bytes.toString('utf8'), /^\uFEFF标题,/);
    assert.match(csv.bytes.toString('utf8'), /征求意见稿/, 'the CSV says it is a draft');
    const svg = await get('下载 SVG');
    assert.match(svg.name, /\.svg$/);
    assert.match(svg.bytes.toString('utf8'), /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg [^>]*><title>/);
    assert.match(svg.bytes.toString('utf8'), /征求意见稿/, 'the SVG carries the watermark');
    const png = await get('下载 PNG');
    assert.match(png.name, /\.png$/);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    assert.ok(png.bytes.length > 5000, `a picture, not a blank (${png.bytes.length} B)`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-release')]);
    const release = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(release.id, '2023-fiscal-reports-5-8');
    assert.match(download.suggestedFilename(), /征求意见稿\.json$/);
  });

  test('axe-core: no WCAG 2.1 AA violations, and the page is clean', async () => {
    const page = p.page;
    await page.$$eval('#charts details', (ds) => ds.forEach((d) => (d.open = true)));
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_21_AA);
    assert.ok(result.passes.length > 15, `axe ran (${result.passes.length} passed)`);
    assert.deepEqual(
      result.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary}`),
      [],
    );
    await page.$$eval('#charts details', (ds) => ds.forEach((d) => (d.open = false)));
    assert.deepEqual(await clean(p), NO_PROBLEMS);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'preview-1280.png');
  });
});

describe('bad input', () => {
  let p;
  before(async () => {
    p = await open(1280);
  });
  after(async () => {
    await p?.context.close();
  });

  test('broken JSON: a clear message naming the line and column, with a jump; the page stays usable', async () => {
    const page = p.page;
    await paste(page, '{\n  "id": "draft",\n  "title": 5,\n}');
    const alert = page.locator('#error[role="alert"]');
    assert.equal(await alert.isVisible(), true);
    const message = await page.locator('#error-message').textContent();
    assert.match(message, /粘贴的文本：第3行第\d+列/, message);
    await page.click('#error-jump');
    const line = await page.evaluate(() => {
      const ta = document.getElementById('draft');
      return ta.value.slice(0, ta.selectionStart).split('\n').length;
    });
    assert.equal(line, 3);
    await paste(page, FISCAL);
    assert.equal(await alert.isVisible(), false, 'a good draft clears the error');
    assert.ok((await findingTexts(page)).some((f) => f.text.includes(FOUR_LEVELS)));
  });

  test('garbage with markup: an error or an empty reading, shown as text; nothing runs', async () => {
    const page = p.page;
    const scripts = await page.locator('script').count();
    await page.selectOption('#format', 'json');
    await paste(page, '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> ☃ \u0000 }{');
    assert.equal(await page.locator('#error').isVisible(), true);
    assert.match(await page.locator('#error-message').textContent(), /粘贴的文本：第1行第1列不是有效的 JSON/);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(await page.locator('script').count(), scripts);
    assert.equal(await page.locator('#stale').isVisible(), true, 'the last good result is marked as such');
    await page.selectOption('#format', 'auto');
    await paste(page, '<b>随便</b>写的一段话，没有数字。\u0000');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(await page.locator('#results b').count(), 0, 'no markup from the draft in the page');
  });

  test('a draft over 4 MiB: the size message, before any reading', async () => {
    const page = p.page;
    const read = await runs(page);
    await page.evaluate(() => {
      const ta = document.getElementById('draft');
      ta.value = `{"id": "big", "title": "${'统'.repeat(1_500_000)}"}`;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitUntil(async () => (await runs(page)) > read, 'the size check');
    assert.equal(await page.locator('#error').isVisible(), true);
    const message = await page.locator('#error-message').textContent();
    assert.match(message, /超过单份草稿 4 MiB 的上限/);
    assert.match(message, /4\.3 MiB/);
  });

  test('files: an over-limit file and a binary file are refused by name; a JSON file is read', async () => {
    const page = p.page;
    const read = await runs(page);
    await page.setInputFiles('#file', { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(4 * 1024 * 1024 + 1, 0x61) });
    await waitUntil(async () => /huge\.txt：文件有 4\.0 MiB/.test(await page.locator('#error-message').textContent()), 'the file size message');
    assert.equal(await runs(page), read, 'an over-limit file is not read');
    await page.setInputFiles('#file', { name: 'draft.docx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) });
    await waitUntil(async () => /draft\.docx 不是文本文件/.test(await page.locator('#error-message').textContent()), 'the binary file message');
    await page.setInputFiles('#file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"id": 5}') });
    await waitUntil(async () => /^broken\.json：第1行/.test(await page.locator('#error-message').textContent()), 'the file named in the error');
    await page.setInputFiles('#file', { name: '财政专报.json', mimeType: 'application/json', buffer: Buffer.from(FISCAL) });
    await waitUntil(async () => !(await page.locator('#error').isVisible()), 'the file to be read');
    assert.equal(await page.inputValue('#format'), 'json');
    assert.ok((await findingTexts(page)).some((f) => f.text.includes(FOUR_LEVELS)));
    assert.deepEqual(await clean(p), NO_PROBLEMS);
  });
});

describe('a phone, 360 px', () => {
  test('one column, nothing wider than the screen, charts drawn', async () => {
    const p = await open(360, 780);
    try {
      await paste(p.page, FISCAL);
      const widths = await p.page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: innerWidth }));
      assert.ok(widths.doc <= widths.view, `no horizontal scroll (${widths.doc} > ${widths.view})`);
      const svg = await p.page.locator('#charts .pv-chart__area > svg').first().boundingBox();
      assert.ok(svg && svg.width <= 360 && svg.width > 250, `chart width ${svg?.width}`);
      assert.deepEqual(await clean(p), NO_PROBLEMS);
      await p.page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(p.page, 'preview-360.png');
    } finally {
      await p.context.close();
    }
  });
});

describe('the bulletin text pasted', () => {
  test('the 2022 bulletin: 三次产业 charts and the real inconsistencies', async () => {
    const bulletin = await readFile(path.join(ROOT, 'data', 'samples', '2022-bulletin.txt'), 'utf8');
    const p = await open(1280);
    try {
      const page = p.page;
      await paste(page, bulletin);
      assert.equal(await page.locator('#error').isVisible(), false, await page.locator('#error-message').textContent());
      assert.match(await page.locator('#summary').textContent(), /公报文本/);
      const titles = await page.$$eval('#charts .pv-chart__area', (els) => els.map((e) => e.getAttribute('aria-label')));
      assert.ok(titles.some((t) => /三次产业/.test(t)), `charts: ${titles.join('；')}`);
      await page.click('#filters [data-filter="all"]');
      const all = await findingTexts(page);
      assert.ok(all.some((f) => f.severity === 'warning' && /农业/.test(f.text)), 'the 农业产值 bare-growth warning');
      assert.ok(all.some((f) => /45\.46/.test(f.text) && /45\.48/.test(f.text)), 'the 45.46 vs 45.48 note');
      // The same verdict as on the hand-keyed release (`cargo run -- check 2022-bulletin --all`):
      // no error, the one warning, the one note, and every other check passed, among them the sum
      // of the three industries.
      const tally = await counts(page);
      assert.deepEqual([tally.error, tally.warning, tally.info, tally.ok], [0, 1, 1, 32], JSON.stringify(tally));
      assert.ok(
        all.some((f) => f.severity === 'ok' && f.text.includes('第一产业增加值、第二产业增加值、第三产业增加值之和489.91亿元 = 地区生产总值489.91亿元 ✓')),
        'the sum of the three industries is shown as verified',
      );
      assert.ok(titles.length >= 15, `every structure charted: ${titles.length} charts`);
      // A figure that cannot be computed says why, in words.
      const figures = await page.locator('#figures').textContent();
      assert.ok(figures.includes('无法计算（增速按可比价格计算，不能由现价总量推算上期数）'), 'why GDP has no previous-year level');
      assert.ok(!/undefined|reason/.test(figures), 'no raw field names in the figures table');
      // A finding's jump selects, in the pasted text, the very sentence the finding quotes.
      const finding = page.locator('#findings .pv-finding', { hasText: '45.46' }).first();
      const quoted = await finding.locator('.pv-quote').textContent();
      await finding.locator('.pv-jump').click();
      const selected = await page.evaluate(() => {
        const ta = document.getElementById('draft');
        return { text: ta.value.slice(ta.selectionStart, ta.selectionEnd), focused: document.activeElement === ta };
      });
      assert.equal(selected.focused, true);
      assert.ok(selected.text.length > 0);
      assert.equal(selected.text.replace(/\s+/g, ''), quoted.replace(/\s+/g, ''), 'the jump selects the quoted sentence');
      // Prose has sentences, not the ids the import made up.
      assert.match(await finding.locator('.pv-jump').textContent(), /^第\d+句$/);
      assert.deepEqual(await clean(p), NO_PROBLEMS);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'preview-text-1280.png');
    } finally {
      await p.context.close();
    }
  });
});

describe('the sample buttons', () => {
  test('财政专报第七期 and the CSV template load, are read in their format, and show their charts', async () => {
    const p = await open(1280);
    try {
      const page = p.page;
      const load = async (name) => {
        const before = await runs(page);
        await page.getByRole('button', { name }).click();
        await waitUntil(async () => (await runs(page)) > before, `the sample ${name}`);
        assert.equal(await page.locator('#error').isVisible(), false, await page.locator('#error-message').textContent());
        return {
          format: await page.inputValue('#format'),
          charts: await page.locator('#charts .pv-chart[data-state="ready"]').count(),
          errors: (await findingTexts(page)).filter((f) => f.severity === 'error').map((f) => f.text),
        };
      };
      // Samples are recognised by content; the selector stays 自动识别 for the next paste.
      const report7 = await load('财政专报第七期');
      assert.equal(report7.format, 'auto');
      assert.match(await page.locator('#summary').textContent(), /公报文本/);
      assert.ok(report7.charts > 0);
      assert.ok(report7.errors.some((t) => t.includes(FOUR_LEVELS)), 'the four levels error, read from the prose');
      const csv = await load('CSV模板');
      assert.equal(csv.format, 'auto');
      assert.ok(csv.charts > 0);
      assert.match(await page.locator('#summary').textContent(), /CSV 模板/);
      // Text pasted over the sample is read as what it is, and named as pasted.
      const bulletin = await readFile(path.join(ROOT, 'data', 'samples', '2022-bulletin.txt'), 'utf8');
      const before = await runs(page);
      await paste(page, bulletin);
      await waitUntil(async () => (await runs(page)) > before, 'the pasted bulletin');
      assert.equal(await page.locator('#error').isVisible(), false, await page.locator('#error-message').textContent());
      assert.match(await page.locator('#summary').textContent(), /公报文本/);
      assert.deepEqual(await clean(p), NO_PROBLEMS);
    } finally {
      await p.context.close();
    }
  });
});

describe('the public page stays light', () => {
  test('index.html requests nothing of the preview', async () => {
    const p = await openPage(env, '/index.html', { width: 1280 });
    try {
      await waitForCharts(p.page);
      const preview = p.log.requests.filter((u) => /pkg-preview|preview\.(js|css)|xixia_preview/.test(u));
      assert.deepEqual(preview, []);
      assert.ok(p.log.requests.some((u) => u.endsWith('/pkg/xixia_stats_bg.wasm')), 'the public module loaded');
      const links = await p.page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
      assert.ok(!links.some((h) => /preview/.test(h)), 'no public link to the preview');
    } finally {
      await p.context.close();
    }
  });
});

test('the preview script: text through textContent, markup parsed only for the module’s SVG', async () => {
  // The preview and what it shares with the component (bundled into it).
  const js = `${await readFile(path.join(ROOT, 'www', 'preview-src', 'preview.js'), 'utf8')}\n${await readFile(path.join(ROOT, 'www', 'shared', 'dom.js'), 'utf8')}`;
  const code = js.replace(/^\s*\/\/.*$/gm, '');
  assert.doesNotMatch(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, 'HTML sinks');
  assert.doesNotMatch(code, /\b(?:eval|Function)\s*\(/, 'eval');
  assert.doesNotMatch(code, /setAttribute\(\s*['"]style['"]|\.style\s*=/, 'style strings');
  const sinks = [...code.matchAll(/createContextualFragment\(([^;]+)\);/g)].map((m) => m[1].trim());
  assert.deepEqual(sinks, ["String(markup ?? '')"]);
  assert.match(code, /svgNode\(drawn\.svg\)/, 'the only markup is render()’s SVG');
  assert.deepEqual([...code.matchAll(/\bparseSvg\(([^,)]*)/g)].map((m) => m[1]), ['markup', 'markup'], 'parsed only by svgNode, through the shared parseSvg');
});

describe('linking a draft’s indicators to the registry', () => {
  // Invented figures for the invented 样例县: one name the registry knows by an alias (规上工业增加值),
  // one it does not know at all.
  const DRAFT = '样例县2025年1-7月主要经济指标（虚构样例数据）\n\n一、工业\n\n1-7月，全县规上工业增加值同比增长6.5%，增速比1-6月回落0.2个百分点。\n\n二、投资\n\n1-7月，全县项目建设投资同比增长5.4%。\n';
  test('an alias links by itself; staff link the unknown one, and the release they download carries the link', async () => {
    const p = await open(1280);
    const page = p.page;
    try {
      await paste(page, DRAFT);
      const rows = () => page.$$eval('#links tbody tr', (trs) => trs.map((tr) => ({ name: tr.querySelector('th').textContent, value: tr.querySelector('select').value, how: tr.querySelector('.pv-link-how').textContent, unlinked: tr.classList.contains('pv-unlinked') })));
      const first = await rows();
      assert.deepEqual(first.find((r) => r.name === '规上工业增加值'), { name: '规上工业增加值', value: 'industry-above-scale-va', how: '', unlinked: false });
      const unknown = first.find((r) => r.name === '项目建设投资');
      assert.deepEqual({ value: unknown.value, how: unknown.how, unlinked: unknown.unlinked }, { value: '', how: '（未关联）', unlinked: true });
      assert.match(await page.textContent('#nav-links'), /未关联1/);
      const before = await runs(page);
      await page.locator('#links tbody tr', { hasText: '项目建设投资' }).locator('select').selectOption('investment');
      await waitUntil(async () => (await runs(page)) > before, 'the draft analysed again');
      const after = (await rows()).find((r) => r.name === '项目建设投资');
      assert.deepEqual({ value: after.value, how: after.how, unlinked: after.unlinked }, { value: 'investment', how: '（已改选）', unlinked: false });
      assert.match(await page.textContent('#nav-links'), /未关联0/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-release')]);
      const release = JSON.parse(await readFile(await download.path(), 'utf8'));
      const fact = release.facts.find((f) => f.name === '项目建设投资');
      assert.equal(fact.indicator, 'investment');
      assert.deepEqual(await clean(p), NO_PROBLEMS);
    } finally {
      await p.context.close();
    }
  });
});
