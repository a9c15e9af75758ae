//! One output path for the commands. A command builds a [`View`] of its results — the blocks a
//! person reads, the rows a spreadsheet gets ([`Listing`]: columns described once, rows of
//! typed [`Cell`]s) and the value a script gets (anything serde serialises) — and [`emit`]
//! writes the one `--format` asked for. Nothing here reads a file or knows a command.

use crate::lang::Lang;
use crate::output::{self, csv_safe, Format};
use anyhow::Result;
use serde::Serialize;

/// One column: its name in CSV (and JSON) and its header in a table, in each language.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The stable name scripts rely on (CSV header).
    pub key: &'static str,
    /// The table header in Vietnamese.
    pub vi: &'static str,
    /// The table header in English.
    pub en: &'static str,
}

impl Column {
    /// A column named `key` in CSV, headed `vi` / `en` in a table.
    pub const fn new(key: &'static str, vi: &'static str, en: &'static str) -> Self {
        Column { key, vi, en }
    }
}

/// One cell of a [`Listing`].
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing (an empty CSV field).
    Empty,
    /// A count or a line number.
    Int(u64),
    /// Text the plan or the program wrote: written as it is (a formula-like start made inert
    /// in CSV).
    Text(String),
    /// Text quoted from a file someone sent: control characters made visible and cut to
    /// [`crate::text::MAX_MESSAGE_CHARS`] before it reaches a terminal or a spreadsheet.
    Quoted(String),
}

impl Cell {
    /// A cell for an optional number: [`Cell::Empty`] when there is none.
    pub fn opt_int(n: Option<impl Into<u64>>) -> Cell {
        n.map_or(Cell::Empty, |n| Cell::Int(n.into()))
    }

    /// The cell's text, made safe where it quotes a file.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Int(n) => n.to_string(),
            Cell::Text(s) => s.clone(),
            Cell::Quoted(s) => crate::text::for_message(s),
        }
    }

    /// The cell's text in a CSV field: a text that a spreadsheet would run as a formula
    /// made inert.
    fn csv_text(&self) -> String {
        match self {
            Cell::Empty | Cell::Int(_) => self.text(),
            Cell::Text(_) | Cell::Quoted(_) => csv_safe(&self.text()).into_owned(),
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

/// Rows under columns: what becomes a terminal table or a CSV file.
#[derive(Clone, Debug, Default)]
pub struct Listing {
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The rows, one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

impl Listing {
    /// An empty listing under these columns.
    pub fn new(columns: &[Column]) -> Self {
        Listing {
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; it must have one cell per column.
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len(), "one cell per column");
        self.rows.push(row);
    }

    /// The listing as a comfy-table table in bdg's style, headers in `lang`.
    pub fn table(&self, lang: Lang) -> comfy_table::Table {
        let header = self.columns.iter().map(|c| lang.pick(c.vi, c.en)).collect();
        let mut t = output::table(header);
        for row in &self.rows {
            t.add_row(row.iter().map(Cell::text).collect::<Vec<_>>());
        }
        t
    }

    /// The listing as CSV: the stable column names, then every row, each text cell that a
    /// spreadsheet would run as a formula made inert.
    pub fn csv(&self) -> Result<String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(self.columns.iter().map(|c| c.key))?;
        for row in &self.rows {
            w.write_record(row.iter().map(Cell::csv_text))?;
        }
        Ok(String::from_utf8(w.into_inner()?)?)
    }

    /// The listing as a CSV file for a person opening it in Excel: a UTF-8 BOM (Excel reads
    /// the marks right), `;` between fields (Excel's separator where the decimal mark is a
    /// comma), CRLF line ends, the table headers in `lang`, each text cell that Excel would
    /// run as a formula made inert. Scripts read [`Listing::csv`].
    pub fn excel_csv(&self, lang: Lang) -> Result<String> {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        w.write_record(self.columns.iter().map(|c| lang.pick(c.vi, c.en)))?;
        for row in &self.rows {
            w.write_record(row.iter().map(Cell::csv_text))?;
        }
        Ok(format!("\u{feff}{}", String::from_utf8(w.into_inner()?)?))
    }
}

/// One block of what a person reads, in order.
#[derive(Clone, Debug)]
pub enum Block {
    /// Lines of text, written as they are (each ends with its own line end).
    Text(String),
    /// A table, followed by a line end.
    Table(Listing),
}

/// A command's results in every form it is written in.
pub struct View<J: Serialize> {
    /// What a person reads (`--format table`).
    pub blocks: Vec<Block>,
    /// The rows a spreadsheet gets (`--format csv`).
    pub csv: Listing,
    /// The value a script gets (`--format json`), written pretty with a final line end.
    pub json: J,
}

impl<J: Serialize> View<J> {
    /// The view as text in `format`, headers and words in `lang`.
    pub fn render(&self, format: Format, lang: Lang) -> Result<String> {
        Ok(match format {
            Format::Json => serde_json::to_string_pretty(&self.json)? + "\n",
            Format::Csv => self.csv.csv()?,
            Format::Table => {
                let mut out = String::new();
                for b in &self.blocks {
                    match b {
                        Block::Text(s) => out.push_str(s),
                        Block::Table(l) => out.push_str(&format!("{}\n", l.table(lang))),
                    }
                }
                out
            }
        })
    }
}

/// Writes `view` to stdout in `format`: the one place a command's results are printed.
pub fn emit<J: Serialize>(view: &View<J>, format: Format, lang: Lang) -> Result<()> {
    output::print(&view.render(format, lang)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLS: [Column; 2] = [
        Column::new("name", "Tên", "Name"),
        Column::new("n", "Số", "Count"),
    ];

    fn view() -> View<serde_json::Value> {
        let mut l = Listing::new(&COLS);
        l.push(vec!["=SUM(A1)".into(), Cell::Int(3)]);
        l.push(vec![Cell::Quoted("a\u{1b}b".into()), Cell::Empty]);
        View {
            blocks: vec![Block::Text("title\n".into()), Block::Table(l.clone())],
            csv: l,
            json: serde_json::json!({"n": 3}),
        }
    }

    #[test]
    fn csv_has_keys_inert_formulas_and_visible_controls() {
        let s = view().render(Format::Csv, Lang::En).unwrap();
        assert_eq!(s, "name,n\n'=SUM(A1),3\na␛b,\n");
    }

    #[test]
    fn excel_csv_has_a_bom_semicolons_crlf_and_headers_in_the_language() {
        let s = view().csv.excel_csv(Lang::Vi).unwrap();
        assert_eq!(s, "\u{feff}Tên;Số\r\n'=SUM(A1);3\r\na␛b;\r\n");
        assert!(view()
            .csv
            .excel_csv(Lang::En)
            .unwrap()
            .starts_with("\u{feff}Name;Count\r\n"));
    }

    #[test]
    fn table_headers_follow_the_language() {
        let vi = view().render(Format::Table, Lang::Vi).unwrap();
        let en = view().render(Format::Table, Lang::En).unwrap();
        assert!(vi.starts_with("title\n") && vi.contains("Tên") && !vi.contains("Name"));
        assert!(en.contains("Count") && en.contains("a␛b") && en.ends_with("┘\n"));
    }

    #[test]
    fn json_is_pretty_with_a_line_end() {
        let s = view().render(Format::Json, Lang::Vi).unwrap();
        assert_eq!(s, "{\n  \"n\": 3\n}\n");
    }
}
