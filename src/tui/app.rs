//! The app: the model, the navigation stack, and `update`, which routes a
//! message to the dialog that is open, to the keys of every screen, or to the
//! current screen (see `screens`). No I/O here: writes are effects the runner
//! performs (`Effect`), then reports with [`effect_done`].

use std::ops::{Deref, DerefMut};

use crate::content::Content;
use crate::quiz::Form;
use crate::search::Index;

use super::keys::{self, Global};
use super::msg::Msg;

pub use super::model::{Effect, Link, MAX_COMPARE, Model, Overlay, Ranked, Saisie, Storage};
pub use super::screens::accueil::MenuEntry;
pub use super::screens::explorer::DomainEntry;
pub use super::screens::fiche_metier::Tab;
pub use super::screens::recherche::SEARCH_LIMIT;
pub use super::screens::resultats::{FilterRow, ResPane};
pub use super::screens::{Nav, PAGE, Screen};

/// The model and the screens opened, the current one last.
pub struct App {
    pub model: Model,
    /// Accueil is always at the bottom.
    pub stack: Vec<Screen>,
}

/// The app reads as its model: `app.saisie`, `app.content`…
impl Deref for App {
    type Target = Model;

    fn deref(&self) -> &Model {
        &self.model
    }
}

impl DerefMut for App {
    fn deref_mut(&mut self) -> &mut Model {
        &mut self.model
    }
}

impl App {
    pub fn new(content: Content) -> Self {
        Self::with_index(content, None)
    }

    /// A model with a ready-made search index (the compiled one of the
    /// bundled content); built from the content when `None`.
    pub fn with_index(content: Content, index: Option<Index>) -> Self {
        Self {
            model: Model::new(content, index),
            stack: vec![home()],
        }
    }

    /// An app for a kiosk session.
    pub fn kiosk(content: Content) -> Self {
        let mut app = Self::new(content);
        app.model.kiosk = true;
        app
    }

    pub fn screen(&self) -> &Screen {
        // The stack always has Accueil at the bottom.
        const HOME: &Screen = &Screen::Accueil(super::screens::Accueil { sel: 0 });
        self.stack.last().unwrap_or(HOME)
    }

    /// Whether the person has answers, favourites or a comparison that `q`
    /// would lose: not saved, or changed since they were.
    pub fn travail_non_enregistre(&self) -> bool {
        let s = &self.saisie;
        let has_work = !s.answers.is_empty() || !s.favoris.is_empty() || !s.comparaison.is_empty();
        has_work && self.enregistre.as_ref() != Some(&self.saved())
    }

    /// Whether a questionnaire is under way (answers given, not finished).
    pub fn quiz_in_progress(&self) -> bool {
        self.stack
            .iter()
            .any(|s| matches!(s, Screen::Questionnaire(_)))
    }

    /// Wipes everything the person entered and goes back home.
    pub fn reset(&mut self) {
        self.model.reset();
        self.stack = vec![home()];
    }

    /// Does what a screen asked of the stack.
    fn go(&mut self, nav: Nav) {
        match nav {
            Nav::Stay => {}
            Nav::Back => {
                if self.stack.len() > 1 {
                    self.stack.pop();
                }
            }
            Nav::Open(screen) => self.stack.push(screen),
            Nav::Replace(screen) => {
                self.stack.pop();
                self.stack.push(screen);
            }
            Nav::Reopen(screen) => {
                let kind = std::mem::discriminant(&screen);
                self.stack.retain(|s| std::mem::discriminant(s) != kind);
                self.stack.push(screen);
            }
        }
        if self.stack.is_empty() {
            self.stack.push(home());
        }
    }
}

fn home() -> Screen {
    super::screens::Accueil::default().into()
}

/// Applies one message to the model. Pure: no terminal, no file, no clock.
pub fn update(app: &mut App, msg: Msg) {
    apply(app, msg);
    // What the next frame needs and is too slow to find while drawing.
    if let Screen::FicheMetier(fiche) = app.screen()
        && fiche.tab == Tab::Parcours
    {
        let id = fiche.id.clone();
        app.model.prepare_routes(&id);
    }
}

