//! Generates a national-scale cycle for benchmarks and tests:
//!
//!     cargo run --release --example generate -- --units 5000 --rows 60 --out /tmp/bdg-5000 [--seed 1]
//!
//! writes OUT/plan.yaml (N reporting units, a section II of tasks every unit carries out, a
//! section IV naming a few units) and OUT/reports/*.csv, one per unit that reported, R rows each,
//! with Vietnamese notes and a realistic share of late (≈8%), missing (≈4%, `--missing PERCENT`)
//! and bad rows (≈0.5%).
//! The same seed gives the same bytes.

use std::fmt::Write as _;
use std::path::PathBuf;

/// SplitMix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent_tenths: u64) -> bool {
        self.below(1000) < percent_tenths
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

const PLACES: &[&str] = &[
    "An Bình",
    "Bình Minh",
    "Tân Phú",
    "Phước Hải",
    "Hòa Bình",
    "Thạnh Mỹ",
    "Vĩnh Hảo",
    "Xuân Hải",
    "Đông Hải",
    "Nhơn Hải",
    "Phước Dinh",
    "Lợi Hải",
    "Quảng Sơn",
    "Mỹ Sơn",
    "Hòa Sơn",
    "Phước Đại",
    "Công Hải",
    "Cà Ná",
];
const NOTES: &[&str] = &[
    "Tổ chức hội nghị tuyên truyền Luật Bình đẳng giới cho cán bộ, công chức",
    "Lồng ghép nội dung bình đẳng giới vào sinh hoạt chi hội phụ nữ",
    "Phát hành tờ rơi về phòng, chống bạo lực trên cơ sở giới",
    "Tập huấn kỹ năng cho cán bộ nữ tiềm năng",
    "Duy trì mô hình địa chỉ tin cậy tại cộng đồng",
    "Phối hợp Hội LHPN tổ chức tọa đàm nhân Tháng hành động",
    "Chưa bố trí được kinh phí trong kỳ",
    "Đang xây dựng kế hoạch năm",
];
const LETTERS: &[&str] = &["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"];

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
    let mut rng = Rng(a.seed);
    // Section II: items of up to ten lettered tasks, enough for `rows` tasks a unit.
    let items = a.rows.div_ceil(LETTERS.len()).max(1);
    let mut tasks = Vec::new();
    let mut plan = String::new();
    writeln!(
        plan,
        "plan:\n  id: gen-{}x{}\n  title: Kế hoạch thử nghiệm quy mô toàn quốc\n  issuer: Bộ Nội vụ\n  year: 2025\n  coordinator: U00001\n  recipient: Bộ Nội vụ (Vụ Bình đẳng giới)\nreport:\n  parent_body: BỘ NỘI VỤ\n  issuing_body: VỤ BÌNH ĐẲNG GIỚI\n  document_code: BĐG\n  place: Hà Nội\n  signer_title: VỤ TRƯỞNG\nperiods:\n  - id: 2025-Y\n    name: năm 2025\n    name_en: the year 2025\n    due: 2025-12-10\n    on_due_date: on_time\n    window: {{ from: 2024-12-15, to: 2025-12-14 }}\nreporters: [all]\nagencies:",
        a.units, a.rows
    )
    .unwrap();
    for u in 1..=a.units {
        let place = PLACES[u % PLACES.len()];
        writeln!(
            plan,
            "  - {{id: U{u:05}, name: \"UBND xã {place} {u}\", kind: commune}}"
        )
        .unwrap();
    }
    plan.push_str(
        "sections:\n  - id: II\n    title: Nội dung triển khai\n    lead: [all]\n    items:\n",
    );
    for i in 1..=items {
        writeln!(
            plan,
            "      - id: \"{i}\"\n        text: Nhóm nhiệm vụ {i}\n        items:"
        )
        .unwrap();
        for l in LETTERS {
            writeln!(
                plan,
                "          - {{id: \"{l}\", text: \"Nhiệm vụ {i}.{l} về bình đẳng giới\"}}"
            )
            .unwrap();
            tasks.push(format!("II.{i}.{l}"));
        }
    }
    plan.push_str("  - id: IV\n    title: Tổ chức thực hiện\n    items:\n      - {id: \"1\", text: Đơn vị đầu mối tổng hợp, lead: [U00001]}\n");
    std::fs::create_dir_all(a.out.join("reports"))?;
    std::fs::write(a.out.join("plan.yaml"), plan)?;

    let header = "Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng,Tiến độ (%),Số hoạt động,Số người tham gia nữ,Số người tham gia nam,Kinh phí (đồng),Ghi chú / Kết quả\r\n";
    let statuses = ["hoàn thành", "đang thực hiện", "chưa thực hiện"];
    let (mut files, mut late, mut missing, mut bad) = (0, 0, 0, 0);
    for u in 1..=a.units {
        if rng.chance(a.missing) {
            missing += 1;
            continue;
        }
        let day = if rng.chance(80) {
            late += 1;
            11 + rng.below(15)
        } else {
            1 + rng.below(10)
        };
        let mut s = String::with_capacity(a.rows * 160);
        s.push_str(header);
        for task in tasks.iter().take(a.rows) {
            let status = rng.pick(&statuses);
            let progress = match status {
                "hoàn thành" => "100".to_string(),
                "chưa thực hiện" => "0".to_string(),
                _ => format!("{},{}", 10 + rng.below(80), rng.below(10)),
            };
            let budget = rng.below(50) * 500_000;
            let budget = group(budget);
            let mut female = (rng.below(400)).to_string();
            if rng.chance(5) {
                female = "khoảng 50".into(); // a bad number, as people write
                bad += 1;
            }
            let note = rng.pick(NOTES);
            writeln!(
                s,
                "U{u:05},2025-Y,{day:02}/12/2025,{task},{status},{progress},{},{female},{},\"{budget}\",{note}\r",
                rng.below(12),
                rng.below(300)
            )
            .unwrap();
        }
        std::fs::write(a.out.join("reports").join(format!("U{u:05}_2025-Y.csv")), s)?;
        files += 1;
    }
    eprintln!(
        "{} units, {files} report files × {} rows ({late} late, {missing} missing, {bad} bad rows) in {}",
        a.units,
        a.rows,
        a.out.display()
    );
    Ok(())
}

fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}
