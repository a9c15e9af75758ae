use crate::common::*;

fn check_json(paths: &[&std::path::Path]) -> (i32, Value) {
    check_json_with(&["--lang", "en"], paths)
}

fn good() -> PathBuf {
    fixture("reports/utf8-bom-comma.csv")
}

#[test]
fn a_file_over_the_size_limit_is_refused_and_the_rest_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.csv");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap(); // sparse
    let (code, v) = check_json(&[&big, &good()]);
    assert_eq!(code, 1);
    assert_eq!(v["rows"], 3);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "too-large");
    assert_eq!(
        d["data"],
        serde_json::json!({"kind": "file-too-large", "mb": 65, "max_mb": 64}),
        "{d}"
    );
}

#[test]
fn a_cell_over_excels_limit_is_an_error_at_that_cell() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("long.csv");
    let note = "x".repeat(40_000);
    std::fs::write(&f, format!("agency,period,submitted_on,task,status,note\nSYT,2021-H1,08/06/2021,IV.8,done,ok\nSYT,2021-H1,08/06/2021,II.1.a,done,{note}\n")).unwrap();
    let (code, v) = check_json(&[&f]);
    assert_eq!(code, 1);
    assert_eq!(v["rows"], 1);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "too-long")
        .unwrap()
        .clone();
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(36))
    );
    assert_eq!(
        d["data"],
        serde_json::json!({"kind": "too-long", "chars": 40000, "max": 32767}),
        "{d}"
    );
}

#[test]
fn a_header_with_thousands_of_columns_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("wide.csv");
    let extra: Vec<String> = (0..5000).map(|i| format!("c{i}")).collect();
    std::fs::write(
        &f,
        format!(
            "agency,period,submitted_on,task,status,{}\nSYT,2021-H1,08/06/2021,IV.8,done\n",
            extra.join(",")
        ),
    )
    .unwrap();
    let (code, v) = check_json(&[&f]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["too-many-columns"]);
    assert_eq!(v["diagnostics"][0]["data"]["found"], 5005);
}

fn mini_with(f: impl Fn(String) -> String) -> tempfile::NamedTempFile {
    let src = std::fs::read_to_string(fixture("plans/mini.yaml")).unwrap();
    let file = tempfile::Builder::new().suffix(".yaml").tempfile().unwrap();
    std::fs::write(file.path(), f(src)).unwrap();
    file
}

#[test]
fn a_yaml_alias_bomb_is_refused_before_it_expands() {
    let plan = mini_with(|s| {
        let big = "x".repeat(100_000);
        let aliases = vec!["*t"; 5000].join(",");
        s.replace(
            "  title: Kế hoạch thử\n",
            &format!("  title: &t \"{big}\"\n"),
        )
        .replace(
            "  recipient: Bộ\n",
            &format!("  recipient: Bộ\n  distribution: [{aliases}]\n"),
        )
    });
    let out = bdg()
        .args(["--lang", "en", "plan", "check"])
        .arg(plan.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("error[yaml-alias]") && stderr.contains(":8:"),
        "{stderr}"
    );
    // A command that needs the plan cannot run: exit 2.
    bdg()
        .args(["check", "--plan"])
        .arg(plan.path())
        .arg(good())
        .assert()
        .code(2);
}

/// The mini plan with its section II items nested `levels` deep.
fn nested(levels: usize) -> tempfile::NamedTempFile {
    mini_with(|s| {
        let mut items = String::new();
        let mut ind = String::from("      ");
        for i in 0..levels {
            items += &format!("{ind}- id: \"{i}\"\n{ind}  text: t\n{ind}  items:\n");
            ind += "    ";
        }
        items += &format!("{ind}- {{id: leaf, text: t}}\n");
        let head = s.split("sections:").next().unwrap().to_string();
        format!("{head}sections:\n  - id: II\n    title: T\n    lead: [all]\n    items:\n{items}")
    })
}

fn plan_check_en(plan: &std::path::Path) -> (Option<i32>, String) {
    let out = bdg()
        .args(["--lang", "en", "plan", "check"])
        .arg(plan)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_plan_that_nests_too_deep_is_refused() {
    // Past the YAML parser's own limit, and just past bdg's.
    let (code, stderr) = plan_check_en(nested(300).path());
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("error[too-deep]") && stderr.contains("at most 8 levels"),
        "{stderr}"
    );
    let (code, stderr) = plan_check_en(nested(9).path());
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr.matches("error[").count(),
        1,
        "one clear error: {stderr}"
    );
    assert!(stderr.contains("nests deeper than 8 levels"), "{stderr}");
    let (code, _) = plan_check_en(nested(7).path());
    assert_eq!(code, Some(0), "eight levels are allowed");
}

#[test]
fn a_plan_over_the_size_limit_is_refused() {
    let file = tempfile::Builder::new().suffix(".yaml").tempfile().unwrap();
    file.as_file().set_len(17 * 1024 * 1024).unwrap();
    bdg()
        .args(["--lang", "en", "plan", "check"])
        .arg(file.path())
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("error[too-large]")
                .and(predicate::str::contains("16 MB limit")),
        );
}

#[cfg(unix)]
#[test]
fn unreadable_files_links_and_loops_are_messages_not_crashes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(good(), d.join("a.csv")).unwrap();
    std::os::unix::fs::symlink(d.join("gone.csv"), d.join("dangling.csv")).unwrap();
    std::os::unix::fs::symlink(d, d.join("loop")).unwrap();
    std::fs::write(d.join("~$a.xlsx"), b"lock").unwrap();
    // The same file named twice, and through the directory: read once.
    let (code, v) = check_json(&[d, &d.join("a.csv"), &d.join("loop").join("a.csv")]);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["files"], 2, "a.csv once, and the dangling link: {v}");
    assert_eq!(v["rows"], 3);
    let d0 = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == "unreadable")
        .unwrap()
        .clone();
    assert!(
        d0["file"].as_str().unwrap().ends_with("dangling.csv"),
        "{d0}"
    );
    assert!(
        d0["message"].as_str().unwrap().contains("No such file"),
        "{d0}"
    );
}

