//! The screens: one module each, with the screen's state, its key table, its
//! `update` and its view.
//!
//! A screen is a state type implementing [`ScreenState`]; the [`screens!`]
//! list below registers it: that one line makes it a variant of [`Screen`]
//! (the navigation stack holds these) and routes keys, clicks, drawing and
//! the key bar to it. Adding a screen: write `screens/<nom>.rs`, add one line
//! to the list, open it from somewhere with `Nav::Open`.
//!
//! Screens change the model (`Model`) and ask for navigation by returning a
//! [`Nav`]; they never touch the stack themselves, so the dispatch in `app`
//! can write their state back after each key.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::keys::{self, Entry};
use super::model::Model;
use super::msg::Msg;
use super::theme::Palette;
use super::wrap;

/// What a screen asks the navigation stack to do after a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Nav {
    Stay,
    /// Back to the screen below.
    Back,
    /// Open a screen over this one.
    Open(Screen),
    /// Replace this screen.
    Replace(Screen),
    /// Open a screen, dropping any older screen of the same kind from the stack.
    Reopen(Screen),
}

/// A screen's behaviour. `Action` is what its key table binds keys to.
pub trait ScreenState {
    type Action: Copy + 'static;

    /// The screen's name, in the header.
    fn title(&self) -> &'static str;

    /// The key table: what the keys do, and what the bar and the help say.
    fn keys(&self) -> &'static [Entry<Self::Action>];

    /// A key (or the mouse wheel) on this screen.
    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav;

    /// A click at (column, row) of the terminal.
    fn click(&mut self, _model: &mut Model, _x: u16, _y: u16) -> Nav {
        Nav::Stay
    }

    /// Draws the screen's body.
    fn view(
        &self,
        model: &Model,
        theme: &Palette,
        frame: &mut Frame,
        texts: &mut wrap::Cache,
        area: Rect,
    );

    /// Whether letters are text here (then h j k l, q, / and p are typed).
    fn takes_letters(&self) -> bool {
        false
    }
}

/// Registers the screens: each `Variant => module`, the module defining a
/// state type named like the variant.
macro_rules! screens {
    ($($name:ident => $module:ident),* $(,)?) => {
        $(pub mod $module;)*
        $(pub use $module::$name;)*

        /// A screen and its state: the navigation stack holds these.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Screen {
            $($name($name),)*
        }

        $(impl From<$name> for Screen {
            fn from(s: $name) -> Self {
                Screen::$name(s)
            }
        })*

        impl Screen {
            pub fn title(&self) -> &'static str {
                match self { $(Screen::$name(s) => s.title(),)* }
            }

            pub fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
                match self { $(Screen::$name(s) => s.update(model, msg),)* }
            }

            pub fn click(&mut self, model: &mut Model, x: u16, y: u16) -> Nav {
                match self { $(Screen::$name(s) => s.click(model, x, y),)* }
            }

            pub fn view(
                &self,
                model: &Model,
                theme: &Palette,
                frame: &mut Frame,
                texts: &mut wrap::Cache,
                area: Rect,
            ) {
                match self { $(Screen::$name(s) => s.view(model, theme, frame, texts, area),)* }
            }

            pub fn takes_letters(&self) -> bool {
                match self { $(Screen::$name(s) => s.takes_letters(),)* }
            }

            /// The keys this screen shows: in the bar, or (`help`) in the help.
            pub fn shown_keys(&self, model: &Model, help: bool) -> Vec<keys::Shown> {
                let can_write = model.storage.is_some();
                match self {
                    $(Screen::$name(s) => keys::shown(s.keys(), model.kiosk, can_write, help),)*
                }
            }
        }
    };
}

// The registration: one line per screen.
screens! {
    Accueil => accueil,
    Questionnaire => questionnaire,
    Profil => profil,
    Resultats => resultats,
    FicheMetier => fiche_metier,
    FicheFormation => fiche_formation,
    FicheRome => fiche_rome,
    FicheEtablissement => fiche_etablissement,
    Explorer => explorer,
    Recherche => recherche,
    Lieux => lieux,
    Apprentissage => apprentissage,
    Contacts => contacts,
    Financement => financement,
    Recrute => recrute,
    Proches => proches,
    Comparer => comparer,
    Favoris => favoris,
}

/// Lines moved by PgUp / PgDn.
pub const PAGE: usize = 10;

/// A selection in a list of `len` rows, moved by a key.
pub fn step(sel: usize, len: usize, msg: Msg) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    match msg {
        Msg::Up | Msg::ScrollUp => sel.saturating_sub(1),
        Msg::Down | Msg::ScrollDown => (sel + 1).min(last),
        Msg::PageUp => sel.saturating_sub(PAGE),
        Msg::PageDown => (sel + PAGE).min(last),
        Msg::Home => 0,
        Msg::End => last,
        _ => sel.min(last),
    }
}

/// A text's scroll position, moved by a key.
pub fn scroll(v: u16, msg: Msg) -> u16 {
    match msg {
        Msg::Up | Msg::ScrollUp => v.saturating_sub(1),
        Msg::Down | Msg::ScrollDown => v.saturating_add(1).min(500),
        Msg::PageUp => v.saturating_sub(PAGE as u16),
        Msg::PageDown => v.saturating_add(PAGE as u16).min(500),
        Msg::Home => 0,
        _ => v,
    }
}

/// The keys that move in a list or a text.
pub const MOVES: &[Msg] = &[
    Msg::Up,
    Msg::Down,
    Msg::PageUp,
    Msg::PageDown,
    Msg::Home,
    Msg::End,
    Msg::ScrollUp,
    Msg::ScrollDown,
];

/// The entry under a click in a list whose rows map to entries (`None` for headers).
pub fn clicked(area: Rect, x: u16, y: u16, rows: &[Option<usize>], sel: usize) -> Option<usize> {
    let selected_row = rows.iter().position(|r| *r == Some(sel)).unwrap_or(0);
    let row = super::layout::list_row(area, y, x, selected_row, rows.len())?;
    rows.get(row).copied().flatten()
}

/// Plain list rows: one entry per row.
pub fn plain_rows(n: usize) -> Vec<Option<usize>> {
    (0..n).map(Some).collect()
}
