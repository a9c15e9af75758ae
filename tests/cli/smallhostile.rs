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
