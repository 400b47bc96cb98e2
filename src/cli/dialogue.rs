//! Plain mode (`--plain`, and when TERM=dumb): the whole guide as a linear
//! dialogue on standard input and output, for screen readers and braille
//! displays. Numbered choices; no box drawing, no cursor movement, no colour;
//! everything stays in the scrollback.

use std::collections::HashSet;
use std::io::{BufRead, Write};
use std::path::PathBuf;

use anyhow::Result;
use boussole::content::{Content, Metier};
use boussole::matching::{self, Filters, Method};
use boussole::parcours;
use boussole::present;
use boussole::quiz::{self, Answers, Form, Profile};
use boussole::search::{Index, Kind};

use super::plain;
use super::strings as s;

/// The person's session in plain mode.
struct State<'c> {
    content: &'c Content,
    index: Index,
    situation: usize,
    answers: Answers,
    profile: Option<Profile>,
    rejected: HashSet<String>,
    /// The questionnaire taken, if any.
    form: Option<Form>,
    /// The métiers kept (ids), in the order they were kept.
    favoris: Vec<String>,
    /// Where the summary is exported; none where nothing may be written.
    export_dir: Option<PathBuf>,
}

/// What reading a choice gave.
enum Choice {
    Number(usize),
    /// Input ended: leave quietly.
    End,
}

/// Asks for a number from 0 to `max` until one comes.
fn choose(input: &mut impl BufRead, out: &mut impl Write, max: usize) -> Result<Choice> {
    let mut line = String::new();
    loop {
        write!(out, "{}", s::ton_choix(max))?;
        out.flush()?;
        line.clear();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            return Ok(Choice::End);
        }
        match line.trim().parse::<usize>() {
            Ok(n) if n <= max => return Ok(Choice::Number(n)),
            _ => writeln!(out, "{}", s::pas_compris(max))?,
        }
    }
}

/// Reads one line of text; `None` at the end of input.
fn ask_text(
    input: &mut impl BufRead,
    out: &mut impl Write,
    prompt: &str,
) -> Result<Option<String>> {
    write!(out, "{prompt}")?;
    out.flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        writeln!(out)?;
        return Ok(None);
    }
    Ok(Some(line.trim().to_string()))
}

