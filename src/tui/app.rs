//! The model of the terminal guide and its `update` function. No I/O here:
//! `update` takes a message and changes the model; views read the model.

use std::collections::HashSet;

use crate::content::{Content, FicheRome, Formation, Metier, Voie};
use crate::matching::{self, Bucket, Filters, Method, Reasons};
use crate::parcours::{self, Etape, Mode, Route};
use crate::quiz::{self, Answer, Answers, Form, Profile};
use crate::search::{Hit, Index, Kind};

use super::layout;
use super::msg::Msg;
use super::strings as s;

/// Lines moved by PgUp / PgDn.
pub const PAGE: usize = 10;
/// Most métiers in a comparison.
pub const MAX_COMPARE: usize = 3;
/// Most results of a live search.
pub const SEARCH_LIMIT: usize = 60;

/// Entries of the home menu, in order (number key = position + 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuEntry {
    Quiz,
    Explorer,
    Recherche,
    Apprentissage,
    Contacts,
    Resultats,
    Enregistrer,
    Effacer,
}

/// Tabs of a métier fiche.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Metier,
    Formations,
    Parcours,
    Normandie,
    Pourquoi,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Metier,
        Tab::Formations,
        Tab::Parcours,
        Tab::Normandie,
        Tab::Pourquoi,
    ];
}

/// Panes of the results screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResPane {
    Filtres,
    Liste,
}

/// One filter row of the results screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterRow {
    Niveau,
    Apprentissage,
    Domaine,
    Departement,
}

impl FilterRow {
    pub const ALL: [FilterRow; 4] = [
        FilterRow::Niveau,
        FilterRow::Apprentissage,
        FilterRow::Domaine,
        FilterRow::Departement,
    ];
}

/// A screen and its own navigation state.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Accueil {
        sel: usize,
    },
    Questionnaire {
        form: Form,
        pos: usize,
        cursor: u8,
    },
    Profil {
        scroll: u16,
    },
    Resultats {
        pane: ResPane,
        sel: usize,
        filter: usize,
    },
    FicheMetier {
        id: String,
        tab: Tab,
        sel: usize,
        scroll: u16,
    },
    FicheFormation {
        id: String,
        sel: usize,
    },
    FicheRome {
        code: String,
        sel: usize,
    },
    Explorer {
        domaine: usize,
        sel: usize,
        right: bool,
    },
    Recherche {
        query: String,
        sel: usize,
    },
    Apprentissage {
        field: usize,
        scroll: u16,
    },
    Contacts {
        scroll: u16,
    },
    Comparer {
        sel: usize,
        scroll: u16,
    },
}

/// Where this session may write (None in kiosk mode: nothing is written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Storage {
    /// Where summaries are exported (the documents directory).
    pub export_dir: std::path::PathBuf,
    /// Where "Enregistrer" keeps the session (the data directory).
    pub data_dir: std::path::PathBuf,
}

/// Something `update` asks the runner to do (file writes happen outside `update`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the summary (Markdown and HTML) into this directory.
    Export(std::path::PathBuf),
    /// Save the session in the data directory.
    Save,
    /// Remove everything saved.
    Erase,
}

/// A dialog over the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ChooseForm {
        rapide: bool,
    },
    ConfirmQuit,
    ConfirmLeaveQuiz,
    /// Kiosk: end the session (Ctrl-C / Ctrl-D)?
    ConfirmEnd,
    /// Write the summary into the export directory?
    ConfirmExport,
    /// Remove everything saved?
    ConfirmErase,
}

/// One ranked métier, owned by the model.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub id: String,
    pub score: f64,
    pub bucket: Bucket,
    pub reasons: Reasons,
}

/// What the person entered: nothing of it leaves the process.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    pub situation: usize,
    pub form: Option<Form>,
    pub answers: Answers,
    pub profile: Option<Profile>,
    pub filters: Filters,
    pub rejected: HashSet<String>,
    pub favoris: Vec<String>,
    pub comparaison: Vec<String>,
    /// Situation chosen on the Parcours tab (defaults to `situation`).
    pub parcours_situation: Option<usize>,
    pub age: u8,
    pub annee: u8,
}

/// The whole model.
pub struct App {
    pub content: Content,
    pub index: Index,
    pub stack: Vec<Screen>,
    pub overlay: Option<Overlay>,
    pub session: Session,
    pub method: Method,
    pub ranked: Vec<Ranked>,
    pub hits: Vec<Hit>,
    /// A short message shown in the bottom bar until the next key.
    pub flash: Option<String>,
    pub quit: bool,
    pub size: (u16, u16),
    /// Kiosk mode: `q` wipes and goes home, Ctrl-C asks before ending.
    pub kiosk: bool,
    /// Kiosk: seconds left before the wipe, while the warning shows.
    pub idle_countdown: Option<u16>,
    /// Where files may be written; None in kiosk mode.
    pub storage: Option<Storage>,
    /// A write for the runner to perform after this update.
    pub effect: Option<Effect>,
    /// The routes the Parcours tab shows, found by `update`: searching them
    /// takes milliseconds, too long to redo at every frame.
    routes: Option<FoundRoutes>,
}

/// Routes from a situation to a métier, as `parcours::routes` found them
/// (formations by their index in `content.formations`).
#[derive(Debug, Clone, PartialEq)]
struct FoundRoutes {
    metier: String,
    situation: usize,
    routes: Vec<FoundRoute>,
}

#[derive(Debug, Clone, PartialEq)]
struct FoundRoute {
    etapes: Vec<(usize, Mode)>,
    duree_mois: Option<u32>,
    tout_apprentissage: bool,
}

/// Most routes shown on the Parcours tab.
pub const MAX_ROUTES: usize = 5;

impl App {
    pub fn new(content: Content) -> Self {
        Self::with_index(content, None)
    }

