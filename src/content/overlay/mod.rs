//! Overlays: a counsellor's folder laid over the content, without copying it.
//!
//! An overlay folder has the layout of `content/`, with any subset of its
//! files. Its records **add** to the content, or **replace** the record with
//! the same id (same letter for a domain, same code for a ROME fiche). Its
//! `questionnaire.toml` and `apprentissage.toml` replace the whole file. A
//! `retirer = ["id", …]` list at the top of a métiers, formations,
//! établissements, contacts or situations file hides records of that kind;
//! hiding a formation also takes it out of the métiers, poursuites and offers
//! that name it. Overlays apply in order: the last one wins.

mod compiled;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use toml::Spanned;
use toml::de::DeValue;

use super::diag::{FileText, Sink};
use super::parse::{ParsedFile, Rec};
use super::{ContentError, FileKind, LoadDirError, Loaded, Records, SourceFile, Voie};

/// A record an overlay hides, and where it says so.
pub(crate) struct Hidden<'a> {
    kind: FileKind,
    id: String,
    file: &'a FileText<'a>,
    node: &'a Spanned<DeValue<'a>>,
}

/// Reads a `retirer` list.
pub(crate) fn read_hidden<'a>(
    pf: &'a ParsedFile<'a>,
    node: &'a Spanned<DeValue<'a>>,
    kind: FileKind,
    hidden: &mut Vec<Hidden<'a>>,
    sink: &mut Sink,
) {
    let DeValue::Array(items) = node.get_ref() else {
        sink.error(
            &pf.file,
            node.span(),
            "« retirer » est une liste d'identifiants : retirer = [\"id\", …]",
        );
        return;
    };
    for item in items {
        match item.get_ref() {
            DeValue::String(id) => hidden.push(Hidden {
                kind,
                id: id.to_string(),
                file: &pf.file,
                node: item,
            }),
            _ => sink.error(
                &pf.file,
                item.span(),
                "« retirer » : chaque élément est un identifiant entre guillemets",
            ),
        }
    }
}

/// Replaces records with the same key, adds the others.
fn merge<'a, T>(base: &mut Vec<Rec<'a, T>>, over: Vec<Rec<'a, T>>, key: impl Fn(&T) -> &str) {
    let mut at: HashMap<String, usize> = base
        .iter()
        .enumerate()
        .map(|(i, r)| (key(&r.value).to_string(), i))
        .collect();
    for rec in over {
        match at.get(key(&rec.value)) {
            Some(&i) => base[i] = rec,
            None => {
                at.insert(key(&rec.value).to_string(), base.len());
                base.push(rec);
            }
        }
    }
}

/// Lays one overlay's records over `r`, then hides what it asks to hide.
pub(crate) fn apply<'a>(
    r: &mut Records<'a>,
    over: Records<'a>,
    hidden: &[Hidden<'a>],
    sink: &mut Sink,
) {
    merge(&mut r.domaines, over.domaines, |d| &d.lettre);
    merge(&mut r.rome, over.rome, |f| &f.code);
    merge(&mut r.situations, over.situations, |s| &s.id);
    merge(&mut r.contacts, over.contacts, |c| &c.id);
    merge(&mut r.metiers, over.metiers, |m| &m.id);
    merge(&mut r.formations, over.formations, |f| &f.id);
    merge(&mut r.etablissements, over.etablissements, |e| &e.id);
    merge(&mut r.financement, over.financement, |d| &d.id);
    if over.enquete.is_some() {
        r.enquete = over.enquete;
        r.familles = over.familles;
    }
    if over.questionnaire_file.is_some() {
        r.echelle = over.echelle;
        r.ne_sait_pas = over.ne_sait_pas;
        r.themes = over.themes;
        r.items = over.items;
        r.items_adulte = over.items_adulte;
        r.questionnaire_file = over.questionnaire_file;
    }
    if over.apprentissage_file.is_some() {
        r.smic = over.smic;
        r.ages = over.ages;
        r.remuneration = over.remuneration;
        r.regles = over.regles;
        r.questions = over.questions;
        r.apprentissage_file = over.apprentissage_file;
    }
    r.incomplete.rome |= over.incomplete.rome;
    r.incomplete.formations |= over.incomplete.formations;
    r.incomplete.situations |= over.incomplete.situations;
    r.incomplete.domaines |= over.incomplete.domaines;
    for h in hidden {
        hide(r, h, sink);
    }
}

fn remove<T>(recs: &mut Vec<Rec<'_, T>>, id: &str, key: impl Fn(&T) -> &str) -> bool {
    let before = recs.len();
    recs.retain(|r| key(&r.value) != id);
    recs.len() != before
}

