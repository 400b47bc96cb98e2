//! Criterion benchmarks of the library: loading, scoring, matching, search,
//! pathways and rendering each main screen to a `TestBackend`.
//!
//! `cargo bench --bench boussole` runs them (figures in BENCHMARKS.md);
//! `cargo bench --bench boussole -- --test` runs each once (the CI smoke test).
//! `BOUSSOLE_BENCH_CONTENT=DIR` benchmarks a content directory (for example a
//! synthetic one from `cargo run --release --example gen_content`) instead of
//! the bundled content.

use std::collections::HashSet;
use std::hint::black_box;
use std::path::PathBuf;

use boussole::content::{self, Content};
use boussole::matching::{self, Filters};
use boussole::parcours;
use boussole::quiz::{self, Answer, Answers, Form};
use boussole::search::Index;
use boussole::tui::app::Screen;
use boussole::tui::{App, Msg, Palette, ThemeName, draw, update, wrap};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The content under test: the bundled set, or `BOUSSOLE_BENCH_CONTENT`.
fn content() -> Content {
    match std::env::var_os("BOUSSOLE_BENCH_CONTENT") {
        Some(dir) => {
            content::load_dir(&PathBuf::from(dir))
                .expect("the benchmark content loads")
                .content
        }
        None => content::load_bundled().expect("bundled content").content,
    }
}

/// Answers to the whole questionnaire: 4 to R and I items, a spread below.
fn answers(c: &Content) -> Answers {
    let mut a = Answers::new();
    for (n, item) in quiz::items(&c.questionnaire, Form::Complet)
        .iter()
        .enumerate()
    {
        let note = match item.theme {
            content::Theme::R | content::Theme::I => 4,
            content::Theme::C => 2,
            _ => u8::try_from(n % 2).unwrap_or(0),
        };
        a.set(&item.id, Answer::Note(note));
    }
    a
}

fn loading(cr: &mut Criterion) {
    let mut g = cr.benchmark_group("content");
    g.bench_function("load_bundled (postcard)", |b| {
        b.iter(|| black_box(content::load_bundled().expect("loads")))
    });
    g.sample_size(20);
    g.bench_function("check_bundled (TOML parse + checks)", |b| {
        b.iter(|| black_box(content::check_bundled().expect("checks")))
    });
    if let Some(dir) = std::env::var_os("BOUSSOLE_BENCH_CONTENT") {
        let dir = PathBuf::from(dir);
        g.bench_function("load_dir (TOML overlay + checks)", |b| {
            b.iter(|| black_box(content::load_dir(&dir).expect("loads")))
        });
    }
    let c = content();
    g.bench_function("search index build", |b| {
        b.iter(|| black_box(Index::new(black_box(&c))))
    });
    g.finish();
}

fn scoring_and_matching(cr: &mut Criterion) {
    let c = content();
    let a = answers(&c);
    cr.bench_function("quiz/score (complet)", |b| {
        b.iter(|| black_box(quiz::score(black_box(&c.questionnaire), black_box(&a))))
    });
    let profile = quiz::score(&c.questionnaire, &a);
    let none = HashSet::new();
    let mut g = cr.benchmark_group("matching/rank all métiers");
    let filters = [
        ("no filter", Filters::default()),
        (
            "niveau 4 + apprentissage",
            Filters {
                niveau_max: Some(4),
                apprentissage_seulement: true,
                ..Filters::default()
            },
        ),
        (
            "département 14",
            Filters {
                departement: Some("14".to_string()),
                ..Filters::default()
            },
        ),
        (
            "situation 3e",
            Filters {
                situation: Some("3e".to_string()),
                ..Filters::default()
            },
        ),
    ];
    for (name, f) in &filters {
        g.bench_with_input(BenchmarkId::from_parameter(name), f, |b, f| {
            b.iter(|| black_box(matching::rank(&c, &profile, &a, f, &none)))
        });
    }
    g.finish();
}

/// Queries typed one key at a time: each benchmark is the search run for the
/// last keystroke, over the whole index.
pub const QUERIES: [&str; 6] = [
    "e",
    "el",
    "elec",
    "electricien",
    "technicien de maintenance",
    "conducteur de travaux publics et batiment",
];

fn search(cr: &mut Criterion) {
    let c = content();
    let index = Index::new(&c);
    let mut g = cr.benchmark_group(format!("search/{} entries", index.len()));
    for q in QUERIES {
        g.bench_with_input(BenchmarkId::from_parameter(q), q, |b, q| {
            b.iter(|| black_box(index.search(black_box(q), 60)))
        });
    }
    g.finish();
}

fn pathways(cr: &mut Criterion) {
    let c = content();
    cr.bench_function("parcours/routes from 3e to every métier", |b| {
        b.iter(|| {
            let mut n = 0;
            for m in &c.metiers {
                n += parcours::routes(&c, "3e", m, 5).len();
            }
            black_box(n)
        })
    });
}

fn send(app: &mut App, msgs: &[Msg]) {
    for m in msgs {
        update(app, *m);
    }
}

fn typed(app: &mut App, text: &str) {
    for ch in text.chars() {
        update(app, Msg::Char(ch));
    }
}

