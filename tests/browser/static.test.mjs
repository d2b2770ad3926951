// Checks on the files themselves, before any browser: what the pages and the component may not contain,
// and the pins the build relies on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, WWW } from './helpers.mjs';

const read = (...p) => readFile(path.join(ROOT, ...p), 'utf8');

async function pages() {
  const names = (await readdir(WWW)).filter((f) => f.endsWith('.html')).sort();
  return Promise.all(names.map(async (name) => ({ name, html: await readFile(path.join(WWW, name), 'utf8') })));
}

test('the four pages exist', async () => {
  assert.deepEqual((await pages()).map((p) => p.name), ['csp.html', 'embed.html', 'index.html', 'preview.html']);
});

test('pages: zh-CN, no inline scripts or styles, nothing from elsewhere', async () => {
  for (const { name, html } of await pages()) {
    assert.match(html, /<html lang="zh-CN">/, name);
    assert.doesNotMatch(html, /<style[\s>]/i, `${name}: <style>`);
    assert.doesNotMatch(html, /\sstyle\s*=/i, `${name}: style attribute`);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${name}: inline event handler`);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      assert.match(m[1], /\bsrc=/, `${name}: inline <script>`);
      assert.equal(m[2].trim(), '', `${name}: inline script body`);
    }
    for (const m of html.matchAll(/\b(?:src|href)="([^"]*)"/gi)) {
      assert.doesNotMatch(m[1], /^(?:[a-z]+:)?\/\//i, `${name}: external ${m[1]}`);
    }
  }
});

test('the component: no inline styles, markup only for our own SVG', async () => {
  // The component and what it shares with the preview (bundled into it).
  const js = `${await read('www', 'component', 'xixia-stat.js')}\n${await read('www', 'shared', 'dom.js')}`;
  const code = js.replace(/^\s*\/\/.*$/gm, ''); // comments may mention what the code avoids
  assert.doesNotMatch(code, /setAttribute\(\s*['"]style['"]/, "setAttribute('style')");
  assert.doesNotMatch(code, /createElement\(\s*['"]style['"]/, 'a <style> element');
  assert.doesNotMatch(code, /\.style\s*=/, 'a style string through the CSSOM');
  assert.doesNotMatch(code, /\b(?:eval|Function)\s*\(/, 'eval');
  assert.doesNotMatch(code, /outerHTML|insertAdjacentHTML|document\.write/, 'other HTML sinks');
  const sinks = [
    ...[...code.matchAll(/\.innerHTML\s*=\s*([^;]+);/g)].map((m) => m[1].trim()),
    ...[...code.matchAll(/createContextualFragment\(([^;]+)\);/g)].map((m) => m[1].trim()),
  ];
  assert.deepEqual(sinks, ["String(markup ?? '')"], 'markup is parsed only in parseSvg');
  assert.doesNotMatch(code, /DOMParser|parseFromString/, 'no other parser');
  assert.match(code, /return parseSvg\(markup, this\.#text\.notSvg\);/, '#parseSvg is the shared parseSvg');
  assert.deepEqual([...code.matchAll(/#parseSvg\(([^)]*)\)/g)].map((m) => m[1]).filter((a) => a !== 'markup'), ['result.svg'], '… and only for the SVG from the wasm');
  assert.match(code, /new URL\('\.\/pkg\/xixia_stats\.js', import\.meta\.url\)/);
  assert.match(code, /new URL\('\.\/xixia-stat\.css', import\.meta\.url\)/);
});

test('build pins: wasm-bindgen-cli follows Cargo.lock, which follows the = pin in Cargo.toml', async () => {
  const fromLock = execFileSync('bash', [path.join(ROOT, 'scripts', 'wasm-bindgen-version.sh')], { encoding: 'utf8' }).trim();
  const toml = await read('Cargo.toml');
  const pin = toml.match(/^wasm-bindgen\s*=\s*"=([^"]+)"/m);
  assert.ok(pin, 'Cargo.toml pins wasm-bindgen with =');
  assert.equal(fromLock, pin[1]);
  assert.match(toml, /\[package\.metadata\.wasm-pack\.profile\.release\]\s*\nwasm-opt\s*=\s*false/, 'wasm-pack must not run wasm-opt itself');
});

test('npm: exact devDependency versions, matching the lockfile', async () => {
  const pkg = JSON.parse(await read('package.json'));
  const lock = JSON.parse(await read('package-lock.json'));
  for (const needed of ['binaryen', 'playwright-core']) assert.ok(pkg.devDependencies[needed], `${needed} is a devDependency`);
  assert.equal(pkg.dependencies, undefined);
  for (const [name, version] of Object.entries(pkg.devDependencies)) {
    assert.match(version, /^\d+\.\d+\.\d+$/, `${name} pinned`);
    assert.equal(lock.packages[`node_modules/${name}`].version, version, `${name} in the lockfile`);
  }
});

test('www/pkg/ is generated, and ignored by git', async () => {
  const ignore = await read('.gitignore');
  assert.match(ignore, /^\/www\/pkg\/?$/m);
});
