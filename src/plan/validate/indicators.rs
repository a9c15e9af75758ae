//! The plan's indicators: those of the included files, then the plan's own entries (a full
//! definition, or `id` + `reporters` naming who reports an included one).

use super::{Ctx, Resolved, Validator};
use crate::diag::{Diagnostic, Kind};
use crate::plan::include::Included;
use crate::plan::indicators::*;
use crate::plan::locate::{Locator, Place};
use crate::plan::Period;

/// What an indicator is checked against: the agencies, and the plan's periods with the default
/// ones (the annual report).
struct IndCtx<'a, 'c> {
    ctx: &'a Ctx<'c>,
    periods: &'a [Period],
    annual: &'a [String],
}

impl Validator<'_> {
    /// One step of [`Validator::plan`]: every indicator, each problem placed in its own file.
    pub(super) fn indicators(
        &mut self,
        included: Vec<Included>,
        own: Vec<IndicatorFile>,
        ctx: &Ctx,
        periods: &[Period],
    ) -> Vec<Indicator> {
        let annual = annual_periods(periods);
        let ctx = &IndCtx {
            ctx,
            periods,
            annual: &annual,
        };
        let mut out: Vec<Indicator> = Vec::new();
        for inc in included {
            let mut sub = Validator {
                file: &inc.name,
                loc: Locator::new(&inc.src),
                diags: Vec::new(),
            };
            for raw in inc.file.indicators {
                sub.define(raw, ctx, &mut out);
            }
            self.diags.append(&mut sub.diags);
        }
        for raw in own {
            if raw.name.is_some() {
                self.define(raw, ctx, &mut out);
            } else {
                self.assign(raw, ctx, &mut out);
            }
        }
        out
    }

    fn indicator_at(&self, id: &str) -> Place {
        let top = Place::default();
        let list = self.loc.key(top, "indicators").unwrap_or(top);
        self.loc.key_value(list, "id", id).unwrap_or(list)
    }

    /// `id` + `reporters`: who reports an indicator defined elsewhere.
    fn assign(&mut self, raw: IndicatorFile, ctx: &IndCtx, out: &mut [Indicator]) {
        let at = self.indicator_at(&raw.id);
        let Some(i) = out.iter().position(|x| x.id == raw.id) else {
            let hint = crate::text::did_you_mean(&raw.id, out.iter().map(|x| x.id.as_str()));
            self.error_suggesting(at, Kind::UnknownIndicator { found: raw.id }, hint);
            return;
        };
        out[i].reporters = self.reporters(raw.reporters.as_deref(), at, ctx.ctx);
        if let Some(list) = &raw.periods {
            out[i].periods = self.indicator_periods(list, at, ctx);
        }
    }

    /// An indicator's `periods`: ids of the plan's periods, kept in the plan's order.
    fn indicator_periods(&mut self, list: &[String], near: Place, ctx: &IndCtx) -> Vec<String> {
        let near = self.loc.key(near, "periods").unwrap_or(near);
        for p in list.iter().map(|p| p.trim()) {
            if !ctx.periods.iter().any(|x| x.id == p) {
                let at = self.loc.scalar(near, p).unwrap_or(near);
                let ids = ctx.periods.iter().map(|x| x.id.as_str());
                let hint = crate::text::did_you_mean(p, ids);
                let kind = Kind::UnknownTaskPeriod {
                    found: p.to_string(),
                };
                self.error_suggesting(at, kind, hint);
            }
        }
        (ctx.periods.iter())
            .filter(|x| list.iter().any(|p| p.trim() == x.id))
            .map(|x| x.id.clone())
            .collect()
    }

    fn reporters(&mut self, list: Option<&[String]>, at: Place, ctx: &Ctx) -> Vec<usize> {
        match list.map(|l| self.resolve(ctx, l, at, true)) {
            None => Vec::new(),
            Some(Resolved::All) => (0..ctx.agencies.len()).collect(),
            Some(Resolved::Some(v)) => v,
        }
    }

    fn bad(&mut self, at: Place, id: &str, field: &str) {
        let kind = Kind::BadIndicator {
            id: id.to_string(),
            field: field.to_string(),
        };
        self.error(at, kind);
    }

    /// A full definition: name, kind (a ratio names its parts), direction, targets by year.
    fn define(&mut self, raw: IndicatorFile, ctx: &IndCtx, out: &mut Vec<Indicator>) {
        let at = self.indicator_at(&raw.id);
        let id = raw.id.trim().to_string();
        if out.iter().any(|x| x.id == id) {
            self.error(at, Kind::DuplicateIndicator { id });
            return;
        }
        let field_at = |v: &Self, key: &str| v.loc.key(at, key).unwrap_or(at);
        let unit = raw.unit.clone().unwrap_or_default();
        let percent = unit.contains('%');
        let kind = match raw.kind.as_deref().map(str::trim) {
            Some("ratio") => match (&raw.numerator, &raw.denominator) {
                (Some(n), Some(d)) => Some(IndicatorKind::Ratio {
                    numerator: n.clone(),
                    denominator: d.clone(),
                    scale: raw.scale.unwrap_or(if percent { 100.0 } else { 1.0 }),
                }),
                (None, _) => {
                    self.bad(field_at(self, "kind"), &id, "numerator");
                    None
                }
                (_, None) => {
                    self.bad(field_at(self, "kind"), &id, "denominator");
                    None
                }
            },
            Some("count") => Some(IndicatorKind::Count),
            Some("value") => Some(IndicatorKind::Value),
            _ => {
                self.bad(field_at(self, "kind"), &id, "kind");
                None
            }
        };
        let direction = match raw.direction.as_deref().map(str::trim) {
            Some("at_least") => Some(Direction::AtLeast),
            Some("at_most") => Some(Direction::AtMost),
            _ => {
                self.bad(field_at(self, "direction"), &id, "direction");
                None
            }
        };
        if raw.targets.keys().any(|y| !(1900..=2200).contains(y))
            || raw.targets.values().any(|v| !v.is_finite())
        {
            self.bad(field_at(self, "targets"), &id, "targets");
        }
        let plausible = match raw.plausible {
            Some([lo, hi]) if lo <= hi => Some((lo, hi)),
            Some(_) => {
                self.bad(field_at(self, "plausible"), &id, "plausible");
                None
            }
            None => percent.then_some((0.0, 100.0)),
        };
        let reporters = self.reporters(raw.reporters.as_deref(), at, ctx.ctx);
        let periods = match &raw.periods {
            Some(list) => self.indicator_periods(list, at, ctx),
            None => ctx.annual.to_vec(),
        };
        let (Some(kind), Some(direction)) = (kind, direction) else {
            return;
        };
        out.push(Indicator {
            id,
            name: raw.name.unwrap_or_default(),
            name_en: raw.name_en,
            unit,
            unit_en: raw.unit_en,
            kind,
            direction,
            targets: raw.targets.into_iter().collect(),
            plausible,
            source: raw.source.map(|s| Source {
                resolution: s.resolution,
                goal: s.goal,
                target: s.target,
            }),
            reporters,
            periods,
        });
    }
}

/// Include problems are the including file's: placed at its `include:` key when it is the plan.
pub(super) fn place_includes(loc: &Locator, file: &str, diags: &mut [Diagnostic]) {
    let at = loc.key(Place::default(), "include");
    for d in diags
        .iter_mut()
        .filter(|d| d.file == file && d.line.is_none())
    {
        if let Some(p) = at {
            let (l, c) = p.pos();
            (d.line, d.column) = (Some(l), Some(c));
        }
    }
}
