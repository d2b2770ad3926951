// A new release is a new file in the content folder: a copy of the site folder with a test-only
// 2023 bulletin (tests/site/2023-bulletin.json, the 2022 bulletin with changed figures, titled as
// test data) is built with the command line the build uses (chart data, pre-rendered pages), and
// the public page then shows the 2023 bulletin as the newest, its charts titled 2023, while an
// embed that asks for `latest-bulletin` draws the 2023 chart and one that names 2022 still draws
// 2022's. The wasm module, the component and the stylesheets are the built ones, unchanged.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, startEnvironment, openPage, waitForCharts, problems, screenshot, NO_PROBLEMS, ROOT, WWW } from './helpers.mjs';

let env;
let dir;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'xixia-site-'));
  // The content folder: the demo's, and the new release file.
  const site = path.join(dir, 'content');
  cpSync(path.join(ROOT, 'data', 'releases'), path.join(site, 'releases'), { recursive: true });
  cpSync(path.join(ROOT, 'data', 'charts.json'), path.join(site, 'charts.json'));
  cpSync(path.join(ROOT, 'tests', 'site', '2023-bulletin.json'), path.join(site, 'releases', '2023-bulletin.json'));
  // The served folder: the built code as it is, the data and pages made from the new folder.
  const www = path.join(dir, 'www');
  mkdirSync(path.join(www, 'data'), { recursive: true });
  for (const name of readdirSync(WWW)) {
    // Copies: the server follows no link out of the folder it serves.
    if (name !== 'data' && !name.endsWith('.html')) cpSync(path.join(WWW, name), path.join(www, name), { recursive: true });
  }
  cli(['chart-data', '--data', site, '--compact', '--split', path.join(www, 'data', 'charts')]);
  cli(['prerender', '--data', site, '--pages', path.join(ROOT, 'www', 'pages'), '-o', www]);
  writeFileSync(
    path.join(www, 'latest.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>latest</title><link rel="stylesheet" href="xixia-stat.css"><script type="module" src="xixia-stat.js"></script></head>
<body><xixia-stat id="latest" chart="gdp-by-industry" release="latest-bulletin"></xixia-stat><xixia-stat id="fixed" chart="gdp-by-industry" release="2022-bulletin"></xixia-stat><xixia-stat id="none" chart="gdp-structure"></xixia-stat></body></html>`,
  );
  env = await startEnvironment({ dir: www });
});

after(async () => {
  await env?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a site folder with a new bulletin', () => {
  test('the public page shows the 2023 bulletin as the newest, its charts drawn and titled 2023', async () => {
    const p = await openPage(env, '/index.html', { width: 1440 });
    try {
      const states = await waitForCharts(p.page);
      assert.ok(states.every((s) => s.state === 'ready'), JSON.stringify(states.filter((s) => s.state !== 'ready')));
      const h2 = await p.page.$$eval('main h2', (hs) => hs.map((h) => h.textContent.trim()));
      assert.equal(h2[0], '西夏区2023年国民经济和社会发展统计公报（测试用数据，非正式发布）');
      assert.equal((await p.page.textContent('.site-nav li:first-child')).trim(), '2023年统计公报');
      const gdp = p.page.locator('#r-2023-bulletin xixia-stat[chart="gdp-by-industry"]');
      assert.equal(await gdp.evaluate((el) => el.result.title), '2023年西夏区三次产业增加值');
      assert.match(await gdp.locator('svg').textContent(), /356\.20/);
      assert.equal(await p.page.locator('#r-2022-bulletin').count(), 0, 'the page shows the newest bulletin only');
      assert.deepEqual(await problems(env, p), NO_PROBLEMS);
      await screenshot(p.page, 'site-new-bulletin-1440.png');
    } finally {
      await p.context.close();
    }
  });

  test('an embed of latest-bulletin draws 2023, one of 2022-bulletin still 2022, and one without a release the newest', async () => {
    const p = await openPage(env, '/latest.html', { width: 800 });
    try {
      await waitForCharts(p.page, 3);
      const titles = await p.page.$$eval('xixia-stat', (els) => els.map((el) => [el.id, el.dataset.state, el.result?.title]));
      assert.deepEqual(titles, [
        ['latest', 'ready', '2023年西夏区三次产业增加值'],
        ['fixed', 'ready', '2022年西夏区三次产业增加值'],
        ['none', 'ready', '2023年西夏区三次产业结构'],
      ]);
    } finally {
      await p.context.close();
    }
  });
});
