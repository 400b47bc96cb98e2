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

use super::strings as s;

/// Exit code when the input ended before the questionnaire did.
pub const EXIT_INPUT_ENDED: u8 = 2;

pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Metier => s::SORTE_METIER,
        Kind::Formation => s::SORTE_FORMATION,
        Kind::Rome => s::SORTE_ROME,
        Kind::Etablissement => s::SORTE_ETABLISSEMENT,
        Kind::Dispositif => s::SORTE_DISPOSITIF,
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
        writeln!(out, "{}", s::aucun_resultat(query))?;
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
        "{} — {} — {} — {} : {}",
        f.intitule,
        present::niveau(f.niveau),
        present::duree_mois(u32::from(f.duree_mois)),
        s::VOIES_MIN,
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
        writeln!(
            out,
            "{} : {} ({})",
            s::TYPE,
            f.kind,
            present::niveau(f.niveau)
        )?;
        writeln!(
            out,
            "{} : {}",
            s::FORMATION_DUREE,
            present::duree_mois(u32::from(f.duree_mois))
        )?;
        let voies: Vec<&str> = f.voies.iter().map(|v| present::voie(*v)).collect();
        writeln!(out, "{} : {}", s::FORMATION_VOIES, voies.join(", "))?;
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
        writeln!(out, "{} : {}", s::FORMATION_ACCES, acces.join(" ; "))?;
        if !f.poursuites.is_empty() {
            writeln!(out, "{} :", s::FORMATION_POURSUITES)?;
            for p in f.poursuites.iter().filter_map(|p| content.formation(p)) {
                writeln!(out, "  - {} ({})", p.intitule, p.id)?;
            }
        }
        let metiers: Vec<String> = content
            .metiers_of_formation(&f.id)
            .map(|m| m.titre.both())
            .collect();
        if !metiers.is_empty() {
            writeln!(out, "{} : {}", s::MENE_AUX_METIERS, metiers.join(", "))?;
        }
        write_lieux(out, content, &[f.id.as_str()], None)?;
        writeln!(out, "{} : {}", s::FICHE_SOURCES, f.sources.join(" ; "))?;
        return Ok(true);
    }
    if let Some(e) = content.etablissement(id) {
        show_etablissement(out, content, e)?;
        return Ok(true);
    }
    if let Some(r) = content.fiche_rome(&id.to_ascii_uppercase()) {
        writeln!(out, "{}", s::fiche_courte(&r.libelle, &r.code))?;
        if let Some(d) = content.domaine(r.code.get(..1).unwrap_or("")) {
            writeln!(out, "{} : {}", s::FILTRE_DOMAINE, d.libelle)?;
        }
        writeln!(out, "{}", s::PAS_DE_FICHE_DETAILLEE)?;
        return Ok(true);
    }
    writeln!(out, "{}", s::identifiant_inconnu(id))?;
    Ok(false)
}

