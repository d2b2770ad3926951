// Publishing from the staff preview: the invented 样例县's next month (its 2025年1-7月 report as the
// office writes it, sample-site/texts/) read in the preview, published into the sample site
// (`preview.html?site=sample/`), the zip unpacked into a copy of the served folder, and the public
// page then shows the new month in its charts over time, with no rebuild; the zip is the bytes
// `xixia-stats publish --zip` makes of the same draft, file for file, but for the PNG images each
// draws with its own fonts (the same images, of the same size); a revision says what it changes;
// a draft with errors is published only once staff confirm.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEnvironment, openPage, waitUntil, screenshot, ROOT, WWW } from './helpers.mjs';

const TEXTS = path.join(ROOT, 'sample-site', 'texts');
let env;
let dir;
let www;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'xixia-publish-'));
  www = path.join(dir, 'www');
  cpSync(WWW, www, { recursive: true });
  env = await startEnvironment({ dir: www });
});
after(async () => {
  await env?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openPreview() {
  const p = await openPage(env, '/preview.html?site=sample/', { width: 1280, height: 900 });
  await p.page.waitForSelector('html[data-ready="true"]');
  return p;
}

/** The files of a zip, in its order: name → bytes (python3's zipfile, as the web team's unzip). */
function unzip(bytes, name) {
  const file = path.join(dir, `${name}.zip`);
  writeFileSync(file, bytes);
  const listing = execFileSync('python3', ['-c', 'import sys, zipfile, base64\nfor i in zipfile.ZipFile(sys.argv[1]).infolist(): print(i.filename, base64.b64encode(zipfile.ZipFile(sys.argv[1]).read(i)).decode())', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return listing.trim().split('\n').map((line) => line.split(' ')).map(([n, b64]) => [n, Buffer.from(b64, 'base64')]);
}

/**
 * The browser's zip and the command line's hold the same files in the same order, byte for byte,
 * but for the PNG images, which each draws with its own fonts: those are PNGs of the same size.
 */
function sameFiles(browser, cli, name) {
  const ours = unzip(browser, `${name}-browser`);
  const theirs = unzip(cli, `${name}-cli`);
  assert.deepEqual(ours.map(([n]) => n), theirs.map(([n]) => n), 'the same files, in the same order');
  const pngs = ours.filter(([n]) => n.endsWith('.png'));
  assert.ok(pngs.length > 0 && pngs.length === ours.filter(([n]) => n.endsWith('.svg') && n.startsWith('data/export/')).length, 'a PNG beside every chart SVG');
  ours.forEach(([n, bytes], i) => {
    const other = theirs[i][1];
    if (!n.endsWith('.png')) return assert.ok(bytes.equals(other), `${n}: the same bytes`);
    const size = (b) => [b.readUInt32BE(16), b.readUInt32BE(20)];
    assert.ok(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${n}: a PNG`);
    assert.deepEqual(size(bytes), size(other), `${n}: the same size`);
  });
}

const runs = (page) => page.evaluate(() => Number(document.documentElement.dataset.runs ?? 0));

async function load(page, file) {
  const before = await runs(page);
  await page.setInputFiles('#file', file);
  await waitUntil(async () => (await runs(page)) > before, 'the draft to be analysed');
}

async function planFor(page, date) {
  await page.fill('#publish-date', date);
  await page.click('#publish-plan');
  await waitUntil(() => page.locator('#publish-result').isVisible(), 'the publication to be made');
  return page.locator('#publish-changes li').allTextContents();
}

describe('publishing from the preview', () => {
  test('the next month: its zip is the command line’s, and unpacked the public page shows it', async () => {
    const p = await openPreview();
    const page = p.page;
    try {
      // The draft is linked, charted and compared with the served site's content, not the demo's.
      assert.match(await page.locator('#site').textContent(), /^比较与发布对象：\/sample\/（已发布21期，最新《样例县2025年1-6月主要经济指标/);
      await load(page, path.join(TEXTS, '2025-1-7-indicators.txt'));
      const changes = await planFor(page, '2025-08-15');
      assert.ok(changes.some((c) => c.startsWith('新发布：样例县2025年1-7月主要经济指标')), changes.join('\n'));
      assert.ok(changes.includes('时间序列图表新增2025年1-7月一期：样例县规模以上工业增加值累计增速'), changes.join('\n'));
      assert.ok(changes.some((c) => c.startsWith('latest-indicators 改为指向本期')), changes.join('\n'));
      assert.ok(await page.locator('#publish-errors-block').isHidden());
      await screenshot(page, 'publish-preview-1280.png');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#publish-zip')]);
      assert.equal(download.suggestedFilename(), '2025-1-7-indicators-v1.zip');
      const zip = readFileSync(await download.path());

      // The command line, of the same draft (read from a file of the same name) into the same site.
      const cli = path.join(dir, 'cli.zip');
      execFileSync('cargo', ['run', '--quiet', '--manifest-path', path.join(ROOT, 'Cargo.toml'), '--', 'publish', '2025-1-7-indicators.txt', '--site', path.join(www, 'sample'), '--zip', cli, '--date', '2025-08-15'], { cwd: TEXTS, stdio: ['ignore', 'pipe', 'pipe'] });
      sameFiles(zip, readFileSync(cli), 'month');

      // The web team unpacks it into the site folder.
      writeFileSync(path.join(dir, 'p.zip'), zip);
      execFileSync('python3', ['-m', 'zipfile', '-e', path.join(dir, 'p.zip'), path.join(www, 'sample')]);
    } finally {
      await p.context.close();
    }
    const site = await openPage(env, '/sample/index.html', { width: 1440, height: 900 });
    try {
      const el = site.page.locator('xixia-stat[chart="industry-trend"]').first();
      await el.scrollIntoViewIfNeeded();
      await waitUntil(() => el.evaluate((e) => e.dataset.state === 'ready' && e.result?.release === '2025-1-7-indicators'), 'the new month drawn');
      const result = await el.evaluate((e) => e.result);
      assert.equal(result.table.rows.at(-1)[0], '2025年1-7月');
      assert.match(result.description, /^1-7月，规模以上工业增加值同比增长6\.5%，增速比1-6月回落0\.2个百分点/);
      // The earlier month is still there, one period back.
      const options = await el.locator('.xixia-stat__period-select option').allTextContents();
      assert.equal(options[0], '2025年1-7月（最新）');
      assert.ok(options.includes('2025年1-6月'), options.join(' | '));
      await screenshot(site.page, 'publish-site-after.png');
    } finally {
      await site.context.close();
    }
    // The no-JavaScript snippet for a CMS page reads right.
    const snippet = readFileSync(path.join(www, 'sample', 'data', 'embed', 'zh-CN', '2025-1-7-indicators', 'industry-trend.html'), 'utf8');
    assert.match(snippet, /^<xixia-stat chart="industry-trend" release="2025-1-7-indicators">/);
    assert.match(snippet, /1-7月，规模以上工业增加值同比增长6\.5%/);
    assert.ok(existsSync(path.join(www, 'sample', 'data', 'charts', '2025-1-6-indicators.bin')));
  });

  test('a revision says what it changes; a draft with errors waits for confirmation', async () => {
    const p = await openPreview();
    const page = p.page;
    try {
      const june = readFileSync(path.join(ROOT, 'sample-site', 'releases', '2025-1-6-indicators.json'), 'utf8').replace('"rate": "6.7"', '"rate": "6.8"');
      const file = path.join(dir, '2025-1-6-indicators.json');
      writeFileSync(file, june);
      await load(page, file);
      let changes = await planFor(page, '2025-07-30');
      assert.ok(changes.some((c) => c.startsWith('修订：') && c.includes('第2版')), changes.join('\n'));
      assert.ok(changes.some((c) => c.startsWith('改动：规模以上工业增加值的增速：')), changes.join('\n'));

      const bulletin = JSON.parse(readFileSync(path.join(ROOT, 'sample-site', 'releases', '2024-bulletin.json'), 'utf8'));
      bulletin.id = '2025-bulletin';
      bulletin.period.year = 2025;
      bulletin.title = bulletin.title.replace('2024', '2025');
      bulletin.facts = bulletin.facts.filter((f) => f.id !== 'gdp-2023-final');
      bulletin.facts.find((f) => f.id === 'gdp-primary').value.amount = '99.99';
      const wrong = path.join(dir, '2025-bulletin.json');
      writeFileSync(wrong, JSON.stringify(bulletin));
      await load(page, wrong);
      changes = await planFor(page, '2026-03-20');
      assert.ok(await page.locator('#publish-errors-block').isVisible(), 'the errors are listed');
      assert.ok((await page.locator('#publish-errors li').count()) > 0);
      assert.ok(await page.locator('#publish-zip').isDisabled(), 'no download before confirming');
      await page.check('#publish-confirm');
      assert.ok(await page.locator('#publish-zip').isEnabled());
    } finally {
      await p.context.close();
    }
  });

  test('a release file of the site that does not read: skipped and said, the zip is the command line’s, and every other chart keeps working', async () => {
    // A copy of the sample site as built, where the web team's hand edit broke the 2022
    // bulletin's release file, and a bad upload the 2024 bulletin's chart data.
    const broken = path.join(www, 'sample2');
    cpSync(path.join(WWW, 'sample'), broken, { recursive: true });
    writeFileSync(path.join(broken, 'data', 'content', 'releases', '2022-bulletin.json'), '{"id": "2022-bulletin",\n');
    const upload = path.join(broken, 'data', 'charts', '2024-bulletin.bin');
    writeFileSync(upload, readFileSync(upload).subarray(0, 1000)); // cut short
    const p = await openPage(env, '/preview.html?site=sample2/', { width: 1280, height: 900 });
    const page = p.page;
    let zip;
    try {
      await page.waitForSelector('html[data-ready="true"]');
      assert.match(await page.locator('#site').textContent(), /已发布20期.*1个发布文件无法读取，已跳过：data\/content\/releases\/2022-bulletin\.json/);
      await load(page, path.join(TEXTS, '2025-1-7-indicators.txt'));
      const changes = await planFor(page, '2025-08-15');
      assert.ok(changes.some((c) => c.startsWith('新发布：样例县2025年1-7月主要经济指标')), changes.join('\n'));
      assert.ok(await page.locator('#publish-skipped-block').isVisible(), 'the unreadable file is said');
      const skipped = await page.locator('#publish-skipped li').allTextContents();
      assert.ok(skipped.some((s) => s.includes('data/content/releases/2022-bulletin.json：第2行第0列不是有效的 JSON')), skipped.join('\n'));
      await screenshot(page, 'publish-skipped-1280.png');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#publish-zip')]);
      zip = readFileSync(await download.path());
    } finally {
      await p.context.close();
    }
    const cli = path.join(dir, 'cli-skipped.zip');
    const said = execFileSync('cargo', ['run', '--quiet', '--manifest-path', path.join(ROOT, 'Cargo.toml'), '--', 'publish', '2025-1-7-indicators.txt', '--site', broken, '--zip', cli, '--date', '2025-08-15'], { cwd: TEXTS, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.match(said, /跳过：data\/content\/releases\/2022-bulletin\.json/);
    sameFiles(zip, readFileSync(cli), 'skipped');
    writeFileSync(path.join(dir, 'p2.zip'), zip);
    execFileSync('python3', ['-m', 'zipfile', '-e', path.join(dir, 'p2.zip'), broken]);
    assert.equal(readFileSync(path.join(broken, 'data', 'content', 'releases', '2022-bulletin.json'), 'utf8'), '{"id": "2022-bulletin",\n', 'the broken file is left as it was');
    const index = JSON.parse(readFileSync(path.join(broken, 'data', 'charts', 'index.json'), 'utf8'));
    for (const r of index.releases) assert.ok(existsSync(path.join(broken, 'data', 'charts', `${r.id}.bin`)), `${r.id} is listed with its chart data`);

    // The public page: the new month is drawn, the broken bulletin's charts say which file.
    const site = await openPage(env, '/sample2/index.html', { width: 1440, height: 900 });
    try {
      const trend = site.page.locator('xixia-stat[chart="industry-trend"]').first();
      await trend.scrollIntoViewIfNeeded();
      await waitUntil(() => trend.evaluate((e) => e.dataset.state === 'ready' && e.result?.release === '2025-1-7-indicators'), 'the new month drawn');
      const bulletin = site.page.locator('xixia-stat[release="latest-bulletin"], xixia-stat[release="2024-bulletin"]').first();
      await bulletin.scrollIntoViewIfNeeded();
      await waitUntil(() => bulletin.evaluate((e) => e.dataset.state === 'error'), 'the broken release’s chart to say so');
      assert.match(await bulletin.locator('.xixia-stat__status').textContent(), /^本图数据加载失败：\/sample2\/data\/charts\/2024-bulletin\.bin: 图表数据无法读取：文件在中途结束/);
      // In the placeholder's place, the chart as published: the build's image of it.
      await waitUntil(() => bulletin.locator('img.xixia-stat__image').evaluate((img) => img.complete && img.naturalWidth > 0), 'the published image');
      const states = await site.page.locator('xixia-stat').evaluateAll((els) => els.map((e) => [e.getAttribute('release'), e.dataset.state]));
      assert.ok(states.filter(([, s]) => s === 'ready').length > 0, JSON.stringify(states));
      await screenshot(site.page, 'publish-skipped-site.png');
    } finally {
      await site.context.close();
    }
  });
});