fn take_quick_quiz(app: &mut App) {
    send(app, &[Msg::Char('1'), Msg::Char('r')]);
    while let Screen::Questionnaire(q) = app.screen().clone() {
        let (form, pos) = (q.form, q.pos);
        let theme = app.quiz_items(form)[pos].theme;
        let key = if theme == content::Theme::R { '4' } else { '1' };
        update(app, Msg::Char(key));
    }
}

/// Each main screen, reached with messages as a person would.
fn screens(c: &Content) -> Vec<(&'static str, App)> {
    let fresh = || App::new(c.clone());
    let mut out = vec![("accueil", fresh())];
    let mut app = fresh();
    send(
        &mut app,
        &[Msg::Char('1'), Msg::Char('r'), Msg::Char('3'), Msg::Down],
    );
    out.push(("questionnaire", app));
    let mut app = fresh();
    take_quick_quiz(&mut app);
    out.push(("profil", app));
    let mut app = fresh();
    take_quick_quiz(&mut app);
    update(&mut app, Msg::Enter);
    out.push(("resultats", app));
    let mut app = fresh();
    take_quick_quiz(&mut app);
    send(&mut app, &[Msg::Enter, Msg::Enter]);
    out.push(("fiche_metier", app));
    let mut app = fresh();
    take_quick_quiz(&mut app);
    send(&mut app, &[Msg::Enter, Msg::Enter, Msg::Right, Msg::Right]);
    out.push(("fiche_parcours", app));
    let mut app = fresh();
    send(&mut app, &[Msg::Char('2'), Msg::Enter]);
    out.push(("explorer", app));
    let mut app = fresh();
    send(&mut app, &[Msg::Char('/')]);
    typed(&mut app, "electricien");
    out.push(("recherche", app));
    let mut app = fresh();
    send(&mut app, &[Msg::Char('4')]);
    out.push(("apprentissage", app));
    let mut app = fresh();
    send(&mut app, &[Msg::Char('5')]);
    out.push(("contacts", app));
    let mut app = fresh();
    take_quick_quiz(&mut app);
    send(
        &mut app,
        &[
            Msg::Enter,
            Msg::Char('c'),
            Msg::Down,
            Msg::Char('c'),
            Msg::Char('v'),
        ],
    );
    out.push(("comparer", app));
    for (name, app) in &out {
        let reached = match app.screen() {
            Screen::Accueil(_) => "accueil",
            Screen::Questionnaire(_) => "questionnaire",
            Screen::Profil(_) => "profil",
            Screen::Resultats(_) => "resultats",
            Screen::FicheMetier(_) => "fiche",
            Screen::Explorer(_) => "explorer",
            Screen::Recherche(_) => "recherche",
            Screen::Apprentissage(_) => "apprentissage",
            Screen::Contacts(_) => "contacts",
            Screen::Comparer(_) => "comparer",
            _ => "other",
        };
        assert!(name.starts_with(reached), "{name} reached {reached}");
    }
    out
}

fn rendering(cr: &mut Criterion) {
    let c = content();
    let theme = Palette::new(ThemeName::Defaut);
    for (w, h) in [(80u16, 24u16), (200, 60)] {
        let mut g = cr.benchmark_group(format!("render {w}x{h}"));
        // A reference point for this machine: plain ratatui, one bordered
        // block full of wrapped text, no Boussole code.
        let text: Vec<ratatui::text::Line> = (0..h)
            .map(|i| format!("{i:>3} Électricien du bâtiment, installations et maintenance").into())
            .collect();
        let mut base = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        g.bench_function(
            BenchmarkId::new("frame", "baseline ratatui block+paragraph"),
            |b| {
                b.iter(|| {
                    base.draw(|f| {
                        let p = ratatui::widgets::Paragraph::new(text.clone())
                            .block(ratatui::widgets::Block::bordered().title("Référence"))
                            .wrap(ratatui::widgets::Wrap { trim: false });
                        f.render_widget(p, f.area());
                    })
                    .expect("draw")
                    .area
                })
            },
        );
        for (name, mut app) in screens(&c) {
            update(&mut app, Msg::Resize(w, h));
            // A steady frame: the view is built and diffed against the last one
            // (what the terminal loop does after each key).
            let mut steady = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            let mut texts = wrap::Cache::default();
            g.bench_function(BenchmarkId::new("frame", name), |b| {
                b.iter(|| {
                    steady
                        .draw(|f| draw(&app, &theme, &mut texts, f))
                        .expect("draw")
                        .area
                })
            });
            // A full repaint: every cell differs from the last frame (the first
            // frame of a session, or after a resize).
            let mut full = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            g.bench_function(BenchmarkId::new("full repaint", name), |b| {
                b.iter(|| {
                    full.clear().expect("clear");
                    full.draw(|f| draw(&app, &theme, &mut texts, f))
                        .expect("draw")
                        .area
                })
            });
        }
        g.finish();
    }
}

criterion_group!(
    benches,
    loading,
    scoring_and_matching,
    search,
    pathways,
    rendering
);
criterion_main!(benches);
