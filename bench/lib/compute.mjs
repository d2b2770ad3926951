// Compute benchmark: growth, shares and ranks over synthetic releases (src/compute/synthetic.rs),
// in wasm in Chromium (bench/compute/ + bench/pkg/) and natively with criterion (benches/compute.rs).

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { instrument } from './instrument.mjs';

/** Observations per synthetic release, and how many runs each gets in wasm (median taken). */
export const FULL_SIZES = [
  { n: 10_000, runs: 10 },
  { n: 100_000, runs: 7 },
  { n: 1_000_000, runs: 5 },
];
export const SMOKE_SIZES = [{ n: 10_000, runs: 2 }];

/**
 * Runs bench_crunch(n) in one page of the compute module, unthrottled, after `warmUpMs` of untimed
 * 10 k runs. Returns { results: [{ n, build: [ms], crunch: [ms], count }], wasmBytes }.
 */
export async function wasmCompute(browser, origin, { sizes, warmUpMs = 1000, onRun = () => {} }) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    const errors = [];
    page.on('pageerror', (err) => errors.push(String(err?.message || err)));
    await page.addInitScript(instrument);
    await page.goto(`${origin}/bench/compute/`, { waitUntil: 'load' });
    await page.evaluate(() => window.benchReady);
    // Warm-up, as criterion does: V8 runs wasm on its baseline compiler first and tiers hot
    // functions up to the optimising one, so repeat 10 k calls for `warmUpMs` before timing.
    await page.evaluate(async (ms) => {
      const end = performance.now() + ms;
      for (let i = 0; i < 3 || performance.now() < end; i++) {
        window.benchCrunch(10_000);
        await new Promise((r) => setTimeout(r, 0));
      }
    }, warmUpMs);
    const results = [];
    for (const { n, runs } of sizes) {
      const entry = { n, build: [], crunch: [], count: null };
      for (let i = 0; i < runs; i++) {
        const [build, crunch, count] = await page.evaluate((size) => window.benchCrunch(size), n);
        if (count !== n) throw new Error(`bench: bench_crunch(${n}) defined ${count} growth rates, expected ${n}`);
        entry.build.push(build);
        entry.crunch.push(crunch);
        entry.count = count;
        onRun(n, i, { build, crunch });
      }
      results.push(entry);
    }
    const wasmBytes = await page.evaluate(() => window.__bench.wasmBytes());
    if (errors.length) throw new Error(`bench: compute page: ${errors.join('; ')}`);
    return { results, wasmBytes };
  } finally {
    await context.close();
  }
}

export function criterionDir(root) {
  return path.join(process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, 'target'), 'criterion');
}

/**
 * Runs `cargo bench --bench compute`, its output to `logFile`, one line per result to stderr. Tries
 * twice: a build in a work tree that someone edits meanwhile can fail once and pass the next time.
 */
export async function runCriterion(root, logFile, env) {
  try {
    await runCriterionOnce(root, logFile, env);
  } catch (err) {
    process.stderr.write(`${err.message}; trying once more\n`);
    await runCriterionOnce(root, logFile, env);
  }
}

function runCriterionOnce(root, logFile, env) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn('cargo', ['bench', '--bench', 'compute'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(logFile);
    let pending = '';
    const onData = (chunk) => {
      log.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        if (/^\S+\/\d+\s+time:/.test(line) || /^\s*(Compiling xixia|Finished)/.test(line)) process.stderr.write(`bench: criterion ${line.trim()}\n`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      log.end();
      if (code === 0) resolve();
      else reject(new Error(`bench: cargo bench --bench compute exited ${code} (see ${path.relative(root, logFile)})`));
    });
  });
}

/**
 * criterion's results for one group ('crunch', 'observations'): { n: { medianMs, lowMs, highMs, at } }
 * from target/criterion/<group>/<n>/new/estimates.json (per-iteration nanoseconds; the median's point
 * estimate and its 95 % confidence interval). Missing sizes are left out.
 */
export function readCriterion(root, group, sizes) {
  const out = {};
  for (const n of sizes) {
    const file = path.join(criterionDir(root), group, String(n), 'new', 'estimates.json');
    if (!existsSync(file)) continue;
    const est = JSON.parse(readFileSync(file, 'utf8'));
    out[n] = {
      medianMs: est.median.point_estimate / 1e6,
      lowMs: est.median.confidence_interval.lower_bound / 1e6,
      highMs: est.median.confidence_interval.upper_bound / 1e6,
      at: statSync(file).mtime.toISOString(),
    };
  }
  return out;
}
