//! Small promises a hostile trial found broken: a read-only earlier output, a plan path that
//! is not a file, a FIFO among the reports, the cron example without a place for its snapshot.

use crate::common::*;

/// A read-only (0444) earlier output in a writable folder is replaced, as an ordinary user
/// (as root, the run is made as `nobody`: root is not held back by a file's mode), and keeps
/// its mode.
#[cfg(unix)]
#[test]
fn a_read_only_earlier_output_is_replaced_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = dir.path().join("out");
    let plan = root().join(PLAN);
    let reports = root().join("examples/reports/2021-H1");
    let run = || {
        crate::permissions::as_user(&[
            "consolidate".as_ref(),
            "--plan".as_ref(),
            plan.as_os_str(),
            "--period".as_ref(),
            "2021-H1".as_ref(),
            "--as-of".as_ref(),
            "20/06/2021".as_ref(),
            "--reports".as_ref(),
            reports.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
        ])
    };
    let first = run();
    assert_eq!(
        first.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let docx = out.join("ninh-thuan-2021_2021-H1.docx");
    std::fs::write(&docx, b"old").unwrap();
    std::fs::set_permissions(&docx, std::fs::Permissions::from_mode(0o444)).unwrap();
    let again = run();
    assert_eq!(
        again.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(
        &std::fs::read(&docx).unwrap()[..2],
        b"PK",
        "the new report is in place"
    );
    let mode = std::fs::metadata(&docx).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
}

/// A FIFO at `path` (mkfifo).
#[cfg(unix)]
pub fn fifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.unwrap().success());
}

/// A plan path that is not a regular file (a device, a FIFO, a folder) is a plan that cannot
/// be read: exit 2, its `not-a-file` diagnostic, with what it is, in the JSON too.
#[cfg(unix)]
#[test]
fn a_plan_that_is_not_a_file_cannot_be_read_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("plan.yaml");
    fifo(&pipe);
    let cases = [
        (PathBuf::from("/dev/zero"), "device"),
        (pipe, "FIFO"),
        (dir.path().to_path_buf(), "directory"),
    ];
    for (path, what) in cases {
        let out = bdg()
            .args(["plan", "check", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", path.display());
        let v = json_of(&out.stdout);
        assert_eq!(v["valid"], false);
        assert_eq!(codes(&v), ["not-a-file"]);
        assert_eq!(v["diagnostics"][0]["data"]["what"], what);
        assert_eq!(v["diagnostics"][0]["severity"], "error");
        bdg().args(["plan", "check"]).arg(&path).assert().code(2);
        // A command that needs the plan stops alike.
        bdg()
            .args(["check", "--plan"])
            .arg(&path)
            .arg("examples/reports/2021-H1")
            .assert()
            .code(2);
    }
}

/// The shipped plan in `dir`, including `set` instead of the national indicator set.
fn plan_including(dir: &std::path::Path, set: &str) -> PathBuf {
    let src = std::fs::read_to_string(root().join(PLAN)).unwrap();
    let p = dir.join("plan.yaml");
    let including = src.replace(
        "include: [nq28-2021-2030.yaml]",
        &format!("include: [{set}]"),
    );
    assert_ne!(src, including);
    std::fs::write(&p, including).unwrap();
    p
}

/// The Vietnamese messages name a device, a FIFO and a folder in Vietnamese (the JSON's data
/// keeps the stable English word).
#[cfg(unix)]
#[test]
fn a_device_a_fifo_and_a_folder_are_named_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.yaml")).unwrap();
    let plan = plan_including(dir.path(), "zero.yaml");
    let out = bdg()
        .args(["plan", "check", "--format", "json"])
        .arg(&plan)
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    let bad = diagnostics_with_code(&v, "bad-include");
    assert_eq!(bad.len(), 1, "{v}");
    assert_eq!(bad[0]["data"]["error_vi"], "thiết bị");
    assert_eq!(bad[0]["data"]["error"], "device");
    let said = bad[0]["message"].as_str().unwrap();
    assert!(said.ends_with("thiết bị"), "{said}");

    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    fifo(&reports.join("report.csv"));
    std::os::unix::fs::symlink("/dev/zero", reports.join("zero.csv")).unwrap();
    let (_, v) = check_json(&reports);
    let mut said: Vec<(String, String)> = diagnostics_with_code(&v, "not-a-file")
        .iter()
        .map(|d| {
            let what = d["data"]["what"].as_str().unwrap().to_string();
            (what, d["message"].as_str().unwrap().to_string())
        })
        .collect();
    said.sort();
    assert_eq!(said.len(), 2, "{v}");
    assert_eq!(said[0].0, "FIFO");
    assert!(said[0].1.contains("(ống dẫn FIFO)"), "{}", said[0].1);
    assert_eq!(said[1].0, "device");
    assert!(said[1].1.contains("(thiết bị)"), "{}", said[1].1);
    let out = bdg()
        .args(["plan", "check"])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("(thư mục)") && !err.contains("directory"),
        "{err}"
    );
}

