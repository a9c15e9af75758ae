//! The report's column schema: which columns a report has, how their headers may be spelled,
//! and which field of a row holds each.

use crate::text::fold;
use std::collections::HashMap;

/// One column of the report format.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    /// Which column.
    pub col: Col,
    /// The English id, also accepted as a header: `submitted_on`.
    pub id: &'static str,
    /// The Vietnamese header the templates write: `Ngày báo cáo`.
    pub header: &'static str,
    /// A report without it cannot be read.
    pub required: bool,
    /// Other spellings accepted, folded (no marks, lower case).
    pub spellings: &'static [&'static str],
}

/// A column of the report format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Col {
    /// The reporting agency.
    Agency,
    /// The period reported on.
    Period,
    /// The report date.
    SubmittedOn,
    /// The task id.
    Task,
    /// Done, in progress or not started.
    Status,
    /// Progress in percent.
    Progress,
    /// Number of activities.
    Activities,
    /// Women taking part.
    Female,
    /// Men taking part.
    Male,
    /// Money spent, in đồng.
    Budget,
    /// Note or result.
    Note,
    /// The task's text, as templates carry it beside the id: read and ignored.
    TaskText,
    /// The agency's part in the task (chủ trì / phối hợp), as templates carry it: read and
    /// ignored, the plan says who leads (a file without it, or with it changed, reads the same).
    Role,
    // ---- the indicator table (see `indicator_rows.rs`) ----
    /// The indicator id.
    Indicator,
    /// The indicator's name, as templates carry it: read and ignored.
    IndicatorName,
    /// A ratio's numerator.
    Numerator,
    /// A ratio's denominator.
    Denominator,
    /// A count or a single value.
    Value,
}

/// How many columns there are, of both tables.
const COL_COUNT: usize = COLUMNS.len() + INDICATOR_COLUMNS.len();

/// The indicator table's own columns (besides agency, period, date and note), in template
/// order.
pub const INDICATOR_COLUMNS: [ColumnSpec; 5] = [
    ColumnSpec {
        col: Col::Indicator,
        id: "indicator",
        header: "Mã chỉ tiêu",
        required: true,
        spellings: &["ma chi tieu", "chi tieu", "indicator id", "ma ct"],
    },
    ColumnSpec {
        col: Col::IndicatorName,
        id: "indicator_name",
        header: "Tên chỉ tiêu",
        required: false,
        spellings: &["ten chi tieu", "noi dung chi tieu", "indicator name"],
    },
    ColumnSpec {
        col: Col::Numerator,
        id: "numerator",
        header: "Tử số",
        required: false,
        spellings: &["tu so"],
    },
    ColumnSpec {
        col: Col::Denominator,
        id: "denominator",
        header: "Mẫu số",
        required: false,
        spellings: &["mau so"],
    },
    ColumnSpec {
        col: Col::Value,
        id: "value",
        header: "Giá trị",
        required: false,
        spellings: &["gia tri", "so lieu", "gia tri dat duoc"],
    },
];

/// The report's columns, in template order: each with its id, Vietnamese header, whether it
/// is required, and the other spellings accepted (folded).
pub const COLUMNS: [ColumnSpec; 13] = [
    ColumnSpec {
        col: Col::Agency,
        id: "agency",
        header: "Đơn vị",
        required: true,
        spellings: &[
            "don vi",
            "ten don vi",
            "co quan",
            "ma don vi",
            "don vi bao cao",
        ],
    },
    ColumnSpec {
        col: Col::Period,
        id: "period",
        header: "Kỳ báo cáo",
        required: true,
        spellings: &["ky bao cao", "ky", "report period"],
    },
    ColumnSpec {
        col: Col::SubmittedOn,
        id: "submitted_on",
        header: "Ngày báo cáo",
        required: true,
        spellings: &["ngay bao cao", "ngay ky", "ngay gui", "submitted", "date"],
    },
    ColumnSpec {
        col: Col::Task,
        id: "task",
        header: "Mã nhiệm vụ",
        required: true,
        spellings: &["ma nhiem vu", "nhiem vu", "task id", "ma nv"],
    },
    ColumnSpec {
        col: Col::Status,
        id: "status",
        header: "Tình trạng",
        required: true,
        spellings: &["tinh trang", "trang thai", "ket qua thuc hien"],
    },
    ColumnSpec {
        col: Col::Progress,
        id: "progress",
        header: "Tiến độ (%)",
        required: false,
        spellings: &[
            "tien do",
            "progress",
            "tien do phan tram",
            "ty le hoan thanh",
        ],
    },
    ColumnSpec {
        col: Col::Activities,
        id: "activities",
        header: "Số hoạt động",
        required: false,
        spellings: &["so hoat dong", "hoat dong"],
    },
    ColumnSpec {
        col: Col::Female,
        id: "participants_female",
        header: "Số người tham gia nữ",
        required: false,
        spellings: &[
            "so nguoi tham gia nu",
            "nu",
            "tham gia nu",
            "female",
            "so nu tham gia",
            "so nu",
            "nu tham gia",
            "so nguoi nu",
            "nguoi tham gia nu",
            "women",
            "female participants",
            "participants female",
            "so luot nu tham gia",
        ],
    },
    ColumnSpec {
        col: Col::Male,
        id: "participants_male",
        header: "Số người tham gia nam",
        required: false,
        spellings: &[
            "so nguoi tham gia nam",
            "nam",
            "tham gia nam",
            "male",
            "so nam tham gia",
            "nam tham gia",
            "so nguoi nam",
            "nguoi tham gia nam",
            "men",
            "male participants",
            "participants male",
            "so luot nam tham gia",
        ],
    },
    ColumnSpec {
        col: Col::Budget,
        id: "budget_vnd",
        header: "Kinh phí (đồng)",
        required: false,
        spellings: &["kinh phi dong", "kinh phi", "kinh phi vnd", "budget"],
    },
    ColumnSpec {
        col: Col::Note,
        id: "note",
        header: "Ghi chú / Kết quả",
        required: false,
        spellings: &["ghi chu ket qua", "ghi chu", "ket qua", "notes"],
    },
    ColumnSpec {
        col: Col::TaskText,
        id: "task_text",
        header: "Nội dung nhiệm vụ",
        required: false,
        spellings: &["noi dung nhiem vu", "noi dung", "task description"],
    },
    ColumnSpec {
        col: Col::Role,
        id: "role",
        header: "Vai trò",
        required: false,
        spellings: &[
            "vai tro",
            "vai tro cua don vi",
            "chu tri phoi hop",
            "task role",
        ],
    },
];

