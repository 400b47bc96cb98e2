//! Plain-text commands: search, show, quiz, parcours. They write to stdout and
//! work in pipes.

use std::collections::HashSet;
use std::io::{BufRead, Write};

use anyhow::Result;
use boussole::content::{Content, Etablissement, Formation, Metier, departement_label};
use boussole::lieux;
use boussole::matching::{self, Filters, Match, Method};
use boussole::parcours;
use boussole::present;
use boussole::quiz::{self, Answer, Answers, Form, Profile};
use boussole::search::{Index, Kind};
use serde_json::json;

/// Exit code when the input ended before the questionnaire did.
pub const EXIT_INPUT_ENDED: u8 = 2;

pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Metier => "métier",
        Kind::Formation => "formation",
        Kind::Rome => "fiche ROME",
        Kind::Etablissement => "établissement",
    }
}

pub fn search(
    out: &mut impl Write,
    index: &Index,
    query: &str,
    limit: usize,
    as_json: bool,
) -> Result<bool> {
    let hits = index.search(query, limit);
    if as_json {
        let list: Vec<_> = hits
            .iter()
            .map(|h| json!({"kind": h.kind, "id": h.id, "label": h.label, "score": h.score}))
            .collect();
        serde_json::to_writer(&mut *out, &list)?;
        writeln!(out)?;
        return Ok(true);
    }
    if hits.is_empty() {
        writeln!(
            out,
            "Aucun résultat pour « {query} ». Essayez un autre mot, ou explorez un domaine."
        )?;
        return Ok(false);
    }
    for h in &hits {
        writeln!(out, "{:<10}  {}  ({})", kind_label(h.kind), h.label, h.id)?;
    }
    Ok(true)
}

fn formation_line(f: &Formation) -> String {
    let voies: Vec<&str> = f.voies.iter().map(|v| present::voie(*v)).collect();
    format!(
        "{} — {} — {} — voies : {}",
        f.intitule,
        present::niveau(f.niveau),
        present::duree_mois(u32::from(f.duree_mois)),
        voies.join(", ")
    )
}

pub fn show(out: &mut impl Write, content: &Content, id: &str) -> Result<bool> {
    let metier = content.metier(id).or_else(|| {
        content
            .metiers
            .iter()
            .find(|m| m.rome.iter().any(|c| c.eq_ignore_ascii_case(id)))
    });
    if let Some(m) = metier {
        show_metier(out, content, m)?;
        return Ok(true);
    }
    if let Some(f) = content.formation(id) {
        writeln!(out, "{}", f.intitule)?;
        writeln!(out, "Type : {} ({})", f.kind, present::niveau(f.niveau))?;
        writeln!(
            out,
            "Durée habituelle : {}",
            present::duree_mois(u32::from(f.duree_mois))
        )?;
        let voies: Vec<&str> = f.voies.iter().map(|v| present::voie(*v)).collect();
        writeln!(out, "Voies : {}", voies.join(", "))?;
        if let Some(p) = &f.presentation {
            writeln!(out, "{p}")?;
        }
        let acces: Vec<&str> = f
            .acces
            .iter()
            .map(|a| {
                content
                    .situation(a)
                    .map_or(a.as_str(), |s| s.libelle.as_str())
            })
            .collect();
        writeln!(out, "On y entre : {}", acces.join(" ; "))?;
        if !f.poursuites.is_empty() {
            writeln!(out, "Et après :")?;
            for p in f.poursuites.iter().filter_map(|p| content.formation(p)) {
                writeln!(out, "  - {} ({})", p.intitule, p.id)?;
            }
        }
        let metiers: Vec<String> = content
            .metiers_of_formation(&f.id)
            .map(|m| m.titre.both())
            .collect();
        if !metiers.is_empty() {
            writeln!(out, "Mène aux métiers : {}", metiers.join(", "))?;
        }
        write_lieux(out, content, &[f.id.as_str()], None)?;
        writeln!(out, "Sources : {}", f.sources.join(" ; "))?;
        return Ok(true);
    }
    if let Some(e) = content.etablissement(id) {
        show_etablissement(out, content, e)?;
        return Ok(true);
    }
    if let Some(r) = content.fiche_rome(&id.to_ascii_uppercase()) {
        writeln!(out, "{} (fiche courte ROME {})", r.libelle, r.code)?;
        if let Some(d) = content.domaine(r.code.get(..1).unwrap_or("")) {
            writeln!(out, "Domaine : {}", d.libelle)?;
        }
        writeln!(
            out,
            "Pas encore de fiche détaillée pour ce métier dans Boussole."
        )?;
        return Ok(true);
    }
    writeln!(
        out,
        "Aucun métier, aucune formation, aucun établissement ni fiche ROME n'a l'identifiant « {id} ». Essayez : boussole search {id}"
    )?;
    Ok(false)
}

