//! Résultats: filters, the grouped list, and why the selected métier is there.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::super::app::{App, FilterRow, Ranked, ResPane};
use super::super::strings as s;
use super::super::theme::Theme;
use super::super::wrap;
use super::{TextPane, block, grouped, heading, list, one_line_rows, style_if, text};
use crate::matching::{Bucket, Method, Satisfied};

pub fn bucket_label(b: Bucket) -> &'static str {
    match b {
        Bucket::TresProche => s::BUCKET_TRES_PROCHE,
        Bucket::Proche => s::BUCKET_PROCHE,
        Bucket::AExplorer => s::BUCKET_A_EXPLORER,
    }
}

fn filter_value(app: &App, row: FilterRow) -> String {
    let f = &app.session.filters;
    match row {
        FilterRow::Niveau => f.niveau_max.map_or(s::FILTRE_TOUS.to_string(), |n| {
            s::niveau_vise(n).to_string()
        }),
        FilterRow::Apprentissage => (if f.apprentissage_seulement {
            s::OUI
        } else {
            s::NON
        })
        .to_string(),
        FilterRow::Domaine => f.domaine.as_ref().map_or(s::FILTRE_TOUS.to_string(), |d| {
            app.content
                .domaine(d)
                .map_or(d.clone(), |x| format!("{d} {}", x.libelle))
        }),
        FilterRow::Departement if !app.has_places() => s::FILTRE_SANS_LIEUX.to_string(),
        FilterRow::Departement => f
            .departement
            .clone()
            .unwrap_or_else(|| s::FILTRE_TOUS.to_string()),
    }
}

fn filter_label(row: FilterRow) -> &'static str {
    match row {
        FilterRow::Niveau => s::FILTRE_NIVEAU,
        FilterRow::Apprentissage => s::FILTRE_APPRENTISSAGE,
        FilterRow::Domaine => s::FILTRE_DOMAINE,
        FilterRow::Departement => s::FILTRE_DEPARTEMENT,
    }
}

#[allow(clippy::too_many_arguments)]
pub fn view(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    texts: &mut wrap::Cache,
    area: Rect,
    pane: ResPane,
    sel: usize,
    filter: usize,
) {
    let (_, left, _) = super::super::layout::resultats(area);
    for text_pane in panes(app, theme, area, pane, sel, filter) {
        text(frame, texts, text_pane, theme);
    }
    if app.ranked.is_empty() {
        return;
    }
    // Rows with group headers (the same rows `update` maps clicks to).
    let rows = app.result_rows();
    let selected_row = rows.iter().position(|r| *r == Some(sel));
    let row = |n| {
        grouped(
            &rows,
            &app.ranked,
            n,
            |r| ListItem::new(row_line(app, r, theme)),
            |r| {
                ListItem::new(Line::from(Span::styled(
                    bucket_label(r.bucket),
                    theme.header,
                )))
            },
        )
    };
    list(
        frame,
        left,
        one_line_rows(rows.len(), row),
        selected_row,
        block(list_title(app), pane == ResPane::Liste, theme),
        theme,
    );
}

fn list_title(app: &App) -> &'static str {
    if app.method == Method::HighestThemes {
        s::RESULTATS_PLAT
    } else {
        s::RESULTATS_TITRE
    }
}

