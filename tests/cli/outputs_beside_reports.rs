use crate::common::*;

#[test]
fn an_out_folder_inside_the_reports_folder_is_never_read_as_reports() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("bao-cao");
    std::fs::create_dir(&reports).unwrap();
    for e in std::fs::read_dir(root().join("examples/reports/2021-H1")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), reports.join(e.file_name())).unwrap();
    }
    let run = |cmd: &str, out: &str| {
        let o = bdg()
            .args([
                "-q",
                cmd,
                "--format",
                "json",
                "--plan",
                PLAN,
                "--period",
                "2021-H1",
                "--as-of",
                "2021-06-20",
                "--reports",
            ])
            .arg(&reports)
            .arg("--out")
            .arg(reports.join(out))
            .output()
            .unwrap();
        json_of(&o.stdout)
    };
    // An out folder inside the reports folder is refused before anything is read or written.
    let refused = bdg()
        .args(["-q", "consolidate", "--plan", PLAN, "--period", "2021-H1"])
        .args(["--as-of", "2021-06-20", "--reports"])
        .arg(&reports)
        .arg("--out")
        .arg(reports.join("ket-qua"))
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(!reports.join("ket-qua").exists());
    // Outputs written beside, then saved into the reports folder by hand, are not read.
    let first = run("consolidate", "../ket-qua");
    std::fs::rename(dir.path().join("ket-qua"), reports.join("ket-qua")).unwrap();
    let second = run("consolidate", "../ket-qua-2");
    assert_eq!(
        first["excluded"], second["excluded"],
        "the second run read nothing of the first's outputs"
    );
    assert_eq!(second["reported"], 15);
    // The reminder letters in their own marked folder are not read either.
    let o = bdg()
        .args([
            "-q",
            "remind",
            "--plan",
            PLAN,
            "--period",
            "2021-H1",
            "--as-of",
            "2021-06-20",
            "--reports",
        ])
        .arg(&reports)
        .arg("--out")
        .arg(dir.path().join("don-doc"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    std::fs::rename(dir.path().join("don-doc"), reports.join("don-doc")).unwrap();
    let third = run("consolidate", "../ket-qua-3");
    assert_eq!(first["excluded"], third["excluded"]);
    // Every folder bdg writes into is marked, and no search for reports enters it.
    assert!(reports.join("ket-qua/.bdg-output").exists());
    assert!(reports.join("don-doc/.bdg-output").exists());
    let check = |path: &std::path::Path| check_json(path).1["files"].as_u64().unwrap();
    // 16 reports and 8 indicator companion files.
    assert_eq!(check(&reports), 24);
    // A marked folder named on the command line is still read: the officer asked for it.
    assert!(check(&reports.join("don-doc")) > 0);
}
