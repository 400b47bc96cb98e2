//! A printable summary of a session, as Markdown or as a self-contained HTML
//! page (no script, no external resource, A4). Pure: returns text.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::content::{Contact, Content, Metier, Theme};
use crate::matching::{self, Filters, Match};
use crate::parcours::{self, Route};
use crate::present;
use crate::quiz::{self, Profile};
use crate::session::Saved;

/// Everything the summary says, gathered once for both formats.
struct Summary<'a> {
    /// In French: "30 novembre 2026".
    date: String,
    situation: String,
    profile: Option<Profile>,
    favoris: Vec<(&'a Metier, Option<Match<'a>>, Option<Route<'a>>)>,
    /// The métiers compared, one row each.
    comparaison: Vec<Ligne<'a>>,
    /// The person's département, whose places come first.
    departement: Option<String>,
    /// Contacts for the person's situation first, then the others.
    contacts: (Vec<&'a Contact>, Vec<&'a Contact>),
}

/// One métier of the comparison, as the summary shows it.
struct Ligne<'a> {
    metier: &'a Metier,
    niveau: &'static str,
    etudes: String,
    apprentissage: &'static str,
    /// Places in the person's département (or in Normandy when none is chosen).
    lieux: usize,
    profil: Option<&'static str>,
}

/// Most places listed for one métier in the summary.
const MAX_LIEUX: usize = 6;

/// Where to train for a métier, in one line: the person's département first.
fn lieux_text(content: &Content, m: &Metier, premier: Option<&str>) -> String {
    let ids: Vec<&str> = m.formations.iter().map(String::as_str).collect();
    let groupes = crate::lieux::par_departement(content, &ids, premier);
    let all: Vec<String> = groupes
        .iter()
        .flat_map(|g| {
            g.lieux.iter().map(|l| {
                let app = if l.apprentissage() {
                    ", en apprentissage"
                } else {
                    ""
                };
                format!(
                    "{} à {} ({}) : {}{app}",
                    l.etablissement.nom,
                    l.etablissement.commune,
                    crate::content::departement_label(g.departement),
                    l.formation.intitule
                )
            })
        })
        .collect();
    if all.is_empty() {
        return "pas de lieu connu dans Boussole : demandez au 0800 050 000 (appel gratuit)"
            .to_string();
    }
    let more = all.len().saturating_sub(MAX_LIEUX);
    let mut text = all
        .into_iter()
        .take(MAX_LIEUX)
        .collect::<Vec<_>>()
        .join(" ; ");
    if more > 0 {
        let _ = write!(text, " ; et {more} autre(s) dans Boussole");
    }
    text
}

