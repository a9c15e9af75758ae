//! Agency report files: bytes in, rows and diagnostics out. `table.rs` turns text into a table
//! (and `sheet.rs` a workbook), this module checks every cell, `files.rs` is the only part that
//! touches the file system.

pub mod decode;
pub mod fields;
mod files;
mod inspect;
pub mod limits;
mod sheet;
mod table;

pub use files::{collect, read_all, read_all_with, read_path};
pub(crate) use table::no_header;
use table::{filled_width, text_table, RawRow, Source, Table};

pub use fields::Status;

use crate::diag::{Code, Diagnostic, Excludes};
use crate::lang::Text;
use crate::plan::{AgencyIdx, Plan, Role, TaskIdx};
use crate::t;
use crate::text::{did_you_mean, fold};
use chrono::NaiveDate;
use fields::{parse_date, parse_percent, parse_whole, DateError, NumError};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Excel's limit for the text of one cell: a longer value could not reach the workbook.
pub const MAX_CELL_CHARS: usize = 32_767;

/// A header with more cells than this is not a report's.
pub const MAX_COLUMNS: usize = 256;

/// One accepted row of a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: u32,
    pub task: TaskIdx,
    pub status: Status,
    pub progress: Option<f64>,
    pub activities: Option<u64>,
    pub participants_female: Option<u64>,
    pub participants_male: Option<u64>,
    pub budget_vnd: Option<u64>,
    pub note: String,
}

/// One report file as read: who, which period, when, the accepted rows, and every problem.
#[derive(Debug, Clone)]
pub struct Report {
    pub file: String,
    pub agency: Option<AgencyIdx>,
    pub period: Option<String>,
    pub submitted_on: Option<NaiveDate>,
    pub rows: Vec<Row>,
    pub diagnostics: Vec<Diagnostic>,
    pub encoding: &'static str,
    pub delimiter: Option<char>,
    /// Non-blank data rows in the file, accepted or not.
    pub data_rows: usize,
    /// Rows accepted; stays when the rows themselves are dropped ([`Report::drop_rows`]).
    pub accepted: usize,
    /// Same agency, period, date and rows give the same fingerprint, whatever the file's bytes.
    pub fingerprint: u64,
    /// Diagnostics over the per-file cap: code, how many, any of them an error.
    suppressed: Vec<(Code, usize, bool)>,
}

impl Report {
    fn new(file: &str) -> Self {
        Report {
            file: file.to_string(),
            agency: None,
            period: None,
            submitted_on: None,
            rows: Vec::new(),
            diagnostics: Vec::new(),
            encoding: "",
            delimiter: None,
            data_rows: 0,
            accepted: 0,
            fingerprint: 0,
            suppressed: Vec::new(),
        }
    }

    /// A file problem that makes the whole file unusable.
    pub fn fail(file: &str, code: Code, message: Text) -> Self {
        let mut r = Report::new(file);
        r.diagnostics
            .push(Diagnostic::error(code, file, message).excluding(Excludes::File));
        r
    }

    /// The file can count: its header, agency, period and date are usable.
    pub fn usable(&self) -> bool {
        self.agency.is_some()
            && self.period.is_some()
            && self.submitted_on.is_some()
            && !self
                .diagnostics
                .iter()
                .any(|d| d.excludes == Excludes::File)
    }

    /// Rows that count: the accepted ones of a usable file.
    pub fn rows_counted(&self) -> usize {
        if self.usable() {
            self.accepted
        } else {
            0
        }
    }

