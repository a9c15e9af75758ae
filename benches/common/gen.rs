//! The synthetic national cycle shared by `examples/generate.rs` and the benches: a plan with N
//! reporting units and R tasks each, and one report file per unit, deterministic by seed.

use std::fmt::Write as _;

/// SplitMix64: small, fast, and the same on every machine.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// True with a probability of `per_mille`/1000.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
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

/// The plan: `units` communes, a section II with at least `rows` tasks every unit carries out.
pub fn plan_yaml(units: usize, rows: usize) -> String {
    let items = rows.div_ceil(LETTERS.len()).max(1);
    let mut plan = String::new();
    writeln!(
        plan,
        "plan:\n  id: gen-{units}x{rows}\n  title: Kế hoạch thử nghiệm quy mô toàn quốc\n  issuer: Bộ Nội vụ\n  year: 2025\n  coordinator: U00001\n  recipient: Bộ Nội vụ (Vụ Bình đẳng giới)\nreport:\n  parent_body: BỘ NỘI VỤ\n  issuing_body: VỤ BÌNH ĐẲNG GIỚI\n  document_code: BĐG\n  place: Hà Nội\n  signer_title: VỤ TRƯỞNG\nperiods:\n  - id: 2025-Y\n    name: năm 2025\n    name_en: the year 2025\n    due: 2025-12-10\n    on_due_date: on_time\n    window: {{ from: 2024-12-15, to: 2025-12-14 }}\nreporters: [all]\nagencies:"
    )
    .unwrap();
    for u in 1..=units {
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
        }
    }
    plan.push_str("  - id: IV\n    title: Tổ chức thực hiện\n    items:\n      - {id: \"1\", text: Đơn vị đầu mối tổng hợp, lead: [U00001]}\n");
    plan
}

/// What the reports hold, for the summary line.
#[derive(Default, Debug)]
pub struct Stats {
    pub files: usize,
    pub late: usize,
    pub missing: usize,
    pub bad_rows: usize,
}

/// One report per unit that reports (`missing` per mille send nothing): (file name, contents).
pub fn reports(
    units: usize,
    rows: usize,
    seed: u64,
    missing: u64,
    mut emit: impl FnMut(String, String),
) -> Stats {
    let mut rng = Rng(seed);
    let tasks: Vec<String> = (1..=rows.div_ceil(LETTERS.len()).max(1))
        .flat_map(|i| LETTERS.iter().map(move |l| format!("II.{i}.{l}")))
        .collect();
    let header = "Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng,Tiến độ (%),Số hoạt động,Số người tham gia nữ,Số người tham gia nam,Kinh phí (đồng),Ghi chú / Kết quả\r\n";
    let statuses = ["hoàn thành", "đang thực hiện", "chưa thực hiện"];
    let mut st = Stats::default();
    for u in 1..=units {
        if rng.chance(missing) {
            st.missing += 1;
            continue;
        }
        let day = if rng.chance(80) {
            st.late += 1;
            11 + rng.below(15)
        } else {
            1 + rng.below(10)
        };
        let mut s = String::with_capacity(rows * 160);
        s.push_str(header);
        for task in tasks.iter().take(rows) {
            let status = rng.pick(&statuses);
            let progress = match status {
                "hoàn thành" => "100".to_string(),
                "chưa thực hiện" => "0".to_string(),
                _ => format!("{},{}", 10 + rng.below(80), rng.below(10)),
            };
            let budget = group(rng.below(50) * 500_000);
            let mut female = rng.below(400).to_string();
            if rng.chance(5) {
                female = "khoảng 50".into(); // a bad number, as people write
                st.bad_rows += 1;
            }
            let note = rng.pick(NOTES);
            writeln!(
                s,
                "U{u:05},2025-Y,{day:02}/12/2025,{task},{status},\"{progress}\",{},{female},{},\"{budget}\",\"{note}\"\r",
                rng.below(12),
                rng.below(300)
            )
            .unwrap();
        }
        emit(format!("U{u:05}_2025-Y.csv"), s);
        st.files += 1;
    }
    st
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
