//! The one helper module of the integration tests: the `bdg` command, fixtures, the
//! shipped sample cycle and JSON parsing.
#![allow(dead_code)]

pub use assert_cmd::Command;
pub use predicates::prelude::*;
pub use serde_json::Value;
pub use std::path::PathBuf;

pub const PLAN: &str = "plans/ninh-thuan-2021.yaml";

/// The synthetic cycle of the benches and the generator example.
#[path = "../../benches/common/gen.rs"]
#[allow(dead_code)]
pub mod gen;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(p: &str) -> PathBuf {
    root().join("tests/fixtures").join(p)
}

pub fn bdg() -> Command {
    let mut c = Command::cargo_bin("bdg").unwrap();
    c.current_dir(root())
        .env_remove("BDG_PLAN")
        .env("NO_COLOR", "1");
    c
}

/// `bdg GLOBAL… consolidate` of the reports at `reports` for the shipped plan, 2021-H1, as of
/// 20/06/2021, into `out`.
pub fn consolidate_reports(
    global: &[&str],
    reports: impl AsRef<std::ffi::OsStr>,
    out: &std::path::Path,
) -> Command {
    let mut c = bdg();
    c.args(global)
        .args([
            "consolidate",
            "--plan",
            PLAN,
            "--period",
            "2021-H1",
            "--as-of",
            "20/06/2021",
        ])
        .arg("--reports")
        .arg(reports)
        .arg("--out")
        .arg(out);
    c
}

/// `bdg GLOBAL… consolidate` of the shipped sample cycle, as of 20/06/2021, into `out`.
pub fn consolidate_sample(global: &[&str], out: &std::path::Path) -> Command {
    consolidate_reports(global, "examples/reports/2021-H1", out)
}

/// `bdg consolidate --format json` of the reports at `reports`, as of 20/06/2021, into `out`:
/// the exit code and the JSON.
pub fn consolidate_json(reports: &std::path::Path, out: &std::path::Path) -> (i32, Value) {
    let o = consolidate_reports(&[], reports, out)
        .args(["--format", "json"])
        .output()
        .unwrap();
    (o.status.code().unwrap(), json_of(&o.stdout))
}

pub fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(out)))
}

/// `bdg GLOBAL… check --format json --plan PLAN PATHS…`: the exit code and the JSON.
pub fn check_json_with<P: AsRef<std::ffi::OsStr>>(global: &[&str], paths: &[P]) -> (i32, Value) {
    let o = bdg()
        .args(global)
        .args(["check", "--format", "json", "--plan", PLAN])
        .args(paths)
        .output()
        .unwrap();
    (o.status.code().unwrap(), json_of(&o.stdout))
}

/// `bdg check --format json --plan PLAN PATH`: the exit code and the JSON.
pub fn check_json(path: impl AsRef<std::ffi::OsStr>) -> (i32, Value) {
    check_json_with(&[], &[path])
}

/// The `code` of every diagnostic of a `--format json` answer, in order.
pub fn codes(v: &Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// The diagnostics of a `--format json` answer whose `code` is `code`.
pub fn diagnostics_with_code<'v>(v: &'v Value, code: &str) -> Vec<&'v Value> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

/// One sheet of a workbook (`.xlsx`), read back.
pub fn sheet(path: &std::path::Path, name: &str) -> calamine::Range<calamine::Data> {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    wb.worksheet_range(name).unwrap()
}

/// One part of a zip package (an `.xlsx` or a `.docx`), as text: `xl/styles.xml`,
/// `word/document.xml`.
pub fn part(path: &std::path::Path, name: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// `bdg -q template` of the shipped plan for 2021-H1 into `dir`, with `extra` arguments
/// (`--agency SYT`, `--format csv`); it must succeed.
pub fn template_sample(dir: &std::path::Path, extra: &[&str]) {
    bdg()
        .args([
            "-q", "template", "--plan", PLAN, "--period", "2021-H1", "--out",
        ])
        .arg(dir)
        .args(extra)
        .assert()
        .success();
}

/// The shipped example cycle's arguments, as the README's first command gives them.
pub const EXAMPLE: [&str; 8] = [
    "--plan",
    PLAN,
    "--period",
    "2021-H1",
    "--as-of",
    "20/06/2021",
    "--reports",
    "examples/reports/2021-H1",
];

/// A generated cycle's arguments (`gen::plan_yaml` into `plan.yaml`, `gen::reports` into
/// `reports/`), run from the folder that holds them.
pub const GENERATED: [&str; 8] = [
    "--plan",
    "plan.yaml",
    "--period",
    "2025-Y",
    "--as-of",
    "2025-12-31",
    "--reports",
    "reports",
];

/// FNV-1a, 64 bits: enough to see that a file changed (not a security measure).
pub fn fnv(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The checksum of a zip's parts: each name, a NUL and its uncompressed content, in order.
pub fn zip_parts(zip_bytes: &[u8]) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut all = Vec::new();
    for i in 0..z.len() {
        let mut part = z.by_index(i).unwrap();
        all.extend_from_slice(part.name().unwrap().as_bytes());
        all.push(0);
        part.read_to_end(&mut all).unwrap();
    }
    fnv(&all)
}

/// The workbook `consolidate` wrote into `out`.
pub fn workbook_in(out: &std::path::Path) -> std::path::PathBuf {
    std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .unwrap()
}

/// The value of the attribute `name` in the text of an XML tag (`s`, `numFmtId`, `rgb`).
pub fn xml_attr(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[at..at + tag[at..].find('"')?].to_string())
}

