//! Agency report files: bytes in, rows and diagnostics out. `table.rs` turns text into a table
//! (and `sheet.rs` a workbook), this module checks every cell, `files.rs` is the only part that
//! touches the file system.

pub mod decode;
pub mod fields;
mod files;
mod sheet;
mod table;

pub use files::{collect, read_all, read_all_with, read_path};
pub(crate) use table::no_header;
use table::{filled_width, text_table, RawRow, Source, Table};

pub use fields::Status;

use crate::diag::{Diagnostic, Excludes, Kind};
use crate::plan::{AgencyIdx, Plan, Role, TaskIdx};
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
        }
    }

    /// A file problem that makes the whole file unusable.
    pub fn fail(file: &str, kind: Kind) -> Self {
        let mut r = Report::new(file);
        r.diagnostics
            .push(Diagnostic::err(file, kind).excluding(Excludes::File));
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

/// Reads one report from its bytes.
pub fn read(bytes: &[u8], file: &str, plan: &Plan, opts: &ReadOptions) -> Report {
    if let Some(kind) = decode::binary_kind(bytes) {
        if kind.starts_with("ZIP") || kind.starts_with("XLS") {
            // A workbook, whatever its name says.
            return read_sheet(bytes, file, plan);
        }
        let kind = kind.to_string();
        return Report::fail(file, Kind::BinaryFile { kind });
    }
    let mut r = Report::new(file);
    let dec = decode::decode(bytes, opts.encoding);
    r.encoding = dec.encoding;
    if dec.text.contains('\0') {
        return Report::fail(file, Kind::BinaryData);
    }
    if dec.had_errors {
        let enc = dec.encoding;
        r.diagnostics.push(Diagnostic::warn(
            file,
            Kind::BadBytes {
                encoding: enc.to_string(),
            },
        ));
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

/// Reads a workbook (XLSX, XLSM, XLS, ODS): the first sheet that has the report's header.
pub fn read_sheet(bytes: &[u8], file: &str, plan: &Plan) -> Report {
    let mut r = Report::new(file);
    r.encoding = "xlsx";
    let table = match sheet::table(bytes, file) {
        Ok(t) => t,
        Err(d) => {
            r.diagnostics.push(*d);
            return r;
        }
    };
    Reader { plan, r: &mut r }.table(table);
    r
}

struct Reader<'a> {
    plan: &'a Plan,
    r: &'a mut Report,
}

impl Reader<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.r.diagnostics.push(d);
    }

    /// The header's columns, then the rows.
    fn table(&mut self, t: Table) {
        let file = self.r.file.clone();
        let header_line = t.header_line;
        let width = filled_width(&t.header);
        if width > MAX_COLUMNS {
            let place = t.source.place(header_line, t.header_start, MAX_COLUMNS);
            self.push(
                Diagnostic::err(
                    &file,
                    Kind::TooManyColumns {
                        found: width,
                        max: MAX_COLUMNS,
                    },
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
                    Diagnostic::warn(
                        &file,
                        Kind::DuplicateColumn {
                            column: cell.to_string(),
                        },
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
                        Diagnostic::warn(
                            &file,
                            Kind::UnknownColumn {
                                column: cell.to_string(),
                            },
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
            let place = t.source.place(header_line, t.header_start, 0);
            self.push(
                Diagnostic::err(
                    &file,
                    Kind::MissingColumns {
                        columns: missing.iter().map(|c| c.to_string()).collect(),
                    },
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
                Diagnostic::err(&file, Kind::EmptyReport { tasks: n }).excluding(Excludes::File),
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
                        Diagnostic::err(
                            &file,
                            Kind::NoValue {
                                column: name.to_string(),
                            },
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
                    Diagnostic::err(&file, Kind::UnknownAgency { found: v.clone() })
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
                let hint = did_you_mean(v, plan.periods.iter().map(|p| p.id.as_str()));
                self.push(
                    Diagnostic::err(
                        &file,
                        Kind::UnknownPeriod {
                            found: v.clone(),
                            expected: plan.periods.iter().map(|p| p.id.clone()).collect(),
                        },
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
                    Diagnostic::err(
                        &file,
                        Kind::TooLong {
                            chars: n,
                            max: MAX_CELL_CHARS,
                        },
                    )
                    .placed(&place),
                );
                self.r.diagnostics.extend(errs);
                continue;
            }
            if let Some(w) = width {
                if let Some(extra) = row.record.iter().skip(w).position(|c| !c.trim().is_empty()) {
                    let found = filled_width(&row.record);
                    let place = src.place(row.line, row.start, w + extra);
                    errs.push(
                        Diagnostic::err(&file, Kind::ExtraFields { found, columns: w })
                            .placed(&place),
                    );
                    self.r.diagnostics.extend(errs);
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
                        Diagnostic::err(
                            &file,
                            Kind::MixedAgency {
                                found: a.to_string(),
                                file_agency: plan.agencies[file_agency].id.clone(),
                            },
                        )
                        .placed(&place),
                    ),
                    None => errs.push(
                        Diagnostic::err(
                            &file,
                            Kind::RowUnknownAgency {
                                found: a.to_string(),
                            },
                        )
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
                        Diagnostic::err(
                            &file,
                            Kind::MixedPeriod {
                                found: p.to_string(),
                                file_period: fp,
                            },
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
                        let file_date = self.r.submitted_on.unwrap_or_default();
                        errs.push(
                            Diagnostic::err(
                                &file,
                                Kind::MixedDate {
                                    found: d.to_string(),
                                    file_date,
                                },
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
                errs.push(Diagnostic::err(&file, Kind::MissingTask).placed(&place));
                None
            } else {
                match plan.find_task(task_raw) {
                    Some(t) => {
                        if let Some(first) = seen_tasks.get(&t) {
                            let place = at(Col::Task);
                            let id = &plan.tasks[t].id;
                            errs.push(
                                Diagnostic::err(
                                    &file,
                                    Kind::RepeatedTask {
                                        task: id.clone(),
                                        first_line: *first,
                                    },
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
                        Diagnostic::warn(
                            &file,
                            Kind::UnfilledRow {
                                task: id.to_string(),
                            },
                        )
                        .at_line(row.line)
                        .excluding(Excludes::Row),
                    );
                    continue;
                }
                let place = at(Col::Status);
                errs.push(Diagnostic::err(&file, Kind::MissingStatus).placed(&place));
                None
            } else {
                match Status::parse(status_raw) {
                    Some(s) => Some(s),
                    None => {
                        let place = at(Col::Status);
                        errs.push(
                            Diagnostic::err(
                                &file,
                                Kind::BadStatus {
                                    found: status_raw.to_string(),
                                },
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
                self.r.diagnostics.extend(errs);
                continue;
            }
            let (Some(task), Some(status)) = (task, status) else {
                continue;
            };
            if let Some(a) = self.r.agency {
                if plan.role(task, a).is_none() {
                    let id = &plan.tasks[task].id;
                    let owners: Vec<String> = plan
                        .lead_ids(task)
                        .unwrap_or_default()
                        .into_iter()
                        .map(String::from)
                        .collect();
                    let place = at(Col::Task);
                    self.push(
                        Diagnostic::warn(
                            &file,
                            Kind::NotAssigned {
                                task: id.clone(),
                                owners,
                            },
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

        self.r.diagnostics.extend(unfilled);

        // The agency's own tasks that the file does not mention (for a file that counts).
        if let (Some(a), true) = (self.r.agency, self.r.usable()) {
            let missing: Vec<&str> = plan
                .tasks_of(a)
                .into_iter()
                .filter(|&(t, role)| role == Role::Lead && !seen_tasks.contains_key(&t))
                .map(|(t, _)| plan.tasks[t].id.as_str())
                .collect();
            if !missing.is_empty() && !raw.is_empty() {
                self.push(Diagnostic::warn(
                    &file,
                    Kind::TaskNotReported {
                        tasks: missing.iter().map(|t| t.to_string()).collect(),
                    },
                ));
            }
        }
        self.r.fingerprint = hasher.finish();
    }
}

fn date_error(file: &str, v: &str, e: &DateError) -> Diagnostic {
    let d = Diagnostic::err(
        file,
        Kind::BadDate {
            found: v.to_string(),
            month_first: matches!(e, DateError::NoSuchDay { month_first: true }),
        },
    );
    match e {
        DateError::NoSuchDay { month_first: true } => d,
        _ => d,
    }
}

fn number_error(file: &str, col: Col, v: &str, e: &NumError) -> Diagnostic {
    let name = header_name(col);
    match e {
        NumError::OutOfRange(x) => Diagnostic::err(
            file,
            Kind::OutOfRange {
                column: name.to_string(),
                value: *x,
            },
        ),
        NumError::Negative => Diagnostic::err(
            file,
            Kind::Negative {
                column: name.to_string(),
                found: v.to_string(),
            },
        ),
        NumError::NotWhole => Diagnostic::err(
            file,
            Kind::NotWhole {
                column: name.to_string(),
                found: v.to_string(),
            },
        ),
        NumError::NotANumber if col == Col::Progress => Diagnostic::err(
            file,
            Kind::NotAPercent {
                column: name.to_string(),
                found: v.to_string(),
            },
        ),
        NumError::NotANumber => Diagnostic::err(
            file,
            Kind::NotANumber {
                column: name.to_string(),
                found: v.to_string(),
            },
        ),
    }
}

fn unknown_task(plan: &Plan, file: &str, raw: &str) -> Diagnostic {
    let key = crate::plan::task_key(raw);
    // A parent item: name its tasks.
    let prefix = format!("{key}.");
    let sub_items: Vec<String> = plan
        .tasks
        .iter()
        .filter(|t| t.id.starts_with(&prefix))
        .map(|t| t.id.clone())
        .collect();
    let found = raw.to_string();
    let has_children = !sub_items.is_empty();
    let d = Diagnostic::err(
        file,
        Kind::UnknownTask {
            found,
            key: key.clone(),
            sub_items,
        },
    );
    if has_children {
        return d;
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
            .map(|d| (d.code().as_str(), d.line, d.column))
            .collect()
    }

    const HEAD: &str = "Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng,Tiến độ (%),Số hoạt động,Số người tham gia nữ,Số người tham gia nam,Kinh phí (đồng),Ghi chú / Kết quả\n";

    fn kinds(r: &Report) -> Vec<Kind> {
        r.diagnostics.iter().map(|d| d.kind.clone()).collect()
    }

    #[test]
    fn row_problems_carry_what_was_found() {
        let p = plan();
        let src = format!(
            "{HEAD}SYT,2021-H1,08/06/2021,IV.8,xong roi,,,,,,\n\
             SYT,2021-H1,09/06/2021,II.1.a,done,,,,,,\n\
             SYT,2021-H1,08/06/2021,II.1.b,done,,,-3,,,\n\
             SYT,2021-H1,08/06/2021,IV.15.a,done,,,,,,\n\
             SYT,2021-H1,08/06/2021,IV.15.a,done,,,,,,\n"
        );
        let r = read(src.as_bytes(), "a.csv", &p, &ReadOptions::default());
        let k = kinds(&r);
        let status = Kind::BadStatus {
            found: "xong roi".into(),
        };
        assert!(k.contains(&status), "{k:?}");
        let file_date = NaiveDate::from_ymd_opt(2021, 6, 8).unwrap();
        let mixed = Kind::MixedDate {
            found: "09/06/2021".into(),
            file_date,
        };
        assert!(k.contains(&mixed), "{k:?}");
        let negative = Kind::Negative {
            column: "Số người tham gia nữ".into(),
            found: "-3".into(),
        };
        assert!(k.contains(&negative), "{k:?}");
        let again = Kind::RepeatedTask {
            task: "IV.15.a".into(),
            first_line: 5,
        };
        assert!(k.contains(&again), "{k:?}");
    }

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
            r.diagnostics.iter().find(|d| d.is_error()).unwrap().kind,
            Kind::EmptyReport { tasks: 2 }
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
                prop_assert!(!d.message(crate::lang::Lang::Vi).is_empty() && !d.message(crate::lang::Lang::En).is_empty());
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