/// The comparison rows: entry level, studies, apprenticeship, places, match.
fn comparaison<'a>(content: &'a Content, saved: &Saved, ranked: &[Match<'_>]) -> Vec<Ligne<'a>> {
    let premier = saved.departement.as_deref();
    saved
        .comparaison
        .iter()
        .filter_map(|id| content.metier(id))
        .map(|m| {
            let lieux = crate::lieux::nombre(content, m, premier);
            let etudes = m
                .formations
                .iter()
                .filter_map(|f| content.formation(f))
                .map(|f| {
                    format!(
                        "{} ({})",
                        f.intitule,
                        present::duree_mois(u32::from(f.duree_mois))
                    )
                })
                .collect::<Vec<_>>()
                .join(" ; ");
            Ligne {
                metier: m,
                niveau: present::niveau_min(m.niveau_min),
                etudes,
                apprentissage: if m.apprentissage { "oui" } else { "non" },
                lieux,
                profil: ranked
                    .iter()
                    .find(|r| r.metier.id == m.id)
                    .map(|r| present::bucket(r.bucket)),
            }
        })
        .collect()
}

/// The recruitment figure of the métier's family in Normandy, if published.
fn recrute_text(content: &Content, m: &Metier) -> Option<String> {
    let r = content.recrutement.as_ref()?;
    let lignes: Vec<String> = r
        .familles_de(&m.id)
        .map(|f| present::recrutement_famille(f, &r.enquete))
        .collect();
    (!lignes.is_empty()).then(|| lignes.join(" "))
}

fn gather<'a>(content: &'a Content, saved: &Saved, date: &str) -> Summary<'a> {
    let answers = saved.answers();
    let profile = (!answers.is_empty()).then(|| quiz::score(&content.questionnaire, &answers));
    let rejected: HashSet<String> = saved.rejetes.iter().cloned().collect();
    let ranked = profile
        .map(|p| matching::rank(content, &p, &answers, &Filters::default(), &rejected).matches)
        .unwrap_or_default();
    let favoris = saved
        .favoris
        .iter()
        .filter_map(|id| content.metier(id))
        .map(|m| {
            let reason = ranked.iter().find(|r| r.metier.id == m.id).cloned();
            let route = parcours::routes(content, &saved.situation, m, 1)
                .into_iter()
                .next();
            (m, reason, route)
        })
        .collect();
    let situation = content.situation(&saved.situation);
    Summary {
        date: present::date_fr(date),
        situation: situation.map_or(saved.situation.clone(), |s| s.libelle.clone()),
        profile,
        favoris,
        comparaison: comparaison(content, saved, &ranked),
        departement: saved.departement.clone(),
        contacts: content.contacts_pour(situation),
    }
}

fn theme_name(content: &Content, t: Theme) -> String {
    content
        .questionnaire
        .theme_info(t)
        .map_or(t.letter().to_string(), |i| i.nom.clone())
}

/// The summary as Markdown.
pub fn markdown(content: &Content, saved: &Saved, date: &str) -> String {
    let s = gather(content, saved, date);
    let mut out = String::new();
    let _ = writeln!(out, "# Boussole : mon résumé\n");
    let _ = writeln!(out, "Date : {}  ", s.date);
    let _ = writeln!(out, "Situation : {}\n", s.situation);
    let _ = writeln!(
        out,
        "Ce résumé aide à explorer. Ce n'est pas un test et il ne décide pas à ta place.\n"
    );
    let _ = writeln!(out, "## Mon profil\n");
    match s.profile {
        Some(p) => {
            let _ = writeln!(out, "| thème | score sur 100 |\n|---|---|");
            for t in Theme::ALL {
                let score = p
                    .score(t)
                    .map_or("inconnu".to_string(), |v| format!("{:.0}", v.round()));
                let _ = writeln!(
                    out,
                    "| {} {} | {score} |",
                    t.letter(),
                    theme_name(content, t)
                );
            }
            let _ = writeln!(out, "\nCode : **{}**", p.code_letters());
            if p.is_flat() {
                let _ = writeln!(
                    out,
                    "\nProfil peu différencié : les goûts sont proches d'un thème à l'autre."
                );
            }
        }
        None => {
            let _ = writeln!(out, "Questionnaire non rempli.");
        }
    }
    let _ = writeln!(out, "\n## Mes métiers favoris\n");
    if s.favoris.is_empty() {
        let _ = writeln!(out, "Aucun favori.");
    }
    for (m, reason, route) in &s.favoris {
        let _ = writeln!(out, "### {}\n", m.titre.both());
        let _ = writeln!(out, "{}\n", m.resume);
        if let Some(r) = reason {
            let _ = writeln!(
                out,
                "- Pourquoi : {}",
                present::raisons(content, &r.reasons)
            );
        }
        match route {
            Some(r) => {
                let _ = writeln!(out, "- Parcours : {}", present::parcours(r));
            }
            None => {
                let _ = writeln!(out, "- Parcours : aucun trouvé depuis cette situation");
            }
        }
        let _ = writeln!(
            out,
            "- Où se former : {}",
            lieux_text(content, m, s.departement.as_deref())
        );
        if let Some(r) = recrute_text(content, m) {
            let _ = writeln!(out, "- Recrute en Normandie : {r}");
        }
        let _ = writeln!(
            out,
            "- Apprentissage : {}\n",
            if m.apprentissage { "oui" } else { "non" }
        );
    }
    if !s.comparaison.is_empty() {
        let _ = writeln!(out, "## Ma comparaison\n");
        for l in &s.comparaison {
            let _ = writeln!(out, "### {}\n", l.metier.titre.both());
            for (champ, valeur) in rows(l, s.departement.as_deref()) {
                let _ = writeln!(out, "- {champ} : {valeur}");
            }
            let _ = writeln!(out);
        }
    }
    let _ = writeln!(out, "## À qui parler\n");
    let (pour, autres) = &s.contacts;
    for c in pour {
        let _ = writeln!(out, "{}", contact_md(c));
    }
    if !autres.is_empty() {
        let _ = writeln!(out, "\nAutres contacts :\n");
        for c in autres {
            let _ = writeln!(out, "{}", contact_md(c));
        }
    }
    out
}

