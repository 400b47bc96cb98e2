//! Second pass: rules that span records and files (ids, references, ranges,
//! cycles, reachability). Every problem is located at the value it concerns.

use std::collections::{HashMap, HashSet};

use super::Records;
use super::diag::Sink;
use super::model::{Theme, Voie};
use super::parse::{Rec, Step, span_at};

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
    check_etablissements(r, sink);
    check_questionnaire(r, sink);
    check_apprentissage(r, sink);
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

fn slug<T>(sink: &mut Sink, rec: &Rec<'_, T>, id: &str) {
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

fn unique<T>(sink: &mut Sink, recs: &[Rec<'_, T>], field: &str, key: impl Fn(&T) -> String) {
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

fn check_questionnaire(r: &Records<'_>, sink: &mut Sink) {
    let Some(file) = r.questionnaire_file else {
        return;
    };
    let mut valeurs: Vec<u8> = r.echelle.iter().map(|e| e.value.valeur).collect();
    valeurs.sort_unstable();
    if !r.echelle.is_empty() && valeurs != [0, 1, 2, 3, 4] {
        let span = file.get("echelle").map_or(0..0, |n| n.span());
        sink.error(
            &file.file,
            span,
            "l'échelle doit avoir les valeurs 0, 1, 2, 3 et 4, une fois chacune",
        );
    }
    let themes: Vec<Theme> = r.themes.iter().map(|t| t.value.code).collect();
    for (i, t) in r.themes.iter().enumerate() {
        if themes[..i].contains(&t.value.code) {
            t.error(
                sink,
                &[Key("code")],
                format!("thème « {} » en double", t.value.code.letter()),
            );
        }
    }
    for theme in Theme::ALL {
        if !r.themes.is_empty() && !themes.contains(&theme) {
            sink.error(
                &file.file,
                file.get("theme").map_or(0..0, |n| n.span()),
                format!("il manque la présentation du thème {}", theme.letter()),
            );
        }
        let items: Vec<_> = r.items.iter().filter(|i| i.value.theme == theme).collect();
        if !r.items.is_empty() && items.is_empty() {
            sink.error(
                &file.file,
                file.get("item").map_or(0..0, |n| n.span()),
                format!("aucun item pour le thème {}", theme.letter()),
            );
        } else if !items.is_empty() && !items.iter().any(|i| i.value.rapide) {
            sink.error(&file.file, items[0].node.span(), format!("aucun item « rapide » pour le thème {} : le questionnaire rapide ne pourrait pas le mesurer", theme.letter()));
        }
    }
    for i in r.items.iter().chain(&r.items_adulte) {
        slug(sink, i, &i.value.id);
        for (n, d) in i.value.domaines.iter().enumerate() {
            let known = r.domaines.iter().any(|x| &x.value.lettre == d);
            if !known && !r.incomplete.domaines {
                i.error(
                    sink,
                    &[Key("domaines"), Index(n)],
                    format!("domaine inconnu « {d} » (une lettre de A à N de domaines.toml)"),
                );
            }
        }
    }
    check_balance(&r.items, "item", file, sink);
    if !r.items_adulte.is_empty() {
        check_balance(&r.items_adulte, "item_adulte", file, sink);
        let count = |items: &[Rec<'_, super::Item>], t: Theme, quick: bool| {
            items
                .iter()
                .filter(|i| i.value.theme == t && (!quick || i.value.rapide))
                .count()
        };
        for t in Theme::ALL {
            for quick in [false, true] {
                let (school, adult) = (count(&r.items, t, quick), count(&r.items_adulte, t, quick));
                if school != adult {
                    sink.error(
                        &file.file,
                        file.get("item_adulte").map_or(0..0, |n| n.span()),
                        format!(
                            "thème {} : {adult} items{} pour les adultes, {school} pour les élèves ; il en faut autant",
                            t.letter(),
                            if quick { " rapides" } else { "" }
                        ),
                    );
                }
            }
        }
        unique(sink, &r.items_adulte, "id", |i| i.id.clone());
        for a in &r.items_adulte {
            if let Some(s) = r.items.iter().find(|s| s.value.id == a.value.id)
                && (s.value.texte != a.value.texte
                    || s.value.theme != a.value.theme
                    || s.value.rapide != a.value.rapide)
            {
                a.error(
                    sink,
                    &[Key("id")],
                    format!(
                        "« {} » existe aussi chez les élèves avec un autre texte, thème ou « rapide » : un item repris garde tout, sinon prenez un autre identifiant",
                        a.value.id
                    ),
                );
            }
        }
    }
}

/// Every theme has as many items, and as many quick items, as the others.
fn check_balance(
    items: &[Rec<'_, super::Item>],
    key: &str,
    file: &super::ParsedFile<'_>,
    sink: &mut Sink,
) {
    if items.is_empty() {
        return;
    }
    let counts: Vec<(Theme, usize, usize)> = Theme::ALL
        .iter()
        .map(|t| {
            let of = items.iter().filter(|i| i.value.theme == *t);
            (
                *t,
                of.clone().count(),
                of.filter(|i| i.value.rapide).count(),
            )
        })
        .collect();
    let (_, n0, q0) = counts[0];
    if counts.iter().any(|(_, n, q)| *n != n0 || *q != q0) {
        let detail: Vec<String> = counts
            .iter()
            .map(|(t, n, q)| format!("{} {n} ({q} rapides)", t.letter()))
            .collect();
        sink.error(
            &file.file,
            file.get(key).map_or(0..0, |n| n.span()),
            format!(
                "les thèmes n'ont pas autant d'items les uns que les autres : {}",
                detail.join(", ")
            ),
        );
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

fn check_apprentissage(r: &Records<'_>, sink: &mut Sink) {
    let Some(file) = r.apprentissage_file else {
        return;
    };
    let at = |path: &[Step<'_>]| {
        file.get(match path[0] {
            Key(k) => k,
            Index(_) => "",
        })
        .map_or(0..0, |n| span_at(n, &path[1..]))
    };
    if let Some(smic) = &r.smic {
        if !is_date(&smic.date) {
            sink.error(
                &file.file,
                at(&[Key("smic"), Key("date")]),
                "date au format AAAA-MM-JJ attendue",
            );
        }
        // Positive, finite and plausible (inf, 1e308 or a typo would make
        // every amount shown absurd).
        let plausible = |v: f64, max: f64| v.is_finite() && v > 0.0 && v <= max;
        if !(plausible(smic.horaire_brut, 1_000.0) && plausible(smic.mensuel_brut, 100_000.0)) {
            sink.error(
                &file.file,
                at(&[Key("smic")]),
                "les montants du SMIC doivent être positifs et réalistes (au plus 1 000 € de l'heure et 100 000 € par mois)",
            );
        }
    }
    if let Some(rem) = &r.remuneration {
        if !is_date(&rem.date) {
            sink.error(
                &file.file,
                at(&[Key("remuneration"), Key("date")]),
                "date au format AAAA-MM-JJ attendue",
            );
        }
        for (i, t) in rem.tranche.iter().enumerate() {
            let here = at(&[Key("remuneration"), Key("tranche"), Index(i)]);
            if t.taux.is_empty() || t.taux.len() > 4 || t.taux.iter().any(|x| *x == 0 || *x > 100) {
                sink.error(
                    &file.file,
                    here.clone(),
                    "« taux » : de 1 à 4 pourcentages du SMIC, chacun de 1 à 100",
                );
            }
            let years = rem.tranche[0].taux.len();
            if i > 0 && t.taux.len() != years && !t.taux.is_empty() {
                sink.error(
                    &file.file,
                    here.clone(),
                    format!(
                        "« taux » : {} pourcentages ici, {years} dans la première tranche ; chaque tranche donne un taux par année de contrat",
                        t.taux.len()
                    ),
                );
            }
            if t.age_max.is_some_and(|max| max < t.age_min) {
                sink.error(&file.file, here, "age_max est plus petit que age_min");
            }
        }
    }
    for regle in &r.regles {
        slug(sink, regle, &regle.value.id);
        if !is_date(&regle.value.date) {
            regle.error(sink, &[Key("date")], "date au format AAAA-MM-JJ attendue");
        }
    }
}

/// Whether a UAI code has its form: 7 digits and a capital letter.
pub fn is_uai(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 8 && b[..7].iter().all(u8::is_ascii_digit) && b[7].is_ascii_uppercase()
}

fn check_etablissements(r: &Records<'_>, sink: &mut Sink) {
    let formations: HashMap<&str, &super::Formation> = r
        .formations
        .iter()
        .map(|f| (f.value.id.as_str(), &f.value))
        .collect();
    for e in &r.etablissements {
        let v = &e.value;
        slug(sink, e, &v.id);
        if !super::is_departement_code(&v.departement) {
            e.error(
                sink,
                &[Key("departement")],
                format!(
                    "département « {} » : un code de département français (14, 27, 50, 61 ou 76 en Normandie)",
                    v.departement
                ),
            );
        }
        if let Some(uai) = &v.uai
            && !is_uai(uai)
        {
            e.error(
                sink,
                &[Key("uai")],
                format!("code UAI mal formé « {uai} » (attendu : 7 chiffres et une lettre majuscule, par exemple 0141274A)"),
            );
        }
        if let Some(site) = &v.site
            && !(site.starts_with("https://") || site.starts_with("http://"))
        {
            e.error(
                sink,
                &[Key("site")],
                "le site commence par https:// (ou http://)",
            );
        }
        if let Some(tel) = &v.telephone
            && !tel
                .chars()
                .all(|ch| ch.is_ascii_digit() || ch == ' ' || ch == '+')
        {
            e.error(
                sink,
                &[Key("telephone")],
                "numéro de téléphone : seulement des chiffres et des espaces",
            );
        }
        if v.offre.is_empty() {
            e.error(
                sink,
                &[Key("offre")],
                "« offre » est vide : indiquez au moins une formation enseignée ici",
            );
        }
        if v.sources.is_empty() {
            e.error(
                sink,
                &[Key("sources")],
                "« sources » est vide : citez au moins une source",
            );
        }
        let mut seen: HashSet<&str> = HashSet::new();
        for (i, o) in v.offre.iter().enumerate() {
            if !seen.insert(o.formation.as_str()) {
                e.error(
                    sink,
                    &[Key("offre"), Index(i), Key("formation")],
                    format!("formation « {} » déjà citée dans cette offre", o.formation),
                );
            }
            let Some(f) = formations.get(o.formation.as_str()) else {
                if !r.incomplete.formations {
                    e.error(
                        sink,
                        &[Key("offre"), Index(i), Key("formation")],
                        format!("formation inconnue « {} »", o.formation),
                    );
                }
                continue;
            };
            if o.voies.is_empty() {
                e.error(
                    sink,
                    &[Key("offre"), Index(i), Key("voies")],
                    "« voies » est vide : scolaire, apprentissage ou continue",
                );
            }
            for (j, voie) in o.voies.iter().enumerate() {
                let problem = if *voie == Voie::Vae {
                    Some("la VAE n'est pas une voie de formation d'un établissement : scolaire, apprentissage ou continue".to_string())
                } else if !f.has_voie(*voie) {
                    Some(format!(
                        "« {} » ne se prépare pas par la voie « {} » (voies de la formation : {})",
                        o.formation,
                        voie.id(),
                        f.voies
                            .iter()
                            .map(|v| v.id())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                } else {
                    None
                };
                if let Some(message) = problem {
                    e.error(
                        sink,
                        &[Key("offre"), Index(i), Key("voies"), Index(j)],
                        message,
                    );
                }
            }
        }
    }
}
