//! The message catalogue: the one place diagnostic sentences are written, in Vietnamese and
//! English. [`message`] renders a [`Kind`], [`hint`] its advice or near match.

use super::{Kind, Severity};
use crate::lang::Lang;
use chrono::NaiveDate;

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The severity's word: `lỗi`/`error`, `cảnh báo`/`warning`.
pub fn severity(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => lang.pick("lỗi", "error"),
        Severity::Warning => lang.pick("cảnh báo", "warning"),
    }
}

/// Both languages from one set of values: `tr!(lang, "vi {x}", "en {x}")`.
macro_rules! tr {
    ($lang:expr, $vi:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            Lang::Vi => format!($vi $(, $arg)*),
            Lang::En => format!($en $(, $arg)*),
        }
    };
}

/// An id that cannot be part of a file name, and why.
fn unsafe_id(
    what: &str,
    id: &str,
    reason: &str,
    character: Option<&str>,
    max: usize,
    lang: Lang,
) -> String {
    let id = crate::text::for_message(id);
    let what = match (what, lang) {
        ("plan", Lang::Vi) => "kế hoạch",
        ("period", Lang::Vi) => "kỳ báo cáo",
        ("agency", Lang::Vi) => "đơn vị",
        (w, _) => w,
    };
    let c = crate::text::visible(character.unwrap_or("")).into_owned();
    let why = match reason {
        "empty" => tr!(lang, "mã trống", "it is empty"),
        "too-long" => tr!(
            lang,
            "dài quá {max} ký tự",
            "it is over {max} characters long"
        ),
        "dots" => tr!(lang, "bắt đầu bằng dấu chấm", "it starts with a dot"),
        "character" => tr!(lang, "có ký tự '{c}'", "it holds the character '{c}'"),
        _ => tr!(
            lang,
            "là tên Windows dành riêng",
            "it is a name Windows reserves"
        ),
    };
    tr!(
        lang,
        "mã {what} '{id}' không dùng làm tên tệp được ({why}); chỉ dùng chữ cái không dấu, chữ số, '-', '_', '.'",
        "the {what} id '{id}' cannot be part of a file name ({why}); use ASCII letters, digits, '-', '_', '.'"
    )
}

/// What was found, as a sentence in `lang`.
///
/// One arm per kind and no wildcard, so a new kind does not compile until it has its
/// sentence; longer than 80 lines for that reason (the catalogue is a table).
/// What a path that is not a regular file is (`fsx::special_kind`'s stable word, as the JSON
/// gives it), in `lang`.
pub fn file_kind(what: &str, lang: Lang) -> &str {
    match what {
        "FIFO" => lang.pick("ống dẫn FIFO", "FIFO"),
        "socket" => lang.pick("ổ cắm socket", "socket"),
        "device" => lang.pick("thiết bị", "device"),
        "directory" => lang.pick("thư mục", "directory"),
        "special" => lang.pick("tệp đặc biệt", "special file"),
        other => other,
    }
}

/// A binary format found where text was expected (`report::decode::binary_kind`'s word, as the
/// JSON gives it), in `lang`: "PDF" is "PDF" in both, an image is not.
pub fn format_word(format: &str, lang: Lang) -> &str {
    match format {
        "image" => lang.pick("ảnh", "image"),
        other => other,
    }
}

