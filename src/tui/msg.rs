//! Messages: what the person asked for, decoded from terminal events.
//! Decoding is a pure function, so it is tested without a terminal.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};

/// One thing the person did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Back,
    Tab,
    BackTab,
    Backspace,
    /// A printable character (in text fields it is text; elsewhere a shortcut).
    Char(char),
    Help,
    /// Ctrl-C: quit at once.
    Interrupt,
    /// Ctrl-U: clear the text field.
    ClearInput,
    ScrollUp,
    ScrollDown,
    /// A click at (column, row).
    Click(u16, u16),
    Resize(u16, u16),
    /// Kiosk: nobody has touched a key for a while; so many seconds remain.
    IdleWarning(u16),
    /// Kiosk: the idle time is over: wipe everything.
    IdleExpired,
}

/// Decodes a terminal event. Key releases and repeats of other kinds are ignored.
pub fn from_event(event: &Event) -> Option<Msg> {
    match event {
        Event::Key(key) => from_key(key),
        Event::Resize(w, h) => Some(Msg::Resize(*w, *h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollUp => Some(Msg::ScrollUp),
            MouseEventKind::ScrollDown => Some(Msg::ScrollDown),
            MouseEventKind::Down(_) => Some(Msg::Click(m.column, m.row)),
            _ => None,
        },
        _ => None,
    }
}

fn from_key(key: &KeyEvent) -> Option<Msg> {
    // Windows sends presses and releases: only presses (and repeats) count.
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c' | 'd') if ctrl => Msg::Interrupt,
        KeyCode::Char('u') if ctrl => Msg::ClearInput,
        _ if ctrl => return None,
        // '?' needs Shift on AZERTY keyboards: accept it whatever the modifiers.
        KeyCode::Char('?') | KeyCode::F(1) => Msg::Help,
        KeyCode::Char(c) => Msg::Char(c),
        KeyCode::Up => Msg::Up,
        KeyCode::Down => Msg::Down,
        KeyCode::Left => Msg::Left,
        KeyCode::Right => Msg::Right,
        KeyCode::PageUp => Msg::PageUp,
        KeyCode::PageDown => Msg::PageDown,
        KeyCode::Home => Msg::Home,
        KeyCode::End => Msg::End,
        KeyCode::Enter => Msg::Enter,
        KeyCode::Esc => Msg::Back,
        KeyCode::Tab => Msg::Tab,
        KeyCode::BackTab => Msg::BackTab,
        KeyCode::Backspace => Msg::Backspace,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn key(code: KeyCode, modifiers: KeyModifiers, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn only_presses_count_and_question_mark_ignores_shift() {
        assert_eq!(
            from_event(&key(
                KeyCode::Char('?'),
                KeyModifiers::SHIFT,
                KeyEventKind::Press
            )),
            Some(Msg::Help)
        );
        assert_eq!(
            from_event(&key(
                KeyCode::Char('a'),
                KeyModifiers::NONE,
                KeyEventKind::Release
            )),
            None
        );
        assert_eq!(
            from_event(&key(
                KeyCode::Char('c'),
                KeyModifiers::CONTROL,
                KeyEventKind::Press
            )),
            Some(Msg::Interrupt)
        );
        assert_eq!(
            from_event(&key(
                KeyCode::Char('z'),
                KeyModifiers::CONTROL,
                KeyEventKind::Press
            )),
            None
        );
        assert_eq!(
            from_event(&Event::Resize(80, 24)),
            Some(Msg::Resize(80, 24))
        );
    }
}
