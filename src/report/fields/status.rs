//! A task's status (`Status`) as people write it, in Vietnamese or English.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    NotStarted,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::NotStarted, Status::InProgress, Status::Done];

    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            Status::NotStarted => lang.pick("chưa thực hiện", "not started"),
            Status::InProgress => lang.pick("đang thực hiện", "in progress"),
            Status::Done => lang.pick("hoàn thành", "done"),
        }
    }

    /// English ids or Vietnamese labels, any case, with or without diacritics.
    pub fn parse(s: &str) -> Option<Status> {
        // The labels as the templates write them, without folding (most rows); then any spelling.
        if let Some(st) = Status::ALL
            .into_iter()
            .find(|st| s == st.label(crate::lang::Lang::Vi) || s == st.label(crate::lang::Lang::En))
        {
            return Some(st);
        }
        match crate::text::fold(s).as_str() {
            "not started" | "notstarted" | "chua thuc hien" | "chua bat dau"
            | "chua trien khai" | "chua" => Some(Status::NotStarted),
            "in progress" | "inprogress" | "dang thuc hien" | "dang trien khai" | "dang"
            | "ongoing" => Some(Status::InProgress),
            "done" | "completed" | "complete" | "hoan thanh" | "da hoan thanh" | "da thuc hien"
            | "xong" => Some(Status::Done),
            _ => None,
        }
    }

    /// The spellings offered in "did you mean".
    pub const SPELLINGS: [&'static str; 6] = [
        "hoàn thành",
        "đang thực hiện",
        "chưa thực hiện",
        "done",
        "in_progress",
        "not_started",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_in_both_languages() {
        assert_eq!(Status::parse("Hoàn thành"), Some(Status::Done));
        assert_eq!(Status::parse("hoan thanh"), Some(Status::Done));
        assert_eq!(Status::parse("in_progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("ĐANG THỰC HIỆN"), Some(Status::InProgress));
        assert_eq!(Status::parse("chưa thực hiện"), Some(Status::NotStarted));
        assert_eq!(Status::parse("hoàn thàn"), None);
        for st in Status::ALL {
            for lang in [crate::lang::Lang::Vi, crate::lang::Lang::En] {
                let folded = crate::text::fold(st.label(lang));
                assert_eq!(Status::parse(st.label(lang)), Some(st));
                assert_eq!(Status::parse(&folded), Some(st), "{folded}");
            }
        }
    }
}
