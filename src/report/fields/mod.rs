//! Field parsers for what people type in Vietnamese and English spreadsheets: one submodule
//! per kind of field; the parsers are used as `fields::parse_date` and so on.

mod columns;
mod dates;
mod numbers;
mod status;

pub use columns::is_harmless_column;
pub use dates::{month_first, parse_date, DateError};
pub use numbers::{parse_in_unit, parse_percent, parse_whole, NumError};
pub use status::Status;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn whole_number_parser_never_panics(s in "\\PC{0,20}") {
            let _ = parse_whole(&s);
            let _ = parse_percent(&s);
            let _ = parse_date(&s);
        }
    }
}
