//! Folding text for accent- and case-proof search: accents removed,
//! ligatures expanded (Œ → oe), lower-case ASCII, with a map back to the
//! original characters. Also used by build.rs.

/// Text folded to lower-case ASCII, with the original character index of each folded byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `origin[i]` is the index (in chars) in the original of folded byte `i`.
    pub origin: Vec<usize>,
}

/// Folds a text: accents removed, ligatures expanded (Œ → oe), lower case.
pub fn fold(original: &str) -> Folded {
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len());
    for (i, c) in original.chars().enumerate() {
        let mut push = |s: &str| {
            for b in s.bytes() {
                text.push(char::from(b.to_ascii_lowercase()));
                origin.push(i);
            }
        };
        if c.is_ascii() {
            push(c.encode_utf8(&mut [0; 4]));
        } else if let Some(s) = deunicode::deunicode_char(c) {
            // deunicode gives ASCII; keep only printable characters.
            let s: String = s
                .chars()
                .filter(|ch| ch.is_ascii() && !ch.is_ascii_control())
                .collect();
            push(&s);
        }
    }
    Folded { text, origin }
}