/// The filters, the list when it is empty, and why the selected métier is there.
pub fn panes<'a>(
    app: &'a App,
    theme: &Theme,
    area: Rect,
    pane: ResPane,
    sel: usize,
    filter: usize,
) -> Vec<TextPane<'a>> {
    let (filters_area, left, right) = super::super::layout::resultats(area);
    let filters: Vec<Line<'_>> = FilterRow::ALL
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let selected = pane == ResPane::Filtres && i == filter;
            Line::from(vec![
                Span::raw(if selected { "> " } else { "  " }),
                Span::styled(format!("{:<24}", filter_label(*row)), theme.header),
                Span::styled(
                    format!(
                        "{} {} {}",
                        theme.glyphs.left,
                        filter_value(app, *row),
                        theme.glyphs.right
                    ),
                    style_if(selected, theme.selected),
                ),
            ])
        })
        .collect();
    let mut panes = vec![
        TextPane::new(filters_area, s::RESULTATS_FILTRES, filters)
            .focused(pane == ResPane::Filtres),
    ];
    if app.ranked.is_empty() {
        panes.push(
            TextPane::new(left, list_title(app), vec![Line::from(s::RESULTATS_AUCUN)])
                .focused(pane == ResPane::Liste),
        );
    }
    let reasons = app
        .ranked
        .get(sel)
        .map(|r| reasons_lines(app, r, theme))
        .unwrap_or_default();
    panes.push(TextPane::new(right, s::RESULTATS_POURQUOI, reasons));
    panes
}

fn row_line<'a>(app: &'a App, r: &Ranked, theme: &Theme) -> Line<'a> {
    let title = app
        .content
        .metier(&r.id)
        .map_or(r.id.clone(), |m| m.titre.both());
    let fav = app.session.favoris.contains(&r.id);
    let cmp = app.session.comparaison.contains(&r.id);
    Line::from(vec![
        Span::styled(if fav { s::MARQUE_FAVORI } else { " " }, theme.warning),
        Span::styled(if cmp { s::MARQUE_COMPARE } else { " " }, theme.key),
        Span::raw(format!(" {title}")),
    ])
}

/// The "Pourquoi ce métier ?" text, shared with the fiche's Pourquoi moi tab.
pub fn reasons_lines<'a>(app: &'a App, r: &Ranked, theme: &Theme) -> Vec<Line<'a>> {
    let q = &app.content.questionnaire;
    let mut lines = Vec::new();
    if let Some(m) = app.content.metier(&r.id) {
        lines.push(Line::from(Span::styled(m.titre.both(), theme.title)));
    }
    lines.push(Line::from(format!(
        "{}{}{}",
        bucket_label(r.bucket),
        theme.glyphs.sep,
        s::ressemblance(r.score)
    )));
    lines.push(Line::from(""));
    if !r.reasons.themes.is_empty() {
        lines.push(heading(s::RAISON_THEMES, theme));
        for t in &r.reasons.themes {
            let name = q.theme_info(*t).map_or(String::new(), |i| i.nom.clone());
            lines.push(Line::from(format!("  {} {name}", t.letter())));
        }
    }
    if !r.reasons.items.is_empty() {
        lines.push(heading(s::RAISON_ITEMS, theme));
        for id in &r.reasons.items {
            if let Some(i) = q.item(id) {
                lines.push(Line::from(format!("  « {} »", i.texte)));
            }
        }
    }
    if !r.reasons.filters.is_empty() {
        lines.push(heading(s::RAISON_FILTRES, theme));
        for f in &r.reasons.filters {
            lines.push(Line::from(format!("  {}", filter_reason(app, f))));
        }
    }
    if r.reasons.themes.is_empty() && r.reasons.items.is_empty() {
        lines.push(Line::from(s::RAISON_PROFIL));
    }
    lines
}

fn filter_reason(app: &App, f: &Satisfied) -> String {
    match f {
        Satisfied::Niveau(n) => format!("{} : {}", s::FILTRE_NIVEAU, s::niveau_vise(*n)),
        Satisfied::Apprentissage => s::FICHE_APPRENTISSAGE_OUI.to_string(),
        Satisfied::Domaine(d) => format!(
            "{} : {}",
            s::FILTRE_DOMAINE,
            app.content
                .domaine(d)
                .map_or(d.as_str(), |x| x.libelle.as_str())
        ),
        Satisfied::Departement(d) => format!("{} : {d}", s::FILTRE_DEPARTEMENT),
        Satisfied::Situation(id) => app
            .content
            .situation(id)
            .map_or(id.clone(), |x| x.libelle.clone()),
    }
}
