//! From the plan file's text to a validated [`Plan`], with every problem as a located diagnostic.

use super::file::*;
use super::locate::{Locator, Place};
use super::*;
use crate::diag::{Code, Diagnostic, Kind};
use crate::text::{did_you_mean, nfc};
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read at all.
    Io(String, std::io::Error),
    /// The path is not a regular file (a device, FIFO, directory): never opened; the
    /// diagnostic (`not-a-file`) says what it is.
    NotAFile(Box<Diagnostic>),
    /// The file was read; these diagnostics (at least one error) say why it is rejected.
    Invalid(Vec<Diagnostic>),
}

/// Reads and validates a plan file. Warnings come back beside the plan.
pub fn load(path: &Path) -> Result<(Plan, Vec<Diagnostic>), LoadError> {
    let name = path.display().to_string();
    let bytes = match crate::fsx::read_limited(path, MAX_PLAN_BYTES) {
        Ok(b) => b,
        Err(crate::fsx::ReadLimited::Io(e)) => return Err(LoadError::Io(name, e)),
        Err(crate::fsx::ReadLimited::NotAFile(what)) => {
            return Err(LoadError::NotAFile(Box::new(Diagnostic::err(
                &name,
                Kind::PlanNotAFile {
                    what: what.to_string(),
                },
            ))));
        }
        Err(crate::fsx::ReadLimited::TooLarge { bytes: size }) => {
            let (mb, max) = (size / (1024 * 1024), MAX_PLAN_BYTES / (1024 * 1024));
            return Err(LoadError::Invalid(vec![Diagnostic::err(
                &name,
                Kind::PlanTooLarge { mb, max_mb: max },
            )]));
        }
    };
    let src = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            return Err(LoadError::Invalid(vec![Diagnostic::err(
                &name,
                Kind::NotUtf8 { offset: at },
            )
            .at_line(line)]));
        }
    };
    parse(&src, &name).map_err(LoadError::Invalid)
}

/// Parses and validates plan text; `file` names it in diagnostics.
pub fn parse(src: &str, file: &str) -> Result<(Plan, Vec<Diagnostic>), Vec<Diagnostic>> {
    let src = nfc(src.strip_prefix('\u{feff}').unwrap_or(src));
    let raw: PlanFile = match crate::yaml::from_str(&src) {
        Ok(p) => p,
        Err(e) => return Err(vec![yaml_diagnostic(file, e)]),
    };
    let (included, mut include_diags) = super::include::load_all(file, &raw.include);
    let mut v = Validator {
        file,
        loc: Locator::new(&src),
        diags: Vec::new(),
    };
    indicators::place_includes(&v.loc, file, &mut include_diags);
    v.diags.append(&mut include_diags);
    let plan = v.plan(raw, included);
    if v.diags.iter().any(Diagnostic::is_error) {
        Err(v.diags)
    } else {
        Ok((plan, v.diags))
    }
}

pub(super) fn yaml_diagnostic(file: &str, e: crate::yaml::YamlError) -> Diagnostic {
    use crate::yaml::YamlErrorKind;
    let message = e.message;
    let mut suggestion = None;
    let kind = match e.kind {
        YamlErrorKind::UnknownField => {
            // "unknown field `lede`, expected one of `id`, `text`, …": suggest the nearest.
            let ticks: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
            if let Some((found, expected)) = ticks.split_first() {
                suggestion = did_you_mean(found, expected.iter().copied()).map(str::to_string);
            }
            Kind::UnknownField { message }
        }
        YamlErrorKind::Syntax => Kind::Yaml { message },
        YamlErrorKind::Alias => Kind::YamlAlias { alias: message },
        YamlErrorKind::TooDeep => Kind::TooDeep { max: MAX_DEPTH },
    };
    let mut d = Diagnostic::err(file, kind).suggest(suggestion.as_deref());
    d.line = e.line;
    d.column = e.column;
    d
}

/// How deep items may nest under a section: the source uses two levels (1 → a).
pub const MAX_DEPTH: usize = 8;

/// Plan files larger than this are refused before parsing.
pub const MAX_PLAN_BYTES: u64 = 16 * 1024 * 1024;

