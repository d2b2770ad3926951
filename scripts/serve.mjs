#!/usr/bin/env node
// A small static file server for www/ (no dependencies). wasm will not load from file://, and
// streaming instantiation wants `application/wasm`, so the demo and the browser tests serve over http.
//
//   node scripts/serve.mjs [--dir www] [--port 8080] [--host 127.0.0.1]
//
// Tests import `startServer` and pass `port: 0` for a free port.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { gzipSync, constants as zlib } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  // The chart data files the page's module reads (src/chart/wire.rs): bytes, mostly text.
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
});

/** Types worth compressing when the server is asked to (`gzip: true`); the chart data files too. */
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|octet-stream)|image\/svg\+xml)/;

/** The MIME type served for a file name; unknown extensions are served as opaque bytes. */
export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function send(res, status, text, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** Whether `child` is `root` itself or lies inside it (both absolute, resolved). */
function isInside(root, child) {
  const rel = path.relative(root, child);
  return rel === '' || (rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel));
}

/**
 * Maps a request path to a file under one of the mounts (longest URL prefix first), or null.
 * Returns { file } or { redirect } (a directory asked for without its trailing slash).
 */
async function resolveRequest(mounts, pathname) {
  for (const { prefix, root } of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const rest = pathname.slice(prefix.length);
    let file = path.resolve(root, `.${path.posix.sep}${rest}`);
    if (!isInside(root, file)) return null;
    let info;
    try {
      // Follow symlinks, and check again that the real file is still inside the root.
      file = await realpath(file);
      if (!isInside(root, file)) return null;
      info = await stat(file);
    } catch {
      return null;
    }
    if (info.isDirectory()) {
      if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
      file = path.join(file, 'index.html');
      try {
        info = await stat(file);
      } catch {
        return null;
      }
    }
    return info.isFile() ? { file, size: info.size } : null;
  }
  return null;
}

/**
 * Starts the server. `dir` is served at `/`; `mounts` maps further URL prefixes ("/fixtures/")
 * to directories. With `gzip`, text, JSON, SVG and wasm go out gzip -9 to a client that accepts it
 * (as a real site sends them: the benchmark's emulated network then carries the real bytes).
 * Resolves to { server, url, port, close() }.
 */
export async function startServer({ dir = 'www', port = 8080, host = '127.0.0.1', mounts = {}, quiet = true, gzip = false } = {}) {
  /** file → { mtimeMs, body } gzip -9, made once per version of the file. */
  const compressed = new Map();
  const table = [];
  for (const [prefix, mountDir] of Object.entries(mounts)) {
    if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
      throw new Error(`serve: mount prefix must start and end with "/": ${prefix}`);
    }
    table.push({ prefix, root: await realpath(path.resolve(mountDir)) });
  }
  table.sort((a, b) => b.prefix.length - a.prefix.length);
  table.push({ prefix: '/', root: await realpath(path.resolve(dir)) });

  const server = createServer(async (req, res) => {
    const log = (status) => {
      if (!quiet) console.log(`${status} ${req.method} ${req.url}`);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        log(405);
        return send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      }
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      } catch {
        log(400);
        return send(res, 400, 'Bad Request\n');
      }
      if (pathname.includes('\0') || pathname.includes('\\')) {
        log(400);
        return send(res, 400, 'Bad Request\n');
      }
      const found = await resolveRequest(table, pathname);
      if (!found) {
        log(404);
        return send(res, 404, 'Not Found\n');
      }
      if (found.redirect) {
        log(301);
        return send(res, 301, 'Moved Permanently\n', { Location: found.redirect });
      }
      log(200);
      const type = mimeType(found.file);
      if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        const { mtimeMs } = await stat(found.file);
        let entry = compressed.get(found.file);
        if (entry?.mtimeMs !== mtimeMs) {
          entry = { mtimeMs, body: gzipSync(await readFile(found.file), { level: zlib.Z_BEST_COMPRESSION }) };
          compressed.set(found.file, entry);
        }
        res.writeHead(200, {
          'Content-Type': type,
          'Content-Encoding': 'gzip',
          'Content-Length': entry.body.length,
          'Cache-Control': 'no-cache',
          'Vary': 'Accept-Encoding',
          'X-Content-Type-Options': 'nosniff',
        });
        return res.end(req.method === 'HEAD' ? undefined : entry.body);
      }
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': found.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') return res.end();
      const stream = createReadStream(found.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      log(500);
      if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
      else res.destroy(err);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  return {
    server,
    port: actualPort,
    url: `http://${host}:${actualPort}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function parseArgs(argv) {
  const opts = { dir: 'www', port: Number(process.env.PORT || 8080), host: '127.0.0.1', quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.split(/=(.*)/s, 2);
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new Error(`serve: ${name} needs a value`);
      return argv[++i];
    };
    switch (name) {
      case '--dir': opts.dir = value(); break;
      case '--port': opts.port = Number(value()); break;
      case '--host': opts.host = value(); break;
      case '--quiet': opts.quiet = true; break;
      case '-h':
      case '--help':
        console.log('usage: node scripts/serve.mjs [--dir www] [--port 8080] [--host 127.0.0.1] [--quiet]');
        process.exit(0);
        break;
      default:
        throw new Error(`serve: unknown argument ${arg}`);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new Error(`serve: bad port ${opts.port}`);
  }
  return opts;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const { url } = await startServer(opts);
    console.log(`Serving ${path.resolve(opts.dir)} at ${url}  (Ctrl-C to stop)`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}

export const SCRIPT_PATH = fileURLToPath(import.meta.url);
