//! The cycle's rules, case by case: timeliness, states, which file counts.
use super::*;
use crate::plan::OnDueDate;

#[test]
fn timeliness_table() {
    let due = d("2021-06-10");
    #[rustfmt::skip]
    let cases = [
        // submitted on,  rejected, as of,        state,          days late
        (Some("2021-06-01"), false, "2021-06-20", State::OnTime,  None),
        (Some("2021-06-10"), false, "2021-06-20", State::OnTime,  None),
        (Some("2021-06-11"), false, "2021-06-20", State::Late,    Some(1)),
        (Some("2021-06-20"), false, "2021-06-20", State::Late,    Some(10)),
        // dated after the as-of date: never late
        (Some("2021-06-25"), false, "2021-06-20", State::OnTime,  None),
        (Some("2021-09-06"), false, "2021-06-20", State::OnTime,  None),
        (Some("2021-06-14"), false, "2021-06-01", State::OnTime,  None),
        (None,               false, "2021-06-20", State::Missing, Some(10)),
        (None,               false, "2021-06-11", State::Missing, Some(1)),
        (None,               false, "2021-06-10", State::Pending, None),
        (None,               false, "2021-06-01", State::Pending, None),
        (None,               true,  "2021-06-20", State::Rejected, Some(10)),
        (None,               true,  "2021-06-01", State::Rejected, None),
    ];
    for (sub, rejected, as_of, state, days) in cases {
        assert_eq!(
            timeliness(sub.map(d), rejected, due, d(as_of)),
            (state, days),
            "{sub:?} as of {as_of}"
        );
    }
}

fn plan() -> Plan {
    crate::plan::parse(
        include_str!("../../plans/ninh-thuan-2021.yaml"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/plans/ninh-thuan-2021.yaml"),
    )
    .unwrap()
    .0
}

fn report(plan: &Plan, agency: &str, date: &str, note: &str) -> Report {
    let csv = format!(
        "agency,period,submitted_on,task,status,note\n{agency},2021-H1,{date},II.1.a,done,{note}\n"
    );
    crate::report::read(
        csv.as_bytes(),
        &format!("{agency}-{date}-{note}.csv"),
        plan,
        &Default::default(),
    )
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn state_of<'a>(c: &'a Cycle, id: &str) -> &'a AgencyCycle {
    let i = c.plan.find_agency(id).unwrap();
    c.agencies.iter().find(|a| a.agency == i).unwrap()
}

#[test]
fn the_due_date_itself_under_both_readings() {
    let mut p = plan();
    let reports = |p: &Plan| {
        vec![
            report(p, "SYT", "10/06/2021", "a"),
            report(p, "BNT", "11/06/2021", "a"),
        ]
    };
    let rs = reports(&p);
    let period = p.periods[0].clone();
    let c = build(&p, &period, rs, d("2021-06-20"));
    assert_eq!(state_of(&c, "SYT").state, State::OnTime);
    let bnt = state_of(&c, "BNT");
    assert_eq!((bnt.state, bnt.days_late), (State::Late, Some(1)));

    // "trước ngày 10/6" read strictly: the 10th is already one day late.
    p.periods[0].on_due_date = OnDueDate::Late;
    let rs = reports(&p);
    let period = p.periods[0].clone();
    let c = build(&p, &period, rs, d("2021-06-20"));
    let syt = state_of(&c, "SYT");
    assert_eq!((syt.state, syt.days_late), (State::Late, Some(1)));
    assert_eq!(state_of(&c, "BNT").days_late, Some(2));
}

#[test]
fn pending_before_the_deadline_missing_after() {
    let p = plan();
    let period = &p.periods[0];
    let c = build(&p, period, vec![], d("2021-06-10"));
    assert!(c.agencies.iter().all(|a| a.state == State::Pending));
    assert_eq!(c.counts().pending, 25);
    let c = build(&p, period, vec![], d("2021-06-11"));
    let syt = state_of(&c, "SYT");
    assert_eq!((syt.state, syt.days_late), (State::Missing, Some(1)));
    assert_eq!(c.counts().missing, 25);
    assert_eq!(c.counts().reporting_rate(), 0.0);
}

#[test]
fn a_correction_stays_on_time_and_its_figures_count() {
    let p = plan();
    let first = report(&p, "SYT", "08/06/2021", "first");
    let second = report(&p, "SYT", "17/06/2021", "correction");
    let c = build(&p, &p.periods[0], vec![second, first], d("2021-06-20"));
    let syt = state_of(&c, "SYT");
    assert_eq!(syt.state, State::OnTime);
    assert_eq!(syt.submitted_on, Some(d("2021-06-08")));
    let fig = &c.reports[syt.figures_from.unwrap()];
    assert_eq!(fig.rows[0].note, "correction");
    assert!(c.notices.iter().any(|n| n.file.contains("first")
        && matches!(&n.kind, Kind::Superseded { newer } if newer.contains("correction"))));
}