fn apply(app: &mut App, msg: Msg) {
    app.flash = None;
    match msg {
        Msg::Resize(w, h) => {
            app.size = (w, h);
            return;
        }
        Msg::IdleWarning(secs) => {
            app.idle_countdown = Some(secs);
            return;
        }
        Msg::IdleExpired => {
            app.reset();
            return;
        }
        _ => {}
    }
    if app.idle_countdown.take().is_some() {
        // The key that ends the warning does nothing else.
        return;
    }
    if msg == Msg::Interrupt {
        if app.kiosk {
            app.overlay = Some(Overlay::ConfirmEnd);
        } else {
            app.quit = true;
        }
        return;
    }
    if let Some(overlay) = app.overlay {
        update_overlay(app, overlay, msg);
        return;
    }
    let in_text = app.screen().takes_letters();
    // h j k l move like the arrows, except where letters are typed.
    let msg = match msg {
        Msg::Char('h') if !in_text => Msg::Left,
        Msg::Char('j') if !in_text => Msg::Down,
        Msg::Char('k') if !in_text => Msg::Up,
        Msg::Char('l') if !in_text => Msg::Right,
        other => other,
    };
    let global = keys::global_action(app.kiosk, msg).filter(|_| !in_text || msg == Msg::Help);
    if let Some(g) = global
        && global_key(app, g)
    {
        return;
    }
    // The screen changes a copy of its state, then it is written back: screens
    // never touch the stack, they ask for a move (`Nav`).
    let mut screen = app.screen().clone();
    let nav = match msg {
        Msg::Click(x, y) => screen.click(&mut app.model, x, y),
        msg => screen.update(&mut app.model, msg),
    };
    if let Some(top) = app.stack.last_mut() {
        *top = screen;
    }
    app.go(nav);
}

/// A key of every screen; false when it does nothing here (the screen gets it).
fn global_key(app: &mut App, key: Global) -> bool {
    match key {
        Global::Aide => app.overlay = Some(Overlay::Help),
        Global::Chercher => {
            let nav = super::screens::recherche::open(&mut app.model);
            app.go(nav);
        }
        // Kiosk: "quit" means "wipe my answers and start again".
        Global::ToutEffacer
            if !app.saisie.answers.is_empty()
                || !app.saisie.favoris.is_empty()
                || !app.saisie.comparaison.is_empty() =>
        {
            app.overlay = Some(Overlay::ConfirmToutEffacer)
        }
        Global::ToutEffacer => app.reset(),
        Global::Quitter if app.quiz_in_progress() || app.travail_non_enregistre() => {
            app.overlay = Some(Overlay::ConfirmQuit)
        }
        Global::Quitter => app.quit = true,
        Global::Parler
            if !matches!(app.screen(), Screen::Questionnaire(_) | Screen::Contacts(_)) =>
        {
            app.go(Nav::Open(super::screens::Contacts::default().into()));
        }
        _ => return false,
    }
    true
}

fn update_overlay(app: &mut App, overlay: Overlay, msg: Msg) {
    let yes = matches!(msg, Msg::Char('o' | 'O' | 'y' | 'Y'));
    let no = matches!(msg, Msg::Char('n' | 'N') | Msg::Back);
    match overlay {
        Overlay::Help => {
            if matches!(msg, Msg::Help | Msg::Back | Msg::Enter | Msg::Char('q')) {
                app.overlay = None;
            }
        }
        Overlay::ChooseForm { rapide } => match msg {
            Msg::Up | Msg::Down | Msg::Left | Msg::Right | Msg::Tab | Msg::BackTab => {
                app.overlay = Some(Overlay::ChooseForm { rapide: !rapide });
            }
            Msg::Char('r' | 'R' | '1') => start_quiz(app, Form::Rapide),
            Msg::Char('c' | 'C' | '2') => start_quiz(app, Form::Complet),
            Msg::Enter => start_quiz(app, if rapide { Form::Rapide } else { Form::Complet }),
            Msg::Back | Msg::Char('q') => app.overlay = None,
            _ => {}
        },
        Overlay::ConfirmExport if yes || msg == Msg::Enter => {
            app.overlay = None;
            if let Some(st) = &app.storage {
                app.model.effect = Some(Effect::Export(st.export_dir.clone()));
            }
        }
        Overlay::ConfirmErase if yes => {
            app.overlay = None;
            app.effect = Some(Effect::Erase);
        }
        Overlay::ConfirmEnd if yes || msg == Msg::Interrupt => {
            app.overlay = None;
            app.quit = true;
        }
        Overlay::ConfirmToutEffacer if yes => {
            app.overlay = None;
            app.reset();
        }
        Overlay::ConfirmQuit if yes => {
            app.overlay = None;
            app.quit = true;
        }
        _ if no => app.overlay = None,
        _ => {}
    }
}

fn start_quiz(app: &mut App, form: Form) {
    app.overlay = None;
    app.saisie.answers.clear();
    app.saisie.form = Some(form);
    app.stack.retain(|s| {
        !matches!(
            s,
            Screen::Questionnaire(_) | Screen::Profil(_) | Screen::Resultats(_)
        )
    });
    app.go(Nav::Open(super::screens::Questionnaire::new(form).into()));
}

/// Reports the outcome of an effect the runner performed.
pub fn effect_done(app: &mut App, outcome: Result<String, String>) {
    // What was saved is no longer at risk of being lost by `q`.
    if let Some(saved) = app.model.a_enregistrer.take()
        && outcome.is_ok()
    {
        app.model.enregistre = Some(saved);
    }
    app.effect = None;
    app.flash = Some(match outcome {
        Ok(msg) | Err(msg) => msg,
    });
}