/// A web address as a full URL (content gives "onisep.fr").
fn url(web: &str) -> String {
    if web.starts_with("https://") || web.starts_with("http://") {
        web.to_string()
    } else {
        format!("https://{web}")
    }
}

fn contact_md(c: &Contact) -> String {
    let mut line = format!("- **{}** : {}", c.nom, c.offre);
    if let Some(t) = &c.telephone {
        let _ = write!(line, " Téléphone : {t}.");
    }
    if let Some(w) = &c.web {
        let _ = write!(line, " Site : <{}>.", url(w));
    }
    line
}

fn contact_html(c: &Contact) -> String {
    let e = escape;
    let mut line = format!("<li><strong>{}</strong> : {}", e(&c.nom), e(&c.offre));
    if let Some(t) = &c.telephone {
        let _ = write!(line, " Téléphone : {}.", e(t));
    }
    if let Some(w) = &c.web {
        let _ = write!(line, " Site : <a href=\"{}\">{}</a>.", e(&url(w)), e(w));
    }
    line.push_str("</li>");
    line
}

/// The rows of one compared métier, as (field, value).
fn rows(l: &Ligne<'_>, departement: Option<&str>) -> Vec<(String, String)> {
    let ou = departement
        .and_then(crate::content::departement_nom)
        .map_or("en Normandie".to_string(), |n| {
            format!("(département : {n})")
        });
    let mut v = vec![
        ("Niveau d'entrée".to_string(), l.niveau.to_string()),
        (
            "Études".to_string(),
            if l.etudes.is_empty() {
                "non renseignées".to_string()
            } else {
                l.etudes.clone()
            },
        ),
        ("Apprentissage".to_string(), l.apprentissage.to_string()),
        (
            "Lieux de formation".to_string(),
            format!("{} {ou}", l.lieux),
        ),
    ];
    if let Some(p) = l.profil {
        v.push(("Avec mon profil".to_string(), p.to_string()));
    }
    v
}

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "@page{size:A4;margin:18mm}body{font-family:system-ui,sans-serif;font-size:11pt;line-height:1.4;color:#000;max-width:48em;margin:auto}h1{font-size:18pt}h2{font-size:14pt;border-bottom:1px solid #000;margin-top:1.2em}h3{font-size:12pt;margin-bottom:.2em}table{border-collapse:collapse}td,th{border:1px solid #000;padding:2px 8px;text-align:left}.barre{display:inline-block;height:.7em;background:#000;print-color-adjust:exact;-webkit-print-color-adjust:exact}section{page-break-inside:avoid}";

