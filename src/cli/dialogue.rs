//! Plain mode (`--plain`, and when TERM=dumb): the whole guide as a linear
//! dialogue on standard input and output, for screen readers and braille
//! displays. Numbered choices; no box drawing, no cursor movement, no colour;
//! everything stays in the scrollback.

use std::collections::HashSet;
use std::io::{BufRead, Write};

use anyhow::Result;
use boussole::content::{Content, Metier};
use boussole::matching::{self, Filters, Method};
use boussole::parcours;
use boussole::present;
use boussole::quiz::{self, Answers, Form, Profile};
use boussole::search::{Index, Kind};

use super::plain;

/// The person's session in plain mode.
struct State<'c> {
    content: &'c Content,
    index: Index,
    situation: usize,
    answers: Answers,
    profile: Option<Profile>,
    rejected: HashSet<String>,
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
        write!(out, "Ton choix (un nombre de 0 à {max}) : ")?;
        out.flush()?;
        line.clear();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            return Ok(Choice::End);
        }
        match line.trim().parse::<usize>() {
            Ok(n) if n <= max => return Ok(Choice::Number(n)),
            _ => writeln!(
                out,
                "Je n'ai pas compris. Tape seulement un nombre de 0 à {max}, puis Entrée."
            )?,
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
pub fn run(content: &Content, input: &mut impl BufRead, out: &mut impl Write) -> Result<()> {
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
    };
    writeln!(
        out,
        "Boussole : métiers, formations et apprentissage en Normandie."
    )?;
    writeln!(out, "Ce n'est pas un test : une façon d'explorer.")?;
    loop {
        let situation = content
            .situations
            .get(st.situation)
            .map_or("", |s| s.libelle.as_str());
        writeln!(out)?;
        writeln!(out, "Ta situation : {situation}.")?;
        writeln!(out, "Menu principal.")?;
        let mut entries: Vec<(&str, u8)> = vec![
            ("Découvrir mes centres d'intérêt, questionnaire rapide", 1),
            ("Découvrir mes centres d'intérêt, questionnaire complet", 2),
        ];
        if st.profile.is_some() {
            entries.push(("Revoir mes résultats", 3));
        }
        entries.extend([
            ("Explorer les métiers par domaine", 4),
            ("Rechercher un métier ou une formation", 5),
            ("L'apprentissage : les règles et le salaire", 6),
            ("Parler à quelqu'un", 7),
            ("Changer ma situation", 8),
        ]);
        for (i, (label, _)) in entries.iter().enumerate() {
            writeln!(out, "{}. {label}", i + 1)?;
        }
        writeln!(out, "0. Quitter")?;
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
            _ => change_situation(&mut st, input, out)?,
        };
        if !done {
            break;
        }
    }
    writeln!(out, "Au revoir. Tes réponses n'ont pas été enregistrées.")?;
    Ok(())
}

/// Each step returns Ok(false) when the input ended.
fn questionnaire(
    st: &mut State<'_>,
    input: &mut impl BufRead,
    out: &mut impl Write,
    form: Form,
) -> Result<bool> {
    let Some(answers) = plain::ask_items(input, out, st.content, form)? else {
        return Ok(false);
    };
    st.profile = Some(quiz::score(&st.content.questionnaire, &answers));
    st.answers = answers;
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
            writeln!(out, "{} : {}. {}", t.letter(), info.nom, info.explication)?;
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
            writeln!(
                out,
                "Aucun métier accessible depuis ta situation dans Boussole. Parles-en à quelqu'un (menu principal)."
            )?;
            return Ok(true);
        }
        writeln!(out, "Métiers à découvrir, du plus proche au moins proche :")?;
        for (i, m) in top.iter().enumerate() {
            writeln!(
                out,
                "{}. {} ({})",
                i + 1,
                m.metier.titre.both(),
                present::bucket(m.bucket)
            )?;
            writeln!(
                out,
                "   Pourquoi : {}",
                present::raisons(st.content, &m.reasons)
            )?;
        }
        writeln!(out, "Tape le numéro d'un métier pour lire sa fiche.")?;
        writeln!(
            out,
            "Tape 100 plus son numéro (par exemple 101) pour dire « Pas pour moi » : il sort de la liste."
        )?;
        writeln!(out, "0. Revenir au menu principal")?;
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
                writeln!(out, "C'est noté : ce métier sort de ta liste.")?;
            }
            _ => writeln!(out, "Ce numéro n'est pas dans la liste.")?,
        }
    }
}

