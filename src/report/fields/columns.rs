//! Columns people add to a report that bdg ignores without a word.

/// Columns people add to a report that bdg does not read and need not mention: a row number,
/// an extra note, a signature. Folded (see [`crate::text::fold`]).
const HARMLESS_COLUMNS: &[&str] = &[
    "stt",
    "tt",
    "so tt",
    "so thu tu",
    "no",
    "ghi chu them",
    "ghi chu khac",
    "chu thich",
    "nguoi bao cao",
    "nguoi lap",
    "ky ten",
];

/// A column a person added that is ignored without a word: `STT`, `Ghi chú thêm` …
pub fn is_harmless_column(header: &str) -> bool {
    let folded = crate::text::fold(header);
    // A header of signs only (`#`) folds to nothing.
    HARMLESS_COLUMNS.contains(&folded.as_str()) || folded.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_columns_are_harmless_and_report_columns_are_not() {
        for h in ["STT", "Số TT", "#", "Ghi chú thêm", "No."] {
            assert!(is_harmless_column(h), "{h}");
        }
        for h in ["Tình trạng", "status", "Ghi chú", "Nữ"] {
            assert!(!is_harmless_column(h), "{h}");
        }
    }
}