#[test]
fn identical_files_count_once_and_same_day_differences_conflict() {
    let p = plan();
    let a = report(&p, "SYT", "08/06/2021", "x");
    let mut b = a.clone();
    // A copy as a person makes one: its name longer, though it sorts first.
    b.file = a.file.replace(".csv", " - Copy.csv");
    assert!(b.file < a.file);
    let (copy, original) = (b.file.clone(), a.file.clone());
    let c = build(&p, &p.periods[0], vec![a, b], d("2021-06-20"));
    assert_eq!(state_of(&c, "SYT").reports.len(), 1);
    assert!(c.notices.iter().any(|n| n.file == copy
        && matches!(&n.kind, Kind::DuplicateFile { other } if *other == original)));

    let x = report(&p, "SYT", "08/06/2021", "x");
    let y = report(&p, "SYT", "08/06/2021", "y");
    let c = build(&p, &p.periods[0], vec![x, y], d("2021-06-20"));
    let syt = state_of(&c, "SYT");
    // No file's figures count: rejected (overdue, a letter asking which is right), days
    // counted as for a missing report; both files held back.
    assert_eq!((syt.state, syt.days_late), (State::Rejected, Some(10)));
    assert_eq!(syt.figures_from, None);
    assert_eq!(syt.held_back(&c.reports).len(), 2);
    assert_eq!(c.held_back().count(), 1);
    assert_eq!(
        c.notices
            .iter()
            .filter(|n| matches!(&n.kind, Kind::Conflict { files, more: 0 } if files.len() == 2))
            .count(),
        2
    );
}

#[test]
fn other_periods_are_a_notice_and_future_dates_a_warning() {
    let p = plan();
    let csv = "agency,period,submitted_on,task,status\nSYT,2021-Y,08/12/2021,II.1.a,done\n";
    let other = crate::report::read(csv.as_bytes(), "y.csv", &p, &Default::default());
    let future = report(&p, "BNT", "25/06/2021", "f");
    let c = build(&p, &p.periods[0], vec![other, future], d("2021-06-20"));
    assert_eq!(state_of(&c, "SYT").state, State::Missing);
    let n = c
        .notices
        .iter()
        .find(|n| matches!(n.kind, Kind::OtherPeriod { .. }))
        .unwrap();
    let Kind::OtherPeriod {
        found,
        expected,
        found_name,
        rejects,
        ..
    } = &n.kind
    else {
        unreachable!()
    };
    assert_eq!((found.as_str(), expected.as_str()), ("2021-Y", "2021-H1"));
    assert_eq!(found_name.vi, p.find_period("2021-Y").unwrap().name);
    // Dated near its own due date: another period's report, not this one's rejected file.
    assert!(!rejects);
    assert!(!n.kind.changes_a_verdict());
    assert_eq!(n.severity, crate::diag::Severity::Warning);
    let future = Kind::FutureDate {
        date: d("2021-06-25"),
        as_of: d("2021-06-20"),
        swapped: None,
    };
    assert!(c.notices.iter().any(|n| n.kind == future));
    assert_eq!(state_of(&c, "BNT").state, State::OnTime);
    assert_eq!(state_of(&c, "BNT").days_late, None);
}

#[test]
fn a_month_first_date_gets_the_swap_hint_and_an_old_report_is_rejected() {
    let p = plan();
    let typo = report(&p, "BNT", "06/09/2021", "t");
    let old = report(&p, "SYT", "08/12/2020", "o");
    let c = build(&p, &p.periods[0], vec![typo, old], d("2021-06-20"));
    assert!(c.notices.iter().any(|n| n.kind
        == Kind::FutureDate {
            date: d("2021-09-06"),
            as_of: d("2021-06-20"),
            swapped: Some(d("2021-06-09")),
        }));
    assert_eq!(state_of(&c, "BNT").state, State::OnTime);
    assert!(c
        .notices
        .iter()
        .any(|n| n.kind.code() == crate::diag::Code::BeforeWindow && n.file.contains("SYT")));
    let syt = state_of(&c, "SYT");
    assert_eq!((syt.state, syt.rejected.len()), (State::Rejected, 1));
    assert_eq!(c.counts().rejected, 1);
    assert_eq!(c.counts().missing, 23);
}

#[test]
fn an_agency_whose_files_were_all_excluded_is_rejected_not_missing() {
    let p = plan();
    let csv = "agency,period,submitted_on,task,status\nSYT,2021-H1,08/06/21,II.1.a,done\n";
    let bad = crate::report::read(csv.as_bytes(), "syt.csv", &p, &Default::default());
    assert!(!bad.usable());
    let c = build(&p, &p.periods[0], vec![bad], d("2021-06-20"));
    let syt = state_of(&c, "SYT");
    assert_eq!((syt.state, syt.days_late), (State::Rejected, Some(10)));
    assert!(syt.state.is_overdue());
}

#[test]
fn an_agency_not_asked_to_report_is_never_overdue() {
    let mut p = plan();
    let syt = p.find_agency("SYT").unwrap();
    p.periods[0].reporters.retain(|&a| a != syt);
    let late = report(&p, "SYT", "15/06/2021", "l");
    let period = p.periods[0].clone();
    let c = build(&p, &period, vec![late], d("2021-06-20"));
    let a = state_of(&c, "SYT");
    assert!(!a.expected);
    assert_eq!(a.state, State::Late);
    assert!(c.overdue().all(|a| a.agency != syt));
    assert_eq!(c.overdue().count(), c.counts().missing);
}

