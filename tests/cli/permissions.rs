use crate::common::*;
use std::os::unix::fs::PermissionsExt;

/// bdg as an ordinary user: root reads everything, so as root the command runs as `nobody`
/// (setpriv, from util-linux).
pub fn as_user(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("bdg");
    let root_user = running_as_root();
    let mut c = if root_user {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    c.args(args)
        .current_dir(root())
        .env_remove("BDG_PLAN")
        .output()
        .unwrap()
}

#[test]
fn unreadable_folders_and_files_are_named_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
    let ok = d.join("ok.csv");
    std::fs::copy(fixture("reports/utf8-bom-comma.csv"), &ok).unwrap();
    std::fs::set_permissions(&ok, std::fs::Permissions::from_mode(0o644)).unwrap();
    let locked = d.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let secret = d.join("secret.csv");
    std::fs::copy(fixture("reports/utf8-bom-comma.csv"), &secret).unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    let plan = root().join(PLAN);
    let out = as_user(&[
        "--lang".as_ref(),
        "en".as_ref(),
        "check".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        "--plan".as_ref(),
        plan.as_os_str(),
        d.as_os_str(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json_of(&out.stdout);
    assert_eq!(v["rows"], 3, "the readable file still counts: {v}");
    let unreadable: Vec<(String, String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["code"] == "unreadable")
        .map(|x| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (s(&x["file"]), s(&x["data"]["kind"]), s(&x["data"]["error"]))
        })
        .collect();
    assert!(
        unreadable.iter().any(|(f, k, e)| f.ends_with("locked")
            && k == "unreadable-folder"
            && e.contains("Permission denied")),
        "{unreadable:?}"
    );
    assert!(
        unreadable.iter().any(|(f, k, e)| f.ends_with("secret.csv")
            && k == "unreadable"
            && e.contains("Permission denied")),
        "{unreadable:?}"
    );
    // A plan nobody may read: the command cannot run.
    let p2 = d.join("plan.yaml");
    std::fs::copy(&plan, &p2).unwrap();
    std::fs::set_permissions(&p2, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = as_user(&["plan".as_ref(), "check".as_ref(), p2.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("plan.yaml"));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}
