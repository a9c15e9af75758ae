//! The two languages of bdg's documents and messages. The core knows nothing of the command
//! line: `cli.rs` maps its `--lang` flag to [`Lang`].

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
