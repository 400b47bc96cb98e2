//! Key bindings: each screen declares a table of (keys, how they are written,
//! what they do, the action), and dispatches keys through it. The bottom bar
//! and the help are generated from the same tables, so what they say cannot
//! drift from what the keys do.
//!
//! Keys that work on every screen (help, search, quit…) are in the global
//! tables of this module; a screen shows one of them in its bar by listing
//! [`Entry::Global`] at the place it wants it.

use super::msg::Msg;
use super::strings as s;

/// Which messages a binding answers.
#[derive(Debug, Clone, Copy)]
pub enum Keys {
    /// Any of these messages.
    Any(&'static [Msg]),
    /// A character in this range (digits "1-5", for example).
    Range(char, char),
    /// Any character (typing in a text field).
    Typing,
    /// None: a line of the help that documents keys handled elsewhere.
    Doc,
}

impl Keys {
    pub fn matches(self, msg: Msg) -> bool {
        match self {
            Keys::Any(msgs) => msgs.contains(&msg),
            Keys::Range(a, b) => matches!(msg, Msg::Char(c) if (a..=b).contains(&c)),
            Keys::Typing => matches!(msg, Msg::Char(_)),
            Keys::Doc => false,
        }
    }
}

/// One binding: the keys, how they are written, what they do, the action.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A> {
    pub keys: Keys,
    /// How the keys are written in the bar and the help ("" for keys that
    /// are not shown: arrows that move in a list, for example).
    pub shown: &'static str,
    pub label: &'static str,
    pub action: A,
    /// Shown only when this holds (exporting only where the session may write).
    pub when: When,
    /// Shown in the bar too (else in the help only).
    pub in_bar: bool,
}

/// When a binding is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// The session may write files (never in kiosk mode).
    CanWrite,
}

impl<A: Copy> Binding<A> {
    /// A binding shown in the bar and the help.
    pub const fn new(keys: Keys, shown: &'static str, label: &'static str, action: A) -> Self {
        Self {
            keys,
            shown,
            label,
            action,
            when: When::Always,
            in_bar: true,
        }
    }

    /// A binding that works but is not shown.
    pub const fn hidden(keys: Keys, action: A) -> Self {
        Self::new(keys, "", "", action)
    }

    pub const fn when(mut self, when: When) -> Self {
        self.when = when;
        self
    }

    /// Listed in the help, not in the bar (keys that are not the main ones).
    pub const fn help_only(mut self) -> Self {
        self.in_bar = false;
        self
    }
}

/// A row of a screen's table: one of its bindings, or a global key shown there.
#[derive(Debug, Clone, Copy)]
pub enum Entry<A> {
    Key(Binding<A>),
    Global(Global),
}

/// Shorthand for a screen's table rows.
pub const fn key<A: Copy>(
    keys: Keys,
    shown: &'static str,
    label: &'static str,
    action: A,
) -> Entry<A> {
    Entry::Key(Binding::new(keys, shown, label, action))
}

/// A row listed in the help but not in the bar.
pub const fn help_key<A: Copy>(
    keys: Keys,
    shown: &'static str,
    label: &'static str,
    action: A,
) -> Entry<A> {
    Entry::Key(Binding::new(keys, shown, label, action).help_only())
}

/// `e`: export the summary, shown only where the session may write (never
/// in kiosk mode). `in_bar`: in the bar too, else in the help only.
pub const fn exporter<A: Copy>(action: A, in_bar: bool) -> Entry<A> {
    let b = Binding::new(
        Keys::Any(&[Msg::Char('e')]),
        s::TOUCHE_E,
        s::ACTION_EXPORTER,
        action,
    )
    .when(When::CanWrite);
    Entry::Key(if in_bar { b } else { b.help_only() })
}

/// A row that works but is not shown.
pub const fn hidden<A: Copy>(keys: Keys, action: A) -> Entry<A> {
    Entry::Key(Binding::hidden(keys, action))
}

