//! Native compute benchmark: growth, shares and ranks over synthetic releases of 10 k, 100 k and
//! 1 M observations (`xixia_stats::compute::synthetic`). The same work runs in wasm in Chromium
//! (`bench/run.mjs`), which reads this benchmark's `target/criterion/*/new/estimates.json` for the
//! wasm/native ratio.
//!
//!     cargo bench --bench compute
//!
//! Sample sizes are criterion's minimum (10) with short warm-up and measurement times, so the whole
//! run takes about a minute on 2 cores.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput};
use xixia_stats::compute::synthetic::{crunch, observations};

/// The sizes, in observations. bench/run.mjs reads the results under these ids.
const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

fn sized(c: &mut Criterion, name: &str, routine: impl Fn(usize, &mut criterion::Bencher)) {
    let mut group = c.benchmark_group(name);
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    for n in SIZES {
        let (warm, measure) = if n >= 1_000_000 { (1, 8) } else { (1, 3) };
        group.warm_up_time(Duration::from_secs(warm)).measurement_time(Duration::from_secs(measure));
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| routine(n, b));
    }
    group.finish();
}

/// The crunch alone (growth of each, structure at one decimal, ranks by growth), on prepared data.
fn crunch_bench(c: &mut Criterion) {
    sized(c, "crunch", |n, b| {
        let data = observations(n);
        b.iter(|| black_box(crunch(black_box(&data))));
    });
}

/// Building the synthetic observations (decimal arithmetic, one allocation).
fn build_bench(c: &mut Criterion) {
    sized(c, "observations", |n, b| b.iter(|| black_box(observations(black_box(n)))));
}

criterion_group!(benches, crunch_bench, build_bench);
criterion_main!(benches);