/// The sheet called `name` of a workbook as stored: `xl/worksheets/sheetN.xml`, N its place.
pub fn sheet_part(book: &std::path::Path, name: &str) -> String {
    use calamine::Reader;
    let wb: calamine::Xlsx<_> = calamine::open_workbook(book).unwrap();
    let n = wb.sheet_names().iter().position(|s| s == name).unwrap() + 1;
    part(book, &format!("xl/worksheets/sheet{n}.xml"))
}

/// The cell style (`<xf …>` of `cellXfs`, with a leading space for [`xml_attr`]) of the cell
/// `cell` ("F2") in the sheet XML `xml`, from the workbook's `styles.xml` text.
pub fn cell_xf(styles: &str, xml: &str, cell: &str) -> String {
    let at = xml.find(&format!("<c r=\"{cell}\"")).unwrap();
    let c = &xml[at..at + xml[at..].find('>').unwrap()];
    let s: usize = xml_attr(c, "s").map_or(0, |s| s.parse().unwrap());
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    format!(" {}", xfs.split("<xf ").nth(s + 1).unwrap())
}

/// The line of agency `id` in a `consolidate --format json` or `overdue --format json` answer.
pub fn agency_line<'v>(v: &'v Value, id: &str) -> &'v Value {
    (v["agencies"].as_array().unwrap().iter())
        .find(|a| a["agency"] == id)
        .unwrap_or_else(|| panic!("no {id} in {v}"))
}

/// The shipped plan `plan` (a path under the repository) copied to `dir/plan.yaml` without its
/// periods' `window`s, with the national set it may include beside it: its path.
pub fn plan_without_windows(plan: &str, dir: &std::path::Path) -> std::path::PathBuf {
    let yaml = std::fs::read_to_string(root().join(plan)).unwrap();
    let windowless: String = (yaml.lines())
        .filter(|l| !l.trim_start().starts_with("window:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(windowless.len() < yaml.len(), "{plan} has no window");
    let national = "nq28-2021-2030.yaml";
    std::fs::copy(root().join("plans").join(national), dir.join(national)).unwrap();
    let path = dir.join("plan.yaml");
    std::fs::write(&path, windowless).unwrap();
    path
}

/// Every file in `dir` (not its folders) and its bytes, by name.
pub fn snapshot(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

/// The JSON's `excluded`, each entry as (its file's name without folders, its code).
pub fn excluded_by_name(v: &Value) -> Vec<(String, String)> {
    (v["excluded"].as_array().unwrap().iter())
        .map(|d| {
            let f = std::path::Path::new(d["file"].as_str().unwrap());
            let name = f.file_name().unwrap().to_str().unwrap().to_string();
            (name, d["code"].as_str().unwrap().to_string())
        })
        .collect()
}

/// `bdg GLOBAL… remind --plan PLAN --period PERIOD --as-of AS_OF --reports REPORTS --out OUT`:
/// its exit code and stderr.
pub fn remind_with(
    global: &[&str],
    (plan, period, as_of): (&str, &str, &str),
    reports: &std::path::Path,
    out: &std::path::Path,
) -> (i32, String) {
    let o = bdg()
        .args(global)
        .args([
            "remind", "--plan", plan, "--period", period, "--as-of", as_of,
        ])
        .arg("--reports")
        .arg(reports)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    (o.status.code().unwrap(), err)
}

/// Whether the tests run as root (who reads and writes past any file mode): tests of modes
/// then run bdg as `nobody`.
pub fn running_as_root() -> bool {
    let id = std::process::Command::new("id").arg("-u").output().unwrap();
    id.stdout == b"0\n"
}

/// A new folder holding Sở Nội vụ's good report of the shipped example (`SNV_2021-H1.csv`),
/// for the crafted files a test puts beside it.
pub fn folder_with_a_good_report() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = root().join("examples/reports/2021-H1/SNV_2021-H1.csv");
    std::fs::copy(from, dir.path().join("SNV_2021-H1.csv")).unwrap();
    dir
}