mod agencies;
mod indicators;
mod periods;
mod sections;

struct Validator<'a> {
    file: &'a str,
    loc: Locator<'a>,
    diags: Vec<Diagnostic>,
}

/// What an assignment list in the file names: agencies, groups, or `all`.
#[derive(Clone)]
enum Resolved {
    All,
    Some(Vec<AgencyIdx>),
}

impl Validator<'_> {
    fn error(&mut self, at: Place, kind: Kind) {
        self.error_suggesting(at, kind, None)
    }

    fn error_suggesting(&mut self, at: Place, kind: Kind, suggestion: Option<&str>) {
        let (l, c) = at.pos();
        let d = Diagnostic::err(self.file, kind)
            .at(l, c)
            .suggest(suggestion);
        self.diags.push(d);
    }

    /// The plan from its file: one step per concern (agencies, groups, coordinator, periods,
    /// sections and their items), each reporting its own problems, in the file's order.
    fn plan(&mut self, raw: PlanFile, included: Vec<super::include::Included>) -> Plan {
        let (agencies, ids) = self.agencies(raw.agencies);
        let agency_keys = self.agency_keys(&agencies);
        let groups = self.groups(raw.groups, &ids, &agencies);
        self.expanded_from(&agencies, &groups);
        let group_ids = groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.clone(), i))
            .collect();
        let ctx = Ctx {
            ids: &ids,
            group_ids: &group_ids,
            groups: &groups,
            agencies: &agencies,
        };
        let coordinator = self.coordinator(&raw.plan.coordinator, &ids, &agencies);
        let plan_at = self.loc.path(&[("plan", ""), ("id", &raw.plan.id)], None);
        self.safe_id("plan", &raw.plan.id, plan_at);
        self.year(raw.plan.year);
        let year = raw.plan.year;
        let periods = self.periods(raw.periods, raw.reporters.as_deref(), year, &ctx);
        let (sections, tasks, task_keys) = self.sections(raw.sections, &ctx, &periods);
        let indicators = self.indicators(included, raw.indicators, &ctx, &periods);
        let date = raw.plan.date.as_deref().and_then(|d| {
            let at = self.loc.key(Place::default(), "plan").unwrap_or_default();
            self.date(d, at, "date", year)
        });
        self.empty_plan(agencies.is_empty(), periods.is_empty(), tasks.is_empty());
        self.reply_days(raw.report.reply_days);
        let (mut meta, report) = heading(raw.plan, raw.report, coordinator, &agencies);
        meta.date = date;
        Plan {
            meta,
            report,
            periods,
            agencies,
            groups,
            sections,
            tasks,
            indicators,
            agency_keys: super::AgencyKeys::new(agency_keys),
            task_keys,
        }
    }

    /// `report.reply_days`, when given, is at least one day: letters are dated the as-of date
    /// and ask for the report before the reply-by date.
    fn reply_days(&mut self, days: Option<u32>) {
        if days == Some(0) {
            let at = self.loc.path(&[("report", ""), ("reply_days", "")], None);
            self.error(at, Kind::ZeroReplyDays);
        }
    }

    /// A plan with no agencies, periods or tasks is an error, unless something else already
    /// explains it.
    fn empty_plan(&mut self, no_agencies: bool, no_periods: bool, no_tasks: bool) {
        let top = Place::default();
        let nothing_else_wrong = !self.diags.iter().any(Diagnostic::is_error);
        if nothing_else_wrong
            && (no_agencies
                || no_periods && !self.diags.iter().any(|d| d.code() == Code::MissingDueDate)
                || no_tasks)
        {
            let missing = match (no_agencies, no_periods, no_tasks) {
                (true, _, _) => "agencies",
                (_, true, _) => "periods",
                _ => "sections",
            }
            .to_string();
            self.error(top, Kind::EmptyPlan { missing });
        }
    }
}

