//! Issue 17, the writing edges: every output path stays inside `--out`, `--period` matches
//! exactly, nothing bdg sends out carries a formula.

use crate::common::*;
use std::path::Path;

/// The shipped plan with `edit` applied, in `dir`.
fn plan_with(dir: &Path, edit: impl Fn(String) -> String) -> PathBuf {
    let src = std::fs::read_to_string(PLAN).unwrap();
    let p = dir.join("plan.yaml");
    std::fs::write(&p, edit(src)).unwrap();
    // The national indicator set it includes, beside it.
    let set = "nq28-2021-2030.yaml";
    std::fs::copy(root().join("plans").join(set), dir.join(set)).unwrap();
    p
}

/// Every file under `dir`, relative, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut v = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                v.push(p.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    v.sort();
    v
}

fn cycle(
    cmd: &str,
    plan: &Path,
    period: &str,
    reports: &Path,
    out: &Path,
) -> assert_cmd::assert::Assert {
    bdg()
        .args(["--lang", "en", cmd, "--plan"])
        .arg(plan)
        .args(["--period", period, "--as-of", "20/06/2021", "--reports"])
        .arg(reports)
        .arg("--out")
        .arg(out)
        .assert()
}

#[test]
fn a_plan_id_with_a_path_never_writes_outside_out() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    std::fs::create_dir(&victim).unwrap();
    std::fs::write(victim.join("important_2021-H1.xlsx"), b"keep me").unwrap();
    let out = dir.path().join("out");
    let plan = plan_with(dir.path(), |s| {
        s.replacen("  id: ninh-thuan-2021", "  id: ../victim/important", 1)
    });
    cycle(
        "consolidate",
        &plan,
        "2021-H1",
        Path::new("examples/reports/2021-H1"),
        &out,
    )
    .code(2)
    .stderr(predicate::str::contains("../victim/important"));
    assert_eq!(
        std::fs::read(victim.join("important_2021-H1.xlsx")).unwrap(),
        b"keep me"
    );
    assert_eq!(files_under(&victim), ["important_2021-H1.xlsx"]);
    assert!(!out.exists() || files_under(&out).iter().all(|f| f.starts_with(".bdg")));
}

#[test]
fn a_period_id_that_is_a_path_writes_no_letter_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let abs = elsewhere.display().to_string();
    let plan = plan_with(dir.path(), |s| {
        s.replacen("  - id: 2021-H1", &format!("  - id: \"{abs}\""), 1)
    });
    let out = dir.path().join("out");
    let empty = tempfile::tempdir().unwrap();
    cycle("remind", &plan, &abs, empty.path(), &out).code(2);
    assert!(files_under(&elsewhere).is_empty());
    // `../2021-H1` is not matched by `--period 2021-H1` (punctuation is not folded away)
    let plan = plan_with(dir.path(), |s| {
        s.replacen("  - id: 2021-H1", "  - id: ../2021-H1", 1)
    });
    let out = dir.path().join("deep/out");
    cycle("remind", &plan, "2021-H1", empty.path(), &out).code(2);
    bdg()
        .args(["template", "--plan"])
        .arg(&plan)
        .args(["--period", "2021-H1", "--out"])
        .arg(&out)
        .assert()
        .code(2);
    assert!(files_under(&dir.path().join("deep")).is_empty());
    // named exactly, it is found, and refused as a file name before anything is written
    cycle("remind", &plan, "../2021-H1", empty.path(), &out).code(2);
    assert!(files_under(&dir.path().join("deep"))
        .iter()
        .all(|f| f.contains(".bdg")));
}

#[test]
fn an_agency_id_too_long_for_a_file_name_stops_remind_before_the_first_letter() {
    let dir = tempfile::tempdir().unwrap();
    let long = "A".repeat(300);
    let plan = plan_with(dir.path(), |s| s.replace("SYT", &long));
    let out = dir.path().join("out");
    let empty = tempfile::tempdir().unwrap();
    cycle("remind", &plan, "2021-H1", empty.path(), &out).code(2);
    assert!(
        !out.exists() || files_under(&out).iter().all(|f| f.starts_with(".bdg")),
        "{:?}",
        files_under(&out)
    );
}