fn show_etablissement(out: &mut impl Write, content: &Content, e: &Etablissement) -> Result<()> {
    writeln!(out, "{}", e.nom)?;
    writeln!(out, "Type : {}", e.kind.libelle())?;
    writeln!(
        out,
        "Commune : {} ({})",
        e.commune,
        departement_label(&e.departement)
    )?;
    if let Some(uai) = &e.uai {
        writeln!(out, "Code UAI : {uai}")?;
    }
    if let Some(site) = &e.site {
        writeln!(out, "Site : {site}")?;
    }
    if let Some(tel) = &e.telephone {
        writeln!(out, "Téléphone : {tel}")?;
    }
    writeln!(out, "Formations connues de Boussole :")?;
    for (f, o) in lieux::enseignements(content, e) {
        let voies: Vec<&str> = o.voies.iter().map(|v| present::voie(*v)).collect();
        writeln!(out, "  - {} ({}) : {}", f.intitule, f.id, voies.join(", "))?;
    }
    writeln!(out, "Sources : {}", e.sources.join(" ; "))?;
    Ok(())
}

/// "Où se former en Normandie", as text: one line per département, then one
/// per place.
pub fn write_lieux(
    out: &mut impl Write,
    content: &Content,
    formations: &[&str],
    premier: Option<&str>,
) -> Result<()> {
    let groupes = lieux::par_departement(content, formations, premier);
    if groupes.is_empty() {
        writeln!(
            out,
            "Où se former en Normandie : pas de lieu connu dans Boussole ; demandez au 0800 050 000 (appel gratuit)."
        )?;
        return Ok(());
    }
    writeln!(out, "Où se former en Normandie :")?;
    for g in groupes {
        writeln!(out, "  {} :", departement_label(g.departement))?;
        for l in g.lieux {
            let voies: Vec<&str> = l.offre.voies.iter().map(|v| present::voie(*v)).collect();
            let what = if formations.len() > 1 {
                format!("{}, ", l.formation.intitule)
            } else {
                String::new()
            };
            writeln!(
                out,
                "    - {}, {} : {what}{} ({})",
                l.etablissement.commune,
                l.etablissement.nom,
                voies.join(", "),
                l.etablissement.id
            )?;
        }
    }
    Ok(())
}

fn show_metier(out: &mut impl Write, content: &Content, m: &Metier) -> Result<()> {
    writeln!(out, "{}", m.titre.both())?;
    let domaine = content
        .domaine(&m.domaine)
        .map_or("", |d| d.libelle.as_str());
    writeln!(out, "Domaine : {domaine} — ROME {}", m.rome.join(", "))?;
    writeln!(out)?;
    writeln!(out, "{}", m.resume)?;
    writeln!(out)?;
    writeln!(out, "Activités :")?;
    for a in &m.activites {
        writeln!(out, "  - {a}")?;
    }
    writeln!(out, "Qualités : {}", m.qualites.join(", "))?;
    writeln!(out, "Conditions : {}", m.conditions)?;
    writeln!(
        out,
        "Pour commencer : {}",
        present::niveau_min(m.niveau_min)
    )?;
    writeln!(
        out,
        "Apprentissage : {}",
        if m.apprentissage {
            "oui, ce métier s'apprend aussi en apprentissage"
        } else {
            "non"
        }
    )?;
    writeln!(out, "Formations :")?;
    for f in m.formations.iter().filter_map(|id| content.formation(id)) {
        writeln!(out, "  - {}", formation_line(f))?;
    }
    if let Some(n) = &m.normandie {
        writeln!(out, "En Normandie : {n}")?;
    }
    let ids: Vec<&str> = m.formations.iter().map(String::as_str).collect();
    write_lieux(out, content, &ids, None)?;
    if content.situation("3e").is_some() {
        let routes = parcours::routes(content, "3e", m, 3);
        if let Some(r) = routes.first() {
            writeln!(out, "Parcours depuis la 3e : {}", present::parcours(r))?;
        }
    }
    writeln!(out, "Sources : {}", m.sources.join(" ; "))?;
    Ok(())
}