/// Every accepted spelling of every column, folded once.
static COLUMN_KEYS: std::sync::LazyLock<HashMap<String, Col>> = std::sync::LazyLock::new(|| {
    let mut m = HashMap::new();
    for c in COLUMNS.iter().chain(&INDICATOR_COLUMNS) {
        for k in [fold(c.id), fold(c.header)]
            .into_iter()
            .chain(c.spellings.iter().map(|a| a.to_string()))
        {
            m.entry(k).or_insert(c.col);
        }
    }
    m
});

pub(crate) fn column_of(header: &str) -> Option<Col> {
    column_and_unit(header).map(|(c, _)| c)
}

/// Units a budget header may name, folded, and how many đồng each is.
const UNITS: [(&str, u64); 10] = [
    (" trieu dong", 1_000_000),
    (" trieu vnd", 1_000_000),
    (" trieu", 1_000_000),
    (" nghin dong", 1_000),
    (" ngan dong", 1_000),
    (" nghin vnd", 1_000),
    (" nghin", 1_000),
    (" ngan", 1_000),
    (" dong", 1),
    (" vnd", 1),
];

/// The column a header names and, for the budget, the unit it names in đồng (1 when none):
/// `Kinh phí (triệu đồng)` is the budget in millions of đồng.
pub(crate) fn column_and_unit(header: &str) -> Option<(Col, u64)> {
    let f = fold(header);
    if let Some(&c) = COLUMN_KEYS.get(&f) {
        return Some((c, 1));
    }
    UNITS.iter().find_map(|(suffix, unit)| {
        let base = f.strip_suffix(suffix)?;
        (COLUMN_KEYS.get(base) == Some(&Col::Budget)).then_some((Col::Budget, *unit))
    })
}

/// Which field of a row holds each column: a small array, looked up for every cell; the
/// budget's unit in đồng (none: đồng); and each column's header as the file writes it, which
/// messages quote.
#[derive(Default)]
pub(crate) struct Columns(
    [Option<usize>; COL_COUNT],
    Option<u64>,
    [Option<String>; COL_COUNT],
);

impl Columns {
    pub(crate) fn budget_unit(&self) -> u64 {
        self.1.unwrap_or(1)
    }
    pub(crate) fn set_budget_unit(&mut self, unit: u64) {
        self.1 = Some(unit);
    }
    pub(crate) fn get(&self, c: Col) -> Option<usize> {
        self.0[c as usize]
    }
    /// Column `c` is the row's field `field`, headed `header` in the file.
    pub(crate) fn set(&mut self, c: Col, field: usize, header: &str) {
        self.0[c as usize] = Some(field);
        self.2[c as usize] = Some(header.to_string());
    }
    /// Column `c`'s header as the file writes it (a 'progress' column is 'progress', not
    /// 'Tiến độ (%)'); the format's own name for a column the file lacks.
    pub(crate) fn name(&self, c: Col) -> &str {
        self.2[c as usize]
            .as_deref()
            .unwrap_or_else(|| header_name(c))
    }
    pub(crate) fn has(&self, c: Col) -> bool {
        self.get(c).is_some()
    }
}

pub(crate) fn header_name(c: Col) -> &'static str {
    COLUMNS
        .iter()
        .chain(&INDICATOR_COLUMNS)
        .find(|x| x.col == c)
        .map_or("", |x| x.header)
}

/// A row's trimmed value in column `c` (empty when the column or the cell is absent).
pub(crate) fn cell<'r>(cols: &Columns, row: &'r super::table::RawRow, c: Col) -> &'r str {
    cols.get(c)
        .and_then(|i| row.record.get(i))
        .map(str::trim)
        .unwrap_or("")
}
