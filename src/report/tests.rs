//! The reader on a small plan built here: values, places and kinds of what it finds.

use super::*;
use crate::diag::Kind;
use crate::plan::Plan;
use chrono::NaiveDate;

/// A small plan built here: two agencies, one period, tasks II.1.a–b (all agencies) and
/// IV.8, IV.15.a–b (SYT).
const PLAN: &str = "
plan:
  id: t
  title: Kế hoạch thử
  issuer: UBND tỉnh Thử
  year: 2021
  coordinator: SLDTBXH
  recipient: Bộ
periods:
  - id: 2021-H1
    name: 6 tháng đầu năm 2021
    due: 2021-06-10
agencies:
  - id: SLDTBXH
    name: Sở Lao động - Thương binh và Xã hội
  - id: SYT
    name: Sở Y tế
sections:
  - id: II
    title: Nội dung
    lead: [all]
    items:
      - id: '1'
        text: Tuyên truyền
        items:
          - id: a
            text: Hội nghị
          - id: b
            text: Tờ rơi
  - id: IV
    title: Tổ chức thực hiện
    items:
      - id: '8'
        text: Truyền thông về mất cân bằng giới tính khi sinh
        lead: [SYT]
      - id: '15'
        text: Các đơn vị khác
        lead: [SYT]
        items:
          - id: a
            text: Báo cáo
          - id: b
            text: Kiểm tra
";

fn plan() -> Plan {
    crate::plan::parse(PLAN, "plan.yaml").unwrap().0
}

fn codes(r: &Report) -> Vec<(&str, Option<u32>, Option<u32>)> {
    r.diagnostics
        .iter()
        .map(|d| (d.code().as_str(), d.line, d.column))
        .collect()
}

const HEAD: &str = "Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng,Tiến độ (%),Số hoạt động,Số người tham gia nữ,Số người tham gia nam,Kinh phí (đồng),Ghi chú / Kết quả\n";

fn kinds(r: &Report) -> Vec<Kind> {
    r.diagnostics.iter().map(|d| d.kind.clone()).collect()
}

#[test]
fn row_problems_carry_what_was_found() {
    let p = plan();
    let src = format!(
        "{HEAD}SYT,2021-H1,08/06/2021,IV.8,xong roi,,,,,,\n\
         SYT,2021-H1,09/06/2021,II.1.a,done,,,,,,\n\
         SYT,2021-H1,08/06/2021,II.1.b,done,,,-3,,,\n\
         SYT,2021-H1,08/06/2021,IV.15.a,done,,,,,,\n\
         SYT,2021-H1,08/06/2021,IV.15.a,done,,,,,,\n"
    );
    let r = read(src.as_bytes(), "a.csv", &p, &ReadOptions::default());
    let k = kinds(&r);
    let status = Kind::BadStatus {
        found: "xong roi".into(),
    };
    assert!(k.contains(&status), "{k:?}");
    let file_date = NaiveDate::from_ymd_opt(2021, 6, 8).unwrap();
    let mixed = Kind::MixedDate {
        found: "09/06/2021".into(),
        file_date,
    };
    assert!(k.contains(&mixed), "{k:?}");
    let negative = Kind::Negative {
        column: "Số người tham gia nữ".into(),
        found: "-3".into(),
    };
    assert!(k.contains(&negative), "{k:?}");
    let again = Kind::RepeatedTask {
        task: "IV.15.a".into(),
        first_line: 5,
    };
    assert!(k.contains(&again), "{k:?}");
}

#[test]
fn reads_a_clean_report() {
    let p = plan();
    let src = format!("{HEAD}SYT,2021-H1,08/06/2021,IV.8,hoàn thành,100,3,120,80,\"1.500.000\",Đã tổ chức\nSYT,2021-H1,08/06/2021,ii-1-a,đang thực hiện,\"85,5\",1,10,5,0,\n");
    let r = read(src.as_bytes(), "a.csv", &p, &ReadOptions::default());
    assert!(r.usable());
    assert_eq!(r.rows.len(), 2);
    assert_eq!(p.agencies[r.agency.unwrap()].id, "SYT");
    assert_eq!(r.submitted_on, NaiveDate::from_ymd_opt(2021, 6, 8));
    assert_eq!(r.rows[0].budget_vnd, Some(1_500_000));
    assert_eq!(r.rows[1].progress, Some(85.5));
    assert_eq!(p.tasks[r.rows[1].task].id, "II.1.a");
    assert_eq!(r.errors(), 0, "{:?}", codes(&r));
}

#[test]
fn bad_cells_are_located_like_an_editor() {
    let p = plan();
    let src = format!("{HEAD}SYT,2021-H1,08/06/2021,IV.8,hoàn thành,100,3,120,80,0,x\nSYT,2021-H1,08/06/2021,II.5.a,hoan thanh,1,1,1,1,0,\nSYT,2021-H1,08/06/2021,II.1.a,xong roi,1,1,mười,1,0,\n");
    let r = read(src.as_bytes(), "a.csv", &p, &ReadOptions::default());
    let c = codes(&r);
    assert!(c.contains(&("unknown-task", Some(3), Some(24))), "{c:?}");
    assert!(c.contains(&("bad-status", Some(4), Some(31))), "{c:?}");
    assert!(c.contains(&("bad-number", Some(4), Some(44))), "{c:?}");
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.excluded_rows(), 2);
}

