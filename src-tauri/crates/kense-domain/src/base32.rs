//! Crockford's base32 for codes people read aloud and type: digits and
//! upper-case letters without I, L, O and U; reading accepts lower case,
//! `O` for 0, `I`/`L` for 1, and ignores dashes and spaces.

/// The 32 symbols, in value order.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The bits of `bytes`, 5 at a time, most significant first; the last
/// symbol is padded with zero bits.
pub fn encode(bytes: &[u8]) -> String {
    encode_bits(bytes, bytes.len() * 8)
}

/// The first `bits` bits of `bytes` (padded with zero bits to a multiple of 5).
pub fn encode_bits(bytes: &[u8], bits: usize) -> String {
    let bits = bits.min(bytes.len() * 8);
    let mut out = String::with_capacity(bits.div_ceil(5));
    let mut i = 0;
    while i < bits {
        let mut value = 0u8;
        for j in 0..5 {
            let at = i + j;
            let bit = if at < bits {
                (bytes[at / 8] >> (7 - at % 8)) & 1
            } else {
                0
            };
            value = (value << 1) | bit;
        }
        out.push(ALPHABET[value as usize] as char);
        i += 5;
    }
    out
}

/// The symbols of `text` as 5-bit values (`None` for a character outside
/// the alphabet); dashes and spaces are skipped.
pub fn symbols(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .filter(|c| *c != '-' && !c.is_whitespace())
        .map(|c| {
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            ALPHABET
                .iter()
                .position(|a| *a as char == c)
                .map(|p| p as u8)
        })
        .collect()
}

/// The bytes a text of symbols carries (trailing bits that do not fill a
/// byte are dropped).
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let symbols = symbols(text)?;
    let mut out = Vec::with_capacity(symbols.len() * 5 / 8);
    let (mut acc, mut n) = (0u32, 0u32);
    for s in symbols {
        acc = (acc << 5) | u32::from(s);
        n += 5;
        if n >= 8 {
            out.push((acc >> (n - 8)) as u8);
            n -= 8;
            acc &= (1 << n) - 1;
        }
    }
    Some(out)
}

/// `text` in dash-separated groups of `size` symbols.
pub fn grouped(text: &str, size: usize) -> String {
    text.as_bytes()
        .chunks(size.max(1))
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_reads_what_people_type() {
        let bytes = [0xde, 0xad, 0xbe, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab];
        let text = encode(&bytes);
        assert_eq!(text.len(), 16);
        assert_eq!(decode(&text).unwrap(), bytes);
        let typed = grouped(&text.to_lowercase(), 4);
        assert_eq!(decode(&typed).unwrap(), bytes);
        assert_eq!(encode(&[0, 0, 0, 0, 0]), "00000000");
        assert_eq!(encode(&[0xff; 5]), "ZZZZZZZZ");
        assert_eq!(decode("0O1IL").unwrap(), decode("00111").unwrap());
        assert!(decode("U000").is_none());
        assert_eq!(encode_bits(&[0xff, 0xff], 10), "ZZ");
        assert_eq!(grouped("ABCDEFGHJ", 4), "ABCD-EFGH-J");
    }
}