pub fn message(kind: &Kind, lang: Lang) -> String {
    match kind {
        // ---- indicators ----
        Kind::DuplicateIndicator { id } => tr!(
            lang,
            "chỉ tiêu '{id}' bị khai báo hai lần",
            "indicator '{id}' is declared twice"
        ),
        Kind::UnknownIndicator { found } => tr!(
            lang,
            "không có chỉ tiêu '{found}' trong kế hoạch",
            "the plan has no indicator '{found}'"
        ),
        Kind::BadIndicator { id, field } => tr!(
            lang,
            "chỉ tiêu '{id}': trường '{field}' thiếu hoặc không hợp lệ",
            "indicator '{id}': field '{field}' is missing or invalid"
        ),
        Kind::BadInclude {
            path,
            reason,
            error,
            error_vi,
            max,
        } => {
            let why = match reason.as_str() {
                "cycle" => tr!(lang, "tệp tự đưa lại chính nó (vòng lặp)", "it includes itself (a cycle)"),
                "too-deep" => tr!(lang, "lồng quá {max} cấp", "nested more than {max} levels"),
                "not-utf8" => tr!(lang, "không phải UTF-8", "it is not UTF-8"),
                "too-large" => tr!(lang, "tệp quá lớn", "the file is too large"),
                _ => match lang {
                    Lang::Vi => error_vi.clone().or(error.clone()).unwrap_or_default(),
                    Lang::En => error.clone().unwrap_or_default(),
                },
            };
            tr!(
                lang,
                "không đưa được tệp '{path}' vào kế hoạch: {why}",
                "cannot include '{path}' in the plan: {why}"
            )
        }
        Kind::NumeratorAboveDenominator {
            indicator,
            numerator,
            denominator,
        } => tr!(
            lang,
            "chỉ tiêu '{indicator}': tử số {numerator} lớn hơn mẫu số {denominator}",
            "indicator '{indicator}': numerator {numerator} is above denominator {denominator}"
        ),
        Kind::NegativeValue {
            indicator,
            column,
            value,
        } => tr!(
            lang,
            "chỉ tiêu '{indicator}': cột '{column}' có số âm {value}",
            "indicator '{indicator}': column '{column}' holds the negative number {value}"
        ),
        Kind::IndicatorNotReported { indicators } => {
            let (n, list) = (indicators.len(), indicators.join(", "));
            tr!(
                lang,
                "{n} chỉ tiêu của đơn vị không được báo cáo: {list}",
                "{n} of the agency's indicators are not reported: {list}"
            )
        }
        Kind::IndicatorNotAsked {
            indicator,
            period,
            asked,
        } => {
            let asked = asked.join(", ");
            tr!(
                lang,
                "chỉ tiêu '{indicator}' không được yêu cầu trong kỳ {period} (kỳ báo cáo chỉ tiêu: {asked}): dòng này không được tổng hợp",
                "indicator '{indicator}' is not asked in period {period} (it is asked in: {asked}): the row is not consolidated"
            )
        }
        Kind::ImplausibleValue {
            indicator,
            value,
            min,
            max,
        } => tr!(
            lang,
            "chỉ tiêu '{indicator}': giá trị {value} nằm ngoài khoảng hợp lý {min}–{max}",
            "indicator '{indicator}': value {value} is outside the plausible range {min}–{max}"
        ),
        Kind::NoIndicatorValue { indicator } => tr!(
            lang,
            "chỉ tiêu '{indicator}' không có số liệu (tử số và mẫu số, hoặc giá trị)",
            "indicator '{indicator}' has no figure (numerator and denominator, or value)"
        ),
        Kind::RepeatedIndicator { indicator } => tr!(
            lang,
            "chỉ tiêu '{indicator}' xuất hiện nhiều lần trong tệp",
            "indicator '{indicator}' appears more than once in the file"
        ),
        // ---- plan ----
        Kind::PlanNotAFile { what } => {
            let what = file_kind(what, lang);
            tr!(
            lang,
            "đây không phải tệp thường ({what}), không phải tệp kế hoạch",
            "this is not a regular file ({what}), not a plan file"
            )
        }
        Kind::PlanTooLarge { mb, max_mb } => tr!(
            lang,
            "tệp kế hoạch lớn {mb} MB, vượt giới hạn {max_mb} MB",
            "the plan file is {mb} MB, over the {max_mb} MB limit"
        ),
        Kind::NotUtf8 { offset } => tr!(
            lang,
            "tệp kế hoạch không phải UTF-8 (byte lỗi ở vị trí {offset})",
            "the plan file is not UTF-8 (bad byte at offset {offset})"
        ),
        Kind::UnknownField { message } => unknown_field(message, lang),
        Kind::Yaml { message } => {
            tr!(lang, "YAML không hợp lệ: {message}", "invalid YAML: {message}")
        }
        Kind::YamlAlias { alias } => tr!(
            lang,
            "tệp kế hoạch dùng alias YAML '{alias}'; bdg không nhận alias (chúng có thể nở ra vô hạn)",
            "the plan uses a YAML alias '{alias}'; bdg refuses aliases (they can expand without bound)"
        ),
        Kind::TooDeep { .. } => {
            tr!(lang, "tệp kế hoạch lồng nhau quá sâu", "the plan nests too deep")
        }
        Kind::TooDeepItem { id, max } => tr!(
            lang,
            "mục '{id}' lồng sâu hơn {max} cấp",
            "item '{id}' nests deeper than {max} levels"
        ),
        Kind::DuplicateAgency { id } => tr!(
            lang,
            "mã đơn vị '{id}' bị khai báo hai lần",
            "agency id '{id}' is declared twice"
        ),
        Kind::DuplicateGroup { id } => tr!(
            lang,
            "mã nhóm '{id}' trùng với một nhóm hoặc đơn vị khác",
            "group id '{id}' is already used by another group or agency"
        ),
        Kind::UnknownMember { group, found } => tr!(
            lang,
            "nhóm '{group}' có thành viên '{found}' không phải là mã đơn vị nào trong kế hoạch",
            "group '{group}' has member '{found}', which is no agency id of the plan"
        ),
        Kind::UnknownGroup { agency, found } => tr!(
            lang,
            "đơn vị '{agency}' ghi expanded_from '{found}' nhưng không có nhóm nào mang mã đó",
            "agency '{agency}' says expanded_from '{found}' but no group has that id"
        ),
        Kind::UnknownCoordinator { found } => tr!(
            lang,
            "đơn vị đầu mối '{found}' không phải là mã đơn vị nào trong kế hoạch",
            "coordinator '{found}' is no agency id of the plan"
        ),
        Kind::DuplicatePeriod { id } => tr!(
            lang,
            "kỳ báo cáo '{id}' bị khai báo hai lần",
            "period '{id}' is declared twice"
        ),
        Kind::MissingDueDate { period, .. } => tr!(
            lang,
            "kỳ báo cáo '{period}' không có hạn nộp (due)",
            "period '{period}' has no due date (due)"
        ),
        Kind::ZeroReplyDays => tr!(
            lang,
            "report.reply_days là 0: công văn đôn đốc sẽ đòi báo cáo trước chính ngày của công văn",
            "report.reply_days is 0: reminder letters would ask for the report before their own date"
        ),
        Kind::DuplicateSection { id } => tr!(
            lang,
            "mục '{id}' bị khai báo hai lần",
            "section '{id}' is declared twice"
        ),
        Kind::DuplicateTaskId { id } => tr!(
            lang,
            "mã nhiệm vụ '{id}' bị khai báo hai lần",
            "task id '{id}' is declared twice"
        ),
        Kind::EmptyPlan { missing } => match missing.as_str() {
            "agencies" => tr!(
                lang,
                "kế hoạch không có đơn vị nào (agencies)",
                "the plan has no agencies"
            ),
            "periods" => tr!(
                lang,
                "kế hoạch không có kỳ báo cáo nào (periods)",
                "the plan has no periods"
            ),
            _ => tr!(
                lang,
                "kế hoạch không có nhiệm vụ nào (sections)",
                "the plan has no tasks"
            ),
        },
        Kind::PlanBadDate { found, year } => {
            let e = example_date(*year, lang);
            tr!(
                lang,
                "ngày '{found}' không hợp lệ; cần dạng YYYY-MM-DD{e}",
                "date '{found}' is not valid; expected YYYY-MM-DD{e}"
            )
        }
        Kind::AmbiguousAlias {
            spelling,
            agency,
            other,
        } => tr!(
            lang,
            "cách viết '{spelling}' của đơn vị '{agency}' trùng với đơn vị '{other}'",
            "spelling '{spelling}' of agency '{agency}' is also agency '{other}'"
        ),
        Kind::UnknownAssignee { found, .. } => tr!(
            lang,
            "'{found}' không phải là mã đơn vị hay mã nhóm nào trong kế hoạch",
            "'{found}' is no agency or group id of the plan"
        ),
        Kind::UnsafeId {
            what,
            id,
            reason,
            character,
            max_chars,
        } => unsafe_id(what, id, reason, character.as_deref(), *max_chars, lang),
        Kind::PlanDateOutOfRange { found, min, max } => tr!(
            lang,
            "'{found}' nằm ngoài khoảng năm {min}–{max} mà bdg chấp nhận",
            "'{found}' is outside the years {min}–{max} bdg accepts"
        ),
        Kind::ReversedWindow { period, from, to } => tr!(
            lang,
            "khoảng nhận báo cáo của kỳ '{period}' kết thúc ({}) trước khi bắt đầu ({})",
            "the window of period '{period}' ends ({}) before it starts ({})",
            dmy(*to),
            dmy(*from)
        ),
        Kind::DueOutsideWindow {
            period,
            due,
            from,
            to,
        } => tr!(
            lang,
            "hạn nộp {} của kỳ '{period}' nằm ngoài khoảng nhận báo cáo {}–{}",
            "the due date {} of period '{period}' is outside its window {}–{}",
            dmy(*due),
            dmy(*from),
            dmy(*to)
        ),
        Kind::DueOutsideYear { period, due, year } => tr!(
            lang,
            "hạn nộp {} của kỳ '{period}' không thuộc năm {year} của kế hoạch",
            "the due date {} of period '{period}' is not in the plan's year {year}",
            dmy(*due)
        ),
        Kind::UnknownTaskPeriod { found } => tr!(
            lang,
            "'{found}' không phải là mã kỳ báo cáo nào trong kế hoạch",
            "'{found}' is no period id of the plan"
        ),
        Kind::UnknownExclusion { found, .. } => tr!(
            lang,
            "'!{found}' loại trừ một mã không phải là đơn vị hay nhóm nào trong kế hoạch",
            "'!{found}' excludes an id that is no agency or group of the plan"
        ),
        Kind::UnassignedTask { id } => tr!(
            lang,
            "nhiệm vụ '{id}' không giao cho đơn vị nào (lead)",
            "task '{id}' is assigned to no agency (lead)"
        ),
        // ---- report files ----
        Kind::NotAFile { what } => {
            let what = file_kind(what, lang);
            tr!(
                lang,
                "đây không phải tệp thường ({what}); bỏ qua",
                "this is not a regular file ({what}); skipped"
            )
        }
        Kind::WorkbookTooLarge { mb, max_mb } => tr!(
            lang,
            "sổ Excel giải nén ra hơn {mb} MB, vượt giới hạn {max_mb} MB",
            "the workbook decompresses to more than {mb} MB, over the {max_mb} MB limit"
        ),
        Kind::TooManyParts { parts, max } => tr!(
            lang,
            "sổ Excel có {parts} phần, vượt giới hạn {max}",
            "the workbook has {parts} parts, over the limit of {max}"
        ),
        Kind::TooManyCells { sheet, cells, max } => tr!(
            lang,
            "trang '{sheet}' chiếm {cells} ô, vượt giới hạn {max} ô của một sổ",
            "sheet '{sheet}' spans {cells} cells, over the limit of {max} cells a workbook"
        ),
        Kind::TooManyStrings {
            declared,
            held,
            max,
            ..
        } if held > max => tr!(
            lang,
            "sổ Excel chứa ít nhất {held} chuỗi dùng chung (khai báo {declared}), vượt giới hạn {max}",
            "the workbook holds at least {held} shared strings (it declares {declared}), over the limit of {max}"
        ),
        Kind::TooManyStrings { strings, max, .. } => tr!(
            lang,
            "sổ Excel khai báo {strings} chuỗi, vượt giới hạn {max}",
            "the workbook declares {strings} strings, over the limit of {max}"
        ),
        Kind::TooManyRecords { records, max } => tr!(
            lang,
            "sổ Excel chứa ít nhất {records} bản ghi (định dạng, quan hệ, trang, tên) trong một phần, vượt giới hạn {max}",
            "the workbook holds at least {records} records (styles, relationships, sheets, names) in one part, over the limit of {max}"
        ),
        Kind::BinaryWorkbook => tr!(
            lang,
            "sổ Excel nhị phân (.xlsb) không được hỗ trợ; lưu lại dưới dạng .xlsx",
            "binary workbooks (.xlsb) are not supported; save it as .xlsx"
        ),
        // The reader's own words (English) only in English; the JSON's data keeps them.
        Kind::BrokenWorkbook { error } => tr!(
            lang,
            "không mở được sổ Excel: tệp bị hỏng hoặc không đúng định dạng; mở bằng Excel, lưu lại dưới dạng .xlsx rồi gửi lại",
            "cannot open the workbook: {error}"
        ),
        Kind::TooManyRows { max } => tr!(
            lang,
            "tệp có hơn {max} dòng dữ liệu, vượt giới hạn của một báo cáo",
            "the file has more than {max} data rows, over the limit for one report"
        ),
        Kind::InternalError { what } => tr!(
            lang,
            "lỗi nội bộ khi đọc tệp ({what}); tệp bị loại, các tệp khác vẫn được đọc",
            "internal error while reading the file ({what}); the file is excluded, the others are still read"
        ),
        Kind::Suppressed { code, count, max } => {
            let name = code.as_str();
            tr!(
                lang,
                "và {count} chẩn đoán [{name}] khác (chỉ hiện {max} chẩn đoán đầu của một tệp)",
                "and {count} more [{name}] diagnostics (only the first {max} of a file are shown)"
            )
        }
        Kind::SheetNotRead { sheet, read } => tr!(
            lang,
            "trang '{sheet}' cũng có dòng tiêu đề báo cáo nhưng các cột khác trang '{read}'; trang này không được đọc",
            "sheet '{sheet}' also has the report header but its columns differ from sheet '{read}'; it is not read"
        ),
        Kind::FileTooLarge { mb, max_mb } => tr!(
            lang,
            "tệp lớn {mb} MB, vượt giới hạn {max_mb} MB của một báo cáo",
            "file is {mb} MB, over the {max_mb} MB limit for one report"
        ),
        Kind::Unreadable { error, error_vi } => tr!(
            lang,
            "không đọc được tệp: {error_vi}",
            "cannot read the file: {error}"
        ),
        Kind::UnreadableFolder { error, error_vi } => tr!(
            lang,
            "không đọc được thư mục: {error_vi}",
            "cannot read the folder: {error}"
        ),
        Kind::BinaryFile { format } => {
            let format = format_word(format, lang);
            tr!(
                lang,
                "đây là tệp {format}, không phải bảng CSV hay văn bản",
                "this is a {format} file, not a CSV or text table"
            )
        }
        Kind::BinaryData => tr!(
            lang,
            "tệp chứa dữ liệu nhị phân, không phải bảng",
            "the file holds binary data, not a table"
        ),
        Kind::BadBytes { encoding } => tr!(
            lang,
            "có byte không hợp lệ trong mã {encoding}; đã thay bằng �",
            "some bytes are not valid {encoding}; they were replaced by �"
        ),
        Kind::Workbook { error } => tr!(
            lang,
            "không mở được sổ Excel: {error}",
            "cannot open the workbook: {error}"
        ),
        Kind::NoHeader { expected, .. } => {
            let list = expected.join(", ");
            tr!(
                lang,
                "không tìm thấy dòng tiêu đề; cần các cột {list}",
                "no header row found; expected the columns {list}"
            )
        }
        Kind::SkippedLines { lines, header_line } => tr!(
            lang,
            "bỏ qua {lines} dòng trước dòng tiêu đề (dòng {header_line})",
            "skipped {lines} lines before the header row (line {header_line})"
        ),
        Kind::SkippedOutputFolder { files, marker } => tr!(
            lang,
            "thư mục này là thư mục kết quả của bdg (có tệp {marker}) nên không được đọc; {files} tệp trong đó không được xem là báo cáo",
            "this folder holds bdg's outputs (it has a {marker} file) and is not read; its {files} files are not taken as reports"
        ),
        Kind::UnreadableRow { error } => {
            tr!(lang, "không đọc được dòng: {error}", "cannot read the row: {error}")
        }
        Kind::TooManyColumns { found, max } => tr!(
            lang,
            "dòng tiêu đề có {found} cột, vượt giới hạn {max}; đây không phải mẫu báo cáo",
            "the header row has {found} columns, over the limit of {max}; this is not the report format"
        ),
        Kind::DuplicateColumn { column } => tr!(
            lang,
            "cột '{column}' lặp lại; chỉ đọc cột đầu tiên",
            "column '{column}' appears twice; only the first is read"
        ),
        Kind::UnknownColumn { column } => tr!(
            lang,
            "cột '{column}' không thuộc mẫu báo cáo; bỏ qua",
            "column '{column}' is not in the report format; ignored"
        ),
        Kind::UnreadFigureColumn { column, expected } => tr!(
            lang,
            "không đọc được cột số liệu '{column}' (cần cột '{expected}'): báo cáo thiếu số liệu này không dùng được",
            "cannot read the figure column '{column}' (expected '{expected}'): a report without this figure is not usable"
        ),
        Kind::FigureOverflow { column, found, max } => tr!(
            lang,
            "cột '{column}': {found} vượt quá mức tối đa {max}; dòng bị loại",
            "column '{column}': {found} is above the maximum {max}; row excluded"
        ),
        Kind::MissingColumns { columns } => {
            let list = columns.join(", ");
            tr!(lang, "thiếu cột bắt buộc: {list}", "missing required columns: {list}")
        }
        Kind::EmptyReport { tasks } => tr!(
            lang,
            "báo cáo chưa được điền: {tasks} nhiệm vụ đều không có tình trạng hay số liệu",
            "the report is not filled in: none of its {tasks} tasks has a status or figures"
        ),
        Kind::EmptyIndicators { indicators } => tr!(
            lang,
            "bảng chỉ tiêu chưa được điền: {indicators} chỉ tiêu đều không có số liệu",
            "the indicator table is not filled in: none of its {indicators} indicators has a figure"
        ),
        Kind::NoValue { column } => {
            tr!(lang, "không dòng nào ghi '{column}'", "no row gives '{column}'")
        }
        Kind::UnknownAgency { found, .. } => tr!(
            lang,
            "đơn vị '{found}' không có trong kế hoạch; cần mã, tên hoặc tên viết tắt của một đơn vị",
            "agency '{found}' is not in the plan; expected an agency id, name or alias"
        ),
        Kind::UnknownPeriod { found, expected } => {
            let ids = expected.join(", ");
            tr!(
                lang,
                "kỳ báo cáo '{found}' không có trong kế hoạch; cần một trong: {ids}",
                "period '{found}' is not in the plan; expected one of: {ids}"
            )
        }
        // ---- rows of a report ----
        Kind::TooLong { chars, max } => tr!(
            lang,
            "ô dài {chars} ký tự, vượt giới hạn {max} ký tự một ô của Excel",
            "the cell holds {chars} characters, over Excel's limit of {max} a cell"
        ),
        Kind::ExtraFields { found, columns } => tr!(
            lang,
            "dòng có {found} ô nhưng dòng tiêu đề chỉ có {columns} cột; các giá trị đã bị lệch cột",
            "the row has {found} cells but the header only {columns} columns; its values have shifted"
        ),
        Kind::MixedAgency { found, file_agency } => tr!(
            lang,
            "dòng ghi đơn vị '{found}', khác với đơn vị của tệp '{file_agency}'; mỗi tệp chỉ của một đơn vị",
            "the row names agency '{found}', not the file's '{file_agency}'; a file holds one agency's report"
        ),
        Kind::RowUnknownAgency { found } => tr!(
            lang,
            "đơn vị '{found}' không có trong kế hoạch",
            "agency '{found}' is not in the plan"
        ),
        Kind::MixedPeriod { found, file_period } => tr!(
            lang,
            "dòng ghi kỳ '{found}', khác với kỳ của tệp '{file_period}'",
            "the row names period '{found}', not the file's '{file_period}'"
        ),
        Kind::MixedDate { found, file_date } => {
            let fd = dmy(*file_date);
            tr!(
                lang,
                "dòng ghi ngày '{found}', khác với ngày báo cáo của tệp {fd}",
                "the row gives date '{found}', not the file's {fd}"
            )
        }
        Kind::MissingTask => tr!(lang, "thiếu mã nhiệm vụ", "the task id is missing"),
        Kind::RepeatedTask { task, first_line } => tr!(
            lang,
            "nhiệm vụ {task} đã được báo cáo ở dòng {first_line}; dòng này bị loại",
            "task {task} was already reported on line {first_line}; this row is excluded"
        ),
        Kind::UnfilledRow { task } => tr!(
            lang,
            "nhiệm vụ {task} chưa được điền (không có tình trạng, không có số liệu)",
            "task {task} is not filled in (no status, no figures)"
        ),
        Kind::MissingStatus => tr!(
            lang,
            "thiếu tình trạng; cần 'hoàn thành', 'đang thực hiện' hoặc 'chưa thực hiện'",
            "the status is missing; expected 'done', 'in_progress' or 'not_started'"
        ),
        Kind::BadStatus { found } => tr!(
            lang,
            "tình trạng '{found}' không hợp lệ; cần 'hoàn thành', 'đang thực hiện' hoặc 'chưa thực hiện'",
            "status '{found}' is not valid; expected 'done', 'in_progress' or 'not_started' (or the Vietnamese labels)"
        ),
        Kind::NotAssigned { task, owners } if owners.is_empty() => tr!(
            lang,
            "nhiệm vụ {task} không giao cho đơn vị chủ trì nào trong kế hoạch, cũng không cho đơn vị này; vẫn được tính",
            "task {task} has no lead agency in the plan, and is not assigned to this agency; it is counted all the same"
        ),
        Kind::NotAssigned { task, owners } => {
            let owners = owners.join(", ");
            tr!(
                lang,
                "nhiệm vụ {task} được giao cho {owners}, không phải đơn vị này; vẫn được tính",
                "task {task} is assigned to {owners}, not to this agency; it is counted all the same"
            )
        }
        Kind::TaskNotReported { tasks } => {
            let (n, list) = (tasks.len(), tasks.join(", "));
            let are = crate::number::plural(n, "is", "are");
            tr!(
                lang,
                "{n} nhiệm vụ của đơn vị không được báo cáo: {list}",
                "{n} of the agency's tasks {are} not reported on: {list}"
            )
        }
        Kind::BadDate { found, example, .. } => {
            let e = example.format("%d/%m/%Y");
            tr!(
                lang,
                "ngày '{found}' không hợp lệ; cần dd/mm/yyyy (ví dụ {e}) hoặc yyyy-mm-dd",
                "date '{found}' is not valid; expected dd/mm/yyyy (e.g. {e}) or yyyy-mm-dd"
            )
        }
        Kind::OutOfRange { column, value } => tr!(
            lang,
            "'{column}' là {value}, ngoài khoảng cho phép 0–100",
            "'{column}' is {value}, outside 0–100"
        ),
        Kind::Negative { column, found } => tr!(
            lang,
            "'{column}' là số âm ('{found}'); cần số nguyên ≥ 0",
            "'{column}' is negative ('{found}'); expected a whole number ≥ 0"
        ),
        Kind::NotWhole { column, found } => tr!(
            lang,
            "'{column}' là '{found}', không phải số nguyên",
            "'{column}' is '{found}', not a whole number"
        ),
        Kind::NotAPercent { column, found } => tr!(
            lang,
            "'{column}' là '{found}', không phải số; cần 0–100, ví dụ 85 hoặc 85,5",
            "'{column}' is '{found}', not a number; expected 0–100, e.g. 85 or 85.5"
        ),
        Kind::NotANumber { column, found } => tr!(
            lang,
            "'{column}' là '{found}', không phải số; cần số nguyên, ví dụ 1500000 hoặc 1.500.000",
            "'{column}' is '{found}', not a number; expected a whole number, e.g. 1500000 or 1,500,000"
        ),
        Kind::UnknownTask { found, .. } => tr!(
            lang,
            "mã nhiệm vụ '{found}' không có trong kế hoạch",
            "task id '{found}' is not in the plan"
        ),
        // ---- cycle ----
        Kind::OtherPeriod {
            found_name,
            expected_name,
            rejects,
            ..
        } => {
            let (f, e) = (found_name.get(lang), expected_name.get(lang));
            match rejects {
                true => tr!(
                    lang,
                    "tệp ghi là báo cáo {f}, không phải báo cáo {e}",
                    "the file is marked as the report for {f}, not for {e}"
                ),
                false => tr!(
                    lang,
                    "báo cáo {f}, không phải {e}; không tính cho kỳ này",
                    "a report for {f}, not {e}; not counted for this period"
                ),
            }
        }
        Kind::FutureDate { date, as_of, .. } => {
            let (d, asof) = (dmy(*date), dmy(*as_of));
            tr!(
                lang,
                "báo cáo đề ngày {d}, sau ngày tính {asof}: không tính trễ hạn; đề nghị kiểm tra lại ngày",
                "the report is dated {d}, after the as-of date {asof}: not counted late; please check the date"
            )
        }
        Kind::DoubtfulDate { date, to, .. } => {
            let (d, t) = (dmy(*date), dmy(*to));
            tr!(
                lang,
                "báo cáo đề ngày {d}, sau khi kỳ báo cáo kết thúc ({t}): có thể ngày và tháng bị đảo; không tính trễ hạn theo ngày này, đề nghị kiểm tra lại",
                "the report is dated {d}, after the period ended ({t}): day and month may be swapped; not counted late on that date, please check it"
            )
        }
        Kind::BeforeWindow { date, from } => {
            let (d, f) = (dmy(*date), dmy(*from));
            tr!(
                lang,
                "báo cáo đề ngày {d}, trước khi kỳ báo cáo bắt đầu ({f}): có thể là báo cáo kỳ trước gửi lại; bỏ qua",
                "the report is dated {d}, before the period began ({f}): likely an earlier period's report sent again; ignored"
            )
        }
        Kind::BeforeYear { date, year, from } => {
            let (d, f) = (dmy(*date), dmy(*from));
            tr!(
                lang,
                "báo cáo đề ngày {d}, trước khi kỳ số liệu của năm {year} bắt đầu ({f}): có thể ghi nhầm năm; không tính trễ hạn theo ngày này, đề nghị kiểm tra lại",
                "the report is dated {d}, before the reporting of {year} begins ({f}): the year may be mistyped; not counted late on that date, please check it"
            )
        }
        Kind::DuplicateFile { other } => tr!(
            lang,
            "trùng nội dung với {other}; chỉ tính một lần",
            "same content as {other}; counted once"
        ),
        Kind::Conflict { files, more } => {
            let list = files.join(", ");
            let list = match *more {
                0 => list,
                more => tr!(lang, "{list} và {more} tệp khác", "{list} and {more} more"),
            };
            tr!(
                lang,
                "cùng ngày báo cáo nhưng khác nội dung: {list}; không tính số liệu nào cho đến khi đơn vị xác nhận",
                "same report date, different content: {list}; no figures count until the agency says which is right"
            )
        }
        Kind::Superseded { newer } => tr!(
            lang,
            "được thay bằng báo cáo mới hơn {newer}",
            "superseded by the later report {newer}"
        ),
        Kind::DroppedTasks {
            earlier,
            tasks,
            figures,
        } => dropped(earlier, tasks, figures, lang),
        Kind::UnexpectedAgency { name } => tr!(
            lang,
            "{name} không thuộc danh sách phải báo cáo kỳ này; số liệu vẫn được tính",
            "{name} is not among this period's expected reporters; its figures count all the same"
        ),
    }
}

