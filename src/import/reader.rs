//! A `BufRead` that knows where it is (line and column of what the XML
//! parser has consumed) and refuses a text run that would not fit in memory.

use std::io::{self, BufRead, Read};

/// Longest run of bytes without a `<` accepted (a text node, in practice).
pub const MAX_TEXT: usize = 4 * 1024 * 1024;

/// Wraps a buffered reader: counts lines and columns of consumed bytes, and
/// fails when more than [`MAX_TEXT`] bytes come without a `<`.
pub struct Counting<R> {
    inner: R,
    line: usize,
    /// Bytes consumed since the last newline.
    col: usize,
    /// Bytes consumed since the last `<`.
    run: usize,
    /// Line and column where the long run started.
    run_start: (usize, usize),
}

impl<R: BufRead> Counting<R> {
    pub fn new(inner: R) -> Self {
        Counting {
            inner,
            line: 1,
            col: 0,
            run: 0,
            run_start: (1, 1),
        }
    }

    /// Line and column (1-based) of the next byte the parser will read.
    pub fn position(&self) -> (usize, usize) {
        (self.line, self.col + 1)
    }

    /// Where the current run without `<` started.
    pub fn run_start(&self) -> (usize, usize) {
        self.run_start
    }
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let buf = self.fill_buf()?;
            let n = buf.len().min(out.len());
            out[..n].copy_from_slice(&buf[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.run > MAX_TEXT {
            return Err(io::Error::new(io::ErrorKind::InvalidData, TooLong));
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            for &b in &buf[..amt.min(buf.len())] {
                if b == b'<' {
                    self.run = 0;
                } else {
                    if self.run == 0 {
                        self.run_start = (self.line, self.col + 1);
                    }
                    self.run += 1;
                }
                if b == b'\n' {
                    self.line += 1;
                    self.col = 0;
                } else if b & 0xC0 != 0x80 {
                    // Columns count characters: UTF-8 continuation bytes do not.
                    self.col += 1;
                }
            }
        }
        self.inner.consume(amt);
    }
}

/// The error a too long text run becomes.
#[derive(Debug)]
pub struct TooLong;

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "texte de plus de {} Mio sans balise",
            MAX_TEXT / (1024 * 1024)
        )
    }
}

impl std::error::Error for TooLong {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_columns_of_consumed_bytes() {
        let mut r = Counting::new(io::BufReader::with_capacity(4, &b"ab\n\xc3\xa9c<d"[..]));
        let mut all = Vec::new();
        r.read_to_end(&mut all).expect("read");
        assert_eq!(r.position(), (2, 5));
    }

    #[test]
    fn refuses_a_run_without_a_tag_past_the_limit() {
        let data = vec![b'x'; MAX_TEXT + 10];
        let mut r = Counting::new(io::BufReader::new(&data[..]));
        let mut all = Vec::new();
        let e = r.read_to_end(&mut all).expect_err("too long");
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert!(all.len() <= MAX_TEXT + 8192);
    }
}