pub fn parcours(
    out: &mut impl Write,
    content: &Content,
    demande: &parcours::Demande<'_>,
    to: &str,
    as_json: bool,
) -> Result<bool> {
    let from = demande.situation;
    let Some(situation) = content.situation(from) else {
        let ids: Vec<&str> = content.situations.iter().map(|s| s.id.as_str()).collect();
        writeln!(
            out,
            "Situation inconnue « {from} ». Situations possibles : {}",
            ids.join(", ")
        )?;
        return Ok(false);
    };
    let Some(metier) = content.metier(to) else {
        writeln!(
            out,
            "Métier inconnu « {to} ». Cherchez son identifiant : boussole search {to}"
        )?;
        return Ok(false);
    };
    let routes = parcours::routes_pour(content, demande, metier, 10);
    if as_json {
        let list: Vec<_> = routes
            .iter()
            .map(|r| {
                json!({
                    "etapes": r.etapes.iter().map(|e| json!({
                        "formation": e.formation.id,
                        "intitule": e.formation.intitule,
                        "niveau": e.formation.niveau,
                        "duree_mois": e.duree_mois,
                        "en_cours": e.en_cours,
                        "apprentissage": e.apprentissage,
                        "voies": e.formation.voies,
                        "mode": e.mode,
                    })).collect::<Vec<_>>(),
                    "duree_mois": r.duree_mois,
                    "apprentissage_possible": r.apprentissage_possible,
                })
            })
            .collect();
        let age = demande.age.unwrap_or_else(|| situation.age());
        serde_json::to_writer(
            &mut *out,
            &json!({"from": from, "to": to, "age": age, "routes": list}),
        )?;
        writeln!(out)?;
        return Ok(!routes.is_empty());
    }
    writeln!(
        out,
        "De « {} » à « {} » :",
        situation.libelle,
        metier.titre.both()
    )?;
    if routes.is_empty() {
        writeln!(
            out,
            "Aucun parcours trouvé dans Boussole depuis cette situation. Parlez-en à un conseiller ou une conseillère."
        )?;
        return Ok(false);
    }
    for (i, r) in routes.iter().enumerate() {
        writeln!(out, "{}. {}", i + 1, present::parcours(r))?;
    }
    Ok(true)
}

/// Options of the plain questionnaire.
pub struct QuizOptions<'a> {
    pub quick: bool,
    pub situation: Option<&'a str>,
    pub json: bool,
}

/// Asks every item on `prompts`, reads answers from `input`. Returns the exit code.
pub fn quiz(
    input: &mut impl BufRead,
    prompts: &mut impl Write,
    out: &mut impl Write,
    content: &Content,
    opts: &QuizOptions<'_>,
) -> Result<u8> {
    if let Some(s) = opts.situation
        && content.situation(s).is_none()
    {
        let ids: Vec<&str> = content.situations.iter().map(|s| s.id.as_str()).collect();
        writeln!(
            prompts,
            "Situation inconnue « {s} ». Situations possibles : {}",
            ids.join(", ")
        )?;
        return Ok(1);
    }
    let q = &content.questionnaire;
    let form = if opts.quick {
        Form::Rapide
    } else {
        Form::Complet
    };
    let Some(answers) = ask_items(input, prompts, content, form)? else {
        writeln!(
            prompts,
            "Fin des réponses avant la fin du questionnaire : rien n'est calculé."
        )?;
        return Ok(EXIT_INPUT_ENDED);
    };
    let profile = quiz::score(q, &answers);
    let filters = Filters {
        situation: opts.situation.map(str::to_string),
        ..Filters::default()
    };
    let results = matching::rank(content, &profile, &answers, &filters, &HashSet::new());
    let top: Vec<&Match<'_>> = results.matches.iter().take(10).collect();
    if opts.json {
        let matches: Vec<_> = top
            .iter()
            .map(|m| json!({"id": m.metier.id, "score": m.score, "bucket": m.bucket, "reasons": m.reasons}))
            .collect();
        let scores: serde_json::Map<String, serde_json::Value> = boussole::content::Theme::ALL
            .iter()
            .map(|t| (t.letter().to_string(), json!(profile.score(*t))))
            .collect();
        serde_json::to_writer(
            &mut *out,
            &json!({"scores": scores, "code": profile.code_letters(), "flat": profile.is_flat(), "matches": matches}),
        )?;
        writeln!(out)?;
    } else {
        print_profile(out, content, &profile)?;
        if results.method == Method::HighestThemes {
            print_flat_notice(out)?;
        }
        writeln!(out)?;
        writeln!(out, "Métiers à découvrir :")?;
        for m in top {
            writeln!(
                out,
                "- {} [{}]",
                m.metier.titre.both(),
                present::bucket(m.bucket)
            )?;
            writeln!(
                out,
                "  Pourquoi : {}",
                present::raisons(content, &m.reasons)
            )?;
        }
    }
    Ok(0)
}

