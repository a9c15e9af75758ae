//! The file's identity: the agency, period and report date most of its rows give, and an
//! unfilled template (one error for the file, not one per row).

use super::checks::{date_error, Ctx};
use super::fields::parse_date;
use super::table::RawRow;
use super::Col;
use crate::diag::{Diagnostic, Excludes, Kind};
use crate::plan::AgencyIdx;
use crate::text::did_you_mean;
use chrono::NaiveDate;
use std::collections::HashMap;

/// The columns a filled-in row gives something in.
const FIGURES: [Col; 7] = [
    Col::Status,
    Col::Progress,
    Col::Activities,
    Col::Female,
    Col::Male,
    Col::Budget,
    Col::Note,
];

/// What the file says it is: each column's most common value as written (with the first row
/// giving it), and what it resolves to in the plan.
#[derive(Debug, Default)]
pub(super) struct Identity {
    pub agency_as_written: Option<(String, usize)>,
    pub period_as_written: Option<(String, usize)>,
    pub date_as_written: Option<(String, usize)>,
    pub agency: Option<AgencyIdx>,
    pub period: Option<String>,
    pub date: Option<NaiveDate>,
}

/// A row with no status and no figures.
pub(super) fn unfilled(ctx: &Ctx, row: &RawRow) -> bool {
    FIGURES.iter().all(|&c| ctx.cell(row, c).is_empty())
}

/// A template nobody filled in: every row unfilled. Its agency and period (for the lists of
/// who reported) and one error.
pub(super) fn unfilled_template(ctx: &Ctx, raw: &[RawRow]) -> Option<(Identity, Diagnostic)> {
    if raw.is_empty() || !raw.iter().all(|row| unfilled(ctx, row)) {
        return None;
    }
    let id = unfilled_identity(ctx, raw);
    let kind = Kind::EmptyReport { tasks: raw.len() };
    Some((
        id,
        Diagnostic::err(ctx.file, kind).excluding(Excludes::File),
    ))
}

/// The agency and period of a table nobody filled in, as the template wrote them (no date).
pub(super) fn unfilled_identity(ctx: &Ctx, raw: &[RawRow]) -> Identity {
    let plan = ctx.plan;
    Identity {
        agency: majority(ctx, raw, Col::Agency).and_then(|(v, _)| plan.find_agency(&v)),
        period: majority(ctx, raw, Col::Period)
            .and_then(|(v, _)| plan.find_period(&v).map(|p| p.id.clone())),
        ..Identity::default()
    }
}

/// The file's agency, period and date: the value most rows give, each checked against the
/// plan; what is missing or unknown is an error that costs the file.
pub(super) fn identify(ctx: &Ctx, raw: &[RawRow], diags: &mut Vec<Diagnostic>) -> Identity {
    let mut id = Identity {
        agency_as_written: majority(ctx, raw, Col::Agency),
        period_as_written: majority(ctx, raw, Col::Period),
        date_as_written: majority(ctx, raw, Col::SubmittedOn),
        ..Identity::default()
    };
    if let Some(first) = raw.first() {
        for (mode, col) in [
            (&id.agency_as_written, Col::Agency),
            (&id.period_as_written, Col::Period),
            (&id.date_as_written, Col::SubmittedOn),
        ] {
            if mode.is_none() {
                let column = ctx.cols.name(col).to_string();
                let d = Diagnostic::err(ctx.file, Kind::NoValue { column });
                diags.push(d.placed(&ctx.at(first, col)).excluding(Excludes::File));
            }
        }
    }
    let plan = ctx.plan;
    if let Some((v, i)) = &id.agency_as_written {
        id.agency = plan.find_agency(v);
        if id.agency.is_none() {
            let near = did_you_mean(v, plan.agency_spellings()).or_else(|| named_within(plan, v));
            let by_name = near
                .is_none()
                .then(|| named_by_file(plan, ctx.file))
                .flatten();
            let kind = Kind::UnknownAgency {
                found: v.clone(),
                by_file_name: by_name.is_some(),
            };
            let d = Diagnostic::err(ctx.file, kind).placed(&ctx.at(&raw[*i], Col::Agency));
            diags.push(d.excluding(Excludes::File).suggest(near.or(by_name)));
        }
    }
    if let Some((v, i)) = &id.period_as_written {
        id.period = plan.find_period(v).map(|p| p.id.clone());
        if id.period.is_none() {
            let hint = did_you_mean(v, plan.periods.iter().map(|p| p.id.as_str()))
                .filter(|id| same_years(v, id));
            let kind = Kind::UnknownPeriod {
                found: v.clone(),
                expected: plan.periods.iter().map(|p| p.id.clone()).collect(),
            };
            let d = Diagnostic::err(ctx.file, kind).placed(&ctx.at(&raw[*i], Col::Period));
            diags.push(d.excluding(Excludes::File).suggest(hint));
        }
    }
    if let Some((v, i)) = &id.date_as_written {
        match parse_date(v) {
            Ok(d) => id.date = Some(d),
            Err(e) => {
                let place = ctx.at(&raw[*i], Col::SubmittedOn);
                let d = date_error(ctx, v, &e).placed(&place);
                diags.push(d.excluding(Excludes::File));
            }
        }
    }
    id
}