/// A later report that lacks what the earlier ones gave: the tasks, then the blank figures.
fn dropped(
    earlier: &[String],
    tasks: &[String],
    figures: &[super::FigureGap],
    lang: Lang,
) -> String {
    let files = earlier.join(", ");
    let mut parts = Vec::new();
    if !tasks.is_empty() {
        let (n, list) = (tasks.len(), tasks.join(", "));
        parts.push(tr!(
            lang,
            "thiếu {n} nhiệm vụ: {list}",
            "lacks {n} tasks: {list}"
        ));
    }
    if !figures.is_empty() {
        let list = (figures.iter())
            .map(|g| {
                let cols = (g.columns.iter())
                    .map(|c| figure_word(c, lang))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("{} ({cols})", g.task)
            })
            .collect::<Vec<_>>()
            .join("; ");
        parts.push(tr!(
            lang,
            "bỏ trống số liệu: {list}",
            "leaves figures blank: {list}"
        ));
    }
    let what = parts.join("; ");
    tr!(
        lang,
        "báo cáo mới nhất (được tính số liệu) {what} so với báo cáo trước ({files}); số liệu đó không còn được tính",
        "the latest report (whose figures count) {what}, which the earlier report gave ({files}); those figures no longer count"
    )
}

/// A figure's word, by its stable column name.
fn figure_word(column: &str, lang: Lang) -> String {
    let (vi, en) = match column {
        "activities" => ("số hoạt động", "activities"),
        "participants_female" => ("người tham gia nữ", "women"),
        "participants_male" => ("người tham gia nam", "men"),
        "budget_vnd" => ("kinh phí", "budget"),
        other => (other, other),
    };
    lang.pick(vi, en).to_string()
}

