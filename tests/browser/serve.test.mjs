// scripts/serve.mjs: MIME types, 404s, no way out of the served directory, the command line.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, symlink, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, SCRIPT_PATH } from '../../scripts/serve.mjs';

let tmp;
let root;
let server;

/** A raw GET (or other method): unlike fetch, it sends the path exactly as given, "../" included. */
function raw(port, rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'xixia-serve-'));
  root = path.join(tmp, 'site');
  await mkdir(path.join(root, 'pkg'), { recursive: true });
  await mkdir(path.join(root, 'sub'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>首页</title>');
  await writeFile(path.join(root, 'app.js'), 'export {};');
  await writeFile(path.join(root, 'lib.mjs'), 'export {};');
  await writeFile(path.join(root, 'site.css'), 'body{}');
  await writeFile(path.join(root, 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(root, 'data.json'), '{"a":"西夏"}');
  await writeFile(path.join(root, 'pkg', 'mod.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  await writeFile(path.join(root, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
  await writeFile(path.join(tmp, 'secret.txt'), 'outside the root');
  await symlink(path.join(tmp, 'secret.txt'), path.join(root, 'link-out.txt'));
  server = await startServer({ dir: root, port: 0 });
});

after(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('serves on 127.0.0.1 on the port asked for (0: a free one)', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.ok(server.port > 0);
});

test('MIME types: wasm, JavaScript, and utf-8 text', async () => {
  const cases = {
    '/': 'text/html; charset=utf-8',
    '/index.html': 'text/html; charset=utf-8',
    '/app.js': 'text/javascript; charset=utf-8',
    '/lib.mjs': 'text/javascript; charset=utf-8',
    '/site.css': 'text/css; charset=utf-8',
    '/chart.svg': 'image/svg+xml; charset=utf-8',
    '/data.json': 'application/json; charset=utf-8',
    '/pkg/mod.wasm': 'application/wasm',
  };
  for (const [p, type] of Object.entries(cases)) {
    const res = await fetch(new URL(p, server.url));
    assert.equal(res.status, 200, p);
    assert.equal(res.headers.get('content-type'), type, p);
  }
  const wasm = new Uint8Array(await (await fetch(new URL('/pkg/mod.wasm', server.url))).arrayBuffer());
  assert.deepEqual([...wasm.slice(0, 4)], [0, 0x61, 0x73, 0x6d]);
  assert.equal(await (await fetch(new URL('/data.json', server.url))).text(), '{"a":"西夏"}');
});

test('missing files are 404', async () => {
  for (const p of ['/nope.html', '/pkg/nope.wasm', '/sub/nope/', '/index.html/x']) {
    const res = await raw(server.port, p);
    assert.equal(res.status, 404, p);
  }
});

test('a directory without its slash redirects; with it, its index.html', async () => {
  const res = await raw(server.port, '/sub');
  assert.equal(res.status, 301);
  assert.equal(res.headers.location, '/sub/');
  const index = await raw(server.port, '/sub/');
  assert.equal(index.status, 200);
  assert.match(index.body, /<title>sub<\/title>/);
});

test('no directory traversal, encoded or not, and no symlink out of the root', async () => {
  const attempts = [
    '/../secret.txt',
    '/sub/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/sub/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/link-out.txt',
  ];
  for (const p of attempts) {
    const res = await raw(server.port, p);
    assert.ok(res.status === 404 || res.status === 400, `${p}: ${res.status}`);
    assert.doesNotMatch(res.body, /outside the root/, p);
  }
  // A bad escape is a bad request, not a crash.
  assert.equal((await raw(server.port, '/%E0%A4%A')).status, 400);
  // …and the server still answers.
  assert.equal((await raw(server.port, '/index.html')).status, 200);
});

test('HEAD gives headers without a body; other methods are 405', async () => {
  const head = await raw(server.port, '/app.js', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(head.body, '');
  const post = await raw(server.port, '/app.js', 'POST');
  assert.equal(post.status, 405);
  assert.equal(post.headers.allow, 'GET, HEAD');
});

test('command line: --dir and --port, prints the URL', async () => {
  const child = spawn(process.execPath, [SCRIPT_PATH, '--dir', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 10_000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      });
      child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });
    const res = await fetch(new URL('/pkg/mod.wasm', url));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/wasm');
  } finally {
    child.kill();
  }
});

test('command line: an unknown argument is an error', async () => {
  const child = spawn(process.execPath, [SCRIPT_PATH, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  assert.equal(code, 1);
  assert.match(err, /unknown argument --bogus/);
});