fn show_etablissement(out: &mut impl Write, content: &Content, e: &Etablissement) -> Result<()> {
    writeln!(out, "{}", e.nom)?;
    writeln!(out, "{} : {}", s::ETABLISSEMENT_TYPE, e.kind.libelle())?;
    writeln!(
        out,
        "{} : {} ({})",
        s::ETABLISSEMENT_COMMUNE,
        e.commune,
        departement_label(&e.departement)
    )?;
    if let Some(uai) = &e.uai {
        writeln!(out, "{} : {uai}", s::ETABLISSEMENT_UAI)?;
    }
    if let Some(site) = &e.site {
        writeln!(out, "{} : {site}", s::ETABLISSEMENT_SITE)?;
    }
    if let Some(tel) = &e.telephone {
        writeln!(out, "{} : {tel}", s::ETABLISSEMENT_TELEPHONE)?;
    }
    writeln!(out, "{}", s::FORMATIONS_CONNUES)?;
    for (f, o) in lieux::enseignements(content, e) {
        let voies: Vec<&str> = o.voies.iter().map(|v| present::voie(*v)).collect();
        writeln!(out, "  - {} ({}) : {}", f.intitule, f.id, voies.join(", "))?;
    }
    writeln!(out, "{} : {}", s::FICHE_SOURCES, e.sources.join(" ; "))?;
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
        writeln!(out, "{}", s::PAS_DE_LIEU)?;
        return Ok(());
    }
    writeln!(out, "{} :", s::FORMATION_LIEUX)?;
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
    writeln!(
        out,
        "{} : {domaine} — ROME {}",
        s::FILTRE_DOMAINE,
        m.rome.join(", ")
    )?;
    writeln!(out)?;
    writeln!(out, "{}", m.resume)?;
    writeln!(out)?;
    writeln!(out, "{} :", s::ACTIVITES)?;
    for a in &m.activites {
        writeln!(out, "  - {a}")?;
    }
    writeln!(out, "{} : {}", s::QUALITES, m.qualites.join(", "))?;
    writeln!(out, "{} : {}", s::CONDITIONS, m.conditions)?;
    writeln!(
        out,
        "{} : {}",
        s::FICHE_NIVEAU,
        present::niveau_min(m.niveau_min)
    )?;
    writeln!(
        out,
        "{} : {}",
        s::LIBELLE_APPRENTISSAGE,
        if m.apprentissage {
            s::APPRENTISSAGE_OUI
        } else {
            s::NON
        }
    )?;
    writeln!(out, "{} :", s::FORMATIONS)?;
    for f in m.formations.iter().filter_map(|id| content.formation(id)) {
        writeln!(out, "  - {}", formation_line(f))?;
    }
    if let Some(n) = &m.normandie {
        writeln!(out, "{} : {n}", s::EN_NORMANDIE)?;
        let annee = super::terminal::today()
            .0
            .get(..4)
            .and_then(|y| y.parse().ok())
            .unwrap_or(0);
        if let Some(y) = present::fait_ancien(n, annee) {
            writeln!(out, "{}", present::fait_ancien_note(y))?;
        }
    }
    if let Some(r) = &content.recrutement {
        for f in r.familles_de(&m.id) {
            writeln!(
                out,
                "Recrute en Normandie : {}",
                boussole::present::recrutement_famille(f, &r.enquete)
            )?;
        }
    }
    let ids: Vec<&str> = m.formations.iter().map(String::as_str).collect();
    write_lieux(out, content, &ids, None)?;
    if content.situation("3e").is_some() {
        let routes = parcours::routes(content, "3e", m, 3);
        if let Some(r) = routes.first() {
            writeln!(out, "{} : {}", s::PARCOURS_DEPUIS_3E, present::parcours(r))?;
        }
    }
    writeln!(out, "{} : {}", s::FICHE_SOURCES, m.sources.join(" ; "))?;
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
        writeln!(out, "{}", s::situation_inconnue(from, &ids))?;
        return Ok(false);
    };
    let Some(metier) = content.metier(to) else {
        writeln!(out, "{}", s::metier_inconnu(to))?;
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
        writeln!(out, "{}", s::AUCUN_PARCOURS_CLI)?;
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
    if let Some(sit) = opts.situation
        && content.situation(sit).is_none()
    {
        let ids: Vec<&str> = content.situations.iter().map(|s| s.id.as_str()).collect();
        writeln!(prompts, "{}", s::situation_inconnue(sit, &ids))?;
        return Ok(1);
    }
    let q = &content.questionnaire;
    let form = if opts.quick {
        Form::Rapide
    } else {
        Form::Complet
    };
    let adulte = opts
        .situation
        .and_then(|sit| content.situation(sit))
        .is_some_and(|sit| sit.adulte);
    let answers = match ask_items(input, prompts, content, form, adulte)? {
        Asked::Fini(a) => a,
        Asked::Arrete => {
            writeln!(prompts, "{}", s::QUIZ_ARRETE_CLI)?;
            return Ok(0);
        }
        Asked::FinEntree => {
            writeln!(prompts, "{}", s::FIN_DES_REPONSES)?;
            return Ok(EXIT_INPUT_ENDED);
        }
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
        writeln!(out, "{} :", s::RESULTATS_TITRE)?;
        for m in top {
            writeln!(
                out,
                "- {} [{}]",
                m.metier.titre.both(),
                present::bucket(m.bucket)
            )?;
            writeln!(
                out,
                "  {} : {}",
                s::POURQUOI,
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
    adulte: bool,
) -> Result<Asked> {
    let q = &content.questionnaire;
    let items = quiz::items_pour(q, form, adulte);
    let consigne = if adulte {
        s::NOTEZ_DE_0_A_4
    } else {
        s::REPONDS_DE_0_A_4
    };
    writeln!(prompts, "{} {consigne}", s::ACCUEIL_INTRO)?;
    writeln!(prompts, "{}", s::QUIZ_TOUCHES_CLI)?;
    let scale: Vec<String> = q
        .echelle
        .iter()
        .map(|e| format!("{} = {}", e.valeur, e.libelle))
        .collect();
    writeln!(
        prompts,
        "{} ; n ou ? = {}",
        scale.join(" ; "),
        q.ne_sait_pas
    )?;
    let mut answers = Answers::new();
    let mut line = String::new();
    let mut n = 0;
    while let Some(item) = items.get(n) {
        write!(prompts, "[{}/{}] {} : ", n + 1, items.len(), item.texte)?;
        prompts.flush()?;
        line.clear();
        if input.read_line(&mut line)? == 0 {
            writeln!(prompts)?;
            return Ok(Asked::FinEntree);
        }
        match line.trim() {
            "q" | "Q" => return Ok(Asked::Arrete),
            "r" | "R" => {
                if n == 0 {
                    writeln!(prompts, "{}", s::QUIZ_PREMIERE_CLI)?;
                }
                n = n.saturating_sub(1);
            }
            other => match parse_answer(other) {
                Some(a) => {
                    answers.set(&item.id, a);
                    n += 1;
                }
                None => writeln!(prompts, "{}", s::reponse_non_comprise(&q.ne_sait_pas))?,
            },
        }
    }
    Ok(Asked::Fini(answers))
}

/// How a questionnaire in plain mode ended.
pub enum Asked {
    /// Every activity answered.
    Fini(Answers),
    /// The person typed q: back to the menu, nothing kept.
    Arrete,
    /// The input ended.
    FinEntree,
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
    writeln!(out, "{}", s::PROFIL_PLAT_CLI)?;
    writeln!(out, "{}", s::PROFIL_PLAT_SUITE_CLI)?;
    Ok(())
}

pub fn print_profile(out: &mut impl Write, content: &Content, p: &Profile) -> Result<()> {
    writeln!(out)?;
    writeln!(out, "{} :", s::TON_PROFIL)?;
    for t in boussole::content::Theme::ALL {
        let name = content
            .questionnaire
            .theme_info(t)
            .map_or("", |i| i.nom.as_str());
        match p.score(t) {
            Some(s) => writeln!(out, "  {} {:<28} {:>3} / 100", t.letter(), name, s.round())?,
            None => writeln!(
                out,
                "  {} {:<28} {}",
                t.letter(),
                name,
                s::INCONNU_PAS_DE_REPONSE
            )?,
        }
    }
    writeln!(out, "{} : {}", s::PROFIL_CODE, p.code_letters())?;
    Ok(())
}

/// `boussole proches ID`: the métiers near the current job.
pub fn proches(out: &mut impl Write, content: &Content, id: &str, as_json: bool) -> Result<bool> {
    use boussole::matching::proches::{self, Depuis};
    let Some(depuis) = Depuis::trouver(content, id) else {
        writeln!(
            out,
            "Aucun métier ni fiche ROME n'a l'identifiant « {} ». Essayez : boussole search {}",
            id.escape_debug(),
            id.escape_debug()
        )?;
        return Ok(false);
    };
    let list = proches::proches(content, depuis, 12);
    if as_json {
        let rows: Vec<_> = list
            .iter()
            .map(|p| {
                json!({
                    "metier": p.metier.id,
                    "score": p.score,
                    "liens": p.liens,
                    "parcours": p.route.as_ref().map(present::parcours),
                })
            })
            .collect();
        serde_json::to_writer(&mut *out, &json!({"depuis": id, "proches": rows}))?;
        writeln!(out)?;
        return Ok(!list.is_empty());
    }
    for p in &list {
        let liens: Vec<String> = p
            .liens
            .iter()
            .map(|l| present::lien_proche(content, l))
            .collect();
        writeln!(out, "{} ({})", p.metier.titre.both(), p.metier.id)?;
        writeln!(out, "  {}", liens.join(" ; "))?;
        if let Some(r) = &p.route {
            writeln!(out, "  Parcours : {}", present::parcours(r))?;
        }
    }
    Ok(!list.is_empty())
}