/// The action of the first binding of `table` that answers `msg`.
pub fn action<A: Copy>(table: &[Entry<A>], msg: Msg) -> Option<A> {
    table.iter().find_map(|e| match e {
        Entry::Key(b) if b.keys.matches(msg) => Some(b.action),
        _ => None,
    })
}

/// What works on every screen (handled by `app`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Global {
    Aide,
    Chercher,
    Quitter,
    /// Kiosk: `q` wipes everything and goes home.
    ToutEffacer,
    Parler,
    /// Ctrl-C / Ctrl-D.
    Interrompre,
    /// Documented only: h j k l, Échap, Tab, pages, ends.
    Fleches,
    Retour,
    Zones,
    Pages,
    Bouts,
}

/// A global key: its binding in the bar, and its longer line in the help.
#[derive(Debug, Clone, Copy)]
pub struct GlobalKey {
    pub binding: Binding<Global>,
    /// How the keys are written in the help, and what the help says.
    pub help: Option<(&'static str, &'static str)>,
}

const fn global(
    keys: Keys,
    shown: &'static str,
    label: &'static str,
    action: Global,
    help: Option<(&'static str, &'static str)>,
) -> GlobalKey {
    GlobalKey {
        binding: Binding::new(keys, shown, label, action),
        help,
    }
}

const CHERCHER: GlobalKey = global(
    Keys::Any(&[Msg::Char('/')]),
    s::TOUCHE_SLASH,
    s::ACTION_CHERCHER,
    Global::Chercher,
    Some((s::TOUCHE_SLASH, s::AIDE_CHERCHER)),
);
const FLECHES: GlobalKey = global(
    Keys::Doc,
    "",
    "",
    Global::Fleches,
    Some((s::TOUCHE_HJKL, s::AIDE_HJKL)),
);
const RETOUR: GlobalKey = global(
    Keys::Doc,
    s::TOUCHE_ECHAP,
    s::ACTION_RETOUR,
    Global::Retour,
    Some((s::TOUCHE_ECHAP, s::AIDE_RETOUR)),
);
const AIDE: GlobalKey = global(
    Keys::Any(&[Msg::Help]),
    s::TOUCHE_AIDE,
    s::ACTION_AIDE,
    Global::Aide,
    Some((s::TOUCHE_AIDE_F1, s::AIDE_AIDE)),
);
const ZONES: GlobalKey = global(
    Keys::Doc,
    "",
    "",
    Global::Zones,
    Some((s::TOUCHE_TABS, s::AIDE_ZONES)),
);
const PAGES: GlobalKey = global(
    Keys::Doc,
    "",
    "",
    Global::Pages,
    Some((s::TOUCHE_PAGES, s::AIDE_PAGES)),
);
const BOUTS: GlobalKey = global(
    Keys::Doc,
    "",
    "",
    Global::Bouts,
    Some((s::TOUCHE_BOUTS, s::AIDE_BOUTS)),
);
const PARLER: GlobalKey = global(
    Keys::Any(&[Msg::Char('p')]),
    s::TOUCHE_P,
    s::ACTION_PARLER,
    Global::Parler,
    None,
);

/// The global keys, in the order of the help.
pub const GLOBAL: &[GlobalKey] = &[
    CHERCHER,
    FLECHES,
    RETOUR,
    AIDE,
    ZONES,
    PAGES,
    BOUTS,
    global(
        Keys::Any(&[Msg::Char('q')]),
        s::TOUCHE_Q,
        s::ACTION_QUITTER,
        Global::Quitter,
        Some((s::TOUCHE_Q, s::AIDE_QUITTER)),
    ),
    global(
        Keys::Any(&[Msg::Interrupt]),
        s::TOUCHE_CTRL_C,
        s::ACTION_QUITTER,
        Global::Interrompre,
        Some((s::TOUCHE_CTRL_C, s::AIDE_INTERROMPRE)),
    ),
    PARLER,
];