/// The kind's own advice, else "did you mean 'x'?" for a near match.
pub fn hint(kind: &Kind, suggestion: Option<&str>, lang: Lang) -> Option<String> {
    if let (
        Kind::UnknownAgency {
            by_file_name: true, ..
        },
        Some(s),
    ) = (kind, suggestion)
    {
        return Some(tr!(
            lang,
            "theo tên tệp, có phải là '{s}'?",
            "from the file's name, did you mean '{s}'?"
        ));
    }
    report_hint(kind, lang)
        .or_else(|| suggestion.map(|s| tr!(lang, "có phải là '{s}'?", "did you mean '{s}'?")))
}

/// The advice that comes with a kind of report problem, when it has one.
fn report_hint(kind: &Kind, lang: Lang) -> Option<String> {
    Some(match kind {
        Kind::FutureDate {
            swapped: Some(s), ..
        } => {
            let s = dmy(*s);
            tr!(
                lang,
                "có thể ngày và tháng bị đảo: có phải ngày {s}?",
                "day and month may be swapped: did you mean {s}?"
            )
        }
        Kind::DoubtfulDate { swapped, .. } => {
            let s = dmy(*swapped);
            tr!(
                lang,
                "có phải ngày {s}? sửa ngày trong tệp rồi chạy lại",
                "did they mean {s}? correct the date in the file and run again"
            )
        }
        Kind::BeforeYear { .. } => tr!(
            lang,
            "sửa ngày trong tệp rồi chạy lại",
            "correct the date in the file and run again"
        ),
        Kind::OtherPeriod {
            expected,
            expected_name,
            rejects: true,
            ..
        } => {
            let e = expected_name.get(lang);
            tr!(
                lang,
                "nếu đây là báo cáo {e}, đề nghị sửa kỳ báo cáo trong tệp thành '{expected}'",
                "if this is the report for {e}, please set its period to '{expected}'"
            )
        }
        Kind::BeforeWindow { .. } => tr!(
            lang,
            "đề nghị đơn vị gửi báo cáo của kỳ này",
            "ask the agency for this period's report"
        ),
        Kind::DroppedTasks { .. } => tr!(
            lang,
            "báo cáo sau thay thế toàn bộ báo cáo trước: đề nghị đơn vị gửi lại toàn bộ báo cáo (mọi nhiệm vụ, mọi số liệu) với ngày báo cáo mới",
            "a later report replaces the earlier one whole: ask the agency to send its whole report again (every task, every figure), with a new date"
        ),
        Kind::Conflict { .. } => tr!(
            lang,
            "đề nghị đơn vị cho biết báo cáo nào đúng, hoặc gửi lại báo cáo đúng với ngày báo cáo mới",
            "ask the agency which report is right, or for the right one again with a new date"
        ),
        Kind::InternalError { .. } => tr!(
            lang,
            "xin gửi tệp này kèm thông báo cho người bảo trì bdg để sửa lỗi",
            "please report this to bdg's maintainers, with the file"
        ),
        Kind::SheetNotRead { sheet, read } => tr!(
            lang,
            "dùng cùng các cột như trang '{read}', hoặc gửi trang '{sheet}' thành tệp riêng",
            "use the columns of sheet '{read}', or send sheet '{sheet}' as a file of its own"
        ),
        Kind::BadBytes { .. } => tr!(
            lang,
            "chỉ định mã đúng bằng --encoding (utf-8, windows-1258, utf-16le)",
            "name the right encoding with --encoding (utf-8, windows-1258, utf-16le)"
        ),
        Kind::NoHeader { .. } => tr!(
            lang,
            "dùng mẫu do 'bdg template' tạo, hoặc thêm dòng tiêu đề",
            "use the template 'bdg template' makes, or add a header row"
        ),
        Kind::SkippedOutputFolder { .. } => tr!(
            lang,
            "nếu trong đó có báo cáo của đơn vị, chuyển tệp sang thư mục báo cáo",
            "if an agency's report is there, move it to the reports folder"
        ),
        Kind::EmptyReport { .. } => tr!(
            lang,
            "điền cột 'Tình trạng' và ngày báo cáo cho từng nhiệm vụ rồi gửi lại",
            "fill in the status of each task and the report date, and send it again"
        ),
        Kind::EmptyIndicators { .. } => tr!(
            lang,
            "điền tử số và mẫu số (hoặc giá trị) và ngày báo cáo cho từng chỉ tiêu rồi gửi lại",
            "fill in each indicator's numerator and denominator (or value) and the report date, and send it again"
        ),
        Kind::TooLong { .. } => tr!(
            lang,
            "rút gọn nội dung, hoặc gửi phần dài kèm theo",
            "shorten it, or send the long text separately"
        ),
        Kind::ExtraFields { .. } => tr!(
            lang,
            "thường do dấu phẩy thập phân (85,5) trong tệp phân cách bằng dấu phẩy: đặt giá trị trong ngoặc kép hoặc lưu tệp với dấu ';'",
            "usually a decimal comma (85,5) in a comma-separated file: quote the value, or save the file with ';'"
        ),
        Kind::BadDate {
            month_first: true,
            found,
            ..
        } => {
            let meant = crate::report::fields::month_first(found)
                .map(|d| d.format("%d/%m/%Y").to_string())
                .map(|d| tr!(lang, "; có phải {d}?", "; did you mean {d}?"))
                .unwrap_or_default();
            tr!(
                lang,
                "ngày viết theo thứ tự ngày/tháng/năm, không phải tháng/ngày{meant}",
                "dates are read day first (day/month/year), never month first{meant}"
            )
        }
        Kind::UnknownTask { key, sub_items, .. } if !sub_items.is_empty() => {
            let list = sub_items.join(", ");
            tr!(
                lang,
                "'{key}' có các mục con; báo cáo theo từng mục: {list}",
                "'{key}' has sub-items; report each of them: {list}"
            )
        }
        k => return plan_hint(k, lang),
    })
}