/// `plan import` of a `.docx` whose archive is broken, and of an image: the Vietnamese error is
/// bdg's own sentence, without the library's English words.
#[test]
fn plan_import_of_a_broken_document_says_why_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("ke-hoach.docx");
    std::fs::write(&broken, b"PK\x03\x04not a zip at all").unwrap();
    let image = dir.path().join("scan.docx");
    std::fs::write(&image, b"\x89PNG\r\n\x1a\nxxxx").unwrap();
    for (file, english) in [(&broken, "Failed"), (&image, "image")] {
        let out = bdg()
            .args(["plan", "import", "--out"])
            .arg(dir.path().join("draft.yaml"))
            .arg(file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains(english) && !err.contains("zip."), "{err}");
        assert!(!dir.path().join("draft.yaml").exists());
    }
}

/// `plan import` of a path that is not a regular file: never read (`/dev/zero` would never
/// end), exit 2, what it is said in Vietnamese.
#[cfg(unix)]
#[test]
fn plan_import_of_a_device_or_a_folder_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    for (path, word) in [
        (std::path::Path::new("/dev/zero"), "thiết bị"),
        (dir.path(), "thư mục"),
    ] {
        let out = bdg()
            .args(["plan", "import", "--out"])
            .arg(dir.path().join("draft.yaml"))
            .arg(path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(word), "{err}");
        assert!(!dir.path().join("draft.yaml").exists());
    }
}

/// A FIFO and a link to `/dev/zero` named like reports, among the sample's reports: skipped,
/// as their warning says: not counted as files excluded, marked skipped by `check`.
#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_report_is_skipped_not_excluded() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    for e in std::fs::read_dir(root().join("examples/reports/2021-H1")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, reports.join(p.file_name().unwrap())).unwrap();
    }
    let (code, clean) = consolidate_json(&reports, &dir.path().join("clean"));
    assert_eq!(code, 1);
    fifo(&reports.join("report.csv"));
    std::os::unix::fs::symlink("/dev/zero", reports.join("SNV_zero.csv")).unwrap();
    let (code, v) = consolidate_json(&reports, &dir.path().join("out"));
    assert_eq!(code, 1);
    assert_eq!(v["files_excluded"], clean["files_excluded"], "{v}");
    assert_eq!(v["rows_excluded"], clean["rows_excluded"]);
    // Nor is it listed among the excluded: the list and the counts agree.
    assert_eq!(v["excluded"], clean["excluded"], "{}", v["excluded"]);
    let book = workbook_in(&dir.path().join("out"));
    let summary = sheet(&book, "Tổng hợp");
    let files_excluded = (0..summary.height() as u32)
        .find(|&r| {
            summary
                .get_value((r, 0))
                .is_some_and(|c| *c == "Tệp bị loại")
        })
        .and_then(|r| summary.get_value((r, 1)).cloned());
    let clean_excluded = clean["files_excluded"].as_u64().unwrap() as f64;
    assert_eq!(files_excluded, Some(calamine::Data::Float(clean_excluded)));
    // `check` lists them as skipped, with their warning.
    let out = bdg()
        .args(["check", "--plan", PLAN])
        .arg(&reports)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stdout);
    for name in ["report.csv", "SNV_zero.csv"] {
        let line = err
            .lines()
            .find(|l| l.contains(name) && !l.contains("not-a-file"));
        let line = line.unwrap_or_else(|| panic!("{err}"));
        assert!(line.ends_with("BỎ QUA"), "{line}");
    }
}

