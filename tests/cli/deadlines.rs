use crate::common::*;

const CYCLE: [&str; 6] = [
    "--plan",
    PLAN,
    "--period",
    "2021-H1",
    "--reports",
    "examples/reports/2021-H1",
];

#[test]
fn overdue_lists_late_and_missing_with_days_and_exits_1() {
    let out = bdg()
        .arg("overdue")
        .args(CYCLE)
        .args(["--as-of", "20/06/2021", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out.stdout);
    assert_eq!(
        (v["period"].as_str(), v["as_of"].as_str(), v["due"].as_str()),
        (Some("2021-H1"), Some("2021-06-20"), Some("2021-06-10"))
    );
    let find = |id: &str| {
        v["agencies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["agency"] == id)
            .cloned()
    };
    let late = find("SVHTTDL").unwrap();
    assert_eq!(
        (
            late["state"].as_str(),
            late["submitted_on"].as_str(),
            late["days_late"].as_i64()
        ),
        (Some("late"), Some("2021-06-15"), Some(5))
    );
    let missing = find("STP").unwrap();
    assert_eq!(
        (
            missing["state"].as_str(),
            missing["submitted_on"].is_null(),
            missing["days_late"].as_i64()
        ),
        (Some("missing"), true, Some(10))
    );
    assert_eq!(missing["name"], "Sở Tư pháp");
    // On the due date itself (SGDDT, 10/06) is on time; the corrected PRTC report stays on time.
    assert!(find("SGDDT").is_none() && find("UBND_PRTC").is_none());
    assert_eq!(v["agencies"].as_array().unwrap().len(), 12);
}

#[test]
fn the_overdue_table_names_agencies_in_its_language() {
    let table = |lang: &str| {
        let o = bdg()
            .args(["--lang", lang, "overdue"])
            .args(CYCLE)
            .args(["--as-of", "20/06/2021"])
            .output()
            .unwrap();
        String::from_utf8(o.stdout).unwrap()
    };
    let en = table("en");
    assert!(en.contains("Department of Justice"), "{en}");
    assert!(!en.contains("Sở Tư pháp"), "{en}");
    assert!(table("vi").contains("Sở Tư pháp"));
}

#[test]
fn before_the_deadline_nobody_is_overdue() {
    let empty = tempfile::tempdir().unwrap();
    let overdue_on = |as_of: &str| {
        let out = bdg()
            .args([
                "overdue",
                "--plan",
                PLAN,
                "--period",
                "2021-H1",
                "--format",
                "json",
                "--as-of",
                as_of,
                "--reports",
            ])
            .arg(empty.path())
            .output()
            .unwrap();
        (
            out.status.code(),
            json_of(&out.stdout)["agencies"].as_array().unwrap().len(),
        )
    };
    // On the due date itself nobody is overdue yet; one day later every agency is missing.
    assert_eq!(overdue_on("2021-06-10"), (Some(0), 0));
    assert_eq!(overdue_on("2021-06-11"), (Some(1), 25));
}

#[test]
fn csv_for_cron_has_only_data_on_stdout() {
    let out = bdg()
        .args(["-q", "overdue"])
        .args(CYCLE)
        .args(["--as-of", "2021-06-20", "--format", "csv"])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    let mut lines = s.lines();
    assert_eq!(
        lines.next(),
        Some("agency,name,state,due,submitted_on,days_late")
    );
    assert!(
        s.contains("SVHTTDL,\"Sở Văn hóa, Thể thao và Du lịch\",late,2021-06-10,2021-06-15,5"),
        "{s}"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn could_not_run_exits_2() {
    bdg()
        .arg("overdue")
        .args([
            "--plan",
            PLAN,
            "--period",
            "2021-H3",
            "--reports",
            "examples/reports/2021-H1",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2021-H1, 2021-Y"));
    bdg()
        .arg("overdue")
        .args(CYCLE)
        .args(["--as-of", "06/13/2021"])
        .assert()
        .code(2);
    bdg()
        .arg("overdue")
        .args([
            "--plan",
            "nope.yaml",
            "--period",
            "2021-H1",
            "--reports",
            "examples",
        ])
        .assert()
        .code(2);
}

#[test]
fn a_closed_pipe_is_a_quiet_exit_not_a_panic() {
    // `bdg overdue | head -1`
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{}' -q overdue --plan {PLAN} --period 2021-H1 --reports examples/reports/2021-H1 --as-of 2021-06-20 | head -1",
            assert_cmd::cargo::cargo_bin("bdg").display()
        ))
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A reader that is gone before bdg writes: the write fails with EPIPE for certain.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("bdg"))
        .args(["plan", "show", PLAN, "--format", "json"])
        .current_dir(root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[test]
fn remind_removes_the_letters_of_an_earlier_run_that_no_longer_hold() {
    let dir = tempfile::tempdir().unwrap();
    let remind = |lang: &str, as_of: &str| {
        bdg()
            .args(["--lang", lang, "remind"])
            .args(CYCLE)
            .args(["--as-of", as_of, "--out"])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let letters = || {
        let mut v: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.contains("_don-doc.") || n.contains("_reminder."))
            .collect();
        v.sort();
        v
    };
    assert_eq!(remind("en", "20/06/2021").status.code(), Some(1));
    assert_eq!(letters().len(), 24);
    // In Vietnamese, the English letters of the earlier run are gone: 12 letters, 2 files each.
    assert_eq!(remind("vi", "20/06/2021").status.code(), Some(1));
    let vi = letters();
    assert_eq!(vi.len(), 24);
    assert!(vi.iter().all(|n| n.contains("_don-doc.")), "{vi:?}");
    // Before the deadline nobody is overdue: no letter of the earlier runs is left to be mailed.
    assert_eq!(remind("vi", "09/06/2021").status.code(), Some(0));
    assert_eq!(letters(), Vec::<String>::new());
}

#[test]
fn remind_writes_one_letter_per_overdue_agency() {
    let dir = tempfile::tempdir().unwrap();
    bdg()
        .arg("remind")
        .args(CYCLE)
        .args(["--as-of", "20/06/2021", "--out"])
        .arg(dir.path())
        .assert()
        .code(1);
    let letters: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with("_don-doc.txt"))
        .collect();
    assert_eq!(letters.len(), 12, "{letters:?}");
    let stp = std::fs::read_to_string(dir.path().join("2021-H1_STP_don-doc.txt")).unwrap();
    for want in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ninh Thuận, ngày 20 tháng 6 năm 2021",
        "V/v đôn đốc gửi báo cáo",
        "Kính gửi: Sở Tư pháp",
        "Kế hoạch triển khai công tác bình đẳng giới tỉnh Ninh Thuận năm 2021",
        "10/6/2021",
        "quá hạn 10 ngày",
        "Nơi nhận:",
    ] {
        assert!(stp.contains(want), "missing {want:?} in\n{stp}");
    }
    let late = std::fs::read_to_string(dir.path().join("2021-H1_SVHTTDL_don-doc.txt")).unwrap();
    assert!(late.contains("chậm 5 ngày"), "{late}");
    let en = tempfile::tempdir().unwrap();
    bdg()
        .args(["--lang", "en", "remind"])
        .args(CYCLE)
        .args(["--as-of", "20/06/2021", "--out"])
        .arg(en.path())
        .assert()
        .code(1);
    let stp = std::fs::read_to_string(en.path().join("2021-H1_STP_reminder.txt")).unwrap();
    assert!(
        stp.contains("To: Department of Justice") && stp.contains("10 days overdue"),
        "{stp}"
    );
}

#[test]
fn english_letters_count_one_day_in_the_singular() {
    // A day after the due date: the missing agencies are one day overdue.
    let en = tempfile::tempdir().unwrap();
    bdg()
        .args(["--lang", "en", "remind"])
        .args(CYCLE)
        .args(["--as-of", "11/06/2021", "--out"])
        .arg(en.path())
        .assert()
        .code(1);
    let stp = std::fs::read_to_string(en.path().join("2021-H1_STP_reminder.txt")).unwrap();
    assert!(
        stp.contains("(1 day overdue)") && !stp.contains("1 days"),
        "{stp}"
    );
}

#[test]
fn each_letter_names_the_plans_issuer_in_its_own_language() {
    let plan = bdg::plan::load(&root().join(PLAN)).unwrap().0;
    let (vi_name, en_name) = (&plan.meta.issuer, plan.meta.issuer_en.clone().unwrap());
    let read = |lang: &str, name: &str| {
        let dir = tempfile::tempdir().unwrap();
        bdg()
            .args(["--lang", lang, "remind"])
            .args(CYCLE)
            .args(["--as-of", "20/06/2021", "--out"])
            .arg(dir.path())
            .assert()
            .code(1);
        // The letter's lines are wrapped: compared with its words joined by single spaces.
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let en = read("en", "2021-H1_STP_reminder.txt");
    assert!(en.contains(&format!("to the {en_name} (")), "{en}");
    assert!(!en.contains(vi_name.as_str()), "{en}");
    let vi = read("vi", "2021-H1_STP_don-doc.txt");
    assert!(vi.contains(&format!("về {vi_name} (")), "{vi}");
}
