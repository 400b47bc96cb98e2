//! Folding text for accent- and case-proof search: accents removed,
//! ligatures expanded (Œ → oe), lower-case ASCII, with a map back to the
//! original characters; and the words and letters of folded text. Also used
//! by build.rs.

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

/// Whether a folded byte belongs to a word (letters and digits do).
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// The words of a folded text with their byte offsets.
pub fn split_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !is_word_byte(bytes[i]) {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && is_word_byte(bytes[i]) {
            i += 1;
        }
        text.get(start..i).map(|w| (start, w))
    })
}

/// The words written with hyphens, joined: "aide-soignante" also gives
/// "aidesoignante", so that a query typed without the hyphen finds it. Each
/// with its byte range in the text, hyphens included.
pub fn compounds(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    if !text.contains('-') {
        return out;
    }
    // The words of the current run: (start, end) of each.
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut flush = |run: &mut Vec<(usize, usize)>| {
        if let (Some(first), Some(last)) = (run.first(), run.last())
            && run.len() > 1
        {
            let joined: String = run.iter().filter_map(|&(s, e)| text.get(s..e)).collect();
            out.push((first.0, last.1, joined));
        }
        run.clear();
    };
    for (start, word) in split_words(text) {
        let end = start + word.len();
        let joined = run
            .last()
            .is_some_and(|&(_, e)| text.get(e..start) == Some("-"));
        if !joined {
            flush(&mut run);
        }
        run.push((start, end));
    }
    flush(&mut run);
    out
}

/// One bit for each letter and digit of a folded text: a text that lacks
/// one of a query's letters cannot match it.
pub fn letters(text: &str) -> u64 {
    text.bytes().fold(0, |mask, b| mask | letter_bit(b))
}

/// The bit of one folded letter or digit (0 for anything else).
fn letter_bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 0,
    }
}
