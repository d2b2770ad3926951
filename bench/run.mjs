#!/usr/bin/env node
// The performance benchmarks (bench/README.md): the page benchmark (our demo page against the same
// charts in ECharts 6) and the compute benchmark (growth, shares and ranks over 10 k – 1 M synthetic
// observations, in wasm in Chromium and natively with criterion; indicators over time up to 10 years × 12 months × 50 indicators, benches/series.rs). Prints Markdown tables of medians
// and ratios and writes them to bench/results/latest.json (--smoke: smoke.json; a run with --no-*:
// partial.json).
// Nothing is asserted about the timings; budgets are reported as met or missed.
//
//   node bench/run.mjs                 # everything (make bench; `make build` first)
//   node bench/run.mjs --smoke         # 2 runs, 10 k only, no criterion (make bench-smoke), < 2 min
//   node bench/run.mjs --cpu-throttle 4 --runs 15
//
// Options: --runs N (page loads per page over loopback, default 15; smoke 2), --emulated-runs N (with
// the network emulated, default 5; smoke 1), --many-runs N (the 100-chart page, each network,
// default 5; smoke 1; 0 skips it), --cpu-throttle RATE (page benchmark
// only, CDP Emulation.setCPUThrottlingRate; default 1 = off), --no-criterion, --no-page, --no-compute,
// --rebuild (the compute module), --www DIR (benchmark another build of the demo site, e.g. an older
// commit's), --out FILE, --report FILE (print the tables of an earlier results file and stop).

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { ROOT, BENCH, assertPageBuilt, buildComputeWasm, buildEcharts, gitDescribe } from './lib/build.mjs';
import { FULL_SIZES, SMOKE_SIZES, criterionDir, readCriterion, runCriterion, wasmCompute } from './lib/compute.mjs';
import { RESIZED, SLOW, VIEWPORT, pageBenchmark } from './lib/page.mjs';
import { budgetTable, budgets, computeTable, headerLines, median, pageTable, summarise } from './lib/report.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function parseArgs(argv) {
  const opts = { smoke: false, runs: null, emulatedRuns: null, manyRuns: null, throttle: 1, criterion: true, page: true, compute: true, rebuild: false, www: 'www', out: null };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? (() => { throw new Error(`bench: ${name} needs a value`); })();
    switch (name) {
      case '--smoke': opts.smoke = true; break;
      case '--runs': opts.runs = Number(value()); break;
      case '--emulated-runs': opts.emulatedRuns = Number(value()); break;
      case '--many-runs': opts.manyRuns = Number(value()); break;
      case '--cpu-throttle':
      case '--throttle': opts.throttle = Number(value()); break;
      case '--no-criterion': opts.criterion = false; break;
      case '--no-page': opts.page = false; break;
      case '--no-compute': opts.compute = false; break;
      case '--rebuild': opts.rebuild = true; break;
      case '--www': opts.www = value(); break;
      case '--out': opts.out = value(); break;
      case '--report': opts.report = value(); break;
      case '-h':
      case '--help':
        console.log('usage: node bench/run.mjs [--smoke] [--runs N] [--emulated-runs N] [--many-runs N] [--cpu-throttle RATE] [--no-criterion] [--no-page] [--no-compute] [--rebuild] [--www DIR] [--out FILE] [--report FILE]');
        process.exit(0);
        break;
      default:
        throw new Error(`bench: unknown argument ${argv[i]}`);
    }
  }
  if (opts.smoke) opts.criterion = false;
  opts.runs ??= opts.smoke ? 2 : 15;
  opts.emulatedRuns ??= opts.smoke ? 1 : 5;
  opts.manyRuns ??= opts.smoke ? 1 : 5;
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error(`bench: --runs must be a positive integer`);
  for (const n of [opts.emulatedRuns, opts.manyRuns]) if (!Number.isInteger(n) || n < 0) throw new Error('bench: --emulated-runs and --many-runs take a whole number');
  if (!(opts.throttle >= 1)) throw new Error(`bench: --cpu-throttle must be ≥ 1`);
  // Only a full run replaces latest.json (the figures docs/performance.md quotes).
  const full = !opts.smoke && opts.page && opts.compute && opts.criterion;
  opts.out ??= path.join(BENCH, 'results', opts.smoke ? 'smoke.json' : full ? 'latest.json' : 'partial.json');
  return opts;
}

const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
const fmtMs = (ms) => `${ms.toFixed(1)} ms`;