/// The global keys of a kiosk: `q` wipes everything, Ctrl-C asks first.
pub const GLOBAL_KIOSK: &[GlobalKey] = &[
    CHERCHER,
    FLECHES,
    RETOUR,
    AIDE,
    ZONES,
    PAGES,
    BOUTS,
    global(
        Keys::Any(&[Msg::Char('q')]),
        s::TOUCHE_Q,
        s::ACTION_TOUT_EFFACER,
        Global::ToutEffacer,
        Some((s::TOUCHE_Q, s::AIDE_TOUT_EFFACER)),
    ),
    global(
        Keys::Any(&[Msg::Interrupt]),
        s::TOUCHE_CTRL_C,
        s::ACTION_TERMINER,
        Global::Interrompre,
        Some((s::TOUCHE_CTRL_C, s::AIDE_TERMINER)),
    ),
    PARLER,
];

/// The global keys of this mode.
pub fn globals(kiosk: bool) -> &'static [GlobalKey] {
    if kiosk { GLOBAL_KIOSK } else { GLOBAL }
}

/// The global action a message asks for, in this mode.
pub fn global_action(kiosk: bool, msg: Msg) -> Option<Global> {
    globals(kiosk)
        .iter()
        .map(|g| g.binding)
        .find(|b| b.keys.matches(msg))
        .map(|b| b.action)
}

/// A key as shown: how it is written and what it does.
pub type Shown = (&'static str, &'static str);

/// The keys a screen shows, in its table's order: its own, and the global
/// ones it lists (in kiosk mode `q` stands for "tout effacer"); those of the
/// bar, or all of them for the help.
pub fn shown<A>(table: &[Entry<A>], kiosk: bool, can_write: bool, help: bool) -> Vec<Shown> {
    let globals = globals(kiosk);
    table
        .iter()
        .filter_map(|e| {
            let (shown, label, when) = match e {
                Entry::Key(b) if !b.in_bar && !help => return None,
                Entry::Key(b) => (b.shown, b.label, b.when),
                Entry::Global(g) => {
                    // Quitter stands for whatever `q` does in this mode.
                    let b = globals.iter().map(|k| k.binding).find(|b| {
                        b.action == *g || (*g == Global::Quitter && b.action == Global::ToutEffacer)
                    })?;
                    (b.shown, b.label, b.when)
                }
            };
            let hidden = shown.is_empty() || (when == When::CanWrite && !can_write);
            (!hidden).then_some((shown, label))
        })
        .collect()
}

/// The lines of the help: the screen's keys, then the global keys it does
/// not show itself.
pub fn help(screen: &[Shown], kiosk: bool) -> Vec<Shown> {
    let mut lines = screen.to_vec();
    lines.extend(
        globals(kiosk)
            .iter()
            .filter_map(|g| g.help)
            .filter(|(k, _)| !screen.iter().any(|(sk, _)| sk == k)),
    );
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kiosk_q_says_what_it_does() {
        let table: &[Entry<()>] = &[Entry::Global(Global::Quitter)];
        assert_eq!(
            shown(table, false, true, false),
            [(s::TOUCHE_Q, s::ACTION_QUITTER)]
        );
        assert_eq!(
            shown(table, true, false, false),
            [(s::TOUCHE_Q, s::ACTION_TOUT_EFFACER)]
        );
        assert_eq!(
            global_action(true, Msg::Char('q')),
            Some(Global::ToutEffacer)
        );
        let help = help(&[], true);
        assert!(help.contains(&(s::TOUCHE_CTRL_C, s::AIDE_TERMINER)));
    }

    #[test]
    fn every_global_key_has_one_binding_per_mode() {
        for kiosk in [false, true] {
            for msg in [
                Msg::Help,
                Msg::Char('/'),
                Msg::Char('q'),
                Msg::Char('p'),
                Msg::Interrupt,
            ] {
                let n = globals(kiosk)
                    .iter()
                    .filter(|g| g.binding.keys.matches(msg))
                    .count();
                assert_eq!(n, 1, "{msg:?}, kiosk {kiosk}");
            }
        }
    }
}
