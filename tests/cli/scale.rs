use crate::common::*;
use calamine::{Data, Reader, Xlsx};

use crate::common::gen;

#[test]
fn the_generator_is_deterministic_and_bdg_finds_what_it_planted() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let write = |dir: &std::path::Path| {
        std::fs::create_dir_all(dir.join("reports")).unwrap();
        std::fs::write(dir.join("plan.yaml"), gen::plan_yaml(120, 25)).unwrap();
        gen::reports(120, 25, 7, 40, |name, body| {
            std::fs::write(dir.join("reports").join(name), body).unwrap()
        })
    };
    let stats = write(a.path());
    write(b.path());
    for f in std::fs::read_dir(a.path().join("reports")).unwrap() {
        let f = f.unwrap();
        assert_eq!(
            std::fs::read(f.path()).unwrap(),
            std::fs::read(b.path().join("reports").join(f.file_name())).unwrap()
        );
    }
    let out = bdg()
        .args(["check", "--format", "json", "--plan"])
        .arg(a.path().join("plan.yaml"))
        .arg(a.path().join("reports"))
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    assert_eq!(v["files"], stats.files);
    let bad = diagnostics_with_code(&v, "bad-number").len();
    assert_eq!(bad, stats.bad_rows);
    assert_eq!(
        v["rows"].as_u64().unwrap() as usize,
        stats.files * 25 - stats.bad_rows
    );
    let out = bdg()
        .args([
            "overdue",
            "--format",
            "json",
            "--as-of",
            "2025-12-31",
            "--period",
            "2025-Y",
            "--plan",
        ])
        .arg(a.path().join("plan.yaml"))
        .arg("--reports")
        .arg(a.path().join("reports"))
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    let count = |s: &str| {
        v["agencies"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["state"] == s)
            .count()
    };
    assert_eq!(
        (count("late"), count("missing")),
        (stats.late, stats.missing)
    );
}

#[test]
fn details_past_the_sheet_limit_go_on_in_further_sheets() {
    let plan = bdg::plan::load(&root().join(PLAN)).unwrap().0;
    let files: Vec<PathBuf> = std::fs::read_dir(root().join("examples/reports/2021-H1"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let reports = bdg::report::read_all(&files, &plan, &Default::default(), &|| {});
    let as_of = chrono::NaiveDate::from_ymd_opt(2021, 6, 20).unwrap();
    let c = bdg::cycle::build(&plan, &plan.periods[0], reports, as_of);
    let k = bdg::consolidate::consolidate(&c);
    let total = k.details().count();
    let bytes = bdg::render::xlsx::workbook_with_limit(&k, bdg::lang::Lang::Vi, 100)
        .unwrap()
        .save_to_buffer()
        .unwrap();
    let mut wb = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let parts: Vec<String> = wb
        .sheet_names()
        .into_iter()
        .filter(|n| n.starts_with("Chi tiết"))
        .collect();
    assert_eq!(parts.len(), total.div_ceil(100), "{parts:?}");
    assert_eq!(parts[1], "Chi tiết 2");
    let rows: usize = parts
        .iter()
        .map(|p| wb.worksheet_range(p).unwrap().height() - 1)
        .sum();
    assert_eq!(rows, total);
    let first = wb.worksheet_range("Chi tiết").unwrap();
    assert_eq!(first.height(), 101);
    assert_eq!(first.get((0, 0)), Some(&Data::String("Đơn vị".into())));
}
