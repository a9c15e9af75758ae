//! The one integration-test binary: runs the real `bdg` on fixtures and the shipped example.
//! One module per area; `common` holds every shared helper.

mod common;

mod check;
mod consolidate;
mod deadlines;
mod hardening;
mod hostile;
mod hostile_outputs;
mod other_workbooks;
mod outputs_beside_reports;
#[cfg(unix)]
mod permissions;
mod plan;
mod scale;
mod templates;