/// Every cell of a CSV: none may start as a formula.
fn assert_no_formula(csv_text: &str) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    for rec in r.records() {
        for cell in rec.unwrap().iter() {
            let cell = cell.trim_start_matches('\u{feff}');
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
}

#[test]
fn templates_and_plan_show_never_carry_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_with(dir.path(), |s| {
        s.replacen(
            "text: \"Xây dựng kế hoạch triển khai thực hiện Chiến lược",
            "text: \"=cmd|' /C calc'!A0 ",
            1,
        )
        .replacen(
            "name: Sở Y tế",
            "name: \"=WEBSERVICE(\\\"http://x\\\")\"",
            1,
        )
    });
    let out = dir.path().join("mau");
    bdg()
        .args([
            "template", "--format", "csv", "--agency", "SYT", "--period", "2021-H1", "--plan",
        ])
        .arg(&plan)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(0);
    let files = files_under(&out);
    let csv_file = files.iter().find(|f| f.ends_with(".csv")).unwrap();
    let text = std::fs::read_to_string(out.join(csv_file)).unwrap();
    assert!(text.contains("'=WEBSERVICE"), "{text}");
    assert_no_formula(&text);
    let o = bdg()
        .args(["plan", "show", "--format", "csv"])
        .arg(&plan)
        .output()
        .unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("'=cmd"), "{text}");
    assert_no_formula(&text);
}

/// Issue 17, 12: a killed run's temporary files are removed by the next run into that folder;
/// nothing else is.
#[test]
fn the_next_run_removes_a_killed_runs_temporary_files() {
    let out = tempfile::tempdir().unwrap();
    let leftover = out.path().join(".bdg-Xy12Ab.tmp");
    std::fs::write(&leftover, vec![b'x'; 4096]).unwrap();
    let other = out.path().join(".someone-else.tmp");
    std::fs::write(&other, b"not ours").unwrap();
    consolidate_sample(&[], out.path()).assert().code(1);
    assert!(!leftover.exists());
    assert_eq!(std::fs::read(&other).unwrap(), b"not ours");
}

/// Issue 17, 12: a second run into the same `--out` waits for the first, or refuses; it never
/// writes half of the outputs beside the other run's.
#[test]
fn a_second_run_into_a_locked_out_refuses_and_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let marker = out.path().join(".bdg-output");
    std::fs::write(&marker, b"").unwrap();
    let held = std::fs::File::open(&marker).unwrap();
    held.lock().unwrap();
    consolidate_sample(&["--lang", "en"], out.path())
        .env("BDG_LOCK_WAIT_SECS", "0")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(out.path().to_str().unwrap()));
    assert_eq!(files_under(out.path()), [".bdg-output"]);
    // Unlocked, not only closed: a child another test thread is forking at this moment shares
    // the open file (until its exec closes it), and would keep the lock held past a close.
    held.unlock().unwrap();
    drop(held);
    consolidate_sample(&[], out.path())
        .env("BDG_LOCK_WAIT_SECS", "10")
        .assert()
        .code(1);
    // The marker, the workbook, the Word report and its text companion.
    assert_eq!(files_under(out.path()).len(), 4);
}

/// Issue 17, 12: an I/O failure is a message in the user's language, naming the path.
#[test]
fn an_io_failure_is_said_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out");
    std::fs::write(&file, b"a file, not a folder").unwrap();
    let run = |lang: &str| {
        let o = consolidate_sample(&["--lang", lang], &file)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        String::from_utf8(o.stderr).unwrap()
    };
    let (vi, en) = (run("vi"), run("en"));
    let path = file.to_str().unwrap();
    assert!(vi.contains(path) && en.contains(path), "{vi}\n{en}");
    // what follows the path: the reason, in each language
    let reason = |s: &str| s.rsplit(path).next().unwrap().trim().to_string();
    assert_ne!(reason(&vi), reason(&en));
    assert!(!reason(&vi).is_ascii(), "{vi}");
}