fn fiche(
    st: &State<'_>,
    m: &Metier,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<bool> {
    writeln!(out)?;
    plain::show(out, st.content, &m.id)?;
    let situation = st.content.situations.get(st.situation);
    if let Some(s) = situation {
        let routes = parcours::routes(st.content, &s.id, m, 3);
        writeln!(out, "Parcours depuis ta situation ({}) :", s.libelle)?;
        if routes.is_empty() {
            writeln!(
                out,
                "  aucun trouvé dans Boussole. Parles-en à un conseiller ou une conseillère."
            )?;
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
        writeln!(
            out,
            "Formations de ce métier : tape un numéro pour en savoir plus."
        )?;
        for (i, f) in formations.iter().enumerate() {
            writeln!(out, "{}. {}", i + 1, f.intitule)?;
        }
        writeln!(out, "0. Revenir")?;
        let Choice::Number(n) = choose(input, out, formations.len())? else {
            return Ok(false);
        };
        if n == 0 {
            return Ok(true);
        }
        writeln!(out)?;
        plain::show(out, st.content, &formations[n - 1].id)?;
    }
}

fn explore(st: &mut State<'_>, input: &mut impl BufRead, out: &mut impl Write) -> Result<bool> {
    loop {
        writeln!(out, "Les domaines de métiers :")?;
        for (i, d) in st.content.domaines.iter().enumerate() {
            writeln!(out, "{}. {}", i + 1, d.libelle)?;
        }
        writeln!(out, "0. Revenir au menu principal")?;
        let Choice::Number(n) = choose(input, out, st.content.domaines.len())? else {
            return Ok(false);
        };
        if n == 0 {
            return Ok(true);
        }
        let d = &st.content.domaines[n - 1];
        writeln!(out, "{}", d.presentation)?;
        if let Some(n) = &d.normandie {
            writeln!(out, "En Normandie : {n}")?;
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
        writeln!(
            out,
            "{} fiches détaillées ; {short} autres métiers de ce domaine ont une fiche courte (cherche-les avec Rechercher).",
            metiers.len()
        )?;
        for (i, m) in metiers.iter().enumerate() {
            writeln!(out, "{}. {}", i + 1, m.titre.both())?;
        }
        writeln!(out, "0. Revenir aux domaines")?;
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
        let Some(q) = ask_text(
            input,
            out,
            "Que cherches-tu ? (un mot ; rien pour revenir) : ",
        )?
        else {
            return Ok(false);
        };
        if q.is_empty() {
            return Ok(true);
        }
        let hits = st.index.search(&q, 15);
        if hits.is_empty() {
            writeln!(
                out,
                "Rien ne correspond à « {q} ». Essaie un mot plus court, ou explore un domaine."
            )?;
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
        writeln!(out, "0. Nouvelle recherche")?;
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
    writeln!(out, "L'apprentissage.")?;
    for r in &a.regle {
        writeln!(out, "{}", r.titre)?;
        writeln!(out, "{} (source : {})", r.texte, r.source)?;
    }
    for q in &a.question {
        writeln!(out, "Question : {}", q.question)?;
        writeln!(out, "Réponse : {}", q.reponse)?;
    }
    writeln!(out, "Calcul du salaire minimum.")?;
    let Some(age) = ask_text(input, out, "Ton âge (un nombre, rien pour revenir) : ")? else {
        return Ok(false);
    };
    let Ok(age) = age.parse::<u8>() else {
        return Ok(true);
    };
    let Some(year) = ask_text(input, out, "Année de contrat (1, 2 ou 3) : ")? else {
        return Ok(false);
    };
    let year = year.parse::<usize>().unwrap_or(1);
    match a.salaire_minimum(age, year) {
        Some((taux, montant)) => writeln!(
            out,
            "{}. L'employeur peut payer plus.",
            present::salaire(taux, montant, &a.smic.date)
        )?,
        None => writeln!(
            out,
            "Pas de montant pour cet âge ou cette année : l'apprentissage commence à 15 ans après la 3e, ou à 16 ans."
        )?,
    }
    Ok(true)
}

fn contacts(content: &Content, out: &mut impl Write) -> Result<()> {
    writeln!(out, "Des personnes peuvent t'aider, gratuitement.")?;
    for c in &content.contacts {
        writeln!(out, "{}. {}", c.nom, c.offre)?;
        writeln!(out, "  Pour : {}", c.public)?;
        if let Some(t) = &c.telephone {
            writeln!(out, "  Téléphone : {t}")?;
        }
        if let Some(w) = &c.web {
            writeln!(out, "  Site : {w}")?;
        }
    }
    Ok(())
}

fn change_situation(
    st: &mut State<'_>,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<bool> {
    writeln!(out, "Quelle est ta situation ?")?;
    for (i, s) in st.content.situations.iter().enumerate() {
        writeln!(out, "{}. {}", i + 1, s.libelle)?;
    }
    writeln!(out, "0. Ne rien changer")?;
    let Choice::Number(n) = choose(input, out, st.content.situations.len())? else {
        return Ok(false);
    };
    if n > 0 {
        st.situation = n - 1;
    }
    Ok(true)
}