    /// Frees the rows, keeping their count: for commands that need only the diagnostics.
    pub fn drop_rows(&mut self) {
        self.rows = Vec::new();
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Rows that do not count: all of them when the file is unusable.
    pub fn excluded_rows(&self) -> usize {
        if self.usable() {
            self.data_rows - self.accepted
        } else {
            self.data_rows
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Col {
    Agency,
    Period,
    SubmittedOn,
    Task,
    Status,
    Progress,
    Activities,
    Female,
    Male,
    Budget,
    Note,
    /// The task's text, as templates carry it beside the id: read and ignored.
    TaskText,
}

/// Columns: id, Vietnamese header, required, the other spellings accepted (folded).
pub const COLUMNS: [(Col, &str, &str, bool, &[&str]); 12] = [
    (
        Col::Agency,
        "agency",
        "Đơn vị",
        true,
        &[
            "don vi",
            "ten don vi",
            "co quan",
            "ma don vi",
            "don vi bao cao",
        ],
    ),
    (
        Col::Period,
        "period",
        "Kỳ báo cáo",
        true,
        &["ky bao cao", "ky", "report period"],
    ),
    (
        Col::SubmittedOn,
        "submitted_on",
        "Ngày báo cáo",
        true,
        &["ngay bao cao", "ngay ky", "ngay gui", "submitted", "date"],
    ),
    (
        Col::Task,
        "task",
        "Mã nhiệm vụ",
        true,
        &["ma nhiem vu", "nhiem vu", "task id", "ma nv"],
    ),
    (
        Col::Status,
        "status",
        "Tình trạng",
        true,
        &["tinh trang", "trang thai", "ket qua thuc hien"],
    ),
    (
        Col::Progress,
        "progress",
        "Tiến độ (%)",
        false,
        &[
            "tien do",
            "progress",
            "tien do phan tram",
            "ty le hoan thanh",
        ],
    ),
    (
        Col::Activities,
        "activities",
        "Số hoạt động",
        false,
        &["so hoat dong", "hoat dong"],
    ),
    (
        Col::Female,
        "participants_female",
        "Số người tham gia nữ",
        false,
        &["so nguoi tham gia nu", "nu", "tham gia nu", "female"],
    ),
    (
        Col::Male,
        "participants_male",
        "Số người tham gia nam",
        false,
        &["so nguoi tham gia nam", "nam", "tham gia nam", "male"],
    ),
    (
        Col::Budget,
        "budget_vnd",
        "Kinh phí (đồng)",
        false,
        &["kinh phi dong", "kinh phi", "kinh phi vnd", "budget"],
    ),
    (
        Col::Note,
        "note",
        "Ghi chú / Kết quả",
        false,
        &["ghi chu ket qua", "ghi chu", "ket qua", "notes"],
    ),
    (
        Col::TaskText,
        "task_text",
        "Nội dung nhiệm vụ",
        false,
        &["noi dung nhiem vu", "noi dung", "task description"],
    ),
];

/// Every accepted spelling of every column, folded once.
static COLUMN_KEYS: std::sync::LazyLock<HashMap<String, Col>> = std::sync::LazyLock::new(|| {
    let mut m = HashMap::new();
    for (c, id, vi, _, alts) in COLUMNS {
        for k in [fold(id), fold(vi)]
            .into_iter()
            .chain(alts.iter().map(|a| a.to_string()))
        {
            m.entry(k).or_insert(c);
        }
    }
    m
});

fn column_of(header: &str) -> Option<Col> {
    COLUMN_KEYS.get(&fold(header)).copied()
}

/// Which field of a row holds each column: a small array, looked up for every cell.
#[derive(Default)]
struct Columns([Option<usize>; COLUMNS.len()]);

impl Columns {
    fn get(&self, c: Col) -> Option<usize> {
        self.0[c as usize]
    }
    fn set(&mut self, c: Col, field: usize) {
        self.0[c as usize] = Some(field);
    }
    fn has(&self, c: Col) -> bool {
        self.get(c).is_some()
    }
}

fn header_name(c: Col) -> &'static str {
    COLUMNS.iter().find(|x| x.0 == c).map(|x| x.2).unwrap_or("")
}

/// Reads one report from its bytes, its diagnostics capped ([`limits::MAX_DIAGNOSTICS`]).
pub fn read(bytes: &[u8], file: &str, plan: &Plan, opts: &ReadOptions) -> Report {
    let mut r = read_uncapped(bytes, file, plan, opts);
    r.close_diagnostics();
    r
}

fn read_uncapped(bytes: &[u8], file: &str, plan: &Plan, opts: &ReadOptions) -> Report {
    if let Some(kind) = decode::binary_kind(bytes) {
        if kind.starts_with("ZIP") || kind.starts_with("XLS") {
            // A workbook, whatever its name says.
            return read_sheet(bytes, file, plan);
        }
        return Report::fail(
            file,
            Code::NotATable,
            t!(
                "đây là tệp {kind}, không phải bảng CSV hay văn bản",
                "this is a {kind} file, not a CSV or text table"
            ),
        );
    }
    let mut r = Report::new(file);
    let dec = decode::decode(bytes, opts.encoding);
    r.encoding = dec.encoding;
    if dec.text.contains('\0') {
        return Report::fail(
            file,
            Code::NotATable,
            t!(
                "tệp chứa dữ liệu nhị phân, không phải bảng",
                "the file holds binary data, not a table"
            ),
        );
    }
    if dec.had_errors {
        let enc = dec.encoding;
        r.diagnostics.push(
            Diagnostic::warning(
                Code::Encoding,
                file,
                t!(
                    "có byte không hợp lệ trong mã {enc}; đã thay bằng �",
                    "some bytes are not valid {enc}; they were replaced by �"
                ),
            )
            .hint(t!(
                "chỉ định mã đúng bằng --encoding (utf-8, windows-1258, utf-16le)",
                "name the right encoding with --encoding (utf-8, windows-1258, utf-16le)"
            )),
        );
    }
    let mut reader = Reader { plan, r: &mut r };
    match text_table(&dec.text, file) {
        Ok((table, skipped)) => {
            reader.r.delimiter = match table.source {
                Source::Text { delim, .. } => Some(delim),
                Source::Sheet { .. } => None,
            };
            reader.r.diagnostics.extend(skipped);
            reader.table(table);
        }
        Err(d) => reader.push(*d),
    }
    r
}

/// Reads a workbook (XLSX, XLSM, XLS, ODS): the sheets that have the report's header; it
/// is inspected first, and refused before it is opened when it is over the limits.
pub fn read_sheet(bytes: &[u8], file: &str, plan: &Plan) -> Report {
    let mut r = Report::new(file);
    r.encoding = "xlsx";
    if let Err(refusal) = inspect::workbook(bytes) {
        r.diagnostics
            .push(limits::refusal_diagnostic(file, &refusal));
        return r;
    }
    let (table, others) = match sheet::table(bytes, file) {
        Ok(t) => t,
        Err(d) => {
            r.diagnostics.push(*d);
            return r;
        }
    };
    r.diagnostics.extend(others);
    Reader { plan, r: &mut r }.table(table);
    r
}

struct Reader<'a> {
    plan: &'a Plan,
    r: &'a mut Report,
}

impl Reader<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.r.add(d);
    }