/// Issue 17, 12: on a full disk (here: a file-size limit, its signal ignored) `consolidate`
/// ends with one message in the user's language and exit 2: no panic, no raw line from a
/// library, no temporary file left.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_one_message_and_exit_2() {
    let out = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("bdg");
    let script = format!(
        "trap '' XFSZ; ulimit -f 16; exec '{}' consolidate --plan {PLAN} --period 2021-H1 \
         --as-of 20/06/2021 --reports examples/reports/2021-H1 --out '{}'",
        bin.display(),
        out.path().display()
    );
    let o = std::process::Command::new("sh")
        .args(["-c", &script])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("ZipWriter"),
        "{err}"
    );
    assert!(err.contains("ninh-thuan-2021_2021-H1.xlsx"), "{err}");
    assert_eq!(files_under(out.path()), [".bdg-output"]);
}

/// Issue 16: the Word and text reports are written beside the workbook, on the second core, but
/// put in place only when all three are written. Here the workbook cannot be written (a
/// file-size limit between the Word report's size and the workbook's): the three outputs of an
/// earlier run (another as-of date, so other bytes) stay as they were, byte for byte.
#[cfg(target_os = "linux")]
#[test]
fn a_workbook_that_cannot_be_written_leaves_the_earlier_reports_in_place() {
    let out = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("bdg");
    let run = |as_of: &str, limit: &str| {
        let script = format!(
            "trap '' XFSZ; {limit} exec '{}' -q consolidate --plan {PLAN} --period 2021-H1 \
             --as-of {as_of} --reports examples/reports/2021-H1 --out '{}'",
            bin.display(),
            out.path().display()
        );
        std::process::Command::new("sh")
            .args(["-c", &script])
            .current_dir(root())
            .output()
            .unwrap()
    };
    assert_eq!(run("10/06/2021", "").status.code(), Some(1));
    let stem = out.path().join("ninh-thuan-2021_2021-H1");
    let read = |ext: &str| std::fs::read(stem.with_extension(ext)).unwrap();
    let before = [read("xlsx"), read("docx"), read("txt")];
    // The Word report of this cycle is about 31 KB, the workbook about 45 KB: 40 KB (dash's
    // ulimit counts 512-byte blocks) lets the first be written and not the second.
    assert!(before[1].len() < 40 * 1024 && before[0].len() > 40 * 1024);
    let o = run("20/06/2021", "ulimit -f 80;");
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!([read("xlsx"), read("docx"), read("txt")], before);
    // …and says so: nothing was changed.
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("không tệp nào bị thay đổi"), "{said}");
    assert_eq!(
        files_under(out.path()).len(),
        4,
        "{:?}",
        files_under(out.path())
    );
}

/// A folder where one of the three outputs goes is refused before anything is written: the other
/// two stay as they were (before, the workbook was replaced and the run failed at the Word
/// report's rename).
#[test]
fn a_folder_in_place_of_an_output_is_refused_before_anything_is_written() {
    let out = tempfile::tempdir().unwrap();
    let run = |as_of: &str| {
        bdg()
            .current_dir(root())
            .args(["-q", "consolidate", "--plan", PLAN, "--period", "2021-H1"])
            .args(["--reports", "examples/reports/2021-H1", "--as-of", as_of])
            .arg("--out")
            .arg(out.path())
            .output()
            .unwrap()
    };
    assert_eq!(run("10/06/2021").status.code(), Some(1));
    let stem = out.path().join("ninh-thuan-2021_2021-H1");
    std::fs::remove_file(stem.with_extension("docx")).unwrap();
    std::fs::create_dir(stem.with_extension("docx")).unwrap();
    let read = |ext: &str| std::fs::read(stem.with_extension(ext)).unwrap();
    let before = [read("xlsx"), read("txt")];
    assert_eq!(run("20/06/2021").status.code(), Some(2));
    assert_eq!([read("xlsx"), read("txt")], before);
    assert!(stem.with_extension("docx").is_dir());
}

/// `--out` naming a file is refused before any report is read (no notice about the reports on
/// stderr), and the message names the flag; the file is left as it was.
#[test]
fn an_out_that_is_a_file_is_refused_before_the_reports_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ket-qua");
    std::fs::write(&file, b"not a folder").unwrap();
    let o = consolidate_sample(&["--lang", "en"], &file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("--out"), "{err}");
    assert!(
        !err.contains("[superseded]"),
        "the reports were read: {err}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"not a folder");
}
