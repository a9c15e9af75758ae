//! The one integration-test binary: runs the real `bdg` on fixtures and the shipped example.
//! One module per area; `common` holds every shared helper.

mod common;

mod agency_evidence;
mod agency_excluded;
mod agency_sheets;
mod appendix_dates;
mod byte_identity;
mod check;
mod codes;
mod consolidate;
mod corrections;
mod deadlines;
mod diagnostics;
mod documents;
mod docx_stream;
mod english_names;
mod flags;
mod formats;
mod hardening;
mod hostile;
mod hostile_bombs;
mod hostile_docx;
mod hostile_environment;
mod hostile_outputs;
mod indicator_outputs;
mod indicator_periods;
mod indicators;
mod many_copies;
mod other_workbooks;
mod outputs_beside_reports;
#[cfg(unix)]
mod permissions;
mod plan;
mod plan_checks;
mod plan_date_hints;
mod plan_import;
mod plan_roles;
mod plan_v2;
mod remarks;
mod remind_edited;
mod remind_stale;
mod remind_together;
mod scale;
mod streaming;
mod table_headers;
mod table_widths;
mod template_use;
mod templates;
mod truth;
mod verdicts;
mod wide_rows;
mod windows_2026;
mod wording;
mod workbook;