    /// The header's columns, then the rows.
    fn table(&mut self, t: Table) {
        let file = self.r.file.clone();
        let header_line = t.header_line;
        let width = filled_width(&t.header);
        if width > MAX_COLUMNS {
            let place = t.source.place(header_line, t.header_start, MAX_COLUMNS);
            self.push(
                Diagnostic::error(
                    Code::TooManyColumns,
                    &file,
                    t!(
                        "dòng tiêu đề có {width} cột, vượt giới hạn {MAX_COLUMNS}; đây không phải mẫu báo cáo",
                        "the header row has {width} columns, over the limit of {MAX_COLUMNS}; this is not the report format"
                    ),
                )
                .placed(&place)
                .excluding(Excludes::File),
            );
            return;
        }
        let mut cols = Columns::default();
        for (i, cell) in t.header.iter().enumerate() {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            let place = t.source.place(header_line, t.header_start, i);
            match column_of(cell) {
                Some(col) if cols.has(col) => self.push(
                    Diagnostic::warning(
                        Code::DuplicateColumn,
                        &file,
                        t!(
                            "cột '{cell}' lặp lại; chỉ đọc cột đầu tiên",
                            "column '{cell}' appears twice; only the first is read"
                        ),
                    )
                    .placed(&place),
                ),
                Some(col) => {
                    cols.set(col, i);
                }
                None => {
                    let names = COLUMNS
                        .iter()
                        .map(|c| c.2)
                        .chain(COLUMNS.iter().map(|c| c.1));
                    let hint = did_you_mean(cell, names);
                    self.push(
                        Diagnostic::warning(
                            Code::UnknownColumn,
                            &file,
                            t!(
                                "cột '{cell}' không thuộc mẫu báo cáo; bỏ qua",
                                "column '{cell}' is not in the report format; ignored"
                            ),
                        )
                        .placed(&place)
                        .suggest(hint),
                    )
                }
            }
        }
        let missing: Vec<&str> = COLUMNS
            .iter()
            .filter(|c| c.3 && !cols.has(c.0))
            .map(|c| c.2)
            .collect();
        if !missing.is_empty() {
            let list = missing.join(", ");
            let place = t.source.place(header_line, t.header_start, 0);
            self.push(
                Diagnostic::error(
                    Code::MissingColumn,
                    &file,
                    t!(
                        "thiếu cột bắt buộc: {list}",
                        "missing required columns: {list}"
                    ),
                )
                .placed(&place)
                .excluding(Excludes::File),
            );
            return;
        }
        self.r.data_rows = t.rows.len();
        // In text, more cells than the header has columns means a delimiter inside a value
        // (a decimal comma in a comma-separated file): every value after it has moved.
        let text_width = match t.source {
            Source::Text { .. } => Some(width),
            Source::Sheet { .. } => None,
        };
        self.rows(&t.source, &cols, text_width, t.rows);
    }