fn hide(r: &mut Records<'_>, h: &Hidden<'_>, sink: &mut Sink) {
    let id = h.id.as_str();
    let found = match h.kind {
        FileKind::Situations => {
            let found = remove(&mut r.situations, id, |s| &s.id);
            for f in &mut r.formations {
                f.value.acces.retain(|a| a != id);
            }
            found
        }
        FileKind::Contacts => remove(&mut r.contacts, id, |c| &c.id),
        FileKind::Metiers => remove(&mut r.metiers, id, |m| &m.id),
        FileKind::Etablissements => remove(&mut r.etablissements, id, |e| &e.id),
        FileKind::Financement => remove(&mut r.financement, id, |d| &d.id),
        FileKind::Formations => {
            let found = remove(&mut r.formations, id, |f| &f.id);
            if found {
                hide_formation(r, h, sink);
            }
            found
        }
        _ => true,
    };
    if !found {
        sink.error(
            h.file,
            h.node.span(),
            format!("« {id} » n'existe pas dans le contenu : rien à retirer"),
        );
    }
}

/// Takes a hidden formation out of everything that names it.
fn hide_formation(r: &mut Records<'_>, h: &Hidden<'_>, sink: &mut Sink) {
    let id = h.id.as_str();
    for f in &mut r.formations {
        f.value.poursuites.retain(|p| p != id);
    }
    for e in &mut r.etablissements {
        e.value.offre.retain(|o| o.formation != id);
    }
    // An establishment that taught only this formation has nothing left to show.
    r.etablissements.retain(|e| !e.value.offre.is_empty());
    let by_apprenticeship: HashSet<&str> = r
        .formations
        .iter()
        .filter(|f| f.value.has_voie(Voie::Apprentissage))
        .map(|f| f.value.id.as_str())
        .collect();
    let mut orphans = Vec::new();
    for m in &mut r.metiers {
        let before = m.value.formations.len();
        m.value.formations.retain(|f| f != id);
        if before == m.value.formations.len() {
            continue;
        }
        if m.value.formations.is_empty() {
            orphans.push(m.value.id.clone());
        }
        if !m
            .value
            .formations
            .iter()
            .any(|f| by_apprenticeship.contains(f.as_str()))
        {
            m.value.apprentissage = false;
        }
    }
    // Reported here, at the overlay's line, rather than as an empty list in the métier's file.
    r.metiers.retain(|m| !orphans.contains(&m.value.id));
    for m in orphans {
        sink.error(
            h.file,
            h.node.span(),
            format!(
                "retirer « {id} » laisse le métier « {m} » sans formation : retirez aussi ce métier ou donnez-lui une autre formation"
            ),
        );
    }
}

/// Loads `base` (a whole content set) with the overlay folders laid over it in
/// order, every problem with its `file:line:col`.
pub fn load_with(
    base: &[SourceFile],
    root: &str,
    overlays: &[&Path],
) -> Result<Loaded, LoadDirError> {
    let layers = read_layers(overlays)?;
    load_layers(base, root, &layers)
}

/// Loads the bundled content with the overlay folders laid over it in order:
/// over the compiled content when every overlay is sound (fast, see
/// [`compiled`]), else the slow way, which names every problem.
pub fn load_over_bundled(overlays: &[&Path]) -> Result<Loaded, LoadDirError> {
    let layers = read_layers(overlays)?;
    if let Some(loaded) = compiled::try_load(&layers) {
        return Ok(loaded);
    }
    load_layers(&super::bundled_sources(), "content", &layers)
}

/// The quick way alone: `Ok(None)` when the overlays need the slow way (a
/// problem, or a file the quick way does not read). For tests and benches.
pub fn load_quick(overlays: &[&Path]) -> Result<Option<Loaded>, LoadDirError> {
    Ok(compiled::try_load(&read_layers(overlays)?))
}

fn read_layers(overlays: &[&Path]) -> Result<Vec<Vec<SourceFile>>, LoadDirError> {
    overlays
        .iter()
        .map(|dir| super::read_dir(dir).map_err(LoadDirError::from))
        .collect()
}

fn load_layers(
    base: &[SourceFile],
    root: &str,
    layers: &[Vec<SourceFile>],
) -> Result<Loaded, LoadDirError> {
    let mut all: Vec<&[SourceFile]> = vec![base];
    all.extend(layers.iter().map(Vec::as_slice));
    super::load_layers(&all, root).map_err(|e: ContentError| LoadDirError::Content(e))
}