    /// A model with a ready-made search index (the compiled one of the
    /// bundled content); built from the content when `None`.
    pub fn with_index(content: Content, index: Option<Index>) -> Self {
        let index = index.unwrap_or_else(|| Index::new(&content));
        let situation = content
            .situations
            .iter()
            .position(|s| s.id == "3e")
            .unwrap_or(0);
        Self {
            content,
            index,
            stack: vec![Screen::Accueil { sel: 0 }],
            overlay: None,
            session: Session {
                situation,
                age: 16,
                annee: 1,
                ..Session::default()
            },
            method: Method::Correlation,
            ranked: Vec::new(),
            hits: Vec::new(),
            flash: None,
            quit: false,
            size: (80, 24),
            kiosk: false,
            idle_countdown: None,
            storage: None,
            effect: None,
            routes: None,
        }
    }

    /// A model for a kiosk session.
    pub fn kiosk(content: Content) -> Self {
        Self {
            kiosk: true,
            ..Self::new(content)
        }
    }

    pub fn screen(&self) -> &Screen {
        // The stack always has Accueil at the bottom.
        self.stack.last().unwrap_or(&Screen::Accueil { sel: 0 })
    }

    fn screen_mut(&mut self) -> &mut Screen {
        if self.stack.is_empty() {
            self.stack.push(Screen::Accueil { sel: 0 });
        }
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    /// Home menu entries (Résultats only once a profile exists).
    pub fn menu(&self) -> Vec<MenuEntry> {
        let mut m = vec![
            MenuEntry::Quiz,
            MenuEntry::Explorer,
            MenuEntry::Recherche,
            MenuEntry::Apprentissage,
            MenuEntry::Contacts,
        ];
        if self.session.profile.is_some() {
            m.push(MenuEntry::Resultats);
        }
        if self.storage.is_some() && !self.kiosk {
            m.push(MenuEntry::Enregistrer);
            m.push(MenuEntry::Effacer);
        }
        m
    }

    /// The session as it would be saved or exported.
    pub fn saved(&self) -> crate::session::Saved {
        let mut rejetes: Vec<String> = self.session.rejected.iter().cloned().collect();
        rejetes.sort();
        crate::session::Saved::new(
            self.situation_id(),
            self.session.form,
            &self.session.answers,
            &self.session.favoris,
            &rejetes,
        )
    }

    /// Restores a saved session (answers, favourites, rejected métiers).
    pub fn restore(&mut self, saved: &crate::session::Saved) {
        if let Some(i) = self
            .content
            .situations
            .iter()
            .position(|s| s.id == saved.situation)
        {
            self.session.situation = i;
        }
        self.session.form = saved.questionnaire.map(Form::from);
        self.session.answers = saved.answers();
        self.session.favoris = saved
            .favoris
            .iter()
            .filter(|id| self.content.metier(id).is_some())
            .cloned()
            .collect();
        self.session.rejected = saved.rejetes.iter().cloned().collect();
        self.session.profile = (!self.session.answers.is_empty())
            .then(|| quiz::score(&self.content.questionnaire, &self.session.answers));
        self.recompute();
    }

    /// The situation the Parcours tab starts from (index in `content.situations`).
    pub fn parcours_situation(&self) -> usize {
        self.session
            .parcours_situation
            .unwrap_or(self.session.situation)
    }

    /// The routes from situation `situation` to the métier: those `update`
    /// found for the Parcours tab, or found now if they are not these.
    pub fn routes<'a>(&'a self, metier: &'a Metier, situation: usize) -> Vec<Route<'a>> {
        let formations = &self.content.formations;
        match &self.routes {
            Some(found) if found.metier == metier.id && found.situation == situation => found
                .routes
                .iter()
                .map(|r| Route {
                    etapes: r
                        .etapes
                        .iter()
                        .filter_map(|&(i, mode)| {
                            formations.get(i).map(|formation| Etape { formation, mode })
                        })
                        .collect(),
                    duree_mois: r.duree_mois,
                    tout_apprentissage: r.tout_apprentissage,
                })
                .collect(),
            _ => self.find_routes(metier, situation),
        }
    }

    fn find_routes<'a>(&'a self, metier: &'a Metier, situation: usize) -> Vec<Route<'a>> {
        match self.content.situations.get(situation) {
            Some(s) => parcours::routes(&self.content, &s.id, metier, MAX_ROUTES),
            None => Vec::new(),
        }
    }

    /// Finds the routes the Parcours tab will show, if it is open and they
    /// are not known yet.
    fn prepare_routes(&mut self) {
        let Screen::FicheMetier {
            id,
            tab: Tab::Parcours,
            ..
        } = self.screen()
        else {
            return;
        };
        let situation = self.parcours_situation();
        if self
            .routes
            .as_ref()
            .is_some_and(|r| r.metier == *id && r.situation == situation)
        {
            return;
        }
        let Some(metier) = self.content.metier(id) else {
            return;
        };
        let formations = &self.content.formations;
        let index_of = |f: &Formation| formations.iter().position(|x| std::ptr::eq(x, f));
        let routes = self
            .find_routes(metier, situation)
            .iter()
            .map(|r| FoundRoute {
                etapes: r
                    .etapes
                    .iter()
                    .filter_map(|e| index_of(e.formation).map(|i| (i, e.mode)))
                    .collect(),
                duree_mois: r.duree_mois,
                tout_apprentissage: r.tout_apprentissage,
            })
            .collect();
        self.routes = Some(FoundRoutes {
            metier: metier.id.clone(),
            situation,
            routes,
        });
    }

    pub fn situation_id(&self) -> &str {
        self.content
            .situations
            .get(self.session.situation)
            .map_or("3e", |s| s.id.as_str())
    }

    pub fn quiz_items(&self, form: Form) -> Vec<&crate::content::Item> {
        quiz::items(&self.content.questionnaire, form)
    }

    /// Whether a questionnaire is under way (answers given, not finished).
    pub fn quiz_in_progress(&self) -> bool {
        self.stack
            .iter()
            .any(|s| matches!(s, Screen::Questionnaire { .. }))
    }

    /// Rich métiers of a domain, then ROME codes of the domain without a rich fiche.
    pub fn domain_entries(&self, domaine: usize) -> Vec<DomainEntry<'_>> {
        let Some(d) = self.content.domaines.get(domaine) else {
            return Vec::new();
        };
        let mut out: Vec<DomainEntry<'_>> = self
            .content
            .metiers
            .iter()
            .filter(|m| m.domaine == d.lettre)
            .map(DomainEntry::Metier)
            .collect();
        out.extend(
            self.content
                .rome
                .iter()
                .filter(|r| r.code.starts_with(d.lettre.as_str()))
                .map(DomainEntry::Rome),
        );
        out
    }

