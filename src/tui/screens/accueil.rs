//! Accueil: what Boussole is, the person's situation, the menu.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Nav, ScreenState, step};
use crate::tui::keys::{Entry, Global, Keys, hidden, key, help_key};
use crate::tui::model::{Effect, Model, Overlay};
use crate::tui::msg::Msg;
use crate::tui::strings as s;
use crate::tui::theme::Palette;
use crate::tui::widgets::style_if;
use crate::tui::{layout, wrap};

/// Row 0 is the situation, then the menu entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accueil {
    pub sel: usize,
}

/// Entries of the home menu, in order (number key = position + 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuEntry {
    Quiz,
    Explorer,
    Recherche,
    Apprentissage,
    Contacts,
    Financement,
    Lieux,
    Recrute,
    Favoris,
    Resultats,
    Enregistrer,
    Effacer,
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    Choisir,
    Departement,
    MetierActuel,
    Bouger,
    Ouvrir,
    Gauche,
    Droite,
    Suivant,
    Precedent,
}

const KEYS: &[Entry<Action>] = &[
    key(
        Keys::Range('1', '9'),
        s::TOUCHE_MENU,
        s::ACTION_CHOISIR,
        Action::Choisir,
    ),
    key(
        Keys::Any(super::MOVES),
        s::TOUCHE_HAUT_BAS,
        s::ACTION_SE_DEPLACER,
        Action::Bouger,
    ),
    key(
        Keys::Any(&[Msg::Enter]),
        s::TOUCHE_ENTREE,
        s::ACTION_OUVRIR,
        Action::Ouvrir,
    ),
    key(
        Keys::Any(&[Msg::Char('d')]),
        s::TOUCHE_D,
        s::ACTION_DEPARTEMENT,
        Action::Departement,
    ),
    Entry::Global(Global::Chercher),
    Entry::Global(Global::Aide),
    Entry::Global(Global::Quitter),
    help_key(
        Keys::Any(&[Msg::Left]),
        s::TOUCHE_GAUCHE_DROITE,
        s::ACTION_CHANGER_SITUATION,
        Action::Gauche,
    ),
    help_key(
        Keys::Any(&[Msg::Char('m')]),
        s::TOUCHE_M,
        s::ACTION_CHOISIR_METIER_ACTUEL,
        Action::MetierActuel,
    ),
    hidden(Keys::Any(&[Msg::Right]), Action::Droite),
    hidden(Keys::Any(&[Msg::Tab]), Action::Suivant),
    hidden(Keys::Any(&[Msg::BackTab]), Action::Precedent),
];

impl Model {
    /// Home menu entries (Résultats only once a profile exists).
    pub fn menu(&self) -> Vec<MenuEntry> {
        let mut m = vec![
            MenuEntry::Quiz,
            MenuEntry::Explorer,
            MenuEntry::Recherche,
            // Entry 4: apprenticeship for pupils, funding for adults.
            if self.adulte() {
                MenuEntry::Financement
            } else {
                MenuEntry::Apprentissage
            },
            MenuEntry::Contacts,
            MenuEntry::Lieux,
            MenuEntry::Recrute,
            MenuEntry::Favoris,
        ];
        if self.saisie.profile.is_some() {
            m.push(MenuEntry::Resultats);
        }
        if self.storage.is_some() && !self.kiosk {
            m.push(MenuEntry::Enregistrer);
            m.push(MenuEntry::Effacer);
        }
        m
    }
}

fn open_entry(model: &mut Model, entry: MenuEntry) -> Nav {
    match entry {
        MenuEntry::Quiz => match model.quiz_en_cours() {
            Some((form, pos, _, _)) => {
                return Nav::Open(super::Questionnaire::reprendre(form, pos).into());
            }
            None => model.overlay = Some(Overlay::ChooseForm { rapide: true }),
        },
        MenuEntry::Explorer => return Nav::Open(super::Explorer::default().into()),
        MenuEntry::Recherche => return super::recherche::open(model),
        MenuEntry::Apprentissage => return Nav::Open(super::Apprentissage::default().into()),
        MenuEntry::Contacts => return Nav::Open(super::Contacts::default().into()),
        MenuEntry::Financement => return Nav::Open(super::Financement::default().into()),
        MenuEntry::Lieux => return super::lieux::open(model),
        MenuEntry::Recrute => return Nav::Open(super::Recrute::default().into()),
        MenuEntry::Favoris => return Nav::Open(super::Favoris::default().into()),
        MenuEntry::Resultats => return super::resultats::open(model),
        MenuEntry::Enregistrer => {
            model.a_enregistrer = Some(model.saved());
            model.effect = Some(Effect::Save);
        }
        MenuEntry::Effacer => model.overlay = Some(Overlay::ConfirmErase),
    }
    Nav::Stay
}

impl ScreenState for Accueil {
    type Action = Action;