#[test]
fn outputs_into_a_file_or_an_impossible_place_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f");
    std::fs::write(&file, "x").unwrap();
    for args in [
        vec!["template", "--plan", PLAN, "--period", "2021-H1", "--out"],
        vec![
            "remind",
            "--plan",
            PLAN,
            "--period",
            "2021-H1",
            "--reports",
            "examples/reports/2021-H1",
            "--as-of",
            "2021-06-20",
            "--out",
        ],
    ] {
        bdg()
            .args(&args)
            .arg(&file)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(file.display().to_string()));
    }
    bdg()
        .args([
            "template",
            "--plan",
            PLAN,
            "--period",
            "2021-H1",
            "--out",
            "/proc/bdg-cannot-write-here",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/proc/bdg-cannot-write-here"));
}

fn digest(dir: &std::path::Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let m = std::fs::metadata(&p).unwrap();
            (
                p.display().to_string(),
                std::fs::read(&p).unwrap(),
                m.modified().unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn inputs_are_never_touched_and_a_rerun_replaces_outputs_whole() {
    let before = digest(&root().join("examples/reports/2021-H1"));
    let plan_before = std::fs::read(root().join(PLAN)).unwrap();
    let out = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        consolidate_sample(&["-q"], out.path()).assert().code(1);
    }
    assert_eq!(digest(&root().join("examples/reports/2021-H1")), before);
    assert_eq!(std::fs::read(root().join(PLAN)).unwrap(), plan_before);
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".bdg-output",
            "ninh-thuan-2021_2021-H1.docx",
            "ninh-thuan-2021_2021-H1.txt",
            "ninh-thuan-2021_2021-H1.xlsx"
        ],
        "the workbook, the Word report and its text companion, the output marker; no temporary files"
    );
}

#[test]
fn csv_output_never_carries_a_formula() {
    let plan = mini_with(|s| {
        s.replace(
            "    name: Sở Y tế\n",
            "    name: \"=HYPERLINK(\\\"http://x\\\")\"\n",
        )
    });
    let empty = tempfile::tempdir().unwrap();
    let out = bdg()
        .args([
            "overdue",
            "--format",
            "csv",
            "--period",
            "2021-H1",
            "--as-of",
            "2021-07-01",
            "--plan",
        ])
        .arg(plan.path())
        .arg("--reports")
        .arg(empty.path())
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("SYT,\"'=HYPERLINK(\"\"http://x\"\")\",missing"),
        "{s}"
    );
    assert!(
        !s.lines().any(|l| l.split(',').any(|c| c.starts_with('='))),
        "{s}"
    );
}

#[test]
fn completions_and_the_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = bdg().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(
            s.contains("consolidate") && s.contains("overdue"),
            "{shell}"
        );
    }
    bdg()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH bdg 1").and(predicate::str::contains("consolidate")));
}

#[test]
fn help_gives_an_example_in_both_languages_terms() {
    for cmd in ["check", "overdue", "remind", "consolidate", "template"] {
        bdg()
            .args([cmd, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Ví dụ / example"));
    }
}

#[test]
fn bdg_plan_is_the_default_plan() {
    bdg()
        .env("BDG_PLAN", PLAN)
        .args(["check"])
        .arg(good())
        .assert()
        .success();
    bdg()
        .args(["check"])
        .arg(good())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--plan"));
}

#[test]
fn quiet_hides_warnings_and_verbose_shows_the_encoding() {
    let f = fixture("reports/codes/not-assigned.csv");
    let loud = bdg()
        .args(["check", "--plan", PLAN])
        .arg(&f)
        .output()
        .unwrap();
    let quiet = bdg()
        .args(["-q", "check", "--plan", PLAN])
        .arg(&f)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&loud.stdout).contains("[not-assigned]"));
    assert!(!String::from_utf8_lossy(&quiet.stdout).contains("[not-assigned]"));
    bdg()
        .args(["-v", "check", "--plan", PLAN])
        .arg(fixture("reports/windows-1258.csv"))
        .assert()
        .stdout(predicate::str::contains("windows-1258"));
}

#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    // Not a terminal (as here): no escape codes.
    let out = bdg()
        .args(["check", "--plan", PLAN])
        .arg(fixture("reports/codes/bad-status.csv"))
        .output()
        .unwrap();
    assert!(!out.stdout.contains(&0x1b));
    // On a terminal (script(1) gives one): colour, unless NO_COLOR.
    let cmd = format!(
        "'{}' check --plan {PLAN} tests/fixtures/reports/codes/bad-status.csv",
        assert_cmd::cargo::cargo_bin("bdg").display()
    );
    let on_tty = |no_color: bool| {
        let mut c = std::process::Command::new("script");
        c.args(["-qec", &cmd, "/dev/null"])
            .current_dir(root())
            .env_remove("NO_COLOR");
        if no_color {
            c.env("NO_COLOR", "1");
        }
        c.output()
            .expect("script(1), from util-linux, is on Debian machines")
            .stdout
    };
    let colour = on_tty(false);
    assert!(
        colour.windows(7).any(|w| w == b"\x1b[1;31m"),
        "{}",
        String::from_utf8_lossy(&colour)
    );
    assert!(!on_tty(true).contains(&0x1b));
}