/** The tables of a results file. */
function render(results) {
  return [
    ...headerLines(results),
    '',
    ...(results.page ? pageTable(results) : []),
    ...(results.compute ? ['', ...computeTable(results)] : []),
    '',
    ...budgetTable(results.budgets),
    '',
  ].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.report) {
    const results = JSON.parse(readFileSync(path.resolve(opts.report), 'utf8'));
    results.budgets = budgets(results);
    console.log(render(results));
    return;
  }
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  const www = path.resolve(ROOT, opts.www);
  const cargoEnv = { ...process.env, PATH: `${path.join(process.env.CARGO_HOME || path.join(os.homedir(), '.cargo'), 'bin')}:${process.env.PATH}` };

  // 1. Build what the benchmarks load.
  if (opts.page) {
    assertPageBuilt(www);
    await buildEcharts();
  }
  if (opts.compute) buildComputeWasm({ rebuild: opts.rebuild });

  // 2. The browser benchmarks, in one headless Chromium.
  // gzip -9, as a site would send it: the emulated network carries the compressed bytes.
  const server = await startServer({ dir: www, port: 0, mounts: { '/bench/': BENCH }, gzip: true });
  const origin = new URL(server.url).origin;
  let browser;
  let page = null;
  let wasm = null;
  let chromiumVersion = '';
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
    chromiumVersion = browser.version();
    if (opts.page) {
      log(`page benchmark: ${opts.runs} loopback and ${opts.emulatedRuns} emulated runs of each page, ${opts.manyRuns} of each 100-chart page; CPU throttling ${opts.throttle}×`);
      page = await pageBenchmark(browser, origin, {
        runs: opts.runs,
        emulatedRuns: opts.emulatedRuns,
        manyRuns: opts.manyRuns,
        throttle: opts.throttle,
        onRun: (key, i, r) =>
          log(`  ${key.padEnd(22)} run ${i + 1}: ${r.bytesGzip} B gzip, ${r.bytesBeforeFirst} B before the first chart on screen at ${fmtMs(r.firstPaintMs)}, ` +
            `first screen ${fmtMs(r.firstScreenMs)}, taken over ${fmtMs(r.readyMs)}, CLS ${r.clsLoad.toFixed(4)}/${r.clsScroll.toFixed(4)}, resize ${fmtMs(r.resizeMs)} (${r.resizeRedrawn} drawn)`),
      });
    }
    if (opts.compute) {
      const sizes = opts.smoke ? SMOKE_SIZES : FULL_SIZES;
      log(`compute benchmark in wasm: ${sizes.map((s) => `${s.n}×${s.runs}`).join(', ')}`);
      wasm = await wasmCompute(browser, origin, {
        sizes,
        warmUpMs: opts.smoke ? 300 : 1000,
        onRun: (n, i, r) => log(`  wasm ${n} run ${i + 1}: build ${fmtMs(r.build)}, crunch ${fmtMs(r.crunch)}`),
      });
    }
  } finally {
    await browser?.close();
    await server.close();
  }

  // 3. Native, after the browser is gone (so the two do not share the cores).
  const sizesAll = FULL_SIZES.map((s) => s.n);
  let criterionRan = false;
  if (opts.compute && opts.criterion) {
    log('criterion: cargo bench --bench compute (about 2 minutes on 2 cores, more when it compiles)');
    await runCriterion(ROOT, path.join(BENCH, 'results', 'criterion.log'), cargoEnv);
    criterionRan = true;
  }
  // Indicators over time (benches/series.rs): building every chart over time up to 10 years ×
  // 12 months × 50 indicators, natively, with its peer in the same run; a Markdown table.
  let series = null;
  if (opts.compute) {
    log(`series: cargo bench --bench series${opts.smoke ? ' -- --smoke' : ''}`);
    series = execFileSync('cargo', ['bench', '--quiet', '--bench', 'series', '--', ...(opts.smoke ? ['--smoke'] : [])], { cwd: ROOT, env: cargoEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  }
  const native = opts.compute
    ? { crunch: readCriterion(ROOT, 'crunch', sizesAll), observations: readCriterion(ROOT, 'observations', sizesAll), ranNow: criterionRan, dir: path.relative(ROOT, criterionDir(ROOT)) }
    : null;

  // 4. Report.
  const results = {
    generatedAt: new Date().toISOString(),
    mode: opts.smoke ? 'smoke' : opts.page && opts.compute && opts.criterion ? 'full' : 'partial',
    commit: gitDescribe(),
    machine: {
      nproc: os.availableParallelism?.() ?? os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
      chromium: chromiumVersion,
      node: process.version,
      os: `${os.type()} ${os.release()}`,
      // 1-minute load average at the start and the end: other work on the machine skews timings.
      loadavg: [+loadBefore.toFixed(2), +os.loadavg()[0].toFixed(2)],
    },
    options: { runs: opts.runs, emulatedRuns: opts.emulatedRuns, manyRuns: opts.manyRuns, cpuThrottle: opts.throttle, viewport: VIEWPORT, resizedTo: RESIZED, slow: SLOW, www: path.relative(ROOT, www) || '.' },
    page: page && {
      scenarios: Object.fromEntries(Object.entries(page.scenarios).map(([name, sc]) => [name, {
        network: sc.network,
        pages: sc.pages,
        ours: summarise(sc.ours),
        echarts: summarise(sc.echarts),
        files: { ours: sc.ours[0].files, echarts: sc.echarts[0].files },
        beforeFirst: { ours: sc.ours[0].filesBeforeFirst, echarts: sc.echarts[0].filesBeforeFirst },
      }])),
      heightRatios: page.ratios,
    },
    compute: wasm && {
      wasm: wasm.results.map((r) => ({ n: r.n, runs: r.crunch.length, crunchMs: median(r.crunch), buildMs: median(r.build), crunchRunsMs: r.crunch, buildRunsMs: r.build })),
      wasmMemoryBytes: wasm.wasmBytes,
      native,
    },
    series,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  results.budgets = budgets(results);

  console.log(render(results));
  if (series) console.log(series);
  mkdirSync(path.dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, opts.out)} (${results.seconds} s)`);
}

main().catch((err) => {
  console.error(err?.stack || String(err));
  process.exit(1);
});