#[test]
fn a_cycle_whose_only_overdue_agency_is_rejected_is_flagged() {
    // SYT's only file is marked 2021-Y but dated 8/6: meant for 2021-H1, so SYT is
    // rejected; its one diagnostic (other-period) is not a flag by itself.
    let mut p = plan();
    let syt = p.find_agency("SYT").unwrap();
    p.periods[0].reporters = vec![syt];
    let csv = "agency,period,submitted_on,task,status\nSYT,2021-Y,08/06/2021,II.1.a,done\n";
    let file = crate::report::read(csv.as_bytes(), "y.csv", &p, &Default::default());
    let period = p.periods[0].clone();
    let c = build(&p, &period, vec![file], d("2021-06-20"));
    assert_eq!(state_of(&c, "SYT").state, State::Rejected);
    assert_eq!(c.overdue().count(), 1);
    assert!(crate::consolidate::consolidate(&c).flagged());
}

/// The cycle is held for the whole run, one line per agency (tens of thousands in a large
/// plan), with an expected agency's reports and an unexpected one's: no spare room.
#[test]
fn the_cycle_keeps_no_spare_room() {
    let p = plan();
    let syt = report(&p, "SYT", "10/06/2021", "a");
    // The last agency reports, though this period does not ask it to.
    let last = p.agencies.len() - 1;
    let mut period = p.periods[0].clone();
    period.reporters.retain(|&a| a != last);
    let mut unexpected = syt.clone();
    unexpected.agency = Some(last);
    unexpected.file = "unexpected.csv".into();
    let c = build(&p, &period, vec![syt, unexpected], d("2021-06-20"));
    assert_eq!(c.agencies.len(), period.reporters.len() + 1);
    assert_eq!(c.agencies.capacity(), c.agencies.len());
    let syt = state_of(&c, "SYT");
    assert_eq!(syt.reports, [0]);
    assert_eq!(syt.reports.capacity(), 1);
}

/// `copies` sorts out each agency and period apart: a conflict is two different files of one
/// agency and period on its latest date, never files of two agencies, nor an earlier date's.
#[test]
fn copies_finds_conflicts_by_agency_and_period_on_the_latest_date() {
    let p = plan();
    let reports = vec![
        report(&p, "SYT", "08/06/2021", "x"),
        report(&p, "SYT", "08/06/2021", "y"),
        report(&p, "SNV", "08/06/2021", "x"),
        report(&p, "STP", "01/06/2021", "x"),
        report(&p, "STP", "01/06/2021", "y"),
        report(&p, "STP", "05/06/2021", "z"),
    ];
    let sorted = copies(&reports, (0..reports.len()).collect());
    assert!(sorted.copies.is_empty());
    assert_eq!(sorted.conflicts, vec![vec![0, 1]]);
}

/// A later file whose figures count but that lacks a task, or a figure, an earlier one gave:
/// `dropped-tasks` names them; a later "not started" row may leave its figures blank.
#[test]
fn a_later_file_that_lacks_what_an_earlier_gave_is_said() {
    let p = plan();
    let csv = |date: &str, rows: &str| {
        let text = format!("agency,period,submitted_on,task,status,budget_vnd\n{rows}")
            .replace("DATE", date);
        let name = format!("SYT-{date}.csv");
        crate::report::read(text.as_bytes(), &name, &p, &Default::default())
    };
    let first = csv(
        "01/06/2021",
        "SYT,2021-H1,DATE,II.1.a,done,100\nSYT,2021-H1,DATE,II.1.b,done,200\nSYT,2021-H1,DATE,II.2.a,done,300\n",
    );
    let later = csv(
        "08/06/2021",
        "SYT,2021-H1,DATE,II.1.a,done,\nSYT,2021-H1,DATE,II.2.a,not_started,\n",
    );
    let c = build(&p, &p.periods[0], vec![first, later], d("2021-06-20"));
    let dropped: Vec<&Kind> = (c.notices.iter())
        .map(|n| &n.kind)
        .filter(|k| matches!(k, Kind::DroppedTasks { .. }))
        .collect();
    let Some(Kind::DroppedTasks {
        earlier,
        tasks,
        figures,
    }) = dropped.first()
    else {
        panic!("no dropped-tasks in {:?}", c.notices)
    };
    assert_eq!(dropped.len(), 1);
    assert_eq!(earlier, &["SYT-01/06/2021.csv".to_string()]);
    assert_eq!(tasks, &["II.1.b".to_string()]);
    let gaps: Vec<(&str, Vec<&str>)> = (figures.iter())
        .map(|g| {
            (
                g.task.as_str(),
                g.columns.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(gaps, [("II.1.a", vec!["budget_vnd"])]);
    // The later file's figures count all the same.
    assert_eq!(state_of(&c, "SYT").figures_from, Some(1));
}
