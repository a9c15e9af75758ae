//! Who reports: an agency, a group of agencies, and every spelling of every agency
//! ([`AgencyKeys`], the plan's index for finding an agency by what a file calls it).

use super::AgencyIdx;
use std::collections::HashMap;

/// Every spelling of every agency, folded (`validate::agencies`), with its agency.
///
/// A plan may list tens of thousands of agencies, each with two spellings or more, held for
/// the whole run. So the spellings are written one after another into one text, and the
/// index holds where each lies and its agency, sorted by spelling: a few bytes a spelling, not
/// a string (and a hash map's room) each. It is looked up about once per report file (the
/// file's agency): the binary search costs nothing that shows.
#[derive(Debug, Clone)]
pub(super) struct AgencyKeys {
    text: String,
    index: Box<[Spelling]>,
}

/// One spelling in [`AgencyKeys`]: `text[start..end]`, and its agency.
#[derive(Debug, Clone, Copy)]
struct Spelling {
    start: u32,
    end: u32,
    agency: u32,
}

impl AgencyKeys {
    pub(super) fn new(keys: HashMap<String, AgencyIdx>) -> Self {
        // A plan file is at most 16 MB: its spellings, folded, are far from 4 GB.
        let small = |n: usize| u32::try_from(n).expect("a plan's spellings fit in 4 GB");
        let mut keys: Vec<_> = keys.into_iter().collect();
        keys.sort_unstable();
        let mut text = String::with_capacity(keys.iter().map(|(k, _)| k.len()).sum());
        let index = keys
            .iter()
            .map(|(k, agency)| {
                let start = small(text.len());
                text.push_str(k);
                let (end, agency) = (small(text.len()), small(*agency));
                Spelling { start, end, agency }
            })
            .collect();
        AgencyKeys { text, index }
    }

    pub(super) fn get(&self, key: &str) -> Option<AgencyIdx> {
        let spelling = |s: &Spelling| &self.text[s.start as usize..s.end as usize];
        let i = self.index.binary_search_by(|s| spelling(s).cmp(key)).ok()?;
        Some(self.index[i].agency as AgencyIdx)
    }
}

#[derive(Debug, Clone)]
/// One agency of the plan. A plan may list tens of thousands (every commune of a country), so
/// what most agencies leave out is held without room to grow (boxed).
pub struct Agency {
    pub id: String,
    pub name: String,
    pub name_en: Option<Box<str>>,
    pub kind: Option<Box<str>>,
    pub aliases: Box<[String]>,
    pub expanded_from: Option<Box<str>>,
}

impl Agency {
    /// The name in `lang`: the plan's English name, where it has one, in English.
    pub fn name_in(&self, lang: crate::lang::Lang) -> &str {
        match lang {
            crate::lang::Lang::En => self.name_en.as_deref().unwrap_or(&self.name),
            crate::lang::Lang::Vi => &self.name,
        }
    }

    /// The name as a sentence in `lang` writes it: "the Department of Health", "Sở Y tế" (see
    /// [`crate::lang::the_name`]).
    pub fn the_name_in(&self, lang: crate::lang::Lang) -> std::borrow::Cow<'_, str> {
        crate::lang::the_name(&self.name, self.name_en.as_deref(), lang)
    }
}

#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub members: Vec<AgencyIdx>,
}
