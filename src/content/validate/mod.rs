//! Second pass: rules that span records and files (ids, references, ranges,
//! cycles, reachability). Every problem is located at the value it concerns.

use std::collections::{HashMap, HashSet};

use super::Records;
use super::diag::Sink;
use super::model::{Theme, Voie};
use super::parse::{Rec, Step, span_at};

mod apprentissage;
mod etablissements;
mod questionnaire;

pub use etablissements::is_uai;

/// The situation every formation must be reachable from.
pub const DEPART: &str = "3e";

impl<T> Rec<'_, T> {
    fn error(&self, sink: &mut Sink, path: &[Step<'_>], message: impl Into<String>) {
        sink.error(self.file, span_at(self.node, path), message);
    }
    fn warn(&self, sink: &mut Sink, path: &[Step<'_>], message: impl Into<String>) {
        sink.warn(self.file, span_at(self.node, path), message);
    }
    fn line(&self) -> usize {
        super::line_col(self.file.text, self.node.span().start).0
    }
}

use Step::{Index, Key};

pub(crate) fn check(r: &Records<'_>, sink: &mut Sink) {
    unique(sink, &r.domaines, "lettre", |d| d.lettre.clone());
    unique(sink, &r.rome, "code", |f| f.code.clone());
    unique(sink, &r.situations, "id", |s| s.id.clone());
    unique(sink, &r.formations, "id", |f| f.id.clone());
    unique(sink, &r.formations, "intitule", |f| f.intitule.clone());
    unique(sink, &r.metiers, "id", |m| m.id.clone());
    unique(sink, &r.items, "id", |i| i.id.clone());
    unique(sink, &r.contacts, "id", |c| c.id.clone());
    unique(sink, &r.regles, "id", |c| c.id.clone());
    unique(sink, &r.etablissements, "id", |e| e.id.clone());
    unique(sink, &r.financement, "id", |d| d.id.clone());
    unique(sink, &r.familles, "id", |f| f.id.clone());
    for f in &r.familles {
        slug(sink, f, &f.value.id);
        for (i, m) in f.value.metiers.iter().enumerate() {
            if !r.metiers.iter().any(|x| &x.value.id == m) {
                f.error(
                    sink,
                    &[Key("metiers"), Index(i)],
                    format!("métier inconnu « {m} »"),
                );
            }
        }
        for (key, v) in [
            ("part", f.value.part),
            ("part_difficiles", f.value.part_difficiles),
        ] {
            if v.is_some_and(|p| p > 100) {
                f.error(sink, &[Key(key)], "un pourcentage va de 0 à 100");
            }
        }
    }
    for d in &r.financement {
        slug(sink, d, &d.value.id);
        let month = d.value.date.as_bytes();
        let ok = month.len() == 7
            && month[4] == b'-'
            && month[..4].iter().chain(&month[5..]).all(u8::is_ascii_digit)
            && (1..=12).contains(&d.value.date[5..].parse::<u8>().unwrap_or(0));
        if !ok {
            d.error(
                sink,
                &[Key("date")],
                format!(
                    "date « {} » : le mois de l'information, AAAA-MM",
                    d.value.date
                ),
            );
        }
    }

    for d in &r.domaines {
        let ok =
            d.value.lettre.len() == 1 && d.value.lettre.chars().all(|c| ('A'..='N').contains(&c));
        if !ok {
            d.error(sink, &[Key("lettre")], "la lettre d'un domaine va de A à N");
        }
    }
    for f in &r.rome {
        if !is_rome_code(&f.value.code) {
            f.error(
                sink,
                &[Key("code")],
                format!(
                    "code ROME mal formé « {} » (attendu : une lettre A–N et 4 chiffres)",
                    f.value.code
                ),
            );
        }
    }
    let situation_ids: HashSet<&str> = r.situations.iter().map(|s| s.value.id.as_str()).collect();
    for s in &r.situations {
        for (i, c) in s.value.comme.iter().enumerate() {
            if (c == &s.value.id || !situation_ids.contains(c.as_str())) && !r.incomplete.situations
            {
                s.error(
                    sink,
                    &[Key("comme"), Index(i)],
                    format!(
                        "« comme » : situation inconnue « {c} » (une autre situation de ce fichier)"
                    ),
                );
            }
        }
        if let Some(e) = &s.value.en_cours
            && e.types.is_empty()
        {
            s.error(
                sink,
                &[Key("en_cours"), Key("types")],
                "« types » est vide : les types de formation en cours (Bac pro, CAP…)",
            );
        }
        slug(sink, s, &s.value.id);
        if s.value.niveau > 8 {
            s.error(
                sink,
                &[Key("niveau")],
                "le niveau d'une situation va de 0 (aucun diplôme) à 8",
            );
        }
    }
    check_formations(r, sink);
    check_metiers(r, sink);
    etablissements::check_etablissements(r, sink);
    questionnaire::check_questionnaire(r, sink);
    apprentissage::check_apprentissage(r, sink);
    check_titles(r, sink);
    for c in &r.contacts {
        slug(sink, c, &c.value.id);
        if let Some(tel) = &c.value.telephone
            && !tel
                .chars()
                .all(|ch| ch.is_ascii_digit() || ch == ' ' || ch == '+')
        {
            c.error(
                sink,
                &[Key("telephone")],
                "numéro de téléphone : seulement des chiffres et des espaces",
            );
        }
    }
}

/// Titles are shown on one line (lists, key bars, file names of exports):
/// a line break in one would break the layout.
fn check_titles(r: &Records<'_>, sink: &mut Sink) {
    const MESSAGE: &str = "un titre tient sur une ligne : pas de retour à la ligne";
    let bad = |text: &str| text.contains(['\n', '\r']);
    for d in r.domaines.iter().filter(|d| bad(&d.value.libelle)) {
        d.error(sink, &[Key("libelle")], MESSAGE);
    }
    for f in r.rome.iter().filter(|f| bad(&f.value.libelle)) {
        f.error(sink, &[Key("libelle")], MESSAGE);
    }
    for m in &r.metiers {
        if bad(&m.value.titre.masculin) {
            m.error(sink, &[Key("titre"), Key("masculin")], MESSAGE);
        }
        if bad(&m.value.titre.feminin) {
            m.error(sink, &[Key("titre"), Key("feminin")], MESSAGE);
        }
    }
    for f in r.formations.iter().filter(|f| bad(&f.value.intitule)) {
        f.error(sink, &[Key("intitule")], MESSAGE);
    }
    for st in r.situations.iter().filter(|st| bad(&st.value.libelle)) {
        st.error(sink, &[Key("libelle")], MESSAGE);
    }
    for t in r.themes.iter().filter(|t| bad(&t.value.nom)) {
        t.error(sink, &[Key("nom")], MESSAGE);
    }
    for c in r.contacts.iter().filter(|c| bad(&c.value.nom)) {
        c.error(sink, &[Key("nom")], MESSAGE);
    }
    for g in r.regles.iter().filter(|g| bad(&g.value.titre)) {
        g.error(sink, &[Key("titre")], MESSAGE);
    }
}

fn is_rome_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5 && (b'A'..=b'N').contains(&b[0]) && b[1..].iter().all(u8::is_ascii_digit)
}