/// Asks each item of the form, one line per answer; re-asks on anything else
/// than 0–4 or ?. Returns `None` if the input ends first.
pub fn ask_items(
    input: &mut impl BufRead,
    prompts: &mut impl Write,
    content: &Content,
    form: Form,
) -> Result<Option<Answers>> {
    let q = &content.questionnaire;
    let items = quiz::items(q, form);
    writeln!(
        prompts,
        "Ce n'est pas un test : une façon d'explorer. Réponds de 0 à 4, ou ? si tu ne sais pas."
    )?;
    let scale: Vec<String> = q
        .echelle
        .iter()
        .map(|e| format!("{} = {}", e.valeur, e.libelle))
        .collect();
    writeln!(prompts, "{} ; ? = {}", scale.join(" ; "), q.ne_sait_pas)?;
    let mut answers = Answers::new();
    let mut line = String::new();
    for (n, item) in items.iter().enumerate() {
        loop {
            write!(prompts, "[{}/{}] {} : ", n + 1, items.len(), item.texte)?;
            prompts.flush()?;
            line.clear();
            if input.read_line(&mut line)? == 0 {
                writeln!(prompts)?;
                return Ok(None);
            }
            match parse_answer(line.trim()) {
                Some(a) => {
                    answers.set(&item.id, a);
                    break;
                }
                None => writeln!(
                    prompts,
                    "Réponse non comprise : tape un chiffre de 0 à 4, ou ? pour « {} ».",
                    q.ne_sait_pas
                )?,
            }
        }
    }
    Ok(Some(answers))
}

fn parse_answer(s: &str) -> Option<Answer> {
    match s {
        "?" | "n" | "N" => Some(Answer::NeSaitPas),
        _ => s
            .parse::<u8>()
            .ok()
            .filter(|n| *n <= quiz::MAX_ANSWER)
            .map(Answer::Note),
    }
}

/// What to say when a profile is flat (see docs/methode.md).
pub fn print_flat_notice(out: &mut impl Write) -> Result<()> {
    writeln!(
        out,
        "Ton profil est peu différencié : tes goûts sont proches d'un thème à l'autre."
    )?;
    writeln!(
        out,
        "Les métiers sont classés d'après tes thèmes les plus forts. Tu peux aussi explorer par domaine."
    )?;
    Ok(())
}

pub fn print_profile(out: &mut impl Write, content: &Content, p: &Profile) -> Result<()> {
    writeln!(out)?;
    writeln!(out, "Ton profil :")?;
    for t in boussole::content::Theme::ALL {
        let name = content
            .questionnaire
            .theme_info(t)
            .map_or("", |i| i.nom.as_str());
        match p.score(t) {
            Some(s) => writeln!(out, "  {} {:<28} {:>3} / 100", t.letter(), name, s.round())?,
            None => writeln!(
                out,
                "  {} {:<28} inconnu (pas de réponse)",
                t.letter(),
                name
            )?,
        }
    }
    writeln!(out, "Ton code : {}", p.code_letters())?;
    Ok(())
}