#[test]
fn empty_template_is_one_error() {
    let p = plan();
    let src =
        format!("{HEAD}SYT,2021-H1,08/06/2021,IV.8,,,,,,,\nSYT,2021-H1,08/06/2021,II.1.a,,,,,,,\n");
    let r = read(src.as_bytes(), "a.csv", &p, &ReadOptions::default());
    assert_eq!(r.errors(), 1, "{:?}", codes(&r));
    assert_eq!(
        r.diagnostics.iter().find(|d| d.is_error()).unwrap().kind,
        Kind::EmptyReport { tasks: 2 }
    );
}

#[test]
fn tasks_of_others_count_with_a_warning_and_own_tasks_left_out_are_listed() {
    let p = plan();
    let src = format!("{HEAD}SLDTBXH,2021-H1,08/06/2021,IV.8,done,,,,,,\n");
    let r = read(src.as_bytes(), "b.csv", &p, &ReadOptions::default());
    assert_eq!(r.rows.len(), 1);
    let not_assigned = Kind::NotAssigned {
        task: "IV.8".into(),
        owners: vec!["SYT".into()],
    };
    let own = Kind::TaskNotReported {
        tasks: vec!["II.1.a".into(), "II.1.b".into()],
    };
    assert_eq!(kinds(&r), vec![not_assigned, own]);

    let src = format!("{HEAD}SYT,2021-H1,08/06/2021,IV.8,done,,,,,,\n");
    let r = read(src.as_bytes(), "c.csv", &p, &ReadOptions::default());
    let left_out = Kind::TaskNotReported {
        // In plan order.
        tasks: ["II.1.a", "II.1.b", "IV.15.a", "IV.15.b"]
            .map(String::from)
            .to_vec(),
    };
    assert_eq!(kinds(&r), vec![left_out]);
}

/// Every command holds one report per file, all at once (50,000 files in a large run): a
/// report read keeps no spare room for diagnostics, and stays small.
#[test]
fn a_report_read_keeps_no_spare_room() {
    // 200: the tasks and figures a file gave (`given`, 16 bytes), kept to tell a partial
    // correction from a whole one (`cycle/gaps.rs`).
    assert!(std::mem::size_of::<Report>() <= 200);
    let p = plan();
    let src = format!("{HEAD}SYT,2021-H1,08/06/2021,IV.8,hoàn thành,100,mười,120,80,0,\n");
    let r = read(src.as_bytes(), "a.csv", &p, &ReadOptions::default());
    assert!(!r.diagnostics.is_empty());
    assert_eq!(r.diagnostics.capacity(), r.diagnostics.len());
    assert!(r.remarks().is_empty());
}

/// The rows name an agency the plan does not know, near none: the file's name is evidence when
/// it begins with an agency's id as a whole word, after a period id or not (the longest such
/// id, when ids begin alike).
#[test]
fn an_unknown_agency_is_suggested_by_the_files_name_when_one_id_fits() {
    let with_prefix_id = PLAN.replace(
        "  - id: SYT\n",
        "  - id: SYT_CS\n    name: Trung tâm Y tế cơ sở\n  - id: SYT\n",
    );
    let p = crate::plan::parse(&with_prefix_id, "plan.yaml").unwrap().0;
    let src = format!("{HEAD}Ban Vì sự tiến bộ phụ nữ,2021-H1,08/06/2021,IV.8,done,,,,,,\n");
    for (name, fits) in [
        ("SYT_2021-H1.csv", Some("SYT")),
        ("dir/2021-H1_SYT_so-y-te.csv", Some("SYT")),
        ("syt.csv", Some("SYT")),
        // SYT fits too: the longer id is the one the name spells out.
        ("SYT_CS-2021-H1.csv", Some("SYT_CS")),
        ("SYT_CS_2021-H1.csv", Some("SYT_CS")),
        ("SYT_C_2021-H1.csv", Some("SYT")),
        ("SYTX_2021-H1.csv", None),
        ("2021-H1.csv", None),
    ] {
        let r = crate::report::read(src.as_bytes(), name, &p, &Default::default());
        let d = (r.diagnostics.iter())
            .find(|d| matches!(d.kind, Kind::UnknownAgency { .. }))
            .unwrap();
        let Kind::UnknownAgency { by_file_name, .. } = d.kind else {
            unreachable!()
        };
        assert_eq!(by_file_name, fits.is_some(), "{name}");
        let sent_by = r.sent_by(&p).map(|a| p.agencies[a].id.as_str());
        assert_eq!(sent_by, fits, "{name}");
        assert_eq!(r.rows_counted(), 0, "{name}");
    }
}

/// A period is found by its name as desks write it; a hint for an unknown period never points
/// to another year.
#[test]
fn periods_by_name_forms_and_hints_within_the_year() {
    let p = plan();
    for written in [
        "6 tháng đầu năm 2021",
        "6 tháng đầu/2021",
        "6 THÁNG ĐẦU - 2021",
    ] {
        assert_eq!(
            p.find_period(written).map(|x| x.id.as_str()),
            Some("2021-H1")
        );
    }
    assert!(p.find_period("6 tháng đầu năm 2020").is_none());
    for (written, hint) in [("2020-H1", None), ("2021-H", Some("2021-H1"))] {
        let src = format!("{HEAD}SYT,{written},08/06/2021,IV.8,done,,,,,,\n");
        let r = crate::report::read(src.as_bytes(), "SYT.csv", &p, &Default::default());
        let d = (r.diagnostics.iter())
            .find(|d| matches!(d.kind, Kind::UnknownPeriod { .. }))
            .unwrap();
        assert_eq!(d.suggestion.as_deref(), hint, "{written}");
    }
}
