//! The model of the terminal guide: the content, what the person entered,
//! what was found for them, and what the runner must do. The navigation
//! stack is not here: it is `App`'s (see `app`), so that the screens, which
//! change the model, never depend on the dispatch that calls them.

use std::collections::HashSet;

use crate::content::{Content, Formation, Metier};
use crate::matching::{self, Bucket, Filters, Method, Reasons};
use crate::parcours::{self, Etape, Mode, Route};
use crate::quiz::{self, Answers, Form, Profile};
use crate::search::{Hit, Index};

use super::strings as s;

/// Most métiers in a comparison.
pub const MAX_COMPARE: usize = 3;

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
    /// Kiosk: end the session (Ctrl-C / Ctrl-D)?
    ConfirmEnd,
    /// Write the summary into the export directory?
    ConfirmExport,
    /// Remove everything saved?
    ConfirmErase,
    /// Kiosk: `q` with something entered asks before wiping it.
    ConfirmToutEffacer,
}

/// One ranked métier, owned by the model.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub id: String,
    pub score: f64,
    pub bucket: Bucket,
    pub reasons: Reasons,
}

/// What the person entered (la saisie), in memory: nothing of it leaves the
/// process unless saved (`crate::session::Saved`) or exported.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Saisie {
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
    /// The person's département (code): its places come first.
    pub departement: Option<String>,
    /// The person's age, if given: it decides whether apprenticeship is
    /// possible on a route (otherwise the situation's usual age).
    pub age_donne: Option<u8>,
    /// Adults: also the routes longer than four years.
    pub tous_parcours: bool,
    /// The job the person does today (a rich fiche id or a ROME code).
    pub metier_actuel: Option<String>,
}

/// The whole model (without the navigation stack).
pub struct Model {
    pub content: Content,
    pub index: Index,
    pub overlay: Option<Overlay>,
    pub saisie: Saisie,
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
    /// The session as last saved (what `q` would not lose).
    pub enregistre: Option<crate::session::Saved>,
    /// The session being saved by the runner, until it says it is done.
    pub a_enregistrer: Option<crate::session::Saved>,
    /// This year, as the runner read it from the clock (0: unknown): a
    /// regional fact more than three years older is flagged.
    pub annee_courante: u16,
}

/// Routes from a situation to a métier, as `parcours::routes` found them
/// (formations by their index in `content.formations`).
#[derive(Debug, Clone, PartialEq)]
struct FoundRoutes {
    metier: String,
    situation: usize,
    age: Option<u8>,
    tous: bool,
    routes: Vec<FoundRoute>,
}

#[derive(Debug, Clone, PartialEq)]
struct FoundRoute {
    /// (formation index, mode, months left, under way, by apprenticeship)
    etapes: Vec<(usize, Mode, u32, bool, bool)>,
    duree_mois: Option<u32>,
    apprentissage_possible: bool,
}

/// Most routes shown on the Parcours tab.
pub const MAX_ROUTES: usize = 5;

impl Model {
    /// A model with a ready-made search index (the compiled one of the
    /// bundled content); built from the content when `None`.
    pub fn new(content: Content, index: Option<Index>) -> Self {
        let index = index.unwrap_or_else(|| Index::new(&content));
        let saisie = Saisie::fresh(&content);
        Self {
            content,
            index,
            overlay: None,
            saisie,
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
            enregistre: None,
            a_enregistrer: None,
            annee_courante: 0,
        }
    }

    /// Wipes everything the person entered (the screens are the app's).
    pub fn reset(&mut self) {
        self.saisie = Saisie::fresh(&self.content);
        self.ranked.clear();
        self.hits.clear();
        self.routes = None;
        self.overlay = None;
        self.idle_countdown = None;
        self.flash = None;
    }