    /// Links shown on a formation fiche: poursuites, then métiers.
    pub fn formation_links(&self, id: &str) -> Vec<Link> {
        let Some(f) = self.content.formation(id) else {
            return Vec::new();
        };
        let mut links: Vec<Link> = f
            .poursuites
            .iter()
            .filter(|p| self.content.formation(p).is_some())
            .map(|p| Link::Formation(p.clone()))
            .collect();
        links.extend(
            self.content
                .metiers_of_formation(id)
                .map(|m| Link::Metier(m.id.clone())),
        );
        links
    }

    /// Rich métiers sharing a ROME code.
    pub fn rome_links(&self, code: &str) -> Vec<Link> {
        self.content
            .metiers
            .iter()
            .filter(|m| m.rome.iter().any(|c| c == code))
            .map(|m| Link::Metier(m.id.clone()))
            .collect()
    }

    fn recompute(&mut self) {
        let Some(profile) = self.session.profile else {
            self.ranked.clear();
            return;
        };
        let results = matching::rank(
            &self.content,
            &profile,
            &self.session.answers,
            &self.session.filters,
            &self.session.rejected,
        );
        self.method = results.method;
        self.ranked = results
            .matches
            .into_iter()
            .map(|m| Ranked {
                id: m.metier.id.clone(),
                score: m.score,
                bucket: m.bucket,
                reasons: m.reasons,
            })
            .collect();
    }

    /// Whether the content says where any formation takes place.
    pub fn has_places(&self) -> bool {
        self.content.formations.iter().any(|f| !f.lieux.is_empty())
    }

    /// Rows of the results list: a group header (`None`) before each bucket,
    /// then the index of each ranked métier.
    pub fn result_rows(&self) -> Vec<Option<usize>> {
        let mut rows = Vec::with_capacity(self.ranked.len() + 3);
        let mut last = None;
        for (i, r) in self.ranked.iter().enumerate() {
            if last != Some(r.bucket) {
                rows.push(None);
                last = Some(r.bucket);
            }
            rows.push(Some(i));
        }
        rows
    }

    /// Rows of the search results: a header (`None`) before each kind.
    pub fn search_rows(&self) -> Vec<Option<usize>> {
        let mut rows = Vec::with_capacity(self.hits.len() + 3);
        let mut last = None;
        for (i, h) in self.hits.iter().enumerate() {
            if last != Some(h.kind) {
                rows.push(None);
                last = Some(h.kind);
            }
            rows.push(Some(i));
        }
        rows
    }

    /// The ranked métier for an id, if in the current results.
    pub fn ranked_of(&self, id: &str) -> Option<&Ranked> {
        self.ranked.iter().find(|r| r.id == id)
    }

    /// Wipes everything the person entered and goes back home.
    pub fn reset(&mut self) {
        let situation = self
            .content
            .situations
            .iter()
            .position(|s| s.id == "3e")
            .unwrap_or(0);
        self.session = Session {
            situation,
            age: 16,
            annee: 1,
            ..Session::default()
        };
        self.ranked.clear();
        self.hits.clear();
        self.routes = None;
        self.overlay = None;
        self.idle_countdown = None;
        self.flash = None;
        self.stack = vec![Screen::Accueil { sel: 0 }];
    }

    fn push(&mut self, screen: Screen) {
        self.stack.push(screen);
    }