    fn cell<'r>(cols: &Columns, row: &'r RawRow, c: Col) -> &'r str {
        cols.get(c)
            .and_then(|i| row.record.get(i))
            .map(str::trim)
            .unwrap_or("")
    }

    /// The value most rows give for a column, with the first row that gives it.
    fn majority(cols: &Columns, raw: &[RawRow], c: Col) -> Option<(String, usize)> {
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for (i, row) in raw.iter().enumerate() {
            let v = Self::cell(cols, row, c);
            if !v.is_empty() {
                counts.entry(v).or_insert((0, i)).0 += 1;
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
            .map(|(v, (_, first))| (v.to_string(), first))
    }

    fn rows(&mut self, src: &Source, cols: &Columns, width: Option<usize>, raw: Vec<RawRow>) {
        let file = self.r.file.clone();
        let plan = self.plan;
        let pos = |row: &RawRow, c: Col| src.place(row.line, row.start, cols.get(c).unwrap_or(0));

        // A template nobody filled in: one error, not one per row.
        let figures = [
            Col::Status,
            Col::Progress,
            Col::Activities,
            Col::Female,
            Col::Male,
            Col::Budget,
            Col::Note,
        ];
        let unfilled_row =
            |row: &RawRow| figures.iter().all(|&c| Self::cell(cols, row, c).is_empty());
        if !raw.is_empty() && raw.iter().all(unfilled_row) {
            self.r.agency =
                Self::majority(cols, &raw, Col::Agency).and_then(|(v, _)| plan.find_agency(&v));
            self.r.period = Self::majority(cols, &raw, Col::Period)
                .and_then(|(v, _)| plan.find_period(&v).map(|p| p.id.clone()));
            let n = raw.len();
            self.push(
                Diagnostic::error(
                    Code::EmptyReport,
                    &file,
                    t!(
                        "báo cáo chưa được điền: {n} nhiệm vụ đều không có tình trạng hay số liệu",
                        "the report is not filled in: none of its {n} tasks has a status or figures"
                    ),
                )
                .excluding(Excludes::File)
                .hint(t!(
                    "điền cột 'Tình trạng' và ngày báo cáo cho từng nhiệm vụ rồi gửi lại",
                    "fill in the status of each task and the report date, and send it again"
                )),
            );
            return;
        }

        // File-level agency, period and date: the value most rows give.
        let agency_mode = Self::majority(cols, &raw, Col::Agency);
        let period_mode = Self::majority(cols, &raw, Col::Period);
        let date_mode = Self::majority(cols, &raw, Col::SubmittedOn);
        if !raw.is_empty() {
            let first = &raw[0];
            for (mode, col) in [
                (&agency_mode, Col::Agency),
                (&period_mode, Col::Period),
                (&date_mode, Col::SubmittedOn),
            ] {
                if mode.is_none() {
                    let name = header_name(col);
                    let place = pos(first, col);
                    self.push(
                        Diagnostic::error(
                            Code::MissingValue,
                            &file,
                            t!("không dòng nào ghi '{name}'", "no row gives '{name}'"),
                        )
                        .placed(&place)
                        .excluding(Excludes::File),
                    );
                }
            }
        }
        if let Some((v, i)) = &agency_mode {
            self.r.agency = plan.find_agency(v);
            if self.r.agency.is_none() {
                let place = pos(&raw[*i], Col::Agency);
                let hint = did_you_mean(v, plan.agency_spellings());
                self.push(
                    Diagnostic::error(
                        Code::UnknownAgency,
                        &file,
                        t!(
                            "đơn vị '{v}' không có trong kế hoạch; cần mã, tên hoặc tên viết tắt của một đơn vị",
                            "agency '{v}' is not in the plan; expected an agency id, name or alias"
                        ),
                    )
                    .placed(&place)
                    .excluding(Excludes::File)
                    .suggest(hint),
                );
            }
        }
        if let Some((v, i)) = &period_mode {
            self.r.period = plan.find_period(v).map(|p| p.id.clone());
            if self.r.period.is_none() {
                let place = pos(&raw[*i], Col::Period);
                let ids = plan.period_ids();
                let hint = did_you_mean(v, plan.periods.iter().map(|p| p.id.as_str()));
                self.push(
                    Diagnostic::error(
                        Code::UnknownPeriod,
                        &file,
                        t!(
                            "kỳ báo cáo '{v}' không có trong kế hoạch; cần một trong: {ids}",
                            "period '{v}' is not in the plan; expected one of: {ids}"
                        ),
                    )
                    .placed(&place)
                    .excluding(Excludes::File)
                    .suggest(hint),
                );
            }
        }
        if let Some((v, i)) = &date_mode {
            match parse_date(v) {
                Ok(d) => self.r.submitted_on = Some(d),
                Err(e) => {
                    let place = pos(&raw[*i], Col::SubmittedOn);
                    self.push(
                        date_error(&file, v, &e)
                            .placed(&place)
                            .excluding(Excludes::File),
                    );
                }
            }
        }

        let mut seen_tasks: HashMap<TaskIdx, u32> = HashMap::new();
        let mut unfilled = Vec::new();
        let mut hasher = std::hash::DefaultHasher::new();
        (self.r.agency, &self.r.period, self.r.submitted_on).hash(&mut hasher);
        for row in &raw {
            let mut errs: Vec<Diagnostic> = Vec::new();
            let at = |c: Col| pos(row, c);
            if let Some(long) = row
                .record
                .iter()
                .position(|c| c.chars().count() > MAX_CELL_CHARS)
            {
                let n = row.record.get(long).map_or(0, |c| c.chars().count());
                let place = src.place(row.line, row.start, long);
                errs.push(
                    Diagnostic::error(
                        Code::TooLong,
                        &file,
                        t!(
                            "ô dài {n} ký tự, vượt giới hạn {MAX_CELL_CHARS} ký tự một ô của Excel",
                            "the cell holds {n} characters, over Excel's limit of {MAX_CELL_CHARS} a cell"
                        ),
                    )
                    .placed(&place)
                    .hint(t!("rút gọn nội dung, hoặc gửi phần dài kèm theo", "shorten it, or send the long text separately")),
                );
                errs.into_iter().for_each(|d| self.push(d));
                continue;
            }
            if let Some(w) = width {
                if let Some(extra) = row.record.iter().skip(w).position(|c| !c.trim().is_empty()) {
                    let found = filled_width(&row.record);
                    let place = src.place(row.line, row.start, w + extra);
                    errs.push(
                        Diagnostic::error(
                            Code::ExtraFields,
                            &file,
                            t!(
                                "dòng có {found} ô nhưng dòng tiêu đề chỉ có {w} cột; các giá trị đã bị lệch cột",
                                "the row has {found} cells but the header only {w} columns; its values have shifted"
                            ),
                        )
                        .placed(&place)
                        .hint(t!(
                            "thường do dấu phẩy thập phân (85,5) trong tệp phân cách bằng dấu phẩy: đặt giá trị trong ngoặc kép hoặc lưu tệp với dấu ';'",
                            "usually a decimal comma (85,5) in a comma-separated file: quote the value, or save the file with ';'"
                        )),
                    );
                    errs.into_iter().for_each(|d| self.push(d));
                    continue;
                }
            }
            // Agency, period and date: blank inherits the file's; another value is an error.
            let a = Self::cell(cols, row, Col::Agency);
            let differs = !a.is_empty() && agency_mode.as_ref().is_some_and(|(m, _)| m != a);
            if let (true, Some(file_agency)) = (differs, self.r.agency) {
                let place = at(Col::Agency);
                match plan.find_agency(a) {
                    Some(x) if x == file_agency => {}
                    Some(_) => errs.push(
                        Diagnostic::error(
                            Code::MixedAgency,
                            &file,
                            t!(
                                "dòng ghi đơn vị '{a}', khác với đơn vị của tệp '{}'; mỗi tệp chỉ của một đơn vị",
                                "the row names agency '{a}', not the file's '{}'; a file holds one agency's report",
                                plan.agencies[file_agency].id
                            ),
                        )
                        .placed(&place),
                    ),
                    None => errs.push(
                        Diagnostic::error(Code::UnknownAgency, &file, t!("đơn vị '{a}' không có trong kế hoạch", "agency '{a}' is not in the plan"))
                            .placed(&place)
                            .suggest(did_you_mean(a, plan.agency_spellings())),
                    ),
                }
            }
            let p = Self::cell(cols, row, Col::Period);
            if !p.is_empty()
                && period_mode.as_ref().is_some_and(|(m, _)| m != p)
                && self.r.period.is_some()
            {
                let found = plan.find_period(p).map(|x| x.id.clone());
                if found != self.r.period {
                    let place = at(Col::Period);
                    let fp = self.r.period.clone().unwrap_or_default();
                    errs.push(
                        Diagnostic::error(
                            Code::MixedPeriod,
                            &file,
                            t!(
                                "dòng ghi kỳ '{p}', khác với kỳ của tệp '{fp}'",
                                "the row names period '{p}', not the file's '{fp}'"
                            ),
                        )
                        .placed(&place),
                    );
                }
            }
            let d = Self::cell(cols, row, Col::SubmittedOn);
            if !d.is_empty()
                && date_mode.as_ref().is_some_and(|(m, _)| m != d)
                && self.r.submitted_on.is_some()
            {
                let place = at(Col::SubmittedOn);
                match parse_date(d) {
                    Ok(x) if Some(x) == self.r.submitted_on => {}
                    Ok(_) => {
                        let fd = self
                            .r
                            .submitted_on
                            .map(|x| x.format("%d/%m/%Y").to_string())
                            .unwrap_or_default();
                        errs.push(
                            Diagnostic::error(
                                Code::MixedDate,
                                &file,
                                t!(
                                    "dòng ghi ngày '{d}', khác với ngày báo cáo của tệp {fd}",
                                    "the row gives date '{d}', not the file's {fd}"
                                ),
                            )
                            .placed(&place),
                        )
                    }
                    Err(e) => errs.push(date_error(&file, d, &e).placed(&place)),
                }
            }

            // Task.
            let task_raw = Self::cell(cols, row, Col::Task);
            let task = if task_raw.is_empty() {
                let place = at(Col::Task);
                errs.push(
                    Diagnostic::error(
                        Code::MissingValue,
                        &file,
                        t!("thiếu mã nhiệm vụ", "the task id is missing"),
                    )
                    .placed(&place),
                );
                None
            } else {
                match plan.find_task(task_raw) {
                    Some(t) => {
                        if let Some(first) = seen_tasks.get(&t) {
                            let place = at(Col::Task);
                            let id = &plan.tasks[t].id;
                            errs.push(
                                Diagnostic::error(
                                    Code::DuplicateTask,
                                    &file,
                                    t!(
                                        "nhiệm vụ {id} đã được báo cáo ở dòng {first}; dòng này bị loại",
                                        "task {id} was already reported on line {first}; this row is excluded"
                                    ),
                                )
                                .placed(&place),
                            );
                            None
                        } else {
                            seen_tasks.insert(t, row.line);
                            Some(t)
                        }
                    }
                    None => {
                        let place = at(Col::Task);
                        errs.push(unknown_task(plan, &file, task_raw).placed(&place));
                        None
                    }
                }
            };

            // Status, or a row nobody filled in.
            let status_raw = Self::cell(cols, row, Col::Status);
            let status = if status_raw.is_empty() {
                if errs.is_empty() && unfilled_row(row) {
                    let id = task.map(|t| plan.tasks[t].id.as_str()).unwrap_or(task_raw);
                    unfilled.push(
                        Diagnostic::warning(
                            Code::UnfilledRow,
                            &file,
                            t!("nhiệm vụ {id} chưa được điền (không có tình trạng, không có số liệu)", "task {id} is not filled in (no status, no figures)"),
                        )
                        .at_line(row.line)
                        .excluding(Excludes::Row),
                    );
                    continue;
                }
                let place = at(Col::Status);
                errs.push(
                    Diagnostic::error(
                        Code::MissingValue,
                        &file,
                        t!("thiếu tình trạng; cần 'hoàn thành', 'đang thực hiện' hoặc 'chưa thực hiện'", "the status is missing; expected 'done', 'in_progress' or 'not_started'"),
                    )
                    .placed(&place),
                );
                None
            } else {
                match Status::parse(status_raw) {
                    Some(s) => Some(s),
                    None => {
                        let place = at(Col::Status);
                        errs.push(
                            Diagnostic::error(
                                Code::BadStatus,
                                &file,
                                t!(
                                    "tình trạng '{status_raw}' không hợp lệ; cần 'hoàn thành', 'đang thực hiện' hoặc 'chưa thực hiện'",
                                    "status '{status_raw}' is not valid; expected 'done', 'in_progress' or 'not_started' (or the Vietnamese labels)"
                                ),
                            )
                            .placed(&place)
                            .suggest(did_you_mean(status_raw, Status::SPELLINGS)),
                        );
                        None
                    }
                }
            };

            let progress = {
                let v = Self::cell(cols, row, Col::Progress);
                if v.is_empty() {
                    None
                } else {
                    match parse_percent(v) {
                        Ok(x) => Some(x),
                        Err(e) => {
                            let place = at(Col::Progress);
                            errs.push(number_error(&file, Col::Progress, v, &e).placed(&place));
                            None
                        }
                    }
                }
            };
            let mut whole = |col: Col| -> Option<u64> {
                let v = Self::cell(cols, row, col);
                if v.is_empty() {
                    return None;
                }
                match parse_whole(v) {
                    Ok(x) => Some(x),
                    Err(e) => {
                        let place = at(col);
                        errs.push(number_error(&file, col, v, &e).placed(&place));
                        None
                    }
                }
            };
            let activities = whole(Col::Activities);
            let female = whole(Col::Female);
            let male = whole(Col::Male);
            let budget = whole(Col::Budget);
            let note = Self::cell(cols, row, Col::Note).to_string();

            if !errs.is_empty() {
                errs.into_iter().for_each(|d| self.push(d));
                continue;
            }
            let (Some(task), Some(status)) = (task, status) else {
                continue;
            };
            if let Some(a) = self.r.agency {
                if plan.role(task, a).is_none() {
                    let id = &plan.tasks[task].id;
                    let owners = plan
                        .lead_ids(task)
                        .map(|v| v.join(", "))
                        .unwrap_or_default();
                    let place = at(Col::Task);
                    self.push(
                        Diagnostic::warning(
                            Code::NotAssigned,
                            &file,
                            t!(
                                "nhiệm vụ {id} được giao cho {owners}, không phải đơn vị này; vẫn được tính",
                                "task {id} is assigned to {owners}, not to this agency; it is counted all the same"
                            ),
                        )
                        .placed(&place),
                    );
                }
            }
            let row = Row {
                line: row.line,
                task,
                status,
                progress,
                activities,
                participants_female: female,
                participants_male: male,
                budget_vnd: budget,
                note,
            };
            (
                row.task,
                row.status,
                row.activities,
                row.participants_female,
                row.participants_male,
                row.budget_vnd,
                &row.note,
            )
                .hash(&mut hasher);
            row.progress.map(f64::to_bits).hash(&mut hasher);
            self.r.rows.push(row);
            self.r.accepted += 1;
        }

        unfilled.into_iter().for_each(|d| self.push(d));

        // The agency's own tasks that the file does not mention (for a file that counts).
        if let (Some(a), true) = (self.r.agency, self.r.usable()) {
            let missing: Vec<&str> = plan
                .tasks_of(a)
                .into_iter()
                .filter(|&(t, role)| role == Role::Lead && !seen_tasks.contains_key(&t))
                .map(|(t, _)| plan.tasks[t].id.as_str())
                .collect();
            if !missing.is_empty() && !raw.is_empty() {
                let n = missing.len();
                let list = missing.join(", ");
                self.push(Diagnostic::warning(
                    Code::TaskNotReported,
                    &file,
                    t!(
                        "{n} nhiệm vụ của đơn vị không được báo cáo: {list}",
                        "{n} of the agency's tasks are not reported on: {list}"
                    ),
                ));
            }
        }
        self.r.fingerprint = hasher.finish();
    }
}

fn date_error(file: &str, v: &str, e: &DateError) -> Diagnostic {
    let d = Diagnostic::error(
        Code::BadDate,
        file,
        t!(
            "ngày '{v}' không hợp lệ; cần dd/mm/yyyy (ví dụ 10/06/2021) hoặc yyyy-mm-dd",
            "date '{v}' is not valid; expected dd/mm/yyyy (e.g. 10/06/2021) or yyyy-mm-dd"
        ),
    );
    match e {
        DateError::NoSuchDay { month_first: true } => d.hint(t!(
            "ngày viết theo thứ tự ngày/tháng/năm, không phải tháng/ngày",
            "dates are read day first (day/month/year), never month first"
        )),
        _ => d,
    }
}

fn number_error(file: &str, col: Col, v: &str, e: &NumError) -> Diagnostic {
    let name = header_name(col);
    match e {
        NumError::OutOfRange(x) => Diagnostic::error(
            Code::OutOfRange,
            file,
            t!("'{name}' là {x}, ngoài khoảng cho phép 0–100", "'{name}' is {x}, outside 0–100"),
        ),
        NumError::Negative => Diagnostic::error(
            Code::OutOfRange,
            file,
            t!("'{name}' là số âm ('{v}'); cần số nguyên ≥ 0", "'{name}' is negative ('{v}'); expected a whole number ≥ 0"),
        ),
        NumError::NotWhole => Diagnostic::error(
            Code::BadNumber,
            file,
            t!("'{name}' là '{v}', không phải số nguyên", "'{name}' is '{v}', not a whole number"),
        ),
        NumError::NotANumber if col == Col::Progress => Diagnostic::error(
            Code::BadNumber,
            file,
            t!("'{name}' là '{v}', không phải số; cần 0–100, ví dụ 85 hoặc 85,5", "'{name}' is '{v}', not a number; expected 0–100, e.g. 85 or 85.5"),
        ),
        NumError::NotANumber => Diagnostic::error(
            Code::BadNumber,
            file,
            t!(
                "'{name}' là '{v}', không phải số; cần số nguyên, ví dụ 1500000 hoặc 1.500.000",
                "'{name}' is '{v}', not a number; expected a whole number, e.g. 1500000 or 1,500,000"
            ),
        ),
    }
}

fn unknown_task(plan: &Plan, file: &str, raw: &str) -> Diagnostic {
    let key = crate::plan::task_key(raw);
    let d = Diagnostic::error(
        Code::UnknownTask,
        file,
        t!(
            "mã nhiệm vụ '{raw}' không có trong kế hoạch",
            "task id '{raw}' is not in the plan"
        ),
    );
    // A parent item: name its tasks.
    let prefix = format!("{key}.");
    let children: Vec<&str> = plan
        .tasks
        .iter()
        .filter(|t| t.id.starts_with(&prefix))
        .map(|t| t.id.as_str())
        .collect();
    if !children.is_empty() {
        let list = children.join(", ");
        return d.hint(t!(
            "'{key}' có các mục con; báo cáo theo từng mục: {list}",
            "'{key}' has sub-items; report each of them: {list}"
        ));
    }
    let best = plan
        .tasks
        .iter()
        .map(|t| (strsim::levenshtein(&key, &t.id), t.id.as_str()))
        .min_by_key(|x| x.0)
        .filter(|x| x.0 <= 2)
        .map(|x| x.1);
    d.suggest(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let src = include_str!("../../plans/ninh-thuan-2021.yaml");
        crate::plan::parse(src, "plan.yaml").unwrap().0
    }

    fn codes(r: &Report) -> Vec<(&str, Option<u32>, Option<u32>)> {
        r.diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.line, d.column))
            .collect()
    }

    const HEAD: &str = "Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng,Tiến độ (%),Số hoạt động,Số người tham gia nữ,Số người tham gia nam,Kinh phí (đồng),Ghi chú / Kết quả\n";

    #[test]
    fn reads_a_clean_report() {
        let p = plan();
        let src = format!("{HEAD}SYT,2021-H1,08/06/2021,IV.8,hoàn thành,100,3,120,80,\"1.500.000\",Đã tổ chức\nSYT,2021-H1,08/06/2021,ii-1-a,đang thực hiện,\"85,5\",1,10,5,0,\n");
        let r = read(src.as_bytes(), "a.csv", &p, &ReadOptions::default());
        assert!(r.usable());
        assert_eq!(r.rows.len(), 2);
        assert_eq!(p.agencies[r.agency.unwrap()].id, "SYT");
        assert_eq!(r.submitted_on, NaiveDate::from_ymd_opt(2021, 6, 8));
        assert_eq!(r.rows[0].budget_vnd, Some(1_500_000));
        assert_eq!(r.rows[1].progress, Some(85.5));
        assert_eq!(p.tasks[r.rows[1].task].id, "II.1.a");
        assert_eq!(r.errors(), 0, "{:?}", codes(&r));
    }

    #[test]
    fn bad_cells_are_located_like_an_editor() {
        let p = plan();
        let src = format!("{HEAD}SYT,2021-H1,08/06/2021,IV.8,hoàn thành,100,3,120,80,0,x\nSYT,2021-H1,08/06/2021,II.5.a,hoan thanh,1,1,1,1,0,\nSYT,2021-H1,08/06/2021,II.1.a,xong roi,1,1,mười,1,0,\n");
        let r = read(src.as_bytes(), "a.csv", &p, &ReadOptions::default());
        let c = codes(&r);
        assert!(c.contains(&("unknown-task", Some(3), Some(24))), "{c:?}");
        assert!(c.contains(&("bad-status", Some(4), Some(31))), "{c:?}");
        assert!(c.contains(&("bad-number", Some(4), Some(44))), "{c:?}");
        assert_eq!(r.rows.len(), 1);
        assert_eq!(r.excluded_rows(), 2);
    }

    #[test]
    fn empty_template_is_one_error() {
        let p = plan();
        let src = format!(
            "{HEAD}SYT,2021-H1,08/06/2021,IV.8,,,,,,,\nSYT,2021-H1,08/06/2021,II.1.a,,,,,,,\n"
        );
        let r = read(src.as_bytes(), "a.csv", &p, &ReadOptions::default());
        assert_eq!(r.errors(), 1, "{:?}", codes(&r));
        assert_eq!(
            r.diagnostics.iter().find(|d| d.is_error()).unwrap().code,
            Code::EmptyReport
        );
    }
}

