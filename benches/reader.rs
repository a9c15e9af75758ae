//! The report reader on synthetic national data: one 60-row report, and 500 of them.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

#[path = "common/gen.rs"]
mod gen;

fn reader(c: &mut Criterion) {
    let plan = bdg::plan::parse(&gen::plan_yaml(500, 60), "plan.yaml")
        .expect("valid plan")
        .0;
    let mut files = Vec::new();
    gen::reports(500, 60, 1, 0, |name, body| files.push((name, body)));
    let opts = bdg::report::ReadOptions::default();
    let mut g = c.benchmark_group("reader");
    g.throughput(Throughput::Elements(60));
    g.bench_function("one report, 60 rows", |b| {
        b.iter(|| bdg::report::read(black_box(files[0].1.as_bytes()), "a.csv", &plan, &opts))
    });
    g.throughput(Throughput::Elements(500 * 60));
    g.bench_function("500 reports, 30,000 rows (one thread)", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|(n, body)| {
                    bdg::report::read(body.as_bytes(), n, &plan, &opts)
                        .rows
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, reader);
criterion_main!(benches);