/// After "YYYY-MM-DD": an example in the plan's `year` (10 June), when it is known; else what
/// the letters stand for. A fixed year would date the message: a 2026 desk would read 2021.
fn example_date(year: Option<i32>, lang: Lang) -> String {
    match year {
        Some(y) => tr!(lang, ", ví dụ {y}-06-10", ", e.g. {y}-06-10"),
        None => tr!(lang, " (năm-tháng-ngày)", " (year-month-day)"),
    }
}

/// The advice that comes with a kind of plan problem, when it has one.
fn plan_hint(kind: &Kind, lang: Lang) -> Option<String> {
    Some(match kind {
        Kind::NotUtf8 { .. } => tr!(
            lang,
            "hãy lưu lại tệp ở dạng UTF-8",
            "save the file as UTF-8"
        ),
        Kind::YamlAlias { .. } => tr!(
            lang,
            "viết giá trị ra đầy đủ thay cho alias",
            "write the value out in place of the alias"
        ),
        Kind::TooDeep { max } => tr!(
            lang,
            "mục của kế hoạch lồng tối đa {max} cấp (I → 1 → a …)",
            "plan items nest at most {max} levels (I → 1 → a …)"
        ),
        Kind::MissingDueDate { year, .. } => match year {
            Some(y) => tr!(
                lang,
                "thêm dòng 'due: YYYY-MM-DD', ví dụ 'due: {y}-06-10'",
                "add a line 'due: YYYY-MM-DD', e.g. 'due: {y}-06-10'"
            ),
            None => tr!(
                lang,
                "thêm dòng 'due: YYYY-MM-DD' (năm-tháng-ngày)",
                "add a line 'due: YYYY-MM-DD' (year-month-day)"
            ),
        },
        Kind::ZeroReplyDays => tr!(
            lang,
            "ghi số ngày từ 1 trở lên, hoặc bỏ dòng này (mặc định 5 ngày)",
            "write 1 or more days, or leave the line out (5 days by default)"
        ),
        _ => return None,
    })
}