    /// The session as it would be saved or exported.
    pub fn saved(&self) -> crate::session::Saved {
        let mut rejetes: Vec<String> = self.saisie.rejected.iter().cloned().collect();
        rejetes.sort();
        let mut saved = crate::session::Saved::new(
            self.situation_id(),
            self.saisie.form,
            &self.saisie.answers,
            &self.saisie.favoris,
            &rejetes,
        );
        saved.departement = self.saisie.departement.clone();
        saved.comparaison = self.saisie.comparaison.clone();
        saved
    }

    /// Chooses the person's département (a Normandy code, or none): its
    /// places come first and the results are filtered by it.
    pub fn set_departement(&mut self, code: Option<String>) {
        let code = code.filter(|c| crate::content::departement_nom(c).is_some());
        self.saisie.filters.departement = code.clone();
        self.saisie.departement = code;
        self.recompute();
    }

    /// The person's département, if chosen.
    pub fn departement(&self) -> Option<&str> {
        self.saisie.departement.as_deref()
    }

    /// Restores a saved session (answers, favourites, rejected métiers).
    pub fn restore(&mut self, saved: &crate::session::Saved) {
        if let Some(i) = self
            .content
            .situations
            .iter()
            .position(|s| s.id == saved.situation)
        {
            self.saisie.situation = i;
        }
        self.saisie.form = saved.questionnaire.map(Form::from);
        self.saisie.answers = saved.answers();
        self.saisie.favoris = saved
            .favoris
            .iter()
            .filter(|id| self.content.metier(id).is_some())
            .cloned()
            .collect();
        self.saisie.rejected = saved.rejetes.iter().cloned().collect();
        self.saisie.comparaison = saved
            .comparaison
            .iter()
            .filter(|id| self.content.metier(id).is_some())
            .take(MAX_COMPARE)
            .cloned()
            .collect();
        if saved.departement.is_some() {
            self.saisie.departement = None;
            self.set_departement(saved.departement.clone());
        }
        self.saisie.profile = (!self.saisie.answers.is_empty())
            .then(|| quiz::score(&self.content.questionnaire, &self.saisie.answers));
        self.recompute();
        // What was just read from disk is saved: `q` loses nothing of it.
        self.enregistre = Some(self.saved());
    }

    /// The situation the Parcours tab starts from (index in `content.situations`).
    pub fn parcours_situation(&self) -> usize {
        self.saisie
            .parcours_situation
            .unwrap_or(self.saisie.situation)
    }

    /// The routes from situation `situation` to the métier: those `update`
    /// found for the Parcours tab, or found now if they are not these.
    pub fn routes<'a>(&'a self, metier: &'a Metier, situation: usize) -> Vec<Route<'a>> {
        let formations = &self.content.formations;
        match &self.routes {
            Some(found)
                if found.metier == metier.id
                    && found.situation == situation
                    && found.age == self.saisie.age_donne
                    && found.tous == self.saisie.tous_parcours =>
            {
                found
                    .routes
                    .iter()
                    .map(|r| Route {
                        etapes: r
                            .etapes
                            .iter()
                            .filter_map(|&(i, mode, duree_mois, en_cours, apprentissage)| {
                                formations.get(i).map(|formation| Etape {
                                    formation,
                                    mode,
                                    duree_mois,
                                    en_cours,
                                    apprentissage,
                                })
                            })
                            .collect(),
                        duree_mois: r.duree_mois,
                        apprentissage_possible: r.apprentissage_possible,
                    })
                    .collect()
            }
            _ => self.find_routes(metier, situation),
        }
    }

    fn find_routes<'a>(&'a self, metier: &'a Metier, situation: usize) -> Vec<Route<'a>> {
        match self.content.situations.get(situation) {
            Some(s) => parcours::routes_pour(
                &self.content,
                &parcours::Demande {
                    situation: &s.id,
                    age: self.saisie.age_donne,
                    tous: self.saisie.tous_parcours,
                },
                metier,
                MAX_ROUTES,
            ),
            None => Vec::new(),
        }
    }

