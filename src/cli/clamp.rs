//! A bound on the drawing area. The size of the window comes from the
//! terminal, that is from the SSH client: a client that says 65535 × 65535
//! would make ratatui allocate two buffers of four billion cells. Boussole
//! draws at most `MAX_COLS` × `MAX_ROWS` cells, in the top-left corner, and
//! says so on the screen.

use std::io;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// The widest drawing area, in columns.
pub const MAX_COLS: u16 = 500;
/// The tallest drawing area, in rows.
pub const MAX_ROWS: u16 = 200;

/// A window size brought within the bound.
pub fn clamp(cols: u16, rows: u16) -> (u16, u16) {
    (cols.min(MAX_COLS), rows.min(MAX_ROWS))
}

/// Whether a window of this size is drawn only in part.
pub fn is_clamped(cols: u16, rows: u16) -> bool {
    cols > MAX_COLS || rows > MAX_ROWS
}

/// The notice written outside the drawing area when the window is larger:
/// where (column, row), and what. Below the area when there is room for it,
/// otherwise to its right on the first row.
pub fn notice(cols: u16, rows: u16) -> Option<(u16, u16, String)> {
    if !is_clamped(cols, rows) {
        return None;
    }
    let text = format!(
        "Fenêtre très grande : Boussole n'en utilise que {MAX_COLS} × {MAX_ROWS} cases, en haut à gauche."
    );
    if rows > MAX_ROWS {
        Some((0, MAX_ROWS, text))
    } else {
        Some((MAX_COLS, 0, text))
    }
}

/// A backend that reports at most `MAX_COLS` × `MAX_ROWS`, so that ratatui's
/// buffers (about 100 bytes a cell) stay small whatever the window.
#[derive(Debug)]
pub struct Clamped<B> {
    inner: B,
}

impl<B> Clamped<B> {
    pub fn new(inner: B) -> Self {
        Self { inner }
    }
}

impl<B: Backend<Error = io::Error>> Backend for Clamped<B> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        let s = self.inner.size()?;
        let (width, height) = clamp(s.width, s.height);
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let mut w = self.inner.window_size()?;
        let (width, height) = clamp(w.columns_rows.width, w.columns_rows.height);
        w.columns_rows = Size { width, height };
        Ok(w)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_bounded_and_the_notice_finds_room() {
        assert_eq!(clamp(80, 24), (80, 24));
        assert_eq!(clamp(65535, 65535), (MAX_COLS, MAX_ROWS));
        assert_eq!(notice(500, 200), None);
        assert_eq!(notice(4000, 4000).map(|n| (n.0, n.1)), Some((0, MAX_ROWS)));
        assert_eq!(notice(4000, 100).map(|n| (n.0, n.1)), Some((MAX_COLS, 0)));
    }
}