/// serde's "PATH: unknown field `x`, expected one of `a`, `b`" in the user's language: the
/// path, the field found and the fields allowed there.
fn unknown_field(message: &str, lang: Lang) -> String {
    let (path, rest) = match message.split_once("unknown field") {
        Some((p, r)) => (p.trim().trim_end_matches(':').trim(), r),
        None => {
            return tr!(
                lang,
                "YAML không hợp lệ: {message}",
                "invalid YAML: {message}"
            )
        }
    };
    let ticks: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    let Some((found, expected)) = ticks.split_first() else {
        return tr!(
            lang,
            "YAML không hợp lệ: {message}",
            "invalid YAML: {message}"
        );
    };
    let place = if path.is_empty() {
        lang.pick("ở gốc kế hoạch", "at the top of the plan")
            .to_string()
    } else {
        tr!(lang, "trong '{path}'", "in '{path}'")
    };
    if expected.is_empty() {
        return tr!(
            lang,
            "trường '{found}' {place} không có trong mẫu kế hoạch; ở đây không có trường nào",
            "field '{found}' {place} is not in the plan format; no fields are allowed here"
        );
    }
    let list = expected.join(", ");
    tr!(
        lang,
        "trường '{found}' {place} không có trong mẫu kế hoạch; các trường được dùng: {list}",
        "field '{found}' {place} is not in the plan format; the fields allowed: {list}"
    )
}