/// The summary as one self-contained HTML page.
pub fn html(content: &Content, saved: &Saved, date: &str) -> String {
    let s = gather(content, saved, date);
    let e = escape;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>Boussole : mon résumé</title>\n<style>{STYLE}</style>\n</head>\n<body>"
    );
    let _ = writeln!(out, "<h1>Boussole : mon résumé</h1>");
    let _ = writeln!(
        out,
        "<p>Date : {}<br/>Situation : {}</p>",
        e(&s.date),
        e(&s.situation)
    );
    let _ = writeln!(
        out,
        "<p>Ce résumé aide à explorer. Ce n'est pas un test et il ne décide pas à ta place.</p>"
    );
    let _ = writeln!(out, "<h2>Mon profil</h2>");
    match s.profile {
        Some(p) => {
            let _ = writeln!(
                out,
                "<table>\n<tr><th>thème</th><th>score sur 100</th><th></th></tr>"
            );
            for t in Theme::ALL {
                let (score, width) = p.score(t).map_or(("inconnu".to_string(), 0.0), |v| {
                    (format!("{:.0}", v.round()), v)
                });
                let _ = writeln!(
                    out,
                    "<tr><td>{} {}</td><td>{score}</td><td><span class=\"barre\" style=\"width:{:.0}px\"></span></td></tr>",
                    t.letter(),
                    e(&theme_name(content, t)),
                    width * 1.5
                );
            }
            let _ = writeln!(
                out,
                "</table>\n<p>Code : <strong>{}</strong></p>",
                e(&p.code_letters())
            );
            if p.is_flat() {
                let _ = writeln!(
                    out,
                    "<p>Profil peu différencié : les goûts sont proches d'un thème à l'autre.</p>"
                );
            }
        }
        None => {
            let _ = writeln!(out, "<p>Questionnaire non rempli.</p>");
        }
    }
    let _ = writeln!(out, "<h2>Mes métiers favoris</h2>");
    if s.favoris.is_empty() {
        let _ = writeln!(out, "<p>Aucun favori.</p>");
    }
    for (m, reason, route) in &s.favoris {
        let _ = writeln!(
            out,
            "<section>\n<h3>{}</h3>\n<p>{}</p>\n<ul>",
            e(&m.titre.both()),
            e(&m.resume)
        );
        if let Some(r) = reason {
            let _ = writeln!(
                out,
                "<li>Pourquoi : {}</li>",
                e(&present::raisons(content, &r.reasons))
            );
        }
        let route = route.as_ref().map_or(
            "aucun trouvé depuis cette situation".to_string(),
            present::parcours,
        );
        let _ = writeln!(out, "<li>Parcours : {}</li>", e(&route));
        let _ = writeln!(
            out,
            "<li>Où se former : {}</li>",
            e(&lieux_text(content, m, s.departement.as_deref()))
        );
        if let Some(r) = recrute_text(content, m) {
            let _ = writeln!(out, "<li>Recrute en Normandie : {}</li>", e(&r));
        }
        let _ = writeln!(
            out,
            "<li>Apprentissage : {}</li>\n</ul>\n</section>",
            if m.apprentissage { "oui" } else { "non" }
        );
    }
    if !s.comparaison.is_empty() {
        let _ = writeln!(out, "<h2>Ma comparaison</h2>");
        for l in &s.comparaison {
            let _ = writeln!(
                out,
                "<section>\n<h3>{}</h3>\n<table>",
                e(&l.metier.titre.both())
            );
            for (champ, valeur) in rows(l, s.departement.as_deref()) {
                let _ = writeln!(
                    out,
                    "<tr><th>{}</th><td>{}</td></tr>",
                    e(&champ),
                    e(&valeur)
                );
            }
            let _ = writeln!(out, "</table>\n</section>");
        }
    }
    let _ = writeln!(out, "<h2>À qui parler</h2>\n<ul>");
    let (pour, autres) = &s.contacts;
    for c in pour {
        let _ = writeln!(out, "{}", contact_html(c));
    }
    if !autres.is_empty() {
        let _ = writeln!(out, "</ul>\n<p>Autres contacts :</p>\n<ul>");
        for c in autres {
            let _ = writeln!(out, "{}", contact_html(c));
        }
    }
    let _ = writeln!(out, "</ul>\n</body>\n</html>");
    out
}
