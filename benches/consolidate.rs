//! The cycle, the consolidation and the renderers over 500 synthetic reports (30,000 rows).

use bdg::lang::Lang;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "common/gen.rs"]
mod gen;

fn consolidate(c: &mut Criterion) {
    let plan = bdg::plan::parse(&gen::plan_yaml(500, 60), "plan.yaml")
        .expect("valid plan")
        .0;
    let opts = bdg::report::ReadOptions::default();
    let mut reports = Vec::new();
    gen::reports(500, 60, 1, 40, |name, body| {
        reports.push(bdg::report::read(body.as_bytes(), &name, &plan, &opts))
    });
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).expect("a date");
    let period = &plan.periods[0];
    let mut g = c.benchmark_group("consolidate");
    g.throughput(Throughput::Elements(30_000));
    g.bench_function("cycle + consolidation", |b| {
        b.iter(|| {
            let cy = bdg::cycle::build(&plan, period, reports.clone(), as_of);
            bdg::consolidate::consolidate(&cy).totals.budget_vnd
        })
    });
    let cy = bdg::cycle::build(&plan, period, reports.clone(), as_of);
    let k = bdg::consolidate::consolidate(&cy);
    g.sample_size(10);
    g.bench_function("workbook", |b| {
        b.iter(|| {
            bdg::render::xlsx::workbook(&k, Lang::Vi)
                .expect("workbook")
                .len()
        })
    });
    g.bench_function("text report", |b| {
        b.iter(|| bdg::render::plain::render(&bdg::render::report_doc::build(&k, Lang::Vi)).len())
    });
    g.finish();
}

criterion_group!(benches, consolidate);
criterion_main!(benches);