/// The agency whose name or alias (of two words or more) the text names within it, the
/// longest such: "Phòng LĐTBXH huyện Thuận Bắc" names "huyện Thuận Bắc", an alias of "UBND
/// huyện Thuận Bắc". Its name, for a "did you mean".
fn named_within<'p>(plan: &'p crate::plan::Plan, found: &str) -> Option<&'p str> {
    let f = format!(" {} ", crate::text::fold(found));
    plan.agencies
        .iter()
        .flat_map(|a| {
            std::iter::once(a.name.as_str())
                .chain(a.aliases.iter().map(String::as_str))
                .map(move |s| (a.name.as_str(), crate::text::fold(s)))
        })
        .filter(|(_, s)| s.contains(' ') && f.contains(&format!(" {s} ")))
        .max_by_key(|(_, s)| s.len())
        .map(|(name, _)| name)
}

/// Every year (four digits in a row) the found period names is in the suggested id: "2025-Q4"
/// is last year's template, not a typo of "2026-Q4".
fn same_years(found: &str, id: &str) -> bool {
    let years = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .map(str::to_string)
            .collect()
    };
    let ids = years(id);
    years(found).iter().all(|y| ids.contains(y))
}

/// The agency whose id the file's name begins with, as a whole token (followed by `_`, `-`, a
/// space, a dot or nothing), after a period id of the plan if the name begins with one: the
/// names bdg's templates are given (`2026-Q1_SYT_so-y-te.xlsx`) and the ones desks use
/// (`SYT_2026-Q1.csv`). Its name, for a "did you mean": of the agencies whose id fits, the one
/// with the longest id, when only one is that long.
fn named_by_file<'p>(plan: &'p crate::plan::Plan, file: &str) -> Option<&'p str> {
    let name = std::path::Path::new(file).file_name()?.to_str()?;
    let after = |s: &str, prefix: &str| -> Option<usize> {
        let head = s.get(..prefix.len())?;
        let rest = &s[prefix.len()..];
        (head.eq_ignore_ascii_case(prefix)
            && rest.chars().next().is_none_or(|c| "_- .".contains(c)))
        .then_some(prefix.len())
    };
    let mut starts = vec![name];
    for p in &plan.periods {
        if let Some(n) = after(name, &p.id).filter(|&n| n < name.len()) {
            starts.push(&name[n + 1..]);
        }
    }
    let fits: Vec<_> = (plan.agencies.iter())
        .filter(|a| !a.id.is_empty() && starts.iter().any(|s| after(s, &a.id).is_some()))
        .collect();
    // `SYT_CS_2021-Q1.csv` fits SYT and SYT_CS: the longer id is the one the name spells out.
    let longest = fits.iter().map(|a| a.id.len()).max()?;
    let mut longest = fits.into_iter().filter(|a| a.id.len() == longest);
    match (longest.next(), longest.next()) {
        (Some(a), None) => Some(a.name.as_str()),
        _ => None,
    }
}

/// The value most rows give for a column, with the first row that gives it.
fn majority(ctx: &Ctx, raw: &[RawRow], c: Col) -> Option<(String, usize)> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, row) in raw.iter().enumerate() {
        let v = ctx.cell(row, c);
        if !v.is_empty() {
            counts.entry(v).or_insert((0, i)).0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(v, (_, first))| (v.to_string(), first))
}
