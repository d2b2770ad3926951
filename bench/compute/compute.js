// Loads the compute benchmark module (bench/pkg/, built with `--features bench`) and exposes
// window.benchCrunch(n) → [building ms, crunching ms, growth rates defined], timed inside the module
// with performance.now().

import init, { bench_crunch as benchCrunch } from '../pkg/xixia_bench.js';

const status = document.getElementById('status');
window.benchReady = init().then(
  () => {
    window.benchCrunch = (n) => Array.from(benchCrunch(n));
    status.textContent = 'ready';
    return true;
  },
  (err) => {
    status.textContent = `failed: ${err}`;
    throw err;
  },
);