/// Runs the dialogue until the person quits or the input ends.
/// `export_dir`: where "Exporter mon résumé" writes (none: not offered).
pub fn run(
    content: &Content,
    export_dir: Option<PathBuf>,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<()> {
    let mut st = State {
        content,
        index: Index::new(content),
        situation: content
            .situations
            .iter()
            .position(|s| s.id == "3e")
            .unwrap_or(0),
        answers: Answers::new(),
        profile: None,
        rejected: HashSet::new(),
        form: None,
        favoris: Vec::new(),
        export_dir,
    };
    writeln!(out, "{} : {}.", s::APP_TITLE, s::APP_SUBTITLE)?;
    writeln!(out, "{}", s::ACCUEIL_INTRO)?;
    loop {
        let situation = content
            .situations
            .get(st.situation)
            .map_or("", |s| s.libelle.as_str());
        writeln!(out)?;
        writeln!(out, "{}", s::ta_situation(situation))?;
        writeln!(out, "{}", s::MENU_PRINCIPAL)?;
        // The numbers never move: the results, once there is a profile,
        // come last.
        let mut entries: Vec<(&str, u8)> = vec![
            (s::MENU_QUIZ_RAPIDE, 1),
            (s::MENU_QUIZ_COMPLET, 2),
            (s::MENU_EXPLORER, 4),
            (s::MENU_RECHERCHE, 5),
            (s::MENU_APPRENTISSAGE, 6),
            (s::MENU_CONTACTS, 7),
            (s::MENU_SITUATION, 8),
            (s::MENU_FAVORIS, 9),
        ];
        if st.export_dir.is_some() {
            entries.push((s::MENU_EXPORTER, 10));
        }
        if st.profile.is_some() {
            entries.push((s::MENU_RESULTATS, 3));
        }
        for (i, (label, _)) in entries.iter().enumerate() {
            writeln!(out, "{}. {label}", i + 1)?;
        }
        writeln!(out, "{}", s::QUITTER)?;
        let Choice::Number(n) = choose(input, out, entries.len())? else {
            break;
        };
        if n == 0 {
            break;
        }
        let done = match entries[n - 1].1 {
            1 => questionnaire(&mut st, input, out, Form::Rapide)?,
            2 => questionnaire(&mut st, input, out, Form::Complet)?,
            3 => results(&mut st, input, out)?,
            4 => explore(&mut st, input, out)?,
            5 => search(&mut st, input, out)?,
            6 => apprenticeship(&st, input, out)?,
            7 => {
                contacts(content, out)?;
                true
            }
            8 => change_situation(&mut st, input, out)?,
            9 => favoris(&mut st, input, out)?,
            _ => {
                export(&st, out)?;
                true
            }
        };
        if !done {
            break;
        }
    }
    writeln!(out, "{}", s::AU_REVOIR)?;
    Ok(())
}

/// Each step returns Ok(false) when the input ended.
fn questionnaire(
    st: &mut State<'_>,
    input: &mut impl BufRead,
    out: &mut impl Write,
    form: Form,
) -> Result<bool> {
    let adulte = st
        .content
        .situations
        .get(st.situation)
        .is_some_and(|s| s.adulte);
    let answers = match plain::ask_items(input, out, st.content, form, adulte)? {
        plain::Asked::Fini(a) => a,
        plain::Asked::Arrete => {
            writeln!(out, "{}", s::QUIZ_ARRETE_CLI)?;
            return Ok(true);
        }
        plain::Asked::FinEntree => return Ok(false),
    };
    st.profile = Some(quiz::score(&st.content.questionnaire, &answers));
    st.answers = answers;
    st.form = Some(form);
    st.rejected.clear();
    results(st, input, out)
}

fn results(st: &mut State<'_>, input: &mut impl BufRead, out: &mut impl Write) -> Result<bool> {
    let Some(profile) = st.profile else {
        return Ok(true);
    };
    plain::print_profile(out, st.content, &profile)?;
    for t in profile.code() {
        if let Some(info) = st.content.questionnaire.theme_info(t) {
            writeln!(
                out,
                "{} : {}. {}",
                t.letter(),
                info.nom,
                info.explication_pour(
                    st.content
                        .situations
                        .get(st.situation)
                        .is_some_and(|s| s.adulte)
                )
            )?;
        }
    }
    loop {
        let filters = Filters {
            situation: st
                .content
                .situations
                .get(st.situation)
                .map(|s| s.id.clone()),
            ..Filters::default()
        };
        let results = matching::rank(st.content, &profile, &st.answers, &filters, &st.rejected);
        writeln!(out)?;
        if results.method == Method::HighestThemes {
            plain::print_flat_notice(out)?;
        }
        let top: Vec<_> = results.matches.iter().take(10).collect();
        if top.is_empty() {
            writeln!(out, "{}", s::AUCUN_METIER)?;
            return Ok(true);
        }
        writeln!(out, "{}", s::METIERS_A_DECOUVRIR)?;
        let raisons: Vec<String> = top
            .iter()
            .map(|m| present::raisons(st.content, &m.reasons))
            .collect();
        for (i, (m, texte)) in top
            .iter()
            .zip(present::sans_repetition(&raisons))
            .enumerate()
        {
            writeln!(
                out,
                "{}. {} ({})",
                i + 1,
                m.metier.titre.both(),
                present::bucket(m.bucket)
            )?;
            writeln!(out, "   {} : {texte}", s::POURQUOI)?;
        }
        writeln!(out, "{}", s::LIRE_FICHE)?;
        writeln!(out, "{}", s::PAS_POUR_MOI)?;
        writeln!(out, "{}", s::REVENIR_MENU)?;
        let ids: Vec<String> = top.iter().map(|m| m.metier.id.clone()).collect();
        let Choice::Number(n) = choose(input, out, 100 + ids.len())? else {
            return Ok(false);
        };
        match n {
            0 => return Ok(true),
            n if (1..=ids.len()).contains(&n) => {
                if let Some(m) = st.content.metier(&ids[n - 1])
                    && !fiche(st, m, input, out)?
                {
                    return Ok(false);
                }
            }
            n if n > 100 && n - 100 <= ids.len() => {
                st.rejected.insert(ids[n - 101].clone());
                writeln!(out, "{}", s::REJETE)?;
            }
            _ => writeln!(out, "{}", s::PAS_DANS_LA_LISTE)?,
        }
    }
}

fn fiche(
    st: &mut State<'_>,
    m: &Metier,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<bool> {
    writeln!(out)?;
    plain::show(out, st.content, &m.id)?;
    let situation = st.content.situations.get(st.situation);
    if let Some(sit) = situation {
        let routes = parcours::routes(st.content, &sit.id, m, 3);
        writeln!(out, "{}", s::parcours_depuis(&sit.libelle))?;
        if routes.is_empty() {
            writeln!(out, "{}", s::AUCUN_PARCOURS)?;
        }
        for (i, r) in routes.iter().enumerate() {
            writeln!(out, "  {}. {}", i + 1, present::parcours(r))?;
        }
    }
    let formations: Vec<_> = m
        .formations
        .iter()
        .filter_map(|f| st.content.formation(f))
        .collect();
    loop {
        writeln!(out, "{}", s::FORMATIONS_DU_METIER)?;
        for (i, f) in formations.iter().enumerate() {
            writeln!(out, "{}. {}", i + 1, f.intitule)?;
        }
        // The last number keeps the métier, or takes it out.
        let favori = st.favoris.contains(&m.id);
        let k = formations.len() + 1;
        let label = if favori {
            s::RETIRER_FAVORI
        } else {
            s::AJOUTER_FAVORI
        };
        writeln!(out, "{k}. {label}")?;
        writeln!(out, "{}", s::REVENIR)?;
        let Choice::Number(n) = choose(input, out, k)? else {
            return Ok(false);
        };
        if n == 0 {
            return Ok(true);
        }
        if n == k {
            if favori {
                st.favoris.retain(|f| *f != m.id);
                writeln!(out, "{}", s::FAVORI_RETIRE)?;
            } else {
                st.favoris.push(m.id.clone());
                writeln!(out, "{}", s::FAVORI_AJOUTE)?;
            }
            continue;
        }
        writeln!(out)?;
        plain::show(out, st.content, &formations[n - 1].id)?;
    }
}

/// Mes favoris: the métiers kept, each opening its fiche.
fn favoris(st: &mut State<'_>, input: &mut impl BufRead, out: &mut impl Write) -> Result<bool> {
    loop {
        writeln!(out)?;
        let ids = st.favoris.clone();
        if ids.is_empty() {
            writeln!(out, "{}", s::FAVORIS_VIDE_CLI)?;
            return Ok(true);
        }
        writeln!(out, "{}", s::favoris_titre(ids.len()))?;
        let metiers: Vec<&Metier> = ids.iter().filter_map(|id| st.content.metier(id)).collect();
        for (i, m) in metiers.iter().enumerate() {
            writeln!(out, "{}. {}", i + 1, m.titre.both())?;
        }
        writeln!(out, "{}", s::REVENIR)?;
        let Choice::Number(n) = choose(input, out, metiers.len())? else {
            return Ok(false);
        };
        if n == 0 {
            return Ok(true);
        }
        if let Some(m) = metiers.get(n - 1).copied()
            && !fiche(st, m, input, out)?
        {
            return Ok(false);
        }
    }
}

/// Writes the summary (Markdown and HTML) under a new name, and says where.
fn export(st: &State<'_>, out: &mut impl Write) -> Result<()> {
    let Some(dir) = &st.export_dir else {
        return Ok(());
    };
    let situation = st
        .content
        .situations
        .get(st.situation)
        .map_or("3e", |s| s.id.as_str());
    let mut rejetes: Vec<String> = st.rejected.iter().cloned().collect();
    rejetes.sort();
    let saved =
        boussole::session::Saved::new(situation, st.form, &st.answers, &st.favoris, &rejetes);
    let (date, _) = super::terminal::today();
    match super::terminal::export_summary(dir, st.content, &saved, &date) {
        Ok(msg) | Err(msg) => writeln!(out, "{msg}")?,
    }
    Ok(())
}

fn explore(st: &mut State<'_>, input: &mut impl BufRead, out: &mut impl Write) -> Result<bool> {
    loop {
        writeln!(out, "{}", s::DOMAINES)?;
        for (i, d) in st.content.domaines.iter().enumerate() {
            writeln!(out, "{}. {}", i + 1, d.libelle)?;
        }
        writeln!(out, "{}", s::REVENIR_MENU)?;
        let Choice::Number(n) = choose(input, out, st.content.domaines.len())? else {
            return Ok(false);
        };
        if n == 0 {
            return Ok(true);
        }
        let d = &st.content.domaines[n - 1];
        writeln!(out, "{}", d.presentation)?;
        if let Some(n) = &d.normandie {
            writeln!(out, "{} : {n}", s::EN_NORMANDIE)?;
        }
        let metiers: Vec<&Metier> = st
            .content
            .metiers
            .iter()
            .filter(|m| m.domaine == d.lettre)
            .collect();
        let short = st
            .content
            .rome
            .iter()
            .filter(|r| r.code.starts_with(d.lettre.as_str()))
            .count();
        writeln!(out, "{}", s::fiches_du_domaine(metiers.len(), short))?;
        for (i, m) in metiers.iter().enumerate() {
            writeln!(out, "{}. {}", i + 1, m.titre.both())?;
        }
        writeln!(out, "{}", s::REVENIR_DOMAINES)?;
        let Choice::Number(k) = choose(input, out, metiers.len())? else {
            return Ok(false);
        };
        if k > 0 && !fiche(st, metiers[k - 1], input, out)? {
            return Ok(false);
        }
    }
}

fn search(st: &mut State<'_>, input: &mut impl BufRead, out: &mut impl Write) -> Result<bool> {
    loop {
        let Some(q) = ask_text(input, out, s::QUE_CHERCHES_TU)? else {
            return Ok(false);
        };
        if q.is_empty() {
            return Ok(true);
        }
        let hits = st.index.search(&q, 15);
        if hits.is_empty() {
            writeln!(out, "{}", s::rien_ne_correspond(&q))?;
            continue;
        }
        for (i, h) in hits.iter().enumerate() {
            writeln!(
                out,
                "{}. {} ({})",
                i + 1,
                h.label,
                plain::kind_label(h.kind)
            )?;
        }
        writeln!(out, "{}", s::NOUVELLE_RECHERCHE)?;
        let Choice::Number(n) = choose(input, out, hits.len())? else {
            return Ok(false);
        };
        if n == 0 {
            continue;
        }
        let h = &hits[n - 1];
        match (h.kind, st.content.metier(&h.id)) {
            (Kind::Metier, Some(m)) => {
                if !fiche(st, m, input, out)? {
                    return Ok(false);
                }
            }
            _ => {
                writeln!(out)?;
                plain::show(out, st.content, &h.id)?;
            }
        }
    }
}

fn apprenticeship(st: &State<'_>, input: &mut impl BufRead, out: &mut impl Write) -> Result<bool> {
    let a = &st.content.apprentissage;
    writeln!(out, "{}", s::APPRENTISSAGE)?;
    for r in &a.regle {
        writeln!(out, "{}", r.titre)?;
        writeln!(out, "{}", s::avec_source(&r.texte, &r.source))?;
    }
    for q in &a.question {
        writeln!(out, "{} : {}", s::QUESTION, q.question)?;
        writeln!(out, "{} : {}", s::REPONSE, q.reponse)?;
    }
    writeln!(out, "{}", s::CALCUL_SALAIRE)?;
    let Some(age) = ask_text(input, out, s::TON_AGE)? else {
        return Ok(false);
    };
    let Ok(age) = age.parse::<u8>() else {
        return Ok(true);
    };
    let Some(year) = ask_text(input, out, s::ANNEE_CONTRAT)? else {
        return Ok(false);
    };
    let year = year.parse::<usize>().unwrap_or(1);
    match a.salaire_minimum(age, year) {
        Some((taux, montant)) => writeln!(
            out,
            "{}. {}",
            present::salaire(taux, montant, &a.smic.date),
            s::EMPLOYEUR_PEUT_PAYER_PLUS
        )?,
        None => writeln!(out, "{}", s::PAS_DE_MONTANT)?,
    }
    Ok(true)
}

fn contacts(content: &Content, out: &mut impl Write) -> Result<()> {
    writeln!(out, "{}", s::CONTACTS_INTRO)?;
    for c in &content.contacts {
        writeln!(out, "{}. {}", c.nom, c.offre)?;
        writeln!(out, "  {} : {}", s::CONTACT_POUR, c.public)?;
        if let Some(t) = &c.telephone {
            writeln!(out, "  {} : {t}", s::CONTACT_TEL)?;
        }
        if let Some(w) = &c.web {
            writeln!(out, "  {} : {w}", s::CONTACT_WEB)?;
        }
    }
    Ok(())
}

fn change_situation(
    st: &mut State<'_>,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<bool> {
    writeln!(out, "{}", s::QUELLE_SITUATION)?;
    for (i, s) in st.content.situations.iter().enumerate() {
        writeln!(out, "{}. {}", i + 1, s.libelle)?;
    }
    writeln!(out, "{}", s::NE_RIEN_CHANGER)?;
    let Choice::Number(n) = choose(input, out, st.content.situations.len())? else {
        return Ok(false);
    };
    if n > 0 {
        st.situation = n - 1;
    }
    Ok(true)
}