/// The cron example run under cron's environment with `umask 022`, its snapshots in `snaps`;
/// as `nobody` when asked and run as root (root writes into a read-only folder).
#[cfg(unix)]
fn cron_run(
    script: &std::path::Path,
    snaps: &std::path::Path,
    as_nobody: bool,
) -> std::process::Output {
    let root_user = running_as_root();
    let mut c = if as_nobody && root_user {
        let mut c = std::process::Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "/bin/bash",
        ]);
        c
    } else {
        std::process::Command::new("/bin/bash")
    };
    c.arg("-c")
        .arg("umask 022; exec /bin/bash \"$0\"")
        .arg(script)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("BDG", assert_cmd::cargo::cargo_bin("bdg"))
        .env("BDG_PLAN", root().join(PLAN))
        .env("PERIOD", "2021-H1")
        .env("REPORTS", root().join("examples/reports/2021-H1"))
        .env("SNAPSHOTS", snaps);
    c.output().unwrap()
}

/// The cron example exits 2, with its own lines only, when it cannot write its snapshot (a
/// read-only folder, a folder that cannot be made): never 1, which says someone is overdue.
/// Its snapshots are ordinary files, readable by others as the umask allows.
#[cfg(unix)]
#[test]
fn the_cron_script_says_it_could_not_run_when_it_cannot_keep_its_snapshot() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let script = dir.path().join("bdg-overdue-daily.sh");
    std::fs::copy(root().join("examples/cron/bdg-overdue-daily.sh"), &script).unwrap();
    let read_only = dir.path().join("ro");
    std::fs::create_dir(&read_only).unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o555)).unwrap();
    let a_file = dir.path().join("a-file");
    std::fs::write(&a_file, b"").unwrap();
    for (snaps, as_nobody) in [(read_only.clone(), true), (a_file.join("snaps"), false)] {
        let o = cron_run(&script, &snaps, as_nobody);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{}: {err}", snaps.display());
        assert!(o.stdout.is_empty());
        assert!(
            err.lines().all(|l| l.starts_with("bdg-overdue-daily: ")),
            "{err}"
        );
    }
    assert_eq!(std::fs::read_dir(&read_only).unwrap().count(), 0);
    // Written: both snapshots 0644 under umask 022.
    let snaps = dir.path().join("snaps");
    let o = cron_run(&script, &snaps, false);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let modes: Vec<u32> = std::fs::read_dir(&snaps)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().permissions().mode() & 0o777)
        .collect();
    assert_eq!(modes, [0o644, 0o644]);
}

/// A workbook cut short does not open: the Vietnamese message says so in Vietnamese, the
/// reader's own words (English) stay in the JSON's data.
#[test]
fn a_broken_workbook_is_said_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let whole = std::fs::read(fixture("reports/workbooks/openpyxl.xlsx")).unwrap();
    let file = dir.path().join("SNV_2021-H1.xlsx");
    std::fs::write(&file, &whole[..3000.min(whole.len() / 2)]).unwrap();
    let (_, v) = check_json(&file);
    let d = (v["diagnostics"].as_array().unwrap().iter())
        .find(|d| d["data"]["error"].is_string())
        .unwrap_or_else(|| panic!("{v}"));
    let message = d["message"].as_str().unwrap();
    assert!(message.starts_with("không mở được sổ Excel"), "{message}");
    assert!(!message.to_lowercase().contains("zip"), "{message}");
    assert!(
        !message.contains(d["data"]["error"].as_str().unwrap()),
        "{message}"
    );
}