    fn title(&self) -> &'static str {
        s::APP_SUBTITLE
    }

    fn keys(&self) -> &'static [Entry<Action>] {
        KEYS
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Nav {
        let menu = model.menu();
        let rows = menu.len() + 1;
        let n_sit = model.content.situations.len().max(1);
        let situation = model.saisie.situation;
        let Some(action) = crate::tui::keys::action(KEYS, msg) else {
            return Nav::Stay;
        };
        match action {
            Action::Choisir => {
                let i = match msg {
                    Msg::Char(c) => (c as usize) - ('1' as usize),
                    _ => return Nav::Stay,
                };
                if let Some(e) = menu.get(i).copied() {
                    self.sel = i + 1;
                    return open_entry(model, e);
                }
            }
            // ← → change the situation from anywhere on Accueil.
            Action::Gauche => model.saisie.situation = (situation + n_sit - 1) % n_sit,
            Action::Droite => model.saisie.situation = (situation + 1) % n_sit,
            Action::Ouvrir if self.sel == 0 => model.saisie.situation = (situation + 1) % n_sit,
            Action::Ouvrir => {
                if let Some(e) = menu.get(self.sel - 1).copied() {
                    return open_entry(model, e);
                }
            }
            Action::MetierActuel => return super::recherche::open_metier_actuel(model),
            Action::Departement => {
                // The person's département, from anywhere on Accueil: none, 14 … 76, none.
                let codes: Vec<Option<String>> = std::iter::once(None)
                    .chain(
                        crate::content::DEPARTEMENTS
                            .iter()
                            .map(|(c, _)| Some((*c).to_string())),
                    )
                    .collect();
                let i = codes
                    .iter()
                    .position(|c| *c == model.saisie.departement)
                    .unwrap_or(0);
                model.set_departement(codes[(i + 1) % codes.len()].clone());
            }
            Action::Suivant => self.sel = (self.sel + 1) % rows,
            Action::Precedent => self.sel = (self.sel + rows - 1) % rows,
            Action::Bouger => self.sel = step(self.sel, rows, msg),
        }
        Nav::Stay
    }

    fn click(&mut self, model: &mut Model, _x: u16, y: u16) -> Nav {
        let menu = model.menu();
        let first = usize::from(layout::FIRST_MENU_ROW);
        let r = usize::from(y);
        if (first..first + menu.len()).contains(&r) {
            self.sel = r - first + 1;
            return open_entry(model, menu[r - first]);
        }
        Nav::Stay
    }

    fn view(
        &self,
        model: &Model,
        theme: &Palette,
        frame: &mut Frame,
        _texts: &mut wrap::Cache,
        area: Rect,
    ) {
        view(model, theme, frame, area, self.sel);
    }
}

/// A menu entry as shown: the questionnaire says when it can be resumed.
pub fn menu_label(model: &Model, e: MenuEntry) -> String {
    if e == MenuEntry::Quiz
        && let Some((_, _, done, total)) = model.quiz_en_cours()
    {
        return s::reprendre_quiz(done, total);
    }
    label(e).to_string()
}

pub fn label(e: MenuEntry) -> &'static str {
    match e {
        MenuEntry::Quiz => s::MENU_QUIZ,
        MenuEntry::Explorer => s::MENU_EXPLORER,
        MenuEntry::Recherche => s::MENU_RECHERCHE,
        MenuEntry::Apprentissage => s::MENU_APPRENTISSAGE,
        MenuEntry::Contacts => s::MENU_CONTACTS,
        MenuEntry::Financement => s::MENU_FINANCEMENT,
        MenuEntry::Lieux => s::MENU_LIEUX,
        MenuEntry::Recrute => s::MENU_RECRUTE,
        MenuEntry::Favoris => s::MENU_FAVORIS,
        MenuEntry::Resultats => s::MENU_RESULTATS,
        MenuEntry::Enregistrer => s::MENU_ENREGISTRER,
        MenuEntry::Effacer => s::MENU_EFFACER,
    }
}

pub fn view(model: &Model, theme: &Palette, frame: &mut Frame, area: Rect, sel: usize) {
    let situation = model
        .content
        .situations
        .get(model.saisie.situation)
        .map_or("", |s| s.libelle.as_str());
    let mut lines = vec![
        Line::from(""),
        Line::from(Span::styled(format!("  {}", s::ACCUEIL_INTRO), theme.title)),
        Line::from(""),
        Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{} : ", s::ACCUEIL_SITUATION), theme.header),
            Span::styled(
                format!("{} {situation} {}", theme.glyphs.left, theme.glyphs.right),
                style_if(sel == 0, theme.selected),
            ),
            Span::styled(
                format!(
                    "  ({} {})",
                    theme.glyphs.key(s::TOUCHE_GAUCHE_DROITE),
                    s::ACCUEIL_SITUATION_AIDE
                ),
                theme.muted,
            ),
        ]),
        Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{} : ", s::ACCUEIL_DEPARTEMENT), theme.header),
            Span::raw(
                model
                    .departement()
                    .map_or(s::ACCUEIL_DEPARTEMENT_AUCUN.to_string(), |d| {
                        crate::content::departement_label(d)
                    }),
            ),
            Span::styled(
                format!(
                    "  ({} {})",
                    theme.glyphs.key(s::TOUCHE_D),
                    s::ACCUEIL_DEPARTEMENT_AIDE
                ),
                theme.muted,
            ),
        ]),
        Line::from(""),
    ];
    let menu = model.menu();
    // Numbers line up when the menu reaches 10.
    let digits = menu.len().to_string().len();
    for (i, e) in menu.into_iter().enumerate() {
        let selected = sel == i + 1;
        let marker = if selected { "> " } else { "  " };
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(format!("{:<digits$} ", i + 1), theme.key),
            Span::styled(
                format!(" {} ", menu_label(model, e)),
                style_if(selected, theme.selected),
            ),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!("  {}", s::ACCUEIL_REGION),
        theme.muted,
    )));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    // Keep the real cursor on the focused row, for screen magnifiers and readers.
    let row = if sel == 0 {
        area.y + 3
    } else {
        area.y + 6 + sel as u16 - 1
    };
    if row < area.bottom() {
        frame.set_cursor_position((area.x + 2, row));
    }
}
