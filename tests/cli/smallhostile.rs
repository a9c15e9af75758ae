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
