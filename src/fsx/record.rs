//! The record of the files bdg wrote in an output folder (`.bdg-written`, beside the marker):
//! each file's name, size and content hash (FNV-1a, 64 bits). A run removes an earlier run's
//! file only when the record names it and its content is still what bdg wrote: a file of the
//! officer's own with the same name, or a letter edited by hand since, is not bdg's to remove.
//!
//! The record is written as one more output of the run ([`Written::pending`]), so it goes in
//! place in the same commit as the files it names, or not at all.

use super::{read_limited, write_pending, Pending};
use anyhow::Result;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// The record's file name, beside [`super::OUTPUT_MARKER`]. Not a temporary file's name
/// (`.bdg-*.tmp`), which a run's sweep removes.
pub const WRITTEN_RECORD: &str = ".bdg-written";

/// A record larger than this is not read (a national cycle's is a few megabytes): a folder
/// with such a record is treated as one without.
const MAX_RECORD: u64 = 64 << 20;

/// What a file held when bdg wrote it: its size and the FNV-1a hash of its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub hash: u64,
}

impl Stamp {
    /// The stamp of the bytes read from `r`.
    fn of(mut r: impl Read) -> std::io::Result<Stamp> {
        const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        const PRIME: u64 = 0x0100_0000_01b3;
        let (mut hash, mut len) = (OFFSET, 0u64);
        let mut buf = [0u8; 64 * 1024];
        loop {
            let n = match r.read(&mut buf) {
                Ok(0) => return Ok(Stamp { len, hash }),
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            len += n as u64;
            for b in &buf[..n] {
                hash = (hash ^ u64::from(*b)).wrapping_mul(PRIME);
            }
        }
    }

    /// The stamp of the file at `path` (links not followed: a link is never bdg's output).
    pub fn of_file(path: &Path) -> std::io::Result<Stamp> {
        let meta = std::fs::symlink_metadata(path)?;
        if !meta.is_file() {
            return Err(std::io::Error::from(std::io::ErrorKind::InvalidInput));
        }
        Stamp::of(std::fs::File::open(path)?)
    }
}

impl Pending {
    /// The stamp of this output's content, as it will be once in place.
    pub fn stamp(&self) -> Result<Stamp> {
        let file = std::fs::File::open(&self.tmp)
            .map_err(|e| super::FsError::err(super::FsOp::Write, &self.path, e))?;
        Stamp::of(file).map_err(|e| super::FsError::err(super::FsOp::Write, &self.path, e))
    }

    /// The output's file name in its folder.
    pub fn file_name(&self) -> String {
        let name = self.path.file_name().unwrap_or_default();
        name.to_string_lossy().into_owned()
    }
}

/// The files bdg wrote in a folder, by name, as its record says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Written {
    pub files: BTreeMap<String, Stamp>,
}

impl Written {
    /// The record of `dir`, or `None` where there is none (a first run, a folder of other
    /// files, or a folder of a bdg that kept no record) or it cannot be read: then nothing
    /// there is known to be bdg's. Lines that do not read as a record's are skipped.
    pub fn read(dir: &Path) -> Option<Written> {
        let path = dir.join(WRITTEN_RECORD);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let bytes = read_limited(&path, MAX_RECORD).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        Some(Written::parse(&text))
    }

    fn parse(text: &str) -> Written {
        let line = |l: &str| {
            let mut f = l.splitn(3, '\t');
            let len = f.next()?.parse().ok()?;
            let hash = u64::from_str_radix(f.next()?, 16).ok()?;
            Some((f.next()?.to_string(), Stamp { len, hash }))
        };
        let files = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(line)
            .collect();
        Written { files }
    }

    /// Whether the file `name` in `dir` is one bdg wrote and nobody changed since: the record
    /// names it and its size and hash are still the recorded ones.
    pub fn unchanged(&self, dir: &Path, name: &str) -> bool {
        let Some(want) = self.files.get(name) else {
            return false;
        };
        let same_len = std::fs::symlink_metadata(dir.join(name))
            .is_ok_and(|m| m.is_file() && m.len() == want.len);
        same_len && Stamp::of_file(&dir.join(name)).is_ok_and(|s| s == *want)
    }

    /// The record's text: a line of explanation, then one line per file, by name.
    fn text(&self) -> String {
        let mut s = String::from(
            "# bdg: the files its last run wrote here (size, FNV-1a 64, name); \
             a file changed since is never removed by bdg\n",
        );
        for (name, st) in &self.files {
            s.push_str(&format!("{}\t{:016x}\t{name}\n", st.len, st.hash));
        }
        s
    }

    /// This record, written to its temporary file in `dir`, to go in with the files it names.
    pub fn pending(&self, dir: &Path) -> Result<Pending> {
        let text = self.text();
        write_pending(&dir.join(WRITTEN_RECORD), |f| {
            Ok(std::io::Write::write_all(f, text.as_bytes())?)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_1a_of_known_inputs() {
        // The reference values of FNV-1a 64.
        assert_eq!(Stamp::of(&b""[..]).unwrap().hash, 0xcbf2_9ce4_8422_2325);
        assert_eq!(Stamp::of(&b"a"[..]).unwrap().hash, 0xaf63_dc4c_8601_ec8c);
        assert_eq!(
            Stamp::of(&b"foobar"[..]).unwrap().hash,
            0x8594_4171_f739_67e8
        );
        assert_eq!(Stamp::of(&b"foobar"[..]).unwrap().len, 6);
    }

    #[test]
    fn a_record_reads_back_as_written_and_knows_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a b.txt"), "thư").unwrap();
        std::fs::write(dir.path().join("c.txt"), "c").unwrap();
        let mut w = Written::default();
        for n in ["a b.txt", "c.txt"] {
            let st = Stamp::of_file(&dir.path().join(n)).unwrap();
            w.files.insert(n.to_string(), st);
        }
        w.pending(dir.path()).unwrap().commit().unwrap();
        let back = Written::read(dir.path()).unwrap();
        assert_eq!(back, w);
        assert!(back.unchanged(dir.path(), "a b.txt"));
        // Same size, other bytes; and a file the record does not name.
        std::fs::write(dir.path().join("c.txt"), "d").unwrap();
        assert!(!back.unchanged(dir.path(), "c.txt"));
        std::fs::write(dir.path().join("e.txt"), "c").unwrap();
        assert!(!back.unchanged(dir.path(), "e.txt"));
        // Garbled lines are skipped, the rest kept.
        let r = Written::parse("x\ty\tz\n1\t00000000000000zz\tq\n1\tff\tok\n");
        assert_eq!(r.files.keys().collect::<Vec<_>>(), ["ok"]);
    }

    #[test]
    fn no_record_where_none_can_be_read() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Written::read(dir.path()), None);
        std::fs::create_dir(dir.path().join(WRITTEN_RECORD)).unwrap();
        assert_eq!(Written::read(dir.path()), None);
    }
}
