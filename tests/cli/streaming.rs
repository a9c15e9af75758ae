//! Issue 16: `bdg consolidate` reads the reports without their rows, then the files whose
//! figures count a second time, one at a time. Its workbook must be the very one the
//! consolidation of the same cycle held whole in memory gives (the library's `consolidate` and
//! `xlsx::workbook`, rows kept): same bytes, on the shipped example and on a generated cycle
//! with late, duplicate-free and bad-row files.

use crate::common::*;
use std::path::Path;

/// The workbook `bdg consolidate` writes for `reports`, and the one the library builds from
/// the same cycle read whole.
fn both_workbooks(plan: &Path, period: &str, reports: &Path, as_of: &str) -> (Vec<u8>, Vec<u8>) {
    let out = tempfile::tempdir().unwrap();
    let o = bdg()
        .args(["-q", "consolidate", "--plan"])
        .arg(plan)
        .args(["--period", period, "--as-of", as_of, "--reports"])
        .arg(reports)
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let xlsx = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .unwrap();
    let streamed = std::fs::read(xlsx).unwrap();

    let p = bdg::plan::load(plan).unwrap().0;
    let found = bdg::report::collect(&[reports.to_path_buf()], None);
    let mut whole = bdg::report::read_all(&found.files, &p, &Default::default(), &|| {});
    whole.extend(found.problems);
    assert!(whole.iter().any(|r| !r.rows.is_empty()), "read with rows");
    let period = p.periods.iter().position(|x| x.id == period).unwrap();
    let as_of = bdg::report::fields::parse_date(as_of).unwrap();
    let c = bdg::cycle::build(&p, &p.periods[period], whole, as_of);
    let k = bdg::consolidate::consolidate(&c);
    let in_memory = bdg::render::xlsx::workbook(&k, bdg::lang::Lang::Vi).unwrap();
    (streamed, in_memory)
}

#[test]
fn the_streamed_workbook_is_the_one_held_whole_on_the_example_cycle() {
    let (streamed, whole) = both_workbooks(
        &root().join(PLAN),
        "2021-H1",
        &root().join("examples/reports/2021-H1"),
        "20/06/2021",
    );
    assert!(streamed.len() > 10_000);
    assert!(streamed == whole, "the two workbooks differ");
}

#[test]
fn the_streamed_workbook_is_the_one_held_whole_on_a_generated_cycle() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("reports")).unwrap();
    std::fs::write(dir.path().join("plan.yaml"), gen::plan_yaml(150, 30)).unwrap();
    let stats = gen::reports(150, 30, 11, 40, |name, body| {
        std::fs::write(dir.path().join("reports").join(name), body).unwrap()
    });
    assert!(stats.late > 0 && stats.bad_rows > 0, "{stats:?}");
    let (streamed, whole) = both_workbooks(
        &dir.path().join("plan.yaml"),
        "2025-Y",
        &dir.path().join("reports"),
        "2025-12-31",
    );
    assert!(streamed == whole, "the two workbooks differ");
}
