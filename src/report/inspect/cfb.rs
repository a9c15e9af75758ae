//! Just enough of the compound file format (the container of an XLS) to get the workbook
//! stream out, sector chains followed with a step limit: inspection only, never for reading.

const FREE: u32 = 0xFFFF_FFFF;
const END: u32 = 0xFFFF_FFFE;

/// The `Workbook` (or BIFF5 `Book`) stream, or `None` when the container is not one bdg can
/// follow (calamine then refuses it too, or the raw scan stands in).
pub fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    let h = bytes.get(..512)?;
    let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let shift = u16_at(h, 0x1E);
    if shift != 9 && shift != 12 {
        return None;
    }
    let size = 1usize << shift;
    let sector = |n: u32| -> Option<&[u8]> {
        let at = (n as usize).checked_add(1)?.checked_mul(size)?;
        bytes.get(at..at + size)
    };
    // The FAT's own sectors: 109 in the header, then the DIFAT chain.
    let mut fat_sectors: Vec<u32> = (0..109).map(|i| u32_at(h, 0x4C + 4 * i)).collect();
    let mut difat = u32_at(h, 0x44);
    let max_sectors = bytes.len() / size + 1;
    let mut seen = std::collections::HashSet::new();
    for _ in 0..max_sectors {
        if difat == END || difat == FREE || !seen.insert(difat) {
            break;
        }
        let s = sector(difat)?;
        fat_sectors.extend((0..size / 4 - 1).map(|i| u32_at(s, 4 * i)));
        difat = u32_at(s, size - 4);
    }
    let mut fat = Vec::new();
    for &n in fat_sectors.iter().filter(|&&n| n != FREE && n != END) {
        let s = sector(n)?;
        fat.extend((0..size / 4).map(|i| u32_at(s, 4 * i)));
        if fat.len() > max_sectors * (size / 4) {
            return None;
        }
    }
    // A chain visits each sector once: a loop in a crafted table ends it, so what is read
    // never exceeds the file.
    let chain = |start: u32, table: &[u32]| -> Vec<u32> {
        let mut seen = vec![false; table.len()];
        let mut v = Vec::new();
        let mut n = start;
        while n != END && (n as usize) < table.len() && !seen[n as usize] {
            seen[n as usize] = true;
            v.push(n);
            n = table[n as usize];
        }
        v
    };
    let read = |start: u32| -> Vec<u8> {
        chain(start, &fat)
            .into_iter()
            .filter_map(sector)
            .flatten()
            .copied()
            .collect()
    };
    let dir = read(u32_at(h, 0x30));
    let entry = |i: usize| dir.get(i * 128..i * 128 + 128);
    let root = entry(0)?;
    let found = (1..dir.len() / 128).filter_map(entry).find(|e| {
        let len = usize::from(u16_at(e, 64)).min(64);
        let name: Vec<u16> = (0..len / 2).map(|i| u16_at(e, 2 * i)).collect();
        let name = String::from_utf16_lossy(&name);
        e[66] == 2 && matches!(name.trim_end_matches('\0'), "Workbook" | "Book")
    })?;
    let (start, len) = (u32_at(found, 116), u32_at(found, 120) as usize);
    let cutoff = u32_at(h, 0x38) as usize;
    let mut stream = if len < cutoff {
        // In the mini stream: 64-byte sectors, chained by the mini FAT.
        let mini = read(u32_at(root, 116));
        let minifat: Vec<u32> = read(u32_at(h, 0x3C))
            .chunks_exact(4)
            .map(|c| u32_at(c, 0))
            .collect();
        chain(start, &minifat)
            .into_iter()
            .filter_map(|n| mini.get(n as usize * 64..n as usize * 64 + 64))
            .flatten()
            .copied()
            .collect()
    } else {
        read(start)
    };
    stream.truncate(len);
    Some(stream)
}