/// The plan's heading and the report's, from the file (the report's issuing body defaults to
/// the coordinator's name).
fn heading(
    plan: MetaFile,
    r: ReportFile,
    coordinator: AgencyIdx,
    agencies: &[Agency],
) -> (Meta, ReportHeading) {
    let coordinator_name = agencies
        .get(coordinator)
        .map(|a| a.name.to_uppercase())
        .unwrap_or_default();
    (
        Meta {
            id: plan.id,
            title: plan.title,
            title_en: plan.title_en,
            issuer: plan.issuer,
            issuer_en: plan.issuer_en,
            province: plan.province.clone(),
            year: plan.year,
            legal_basis: plan.legal_basis,
            cited_documents: plan.cited_documents,
            coordinator,
            recipient: plan.recipient,
            recipient_en: plan.recipient_en,
            signer: plan.signer,
            distribution: plan.distribution,
            number: plan.number,
            date: None,
        },
        ReportHeading {
            parent_body: r.parent_body,
            parent_body_en: r.parent_body_en,
            issuing_body: r.issuing_body.unwrap_or(coordinator_name),
            issuing_body_en: r.issuing_body_en,
            document_code: r.document_code,
            place: r.place.or(plan.province).unwrap_or_default(),
            signer_title: r.signer_title,
            signer_title_en: r.signer_title_en,
            signer_name: r.signer_name,
            recipients: r.recipients,
            report_number: r.report_number,
            letter_number: r.letter_number,
            reply_days: r.reply_days.unwrap_or(5),
            letter_recipients: r.letter_recipients,
        },
    )
}

struct Ctx<'a> {
    ids: &'a HashMap<String, AgencyIdx>,
    /// Group ids to their place in `groups`.
    group_ids: &'a HashMap<String, usize>,
    groups: &'a [Group],
    agencies: &'a [Agency],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_hold_the_names_that_did_not_resolve() {
        let src = include_str!("../../../tests/fixtures/plans/many-errors.yaml");
        let diags = parse(src, "p.yaml").unwrap_err();
        let has = |k: Kind| diags.iter().any(|d| d.kind == k);
        assert!(has(Kind::UnknownCoordinator {
            found: "NOBODY".into()
        }));
        assert!(has(Kind::UnknownAssignee {
            found: "GHOST".into(),
            reporters: true
        }));
        let lead = diags
            .iter()
            .find(|d| d.kind.code() == Code::UnknownAgency)
            .unwrap();
        assert_eq!(
            lead.kind,
            Kind::UnknownAssignee {
                found: "SYTT".into(),
                reporters: false
            }
        );
        assert_eq!(lead.suggestion.as_deref(), Some("SYT"));
    }

    #[test]
    fn a_period_without_a_due_date_says_which() {
        let src = include_str!("../../../tests/fixtures/plans/missing-due.yaml");
        let diags = parse(src, "p.yaml").unwrap_err();
        assert!(diags
            .iter()
            .any(|d| matches!(&d.kind, Kind::MissingDueDate { period, .. } if !period.is_empty())));
    }
}

#[cfg(test)]
mod fuzz_tests {
    use proptest::prelude::*;

    const SEED: &str = include_str!("../../../plans/ninh-thuan-2021.yaml");

    proptest! {
        #[test]
        fn fuzz_any_text(text in "\\PC{0,400}") {
            let _ = super::parse(&text, "p.yaml");
        }

        #[test]
        fn fuzz_mutated_plans(edits in proptest::collection::vec((any::<usize>(), any::<char>()), 1..8), cut in any::<usize>()) {
            let mut chars: Vec<char> = SEED.chars().collect();
            for (at, c) in edits {
                let i = at % chars.len();
                chars[i] = c;
            }
            chars.truncate(cut % (chars.len() + 1));
            let text: String = chars.into_iter().collect();
            if let Err(diags) = super::parse(&text, "p.yaml") {
                prop_assert!(diags.iter().any(|d| d.is_error()));
            }
        }
    }

    #[test]
    fn replay_the_saved_fuzz_corpus() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/plan");
        let mut n = 0;
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let bytes = std::fs::read(e.path()).unwrap();
            let _ = super::parse(&String::from_utf8_lossy(&bytes), "corpus");
            n += 1;
        }
        assert!(n > 0, "the corpus in {} is empty", dir.display());
    }
}
