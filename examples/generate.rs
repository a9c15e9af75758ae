//! Generates a national-scale cycle for benchmarks and tests:
//!
//!     cargo run --release --example generate -- --units 5000 --rows 60 --out /tmp/bdg-5000 [--seed 1]
//!
//! writes OUT/plan.yaml (N reporting units, a section II of tasks every unit carries out, a
//! section IV naming a few units) and OUT/reports/*.csv, one per unit that reported, R rows each,
//! with Vietnamese notes and a realistic share of late (≈8%), missing (≈4%, `--missing PERCENT`)
//! and bad rows (≈0.5%).
//! The same seed gives the same bytes.

#[path = "../benches/common/gen.rs"]
mod gen;

use std::path::PathBuf;

struct Args {
    units: usize,
    rows: usize,
    out: PathBuf,
    seed: u64,
    /// Per mille of units that send nothing.
    missing: u64,
}

fn args() -> Args {
    let mut a = Args {
        units: 500,
        rows: 60,
        out: PathBuf::from("bench-data"),
        seed: 1,
        missing: 40,
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let v = it.next().unwrap_or_else(|| panic!("{k} needs a value"));
        match k.as_str() {
            "--units" => a.units = v.parse().expect("--units N"),
            "--rows" => a.rows = v.parse().expect("--rows R"),
            "--out" => a.out = PathBuf::from(v),
            "--seed" => a.seed = v.parse().expect("--seed S"),
            "--missing" => a.missing = (v.parse::<f64>().expect("--missing PERCENT") * 10.0) as u64,
            other => panic!("unknown option {other}; use --units N --rows R --out DIR [--seed S] [--missing PERCENT]"),
        }
    }
    a
}

fn main() -> std::io::Result<()> {
    let a = args();
    let dir = a.out.join("reports");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(a.out.join("plan.yaml"), gen::plan_yaml(a.units, a.rows))?;
    let mut result = Ok(());
    let st = gen::reports(a.units, a.rows, a.seed, a.missing, |name, body| {
        if result.is_ok() {
            result = std::fs::write(dir.join(name), body);
        }
    });
    result?;
    eprintln!(
        "{} units, {} report files × {} rows ({} late, {} missing, {} bad rows) in {}",
        a.units,
        st.files,
        a.rows,
        st.late,
        st.missing,
        st.bad_rows,
        a.out.display()
    );
    Ok(())
}