/// Hostile and broken input: whatever the bytes, the reader answers with rows and diagnostics,
/// never a panic. `PROPTEST_CASES=100000 cargo test --release fuzz_` runs these long by hand;
/// `fuzz/` has the cargo-fuzz targets, and every input saved in `fuzz/corpus/` is replayed here.
#[cfg(test)]
mod fuzz_tests {
    use super::*;
    use proptest::prelude::*;

    fn plan() -> Plan {
        crate::plan::parse(
            include_str!("../../plans/ninh-thuan-2021.yaml"),
            "plan.yaml",
        )
        .unwrap()
        .0
    }

    const SEED: &[u8] = include_bytes!("../../tests/fixtures/reports/utf8-bom-comma.csv");

    proptest! {
        #[test]
        fn fuzz_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let p = plan();
            let r = read(&bytes, "f.csv", &p, &ReadOptions::default());
            prop_assert!(r.accepted <= r.data_rows);
        }

        #[test]
        fn fuzz_mutated_reports(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..16),
                                cut in any::<usize>()) {
            // A real report with some bytes changed and its end cut off.
            let mut bytes = SEED.to_vec();
            for (at, b) in edits {
                let i = at % bytes.len();
                bytes[i] = b;
            }
            bytes.truncate(cut % (bytes.len() + 1));
            let p = plan();
            let r = read(&bytes, "f.csv", &p, &ReadOptions::default());
            prop_assert!(r.accepted <= r.data_rows);
            for d in &r.diagnostics {
                prop_assert!(!d.message.vi.is_empty() && !d.message.en.is_empty());
            }
        }

        #[test]
        fn fuzz_text_tables(cells in proptest::collection::vec("[a-zA-Z0-9 ,;\t\"\r\n.%/đĐơƠ-]{0,12}", 0..80)) {
            let text = format!("Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng,Ghi chú\n{}", cells.join(","));
            let p = plan();
            let _ = read(text.as_bytes(), "f.csv", &p, &ReadOptions::default());
        }

        #[test]
        fn fuzz_workbook_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            // A zip header and garbage: the workbook reader must fail politely.
            let mut b = b"PK\x03\x04".to_vec();
            b.extend(bytes);
            let p = plan();
            let r = read(&b, "f.xlsx", &p, &ReadOptions::default());
            prop_assert!(!r.usable());
        }
    }

    #[test]
    fn replay_the_saved_fuzz_corpus() {
        let p = plan();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/report");
        let mut n = 0;
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let bytes = std::fs::read(e.path()).unwrap();
            let _ = read(&bytes, "corpus", &p, &ReadOptions::default());
            n += 1;
        }
        assert!(n > 0, "the corpus in {} is empty", dir.display());
    }
}