pub(super) fn slug<T>(sink: &mut Sink, rec: &Rec<'_, T>, id: &str) {
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    if !ok {
        rec.error(
            sink,
            &[Key("id")],
            format!("identifiant « {id} » : seulement des minuscules sans accent, des chiffres et des tirets"),
        );
    }
}

pub(super) fn unique<T>(
    sink: &mut Sink,
    recs: &[Rec<'_, T>],
    field: &str,
    key: impl Fn(&T) -> String,
) {
    let mut seen: HashMap<String, &Rec<'_, T>> = HashMap::new();
    for rec in recs {
        let k = key(&rec.value);
        if let Some(first) = seen.get(&k) {
            rec.error(
                sink,
                &[Key(field)],
                format!(
                    "{field} « {k} » en double (première définition : {}:{})",
                    first.file.shown,
                    first.line()
                ),
            );
        } else {
            seen.insert(k, rec);
        }
    }
}

fn check_formations(r: &Records<'_>, sink: &mut Sink) {
    let ids: HashSet<&str> = r.formations.iter().map(|f| f.value.id.as_str()).collect();
    let situations: HashSet<&str> = r.situations.iter().map(|s| s.value.id.as_str()).collect();
    for f in &r.formations {
        let v = &f.value;
        slug(sink, f, &v.id);
        if !(3..=8).contains(&v.niveau) {
            f.error(
                sink,
                &[Key("niveau")],
                format!("niveau {} impossible : de 3 (CAP) à 8 (doctorat)", v.niveau),
            );
        }
        if v.duree_mois == 0 || v.duree_mois > 120 {
            f.error(sink, &[Key("duree_mois")], "durée en mois : entre 1 et 120");
        }
        if v.voies.is_empty() {
            f.error(
                sink,
                &[Key("voies")],
                "« voies » est vide : scolaire, apprentissage, continue ou vae",
            );
        }
        let mut voies = HashSet::new();
        for (i, voie) in v.voies.iter().enumerate() {
            if !voies.insert(*voie) {
                f.error(sink, &[Key("voies"), Index(i)], "voie en double");
            }
        }
        if v.acces.is_empty() {
            f.error(
                sink,
                &[Key("acces")],
                "« acces » est vide : indiquez au moins une situation d'entrée",
            );
        }
        for (i, a) in v.acces.iter().enumerate() {
            if !situations.contains(a.as_str()) && !r.incomplete.situations {
                f.error(
                    sink,
                    &[Key("acces"), Index(i)],
                    format!("situation inconnue « {a} » (voir situations.toml)"),
                );
            }
        }
        for (i, p) in v.poursuites.iter().enumerate() {
            if p == &v.id {
                f.error(
                    sink,
                    &[Key("poursuites"), Index(i)],
                    "une formation ne peut pas être sa propre poursuite",
                );
            } else if !ids.contains(p.as_str()) && !r.incomplete.formations {
                f.error(
                    sink,
                    &[Key("poursuites"), Index(i)],
                    format!("formation inconnue « {p} »"),
                );
            }
        }
        for (i, cfd) in v.cfd.iter().enumerate() {
            if !(cfd.len() == 8
                && cfd
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()))
            {
                f.error(
                    sink,
                    &[Key("cfd"), Index(i)],
                    format!("code diplôme (CFD) mal formé « {cfd} » (attendu : 8 chiffres ou majuscules, par exemple 50025210)"),
                );
            }
        }
        for (i, rncp) in v.rncp.iter().enumerate() {
            let ok = rncp
                .strip_prefix("RNCP")
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                f.error(
                    sink,
                    &[Key("rncp"), Index(i)],
                    format!("code RNCP mal formé « {rncp} » (attendu : RNCP suivi de chiffres)"),
                );
            }
        }
        if v.sources.is_empty() {
            f.error(
                sink,
                &[Key("sources")],
                "« sources » est vide : citez au moins une source",
            );
        }
    }
    let index: HashMap<&str, usize> = r
        .formations
        .iter()
        .enumerate()
        .map(|(i, f)| (f.value.id.as_str(), i))
        .collect();
    check_cycles(r, &index, sink);
    check_reachable(r, &index, sink);
}