    fn back(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    fn open_metier(&mut self, id: String) {
        self.push(Screen::FicheMetier {
            id,
            tab: Tab::Metier,
            sel: 0,
            scroll: 0,
        });
    }

    fn open_link(&mut self, link: Link) {
        match link {
            Link::Metier(id) => self.open_metier(id),
            Link::Formation(id) => self.push(Screen::FicheFormation { id, sel: 0 }),
        }
    }

    fn toggle_favori(&mut self, id: &str) {
        if let Some(pos) = self.session.favoris.iter().position(|f| f == id) {
            self.session.favoris.remove(pos);
            self.flash = Some(s::MSG_FAVORI_RETIRE.to_string());
        } else {
            self.session.favoris.push(id.to_string());
            self.flash = Some(s::MSG_FAVORI_AJOUTE.to_string());
        }
    }

    fn toggle_compare(&mut self, id: &str) {
        if let Some(pos) = self.session.comparaison.iter().position(|f| f == id) {
            self.session.comparaison.remove(pos);
            self.flash = Some(s::MSG_COMPARE_RETIRE.to_string());
        } else if self.session.comparaison.len() >= MAX_COMPARE {
            self.flash = Some(s::MSG_COMPARE_PLEIN.to_string());
        } else {
            self.session.comparaison.push(id.to_string());
            self.flash = Some(s::MSG_COMPARE_AJOUTE.to_string());
        }
    }

    fn run_search(&mut self) {
        if let Screen::Recherche { query, .. } = self.screen() {
            let mut hits = self.index.search(query, SEARCH_LIMIT);
            // Grouped by kind, best first within each group.
            hits.sort_by_key(|h| h.kind);
            self.hits = hits;
        }
    }
}

/// A row of the Explorer's right column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DomainEntry<'a> {
    Metier(&'a Metier),
    Rome(&'a FicheRome),
}

/// A link to another fiche.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Metier(String),
    Formation(String),
}

fn step(sel: usize, len: usize, msg: Msg) -> usize {
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

fn scroll(v: u16, msg: Msg) -> u16 {
    match msg {
        Msg::Up | Msg::ScrollUp => v.saturating_sub(1),
        Msg::Down | Msg::ScrollDown => v.saturating_add(1).min(500),
        Msg::PageUp => v.saturating_sub(PAGE as u16),
        Msg::PageDown => v.saturating_add(PAGE as u16).min(500),
        Msg::Home => 0,
        _ => v,
    }
}

fn is_nav(msg: Msg) -> bool {
    matches!(
        msg,
        Msg::Up
            | Msg::Down
            | Msg::PageUp
            | Msg::PageDown
            | Msg::Home
            | Msg::End
            | Msg::ScrollUp
            | Msg::ScrollDown
    )
}

/// Applies one message to the model. Pure: no terminal, no file, no clock.
pub fn update(app: &mut App, msg: Msg) {
    apply(app, msg);
    // What the next frame needs and is too slow to find while drawing.
    app.prepare_routes();
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
    let in_text = matches!(app.screen(), Screen::Recherche { .. });
    // h j k l move like the arrows, except where letters are typed.
    let msg = match msg {
        Msg::Char('h') if !in_text => Msg::Left,
        Msg::Char('j') if !in_text => Msg::Down,
        Msg::Char('k') if !in_text => Msg::Up,
        Msg::Char('l') if !in_text => Msg::Right,
        other => other,
    };
    match msg {
        Msg::Help => {
            app.overlay = Some(Overlay::Help);
            return;
        }
        Msg::Char('/') if !in_text => {
            app.push(Screen::Recherche {
                query: String::new(),
                sel: 0,
            });
            app.hits.clear();
            return;
        }
        Msg::Char('q') if !in_text && app.kiosk => {
            // Kiosk: "quit" means "wipe my answers and start again".
            app.reset();
            return;
        }
        Msg::Char('q') if !in_text => {
            if app.quiz_in_progress() {
                app.overlay = Some(Overlay::ConfirmQuit);
            } else {
                app.quit = true;
            }
            return;
        }
        Msg::Char('p')
            if !in_text
                && !matches!(
                    app.screen(),
                    Screen::Questionnaire { .. } | Screen::Contacts { .. }
                ) =>
        {
            app.push(Screen::Contacts { scroll: 0 });
            return;
        }
        _ => {}
    }
    if let Msg::Click(x, y) = msg {
        click(app, x, y);
        return;
    }
    let screen = app.screen().clone();
    match screen {
        Screen::Accueil { sel } => update_accueil(app, sel, msg),
        Screen::Questionnaire { form, pos, cursor } => update_quiz(app, form, pos, cursor, msg),
        Screen::Profil { scroll: sc } => match msg {
            Msg::Enter => open_results(app),
            Msg::Back => app.back(),
            m => {
                if let Screen::Profil { scroll: v } = app.screen_mut() {
                    *v = scroll(sc, m);
                }
            }
        },
        Screen::Resultats { pane, sel, filter } => update_results(app, pane, sel, filter, msg),
        Screen::FicheMetier {
            id,
            tab,
            sel,
            scroll: sc,
        } => update_fiche(app, id, tab, sel, sc, msg),
        Screen::FicheFormation { id, sel } => {
            let links = app.formation_links(&id);
            update_links(app, &links, sel, msg);
        }
        Screen::FicheRome { code, sel } => {
            let links = app.rome_links(&code);
            update_links(app, &links, sel, msg);
        }
        Screen::Explorer {
            domaine,
            sel,
            right,
        } => update_explorer(app, domaine, sel, right, msg),
        Screen::Recherche { query, sel } => update_search(app, query, sel, msg),
        Screen::Apprentissage { field, scroll: sc } => update_apprentissage(app, field, sc, msg),
        Screen::Contacts { scroll: sc } => match msg {
            Msg::Back => app.back(),
            m => {
                if let Screen::Contacts { scroll: v } = app.screen_mut() {
                    *v = scroll(sc, m);
                }
            }
        },
        Screen::Comparer { sel, scroll: sc } => {
            let len = app.session.comparaison.len();
            match msg {
                Msg::Back => app.back(),
                Msg::Left | Msg::BackTab => set_compare_sel(app, sel.saturating_sub(1)),
                Msg::Right | Msg::Tab => set_compare_sel(app, (sel + 1).min(len.saturating_sub(1))),
                m if is_nav(m) => {
                    if let Screen::Comparer { scroll: v, .. } = app.screen_mut() {
                        *v = scroll(sc, m);
                    }
                }
                Msg::Char('x' | 'c') => {
                    if let Some(id) = app.session.comparaison.get(sel).cloned() {
                        app.toggle_compare(&id);
                        set_compare_sel(
                            app,
                            sel.min(app.session.comparaison.len().saturating_sub(1)),
                        );
                    }
                }
                Msg::Enter => {
                    if let Some(id) = app.session.comparaison.get(sel).cloned() {
                        app.open_metier(id);
                    }
                }
                _ => {}
            }
        }
    }
}

/// A fiche whose body is a list of links (formation, fiche courte).
fn update_links(app: &mut App, links: &[Link], sel: usize, msg: Msg) {
    match msg {
        Msg::Back => app.back(),
        Msg::Enter => {
            if let Some(l) = links.get(sel).cloned() {
                app.open_link(l);
            }
        }
        m if is_nav(m) => {
            if let Screen::FicheFormation { sel: s, .. } | Screen::FicheRome { sel: s, .. } =
                app.screen_mut()
            {
                *s = step(sel, links.len(), m);
            }
        }
        _ => {}
    }
}

fn set_compare_sel(app: &mut App, value: usize) {
    if let Screen::Comparer { sel, .. } = app.screen_mut() {
        *sel = value;
    }
}

fn update_overlay(app: &mut App, overlay: Overlay, msg: Msg) {
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
        Overlay::ConfirmExport => match msg {
            Msg::Char('o' | 'O' | 'y' | 'Y') | Msg::Enter => {
                app.overlay = None;
                if let Some(st) = &app.storage {
                    app.effect = Some(Effect::Export(st.export_dir.clone()));
                }
            }
            Msg::Char('n' | 'N') | Msg::Back => app.overlay = None,
            _ => {}
        },
        Overlay::ConfirmErase => match msg {
            Msg::Char('o' | 'O' | 'y' | 'Y') => {
                app.overlay = None;
                app.effect = Some(Effect::Erase);
            }
            Msg::Char('n' | 'N') | Msg::Back => app.overlay = None,
            _ => {}
        },
        Overlay::ConfirmEnd => match msg {
            Msg::Char('o' | 'O' | 'y' | 'Y') | Msg::Interrupt => {
                app.overlay = None;
                app.quit = true;
            }
            Msg::Char('n' | 'N') | Msg::Back => app.overlay = None,
            _ => {}
        },
        Overlay::ConfirmQuit => match msg {
            Msg::Char('o' | 'O' | 'y' | 'Y') => {
                app.overlay = None;
                app.quit = true;
            }
            Msg::Char('n' | 'N') | Msg::Back => app.overlay = None,
            _ => {}
        },
        Overlay::ConfirmLeaveQuiz => match msg {
            Msg::Char('o' | 'O' | 'y' | 'Y') => {
                app.overlay = None;
                app.session.answers.clear();
                app.session.form = None;
                app.stack
                    .retain(|s| !matches!(s, Screen::Questionnaire { .. }));
                if app.stack.is_empty() {
                    app.stack.push(Screen::Accueil { sel: 0 });
                }
            }
            Msg::Char('n' | 'N') | Msg::Back => app.overlay = None,
            _ => {}
        },
    }
}

fn start_quiz(app: &mut App, form: Form) {
    app.overlay = None;
    app.session.answers.clear();
    app.session.form = Some(form);
    app.stack.retain(|s| {
        !matches!(
            s,
            Screen::Questionnaire { .. } | Screen::Profil { .. } | Screen::Resultats { .. }
        )
    });
    app.push(Screen::Questionnaire {
        form,
        pos: 0,
        cursor: 2,
    });
}

fn open_entry(app: &mut App, entry: MenuEntry) {
    match entry {
        MenuEntry::Quiz => app.overlay = Some(Overlay::ChooseForm { rapide: true }),
        MenuEntry::Explorer => app.push(Screen::Explorer {
            domaine: 0,
            sel: 0,
            right: false,
        }),
        MenuEntry::Recherche => {
            app.hits.clear();
            app.push(Screen::Recherche {
                query: String::new(),
                sel: 0,
            });
        }
        MenuEntry::Apprentissage => app.push(Screen::Apprentissage {
            field: 0,
            scroll: 0,
        }),
        MenuEntry::Contacts => app.push(Screen::Contacts { scroll: 0 }),
        MenuEntry::Resultats => open_results(app),
        MenuEntry::Enregistrer => app.effect = Some(Effect::Save),
        MenuEntry::Effacer => app.overlay = Some(Overlay::ConfirmErase),
    }
}

/// Asks to export the summary, if this session may write.
fn ask_export(app: &mut App) {
    if app.storage.is_some() && !app.kiosk {
        app.overlay = Some(Overlay::ConfirmExport);
    }
}

/// Reports the outcome of an effect the runner performed.
pub fn effect_done(app: &mut App, outcome: Result<String, String>) {
    app.effect = None;
    app.flash = Some(match outcome {
        Ok(msg) | Err(msg) => msg,
    });
}

fn update_accueil(app: &mut App, sel: usize, msg: Msg) {
    let menu = app.menu();
    // Row 0 is the situation, then the menu entries.
    let rows = menu.len() + 1;
    let n_sit = app.content.situations.len().max(1);
    let set_sel = |app: &mut App, v: usize| {
        if let Screen::Accueil { sel } = app.screen_mut() {
            *sel = v;
        }
    };
    match msg {
        Msg::Char(c @ '1'..='9') => {
            let i = (c as usize) - ('1' as usize);
            if let Some(e) = menu.get(i).copied() {
                set_sel(app, i + 1);
                open_entry(app, e);
            }
        }
        Msg::Left if sel == 0 => {
            app.session.situation = (app.session.situation + n_sit - 1) % n_sit
        }
        Msg::Right if sel == 0 => app.session.situation = (app.session.situation + 1) % n_sit,
        Msg::Enter if sel == 0 => app.session.situation = (app.session.situation + 1) % n_sit,
        Msg::Enter => {
            if let Some(e) = menu.get(sel - 1).copied() {
                open_entry(app, e);
            }
        }
        Msg::Tab => set_sel(app, (sel + 1) % rows),
        Msg::BackTab => set_sel(app, (sel + rows - 1) % rows),
        Msg::Click(_, row) => {
            let first = usize::from(layout::FIRST_MENU_ROW);
            let r = usize::from(row);
            if (first..first + menu.len()).contains(&r) {
                set_sel(app, r - first + 1);
                open_entry(app, menu[r - first]);
            }
        }
        m if is_nav(m) => set_sel(app, step(sel, rows, m)),
        _ => {}
    }
}

fn update_quiz(app: &mut App, form: Form, pos: usize, cursor: u8, msg: Msg) {
    let items: Vec<String> = app.quiz_items(form).iter().map(|i| i.id.clone()).collect();
    let total = items.len();
    let set = |app: &mut App, pos: usize, cursor: u8| {
        if let Screen::Questionnaire {
            pos: p, cursor: c, ..
        } = app.screen_mut()
        {
            *p = pos;
            *c = cursor;
        }
    };
    let cursor_of = |app: &App, pos: usize| -> u8 {
        match items.get(pos).and_then(|id| app.session.answers.get(id)) {
            Some(Answer::Note(n)) => n,
            Some(Answer::NeSaitPas) => 5,
            None => 2,
        }
    };
    if total == 0 {
        if msg == Msg::Back {
            app.back();
        }
        return;
    }
    let answer = match msg {
        Msg::Char(c @ '0'..='4') => Some(Answer::Note(c as u8 - b'0')),
        Msg::Char('n' | 'N') => Some(Answer::NeSaitPas),
        Msg::Enter => Some(if cursor >= 5 {
            Answer::NeSaitPas
        } else {
            Answer::Note(cursor)
        }),
        _ => None,
    };
    if let Some(a) = answer {
        if let Some(id) = items.get(pos) {
            app.session.answers.set(id, a);
        }
        if pos + 1 >= total {
            finish_quiz(app);
        } else {
            let c = cursor_of(app, pos + 1);
            set(app, pos + 1, c);
        }
        return;
    }
    match msg {
        Msg::Up | Msg::ScrollUp => set(app, pos, cursor.saturating_sub(1)),
        Msg::Down | Msg::ScrollDown => set(app, pos, (cursor + 1).min(5)),
        Msg::Left | Msg::Backspace if pos > 0 => {
            let c = cursor_of(app, pos - 1);
            set(app, pos - 1, c);
        }
        Msg::Right
            if pos + 1 < total
                && items
                    .get(pos)
                    .is_some_and(|id| app.session.answers.get(id).is_some()) =>
        {
            let c = cursor_of(app, pos + 1);
            set(app, pos + 1, c);
        }
        Msg::Back => {
            if app.session.answers.is_empty() {
                app.back();
            } else {
                app.overlay = Some(Overlay::ConfirmLeaveQuiz);
            }
        }
        _ => {}
    }
}

fn finish_quiz(app: &mut App) {
    let profile = quiz::score(&app.content.questionnaire, &app.session.answers);
    app.session.profile = Some(profile);
    app.session.rejected.clear();
    app.stack
        .retain(|s| !matches!(s, Screen::Questionnaire { .. }));
    app.recompute();
    app.push(Screen::Profil { scroll: 0 });
}

fn open_results(app: &mut App) {
    if app.session.profile.is_none() {
        return;
    }
    app.recompute();
    app.stack.retain(|s| !matches!(s, Screen::Resultats { .. }));
    app.push(Screen::Resultats {
        pane: ResPane::Liste,
        sel: 0,
        filter: 0,
    });
}

/// Values a filter cycles through.
fn cycle_filter(app: &mut App, row: FilterRow, forward: bool) {
    let has_places = app.has_places();
    let f = &mut app.session.filters;
    match row {
        FilterRow::Niveau => {
            let values = [None, Some(3), Some(4), Some(5), Some(6), Some(7), Some(8)];
            let i = values.iter().position(|v| *v == f.niveau_max).unwrap_or(0);
            f.niveau_max = values[cycle(i, values.len(), forward)];
        }
        FilterRow::Apprentissage => f.apprentissage_seulement = !f.apprentissage_seulement,
        FilterRow::Domaine => {
            let mut values: Vec<Option<String>> = vec![None];
            values.extend(app.content.domaines.iter().map(|d| Some(d.lettre.clone())));
            let i = values.iter().position(|v| *v == f.domaine).unwrap_or(0);
            f.domaine = values[cycle(i, values.len(), forward)].clone();
        }
        FilterRow::Departement if !has_places => {
            // No formation has a place yet: a département filter would hide everything.
        }
        FilterRow::Departement => {
            let mut values: Vec<Option<String>> = vec![None];
            values.extend(
                crate::content::DEPARTEMENTS
                    .iter()
                    .map(|d| Some((*d).to_string())),
            );
            let i = values.iter().position(|v| *v == f.departement).unwrap_or(0);
            f.departement = values[cycle(i, values.len(), forward)].clone();
        }
    }
    app.recompute();
}

fn cycle(i: usize, len: usize, forward: bool) -> usize {
    if forward {
        (i + 1) % len
    } else {
        (i + len - 1) % len
    }
}

fn update_results(app: &mut App, pane: ResPane, sel: usize, filter: usize, msg: Msg) {
    let len = app.ranked.len();
    let set = |app: &mut App, pane: ResPane, sel: usize, filter: usize| {
        if let Screen::Resultats {
            pane: p,
            sel: s,
            filter: f,
        } = app.screen_mut()
        {
            *p = pane;
            *s = sel;
            *f = filter;
        }
    };
    let current = app.ranked.get(sel).map(|r| r.id.clone());
    match msg {
        Msg::Back => app.back(),
        Msg::Tab | Msg::BackTab => {
            let other = if pane == ResPane::Liste {
                ResPane::Filtres
            } else {
                ResPane::Liste
            };
            set(app, other, sel, filter);
        }
        Msg::Char('x') => {
            if let Some(id) = current {
                app.session.rejected.insert(id);
                app.session
                    .favoris
                    .retain(|f| !app.session.rejected.contains(f));
                app.recompute();
                app.flash = Some(s::MSG_REJETE.to_string());
                set(
                    app,
                    pane,
                    sel.min(app.ranked.len().saturating_sub(1)),
                    filter,
                );
            }
        }
        Msg::Char('f') => {
            if let Some(id) = current {
                app.toggle_favori(&id);
            }
        }
        Msg::Char('c') => {
            if let Some(id) = current {
                app.toggle_compare(&id);
            }
        }
        Msg::Char('v') => app.push(Screen::Comparer { sel: 0, scroll: 0 }),
        Msg::Char('e') => ask_export(app),
        _ if pane == ResPane::Filtres => match msg {
            Msg::Up | Msg::Down | Msg::Home | Msg::End => {
                set(app, pane, sel, step(filter, FilterRow::ALL.len(), msg))
            }
            Msg::Left | Msg::Right | Msg::Enter | Msg::Char(' ') => {
                let row = FilterRow::ALL[filter.min(FilterRow::ALL.len() - 1)];
                cycle_filter(app, row, msg != Msg::Left);
                set(app, pane, 0, filter);
            }
            _ => {}
        },
        Msg::Enter => {
            if let Some(id) = current {
                app.open_metier(id);
            }
        }
        m if is_nav(m) => set(app, pane, step(sel, len, m), filter),
        _ => {}
    }
}

/// Number of selectable rows on a métier fiche's tab.
fn fiche_rows(app: &App, id: &str, tab: Tab) -> usize {
    match tab {
        Tab::Formations => app.content.metier(id).map_or(0, |m| m.formations.len()),
        _ => 0,
    }
}

fn visible_tabs(app: &App) -> Vec<Tab> {
    Tab::ALL
        .into_iter()
        .filter(|t| *t != Tab::Pourquoi || app.session.profile.is_some())
        .collect()
}

fn update_fiche(app: &mut App, id: String, tab: Tab, sel: usize, sc: u16, msg: Msg) {
    let tabs = visible_tabs(app);
    let ti = tabs.iter().position(|t| *t == tab).unwrap_or(0);
    let set = |app: &mut App, tab: Tab, sel: usize, sc: u16| {
        if let Screen::FicheMetier {
            tab: t,
            sel: s,
            scroll: v,
            ..
        } = app.screen_mut()
        {
            *t = tab;
            *s = sel;
            *v = sc;
        }
    };
    match msg {
        Msg::Back => app.back(),
        Msg::Right | Msg::Tab => set(app, tabs[(ti + 1) % tabs.len()], 0, 0),
        Msg::Left | Msg::BackTab => set(app, tabs[(ti + tabs.len() - 1) % tabs.len()], 0, 0),
        Msg::Char(c @ '1'..='5') => {
            if let Some(t) = tabs.get(c as usize - '1' as usize) {
                set(app, *t, 0, 0);
            }
        }
        Msg::Char('f') => app.toggle_favori(&id),
        Msg::Char('c') => app.toggle_compare(&id),
        Msg::Char('e') => ask_export(app),
        Msg::Char('v') => app.push(Screen::Comparer { sel: 0, scroll: 0 }),
        Msg::Char('s') if tab == Tab::Parcours => {
            let n = app.content.situations.len().max(1);
            let cur = app.parcours_situation();
            app.session.parcours_situation = Some((cur + 1) % n);
            set(app, tab, 0, 0);
        }
        Msg::Enter if tab == Tab::Formations => {
            if let Some(fid) = app
                .content
                .metier(&id)
                .and_then(|m| m.formations.get(sel))
                .cloned()
            {
                app.open_link(Link::Formation(fid));
            }
        }
        m if is_nav(m) => {
            let rows = fiche_rows(app, &id, tab);
            if rows > 0 {
                set(app, tab, step(sel, rows, m), sc);
            } else {
                set(app, tab, sel, scroll(sc, m));
            }
        }
        _ => {}
    }
}

fn update_explorer(app: &mut App, domaine: usize, sel: usize, right: bool, msg: Msg) {
    let n_dom = app.content.domaines.len();
    let set = |app: &mut App, d: usize, s: usize, r: bool| {
        if let Screen::Explorer {
            domaine,
            sel,
            right,
        } = app.screen_mut()
        {
            *domaine = d;
            *sel = s;
            *right = r;
        }
    };
    match msg {
        Msg::Back if right => set(app, domaine, sel, false),
        Msg::Back => app.back(),
        Msg::Tab | Msg::BackTab => set(app, domaine, sel, !right),
        Msg::Right if !right => set(app, domaine, 0, true),
        Msg::Left if right => set(app, domaine, sel, false),
        Msg::Enter if !right => set(app, domaine, 0, true),
        Msg::Enter => match app.domain_entries(domaine).get(sel) {
            Some(DomainEntry::Metier(m)) => {
                let id = m.id.clone();
                app.open_metier(id);
            }
            Some(DomainEntry::Rome(r)) => {
                let code = r.code.clone();
                app.push(Screen::FicheRome { code, sel: 0 });
            }
            None => {}
        },
        m if is_nav(m) => {
            if right {
                let len = app.domain_entries(domaine).len();
                set(app, domaine, step(sel, len, m), true);
            } else {
                set(app, step(domaine, n_dom, m), 0, false);
            }
        }
        _ => {}
    }
}

fn update_search(app: &mut App, mut query: String, sel: usize, msg: Msg) {
    let set = |app: &mut App, q: String, s: usize| {
        if let Screen::Recherche { query, sel } = app.screen_mut() {
            *query = q;
            *sel = s;
        }
    };
    match msg {
        Msg::Back => {
            app.hits.clear();
            app.back();
        }
        Msg::Char(c) => {
            if query.chars().count() < 80 {
                query.push(c);
            }
            set(app, query, 0);
            app.run_search();
        }
        Msg::Backspace => {
            query.pop();
            set(app, query, 0);
            app.run_search();
        }
        Msg::ClearInput => {
            set(app, String::new(), 0);
            app.run_search();
        }
        Msg::Enter => {
            if let Some(hit) = app.hits.get(sel).cloned() {
                match hit.kind {
                    Kind::Metier => app.open_metier(hit.id),
                    Kind::Formation => app.open_link(Link::Formation(hit.id)),
                    Kind::Rome => app.push(Screen::FicheRome {
                        code: hit.id,
                        sel: 0,
                    }),
                }
            }
        }
        m if is_nav(m) => {
            let len = app.hits.len();
            set(app, query, step(sel, len, m));
        }
        _ => {}
    }
}

/// Ages offered by the pay simulator.
pub const AGES: std::ops::RangeInclusive<u8> = 15..=30;

fn update_apprentissage(app: &mut App, field: usize, sc: u16, msg: Msg) {
    let set = |app: &mut App, f: usize, v: u16| {
        if let Screen::Apprentissage { field, scroll } = app.screen_mut() {
            *field = f;
            *scroll = v;
        }
    };
    let years = app
        .content
        .apprentissage
        .remuneration
        .tranche
        .iter()
        .map(|t| t.taux.len())
        .max()
        .unwrap_or(1)
        .max(1) as u8;
    match msg {
        Msg::Back => app.back(),
        Msg::Up | Msg::BackTab => set(app, field.saturating_sub(1), sc),
        Msg::Down | Msg::Tab => set(app, (field + 1).min(1), sc),
        Msg::Left | Msg::Right => {
            let fwd = msg == Msg::Right;
            if field == 0 {
                let a = app.session.age;
                app.session.age = if fwd {
                    (a + 1).min(*AGES.end())
                } else {
                    a.saturating_sub(1).max(*AGES.start())
                };
            } else {
                let y = app.session.annee;
                app.session.annee = if fwd {
                    (y + 1).min(years)
                } else {
                    y.saturating_sub(1).max(1)
                };
            }
        }
        m @ (Msg::PageUp | Msg::PageDown | Msg::Home | Msg::ScrollUp | Msg::ScrollDown) => {
            set(app, field, scroll(sc, m))
        }
        _ => {}
    }
}

/// Whether a formation can be followed by apprenticeship (for views).
pub fn by_apprenticeship(content: &Content, id: &str) -> bool {
    content
        .formation(id)
        .is_some_and(|f| f.has_voie(Voie::Apprentissage))
}

/// The entry under a click in a list whose rows map to entries (`None` for headers).
fn clicked(
    area: ratatui::layout::Rect,
    x: u16,
    y: u16,
    rows: &[Option<usize>],
    sel: usize,
) -> Option<usize> {
    let selected_row = rows.iter().position(|r| *r == Some(sel)).unwrap_or(0);
    let row = layout::list_row(area, y, x, selected_row, rows.len())?;
    rows.get(row).copied().flatten()
}

/// Plain list rows: one entry per row.
fn plain_rows(n: usize) -> Vec<Option<usize>> {
    (0..n).map(Some).collect()
}

/// A mouse click selects what is under it (and answers, in the questionnaire).
fn click(app: &mut App, x: u16, y: u16) {
    let body = layout::body(app.size);
    let screen = app.screen().clone();
    match screen {
        Screen::Accueil { sel } => update_accueil(app, sel, Msg::Click(x, y)),
        Screen::Questionnaire { form, pos, cursor } => {
            // Choices start below the progress (3 rows) and the question (5 rows).
            let first = body.y + 8;
            if (first..first + 6).contains(&y) {
                let choice = (y - first) as u8;
                let msg = if choice >= 5 {
                    Msg::Char('n')
                } else {
                    Msg::Char(char::from(b'0' + choice))
                };
                update_quiz(app, form, pos, cursor, msg);
            }
        }
        Screen::Resultats { sel, filter, .. } => {
            let (filters, list, _) = layout::resultats(body);
            let rows = app.result_rows();
            if let Some(i) = clicked(list, x, y, &rows, sel) {
                if let Screen::Resultats { pane, sel, .. } = app.screen_mut() {
                    *pane = ResPane::Liste;
                    *sel = i;
                }
            } else if let Some(f) =
                clicked(filters, x, y, &plain_rows(FilterRow::ALL.len()), filter)
                && let Screen::Resultats { pane, filter, .. } = app.screen_mut()
            {
                *pane = ResPane::Filtres;
                *filter = f;
            }
        }
        Screen::Recherche { sel, .. } => {
            let (_, results) = layout::recherche(body);
            if let Some(i) = clicked(results, x, y, &app.search_rows(), sel)
                && let Screen::Recherche { sel, .. } = app.screen_mut()
            {
                *sel = i;
            }
        }
        Screen::Explorer {
            domaine,
            sel,
            right,
        } => {
            let (left, _, list) = layout::explorer(body);
            let n_dom = app.content.domaines.len();
            if let Some(d) = clicked(left, x, y, &plain_rows(n_dom), domaine) {
                if let Screen::Explorer {
                    domaine,
                    sel,
                    right,
                } = app.screen_mut()
                {
                    *domaine = d;
                    *sel = 0;
                    *right = false;
                }
            } else {
                let n = app.domain_entries(domaine).len();
                let current = if right { sel } else { 0 };
                if let Some(i) = clicked(list, x, y, &plain_rows(n), current)
                    && let Screen::Explorer { sel, right, .. } = app.screen_mut()
                {
                    *sel = i;
                    *right = true;
                }
            }
        }
        Screen::FicheMetier {
            id,
            tab: Tab::Formations,
            sel,
            ..
        } => {
            let (_, content) = layout::fiche_metier(body);
            let n = fiche_rows(app, &id, Tab::Formations);
            if let Some(i) = clicked(content, x, y, &plain_rows(n), sel)
                && let Screen::FicheMetier { sel, .. } = app.screen_mut()
            {
                *sel = i;
            }
        }
        Screen::FicheFormation { id, sel } => {
            let (_, links) = layout::fiche_formation(body);
            let n = app.formation_links(&id).len();
            if let Some(i) = clicked(links, x, y, &plain_rows(n), sel)
                && let Screen::FicheFormation { sel, .. } = app.screen_mut()
            {
                *sel = i;
            }
        }
        Screen::FicheRome { code, sel } => {
            let (_, links) = layout::fiche_rome(body);
            let n = app.rome_links(&code).len();
            if let Some(i) = clicked(links, x, y, &plain_rows(n), sel)
                && let Screen::FicheRome { sel, .. } = app.screen_mut()
            {
                *sel = i;
            }
        }
        _ => {}
    }
}
