//! Bytes to text: BOM first (UTF-8, UTF-16LE/BE), then strict UTF-8, then UTF-16 without a BOM,
//! then a guess (chardetng, biased to Vietnamese) for legacy Windows-1258; all normalised to NFC.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1258};

pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Some bytes were not valid in that encoding and were replaced (U+FFFD).
    pub had_errors: bool,
}

/// What the bytes are, when they are plainly not a text table.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF") {
        Some("PDF")
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some("ZIP/XLSX")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("XLS/DOC (OLE)")
    } else if bytes.starts_with(b"\x89PNG") || bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image")
    } else {
        None
    }
}

/// UTF-16 without a BOM shows as every other byte zero in ASCII-heavy text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(4096) & !1;
    if n < 4 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in bytes[..n].chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let half = n / 2;
    if odd * 10 > half * 4 && even * 10 < half {
        Some(UTF_16LE)
    } else if even * 10 > half * 4 && odd * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Decoded {
    let (encoding, bom) = detect(bytes, forced);
    decode_as(&bytes[bom..], encoding)
}

/// `body` (past its byte order mark) decoded as `encoding`, bad bytes replaced, in NFC.
fn decode_as(body: &[u8], encoding: &'static Encoding) -> Decoded {
    let (cow, had_errors) = encoding.decode_without_bom_handling(body);
    Decoded {
        text: crate::text::nfc(&cow),
        encoding: encoding.name(),
        had_errors,
    }
}

/// As [`decode`], taking the bytes: UTF-8 text already in NFC (nearly every file) becomes the
/// text in place, without a copy, so a file is held once while it is read, not twice.
pub fn decode_owned(mut bytes: Vec<u8>, forced: Option<&'static Encoding>) -> Decoded {
    let (encoding, bom) = detect(&bytes, forced);
    if encoding != UTF_8 {
        // Detected once: the guess over a legacy file's bytes is the costly part.
        return decode_as(&bytes[bom..], encoding);
    }
    bytes.drain(..bom);
    match String::from_utf8(bytes) {
        Ok(text) if crate::text::is_nfc(&text) => Decoded {
            text,
            encoding: encoding.name(),
            had_errors: false,
        },
        Ok(text) => Decoded {
            text: crate::text::nfc(&text),
            encoding: encoding.name(),
            had_errors: false,
        },
        // A forced UTF-8, or a UTF-8 byte order mark before bytes that are not: the bad bytes
        // are replaced, as `decode` does.
        Err(e) => decode_as(e.as_bytes(), UTF_8),
    }
}

/// The bytes' encoding, and the length of the byte order mark to skip.
fn detect(bytes: &[u8], forced: Option<&'static Encoding>) -> (&'static Encoding, usize) {
    let (encoding, body): (&'static Encoding, &[u8]) = if let Some(enc) = forced {
        match Encoding::for_bom(bytes) {
            Some((bom_enc, n)) if bom_enc == enc => (enc, &bytes[n..]),
            _ => (enc, bytes),
        }
    } else if let Some((enc, n)) = Encoding::for_bom(bytes) {
        (enc, &bytes[n..])
    } else if let Some(enc) = utf16_without_bom(bytes) {
        (enc, bytes)
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, bytes)
    } else {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        let guess = det.guess(Some(b"vn"), chardetng::Utf8Detection::Deny);
        // Vietnamese files that are not UTF-8 are Windows-1258 in practice; chardetng may say
        // windows-1252 for text whose tone marks all fall in the shared range.
        let enc = if guess == encoding_rs::WINDOWS_1252 {
            WINDOWS_1258
        } else {
            guess
        };
        (enc, bytes)
    };
    (encoding, bytes.len() - body.len())
}

/// An `--encoding` label: utf-8, utf-16le, utf-16be, windows-1258 (cp1258), …
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let l = label.trim().to_ascii_lowercase();
    let l = match l.as_str() {
        "cp1258" | "1258" => "windows-1258",
        "utf8" => "utf-8",
        "utf16le" | "utf16" | "utf-16" => "utf-16le",
        "utf16be" => "utf-16be",
        other => other,
    };
    Encoding::for_label(l.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1258_decodes_to_nfc() {
        // "Sở Y tế" in Windows-1258: "S", o-horn (0xF5), combining hook (0xD2), " Y t", e-circumflex (0xEA), combining acute (0xEC)
        let bytes = b"S\xF5\xD2 Y t\xEA\xEC";
        let d = decode(bytes, None);
        assert_eq!(d.text, "Sở Y tế");
        assert_eq!(d.encoding, "windows-1258");
    }

    #[test]
    fn boms_and_utf16() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Sở a\tb".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le, None);
        assert_eq!((d.text.as_str(), d.encoding), ("Sở a\tb", "UTF-16LE"));
        let d = decode("\u{feff}Sở".as_bytes(), None);
        assert_eq!((d.text.as_str(), d.encoding), ("Sở", "UTF-8"));
        let nobom: Vec<u8> = "task,status\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&nobom, None).text, "task,status\n");
    }

    /// Taking the bytes gives what reading them gives, whatever the encoding.
    #[test]
    fn decoding_owned_bytes_gives_the_same_text() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Sở a".encode_utf16().flat_map(|u| u.to_le_bytes()));
        let inputs: [(Vec<u8>, Option<&'static Encoding>); 7] = [
            ("Sở Y tế,a\n".as_bytes().to_vec(), None),
            ("\u{feff}Sở".as_bytes().to_vec(), None),
            ("So\u{31b} Y te\u{302}\u{301}".as_bytes().to_vec(), None),
            (b"S\xF5\xD2 Y t\xEA\xEC".to_vec(), None),
            (b"\xEF\xBB\xBFa\xFFb".to_vec(), None),
            (b"a\xFFb".to_vec(), Some(UTF_8)),
            (le, None),
        ];
        for (bytes, forced) in inputs {
            let (a, b) = (decode(&bytes, forced), decode_owned(bytes.clone(), forced));
            assert_eq!(
                (a.text, a.encoding, a.had_errors),
                (b.text, b.encoding, b.had_errors),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn recognises_binaries() {
        assert_eq!(binary_kind(b"%PDF-1.7"), Some("PDF"));
        assert_eq!(binary_kind(b"PK\x03\x04...."), Some("ZIP/XLSX"));
        assert_eq!(binary_kind(b"agency,task"), None);
    }
}