/// Reports every cycle of `poursuites` once, at the formation that closes it.
fn check_cycles(r: &Records<'_>, index: &HashMap<&str, usize>, sink: &mut Sink) {
    // 0 = not seen, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; r.formations.len()];
    for start in 0..r.formations.len() {
        if state[start] != 0 {
            continue;
        }
        // Iterative depth-first search: (node, next child position).
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&mut (node, ref mut pos)) = stack.last_mut() {
            let next = r.formations[node]
                .value
                .poursuites
                .get(*pos)
                .map(|p| (*pos, p));
            *pos += 1;
            match next {
                None => {
                    state[node] = 2;
                    stack.pop();
                }
                Some((child_pos, p)) => {
                    let Some(&child) = index.get(p.as_str()) else {
                        continue;
                    };
                    if child == node {
                        continue; // reported as its own problem
                    }
                    match state[child] {
                        0 => {
                            state[child] = 1;
                            stack.push((child, 0));
                        }
                        1 => {
                            let from = stack.iter().position(|(n, _)| *n == child).unwrap_or(0);
                            let mut names: Vec<&str> = stack[from..]
                                .iter()
                                .map(|(n, _)| r.formations[*n].value.id.as_str())
                                .collect();
                            names.push(r.formations[child].value.id.as_str());
                            r.formations[node].error(
                                sink,
                                &[Key("poursuites"), Index(child_pos)],
                                format!("cycle dans les poursuites : {}", names.join(" → ")),
                            );
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

/// Warns about formations that no pathway from `3e` reaches.
fn check_reachable(r: &Records<'_>, index: &HashMap<&str, usize>, sink: &mut Sink) {
    if !r.situations.iter().any(|s| s.value.id == DEPART) {
        return;
    }
    let mut seen = vec![false; r.formations.len()];
    let mut todo: Vec<usize> = Vec::new();
    for (i, f) in r.formations.iter().enumerate() {
        if f.value.acces.iter().any(|a| a == DEPART) {
            seen[i] = true;
            todo.push(i);
        }
    }
    while let Some(i) = todo.pop() {
        for p in &r.formations[i].value.poursuites {
            if let Some(&j) = index.get(p.as_str())
                && !seen[j]
            {
                seen[j] = true;
                todo.push(j);
            }
        }
    }
    for (f, reached) in r.formations.iter().zip(seen) {
        if !reached {
            f.warn(
                sink,
                &[Key("id")],
                format!(
                    "« {} » n'est atteinte depuis « {DEPART} » par aucune chaîne de poursuites",
                    f.value.id
                ),
            );
        }
    }
}

fn check_metiers(r: &Records<'_>, sink: &mut Sink) {
    let formations: HashMap<&str, &Rec<'_, super::Formation>> = r
        .formations
        .iter()
        .map(|f| (f.value.id.as_str(), f))
        .collect();
    let rome: HashSet<&str> = r.rome.iter().map(|f| f.value.code.as_str()).collect();
    let domaines: HashSet<&str> = r.domaines.iter().map(|d| d.value.lettre.as_str()).collect();
    for m in &r.metiers {
        let v = &m.value;
        slug(sink, m, &v.id);
        if formations.contains_key(v.id.as_str()) {
            m.error(
                sink,
                &[Key("id")],
                format!("identifiant « {} » déjà pris par une formation", v.id),
            );
        }
        if v.rome.is_empty() {
            m.error(
                sink,
                &[Key("rome")],
                "« rome » est vide : indiquez au moins un code ROME",
            );
        }
        for (i, code) in v.rome.iter().enumerate() {
            if !rome.contains(code.as_str()) && !r.incomplete.rome {
                m.error(
                    sink,
                    &[Key("rome"), Index(i)],
                    format!("code ROME inconnu « {code} » (voir rome.toml)"),
                );
            }
        }
        if r.incomplete.domaines {
            // The domain's file has problems of its own.
        } else if !domaines.contains(v.domaine.as_str()) {
            m.error(
                sink,
                &[Key("domaine")],
                format!("domaine inconnu « {} » (une lettre de A à N)", v.domaine),
            );
        } else if !v.rome.is_empty() && !v.rome.iter().any(|c| c.starts_with(v.domaine.as_str())) {
            m.error(
                sink,
                &[Key("domaine")],
                format!(
                    "domaine « {} » : aucun des codes ROME du métier n'est dans ce domaine",
                    v.domaine
                ),
            );
        }
        for theme in Theme::ALL {
            let value = v.riasec.get(theme);
            if !(1..=7).contains(&value) {
                m.error(
                    sink,
                    &[Key("riasec"), Key(&theme.letter().to_string())],
                    format!(
                        "RIASEC {} = {value} : chaque valeur va de 1 à 7",
                        theme.letter()
                    ),
                );
            }
        }
        let values = v.riasec.values();
        let spread = values.iter().max().unwrap_or(&0) - values.iter().min().unwrap_or(&0);
        if spread < 2 {
            m.error(sink, &[Key("riasec")], "profil RIASEC trop plat : l'écart entre la plus forte et la plus faible valeur doit être d'au moins 2");
        }
        if v.niveau_min != 0 && !(3..=8).contains(&v.niveau_min) {
            m.error(
                sink,
                &[Key("niveau_min")],
                format!(
                    "niveau {} impossible : 0 (sans diplôme) ou de 3 (CAP) à 8 (doctorat)",
                    v.niveau_min
                ),
            );
        }
        if v.formations.is_empty() {
            m.error(
                sink,
                &[Key("formations")],
                "« formations » est vide : indiquez au moins une formation",
            );
        }
        let mut known = Vec::new();
        for (i, id) in v.formations.iter().enumerate() {
            match formations.get(id.as_str()) {
                Some(f) => known.push(*f),
                None if r.incomplete.formations => {}
                None => m.error(
                    sink,
                    &[Key("formations"), Index(i)],
                    format!("formation inconnue « {id} »"),
                ),
            }
        }
        if v.apprentissage
            && !known.is_empty()
            && !known.iter().any(|f| f.value.has_voie(Voie::Apprentissage))
        {
            m.error(
                sink,
                &[Key("apprentissage")],
                "apprentissage = true, mais aucune de ses formations n'est ouverte à l'apprentissage",
            );
        }
        if let Some(lowest) = known.iter().map(|f| f.value.niveau).min()
            && v.niveau_min != 0
            && v.niveau_min < lowest
        {
            m.warn(
                sink,
                &[Key("niveau_min")],
                format!(
                    "niveau_min = {} mais sa formation la plus accessible est de niveau {lowest}",
                    v.niveau_min
                ),
            );
        }
        for (key, list) in [
            ("activites", &v.activites),
            ("qualites", &v.qualites),
            ("sources", &v.sources),
        ] {
            if list.is_empty() {
                m.error(sink, &[Key(key)], format!("« {key} » est vide"));
            }
        }
    }
}
