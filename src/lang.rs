//! The two languages of bdg's documents and messages. The core knows nothing of the command
//! line: `cli.rs` maps its `--lang` flag to [`Lang`].

use std::borrow::Cow;

/// A language of documents and messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Tiếng Việt (default)
    #[default]
    Vi,
    /// English
    En,
}

impl Lang {
    /// The one of two texts in this language.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// A body's name as a sentence in `lang` writes it: in English, "the" before the plan's English
/// name ("the Department of Health"; one that begins with "the" as it is), and nothing before a
/// Vietnamese proper name, which English writes bare ("Sở Y tế", not "the Sở Y tế"); in
/// Vietnamese, the name.
pub fn the_name<'a>(name: &'a str, name_en: Option<&'a str>, lang: Lang) -> Cow<'a, str> {
    match (lang, name_en) {
        (Lang::En, Some(en)) if en.get(..4).is_some_and(|t| t.eq_ignore_ascii_case("the ")) => {
            en.into()
        }
        (Lang::En, Some(en)) => format!("the {en}").into(),
        _ => name.into(),
    }
}

/// `s` with a capital first letter: a name that opens a sentence ("The Department …").
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A message in both languages; the printer picks one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }
}

/// `t!("vi {x}", "en {x}")`, or `t!("vi {}", "en {}", arg)`: a [`Text`] from two format
/// strings sharing their arguments.
#[macro_export]
macro_rules! t {
    ($vi:expr, $en:expr $(, $arg:expr)* $(,)?) => {
        $crate::lang::Text::new(format!($vi $(, $arg)*), format!($en $(, $arg)*))
    };
}