    /// Finds the routes the Parcours tab of métier `id` will show, if they
    /// are not known yet.
    pub fn prepare_routes(&mut self, id: &str) {
        let situation = self.parcours_situation();
        if self.routes.as_ref().is_some_and(|r| {
            r.metier == *id
                && r.situation == situation
                && r.age == self.saisie.age_donne
                && r.tous == self.saisie.tous_parcours
        }) {
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
                    .filter_map(|e| {
                        index_of(e.formation)
                            .map(|i| (i, e.mode, e.duree_mois, e.en_cours, e.apprentissage))
                    })
                    .collect(),
                duree_mois: r.duree_mois,
                apprentissage_possible: r.apprentissage_possible,
            })
            .collect();
        self.routes = Some(FoundRoutes {
            metier: metier.id.clone(),
            situation,
            age: self.saisie.age_donne,
            tous: self.saisie.tous_parcours,
            routes,
        });
    }

    pub fn situation_id(&self) -> &str {
        self.content
            .situations
            .get(self.saisie.situation)
            .map_or("3e", |s| s.id.as_str())
    }

    /// The items of a form, in the wording for the person's situation
    /// (adults have their own set).
    pub fn quiz_items(&self, form: Form) -> Vec<&crate::content::Item> {
        quiz::items_pour(&self.content.questionnaire, form, self.adulte())
    }

    /// Whether the person's situation is an adult one (adult wording).
    pub fn adulte(&self) -> bool {
        self.content
            .situations
            .get(self.saisie.situation)
            .is_some_and(|s| s.adulte)
    }

    /// Ranks the métiers again (after an answer, a filter, a rejection).
    pub fn recompute(&mut self) {
        let Some(profile) = self.saisie.profile else {
            self.ranked.clear();
            return;
        };
        let results = matching::rank(
            &self.content,
            &profile,
            &self.saisie.answers,
            &self.saisie.filters,
            &self.saisie.rejected,
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
        !self.content.etablissements.is_empty()
    }

    /// The ranked métier for an id, if in the current results.
    pub fn ranked_of(&self, id: &str) -> Option<&Ranked> {
        self.ranked.iter().find(|r| r.id == id)
    }

    pub fn toggle_favori(&mut self, id: &str) {
        if let Some(pos) = self.saisie.favoris.iter().position(|f| f == id) {
            self.saisie.favoris.remove(pos);
            self.flash = Some(s::MSG_FAVORI_RETIRE.to_string());
        } else {
            self.saisie.favoris.push(id.to_string());
            self.flash = Some(s::MSG_FAVORI_AJOUTE.to_string());
        }
    }

    pub fn toggle_compare(&mut self, id: &str) {
        if let Some(pos) = self.saisie.comparaison.iter().position(|f| f == id) {
            self.saisie.comparaison.remove(pos);
            self.flash = Some(s::MSG_COMPARE_RETIRE.to_string());
        } else if self.saisie.comparaison.len() >= MAX_COMPARE {
            self.flash = Some(s::MSG_COMPARE_PLEIN.to_string());
        } else {
            self.saisie.comparaison.push(id.to_string());
            self.flash = Some(s::MSG_COMPARE_AJOUTE.to_string());
        }
    }

    /// Asks to export the summary, if this session may write.
    pub fn ask_export(&mut self) {
        if self.storage.is_some() && !self.kiosk {
            self.overlay = Some(Overlay::ConfirmExport);
        }
    }
}

impl Saisie {
    /// A new session: from "3e", 16 years old, first year of contract.
    fn fresh(content: &Content) -> Self {
        let situation = content
            .situations
            .iter()
            .position(|s| s.id == "3e")
            .unwrap_or(0);
        Self {
            situation,
            age: 16,
            annee: 1,
            ..Saisie::default()
        }
    }
}

/// A link to another fiche.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Metier(String),
    Formation(String),
    Etablissement(String),
}
