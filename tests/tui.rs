//! The terminal guide without a terminal: `update` flows, and snapshots of
//! every screen rendered to ratatui's `TestBackend`.

use std::path::Path;

use boussole::content::{self, Content};
use boussole::tui::app::{Overlay, Screen, Tab};
use boussole::tui::{App, Msg, Palette, ThemeName, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

fn fixture() -> Content {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    content::load_dir(&dir).expect("fixture loads").content
}

fn bundled() -> Content {
    content::load_bundled().expect("bundled content").content
}

fn send(app: &mut App, msgs: &[Msg]) {
    for m in msgs {
        update(app, *m);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Msg::Char(c));
    }
}

fn render(app: &App, theme: ThemeName, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| view(app, &Palette::new(theme), f))
        .expect("draw");
    terminal
}

fn screen_text(app: &App, w: u16, h: u16) -> String {
    render(app, ThemeName::Defaut, w, h).backend().to_string()
}

/// Answers the whole quick questionnaire: 4 to R items, 1 to the others.
fn take_quick_quiz(app: &mut App) {
    send(app, &[Msg::Char('1'), Msg::Char('r')]);
    while let Screen::Questionnaire(q) = app.screen().clone() {
        let (form, pos) = (q.form, q.pos);
        let theme = app.quiz_items(form)[pos].theme;
        let key = if theme == boussole::content::Theme::R {
            '4'
        } else {
            '1'
        };
        update(app, Msg::Char(key));
    }
}

#[test]
fn questionnaire_profile_results_fiche_parcours() {
    let mut app = App::new(fixture());
    take_quick_quiz(&mut app);
    assert_eq!(app.screen(), &Screen::Profil(Default::default()));
    let profile = app.saisie.profile.expect("a profile");
    assert_eq!(profile.code()[0], boussole::content::Theme::R);
    update(&mut app, Msg::Enter);
    assert!(matches!(app.screen(), Screen::Resultats(_)));
    assert_eq!(app.ranked[0].id, "electricien");
    update(&mut app, Msg::Enter);
    assert!(matches!(app.screen(), Screen::FicheMetier(f) if f.id == "electricien"));
    send(&mut app, &[Msg::Right, Msg::Right]);
    assert!(matches!(
        app.screen(),
        Screen::FicheMetier(f) if f.tab == Tab::Parcours
    ));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("CAP Électricien"), "{text}");
    assert!(text.contains("possible en apprentissage"), "{text}");
    assert!(!text.contains("tout en apprentissage"), "{text}");
    // Esc goes back through the stack.
    send(&mut app, &[Msg::Back, Msg::Back, Msg::Back]);
    assert!(matches!(app.screen(), Screen::Accueil(_)));
}

#[test]
fn going_back_in_the_questionnaire_changes_an_answer() {
    let mut app = App::new(fixture());
    send(
        &mut app,
        &[
            Msg::Char('1'),
            Msg::Char('r'),
            Msg::Char('4'),
            Msg::Char('3'),
        ],
    );
    assert!(matches!(app.screen(), Screen::Questionnaire(q) if q.pos == 2));
    send(&mut app, &[Msg::Left, Msg::Left]);
    assert!(matches!(
        app.screen(),
        Screen::Questionnaire(q) if q.pos == 0 && q.cursor == 4
    ));
    update(&mut app, Msg::Char('0'));
    assert_eq!(
        app.saisie.answers.get("r-velo"),
        Some(boussole::quiz::Answer::Note(0))
    );
    // "q" asks first, and "o" quits.
    update(&mut app, Msg::Char('q'));
    assert_eq!(app.overlay, Some(Overlay::ConfirmQuit));
    update(&mut app, Msg::Char('o'));
    assert!(app.quit);
}

#[test]
fn search_open_and_back_chain() {
    let mut app = App::new(bundled());
    update(&mut app, Msg::Char('/'));
    typed(&mut app, "electricien");
    assert_eq!(app.hits[0].id, "electricien");
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Électricien du bâtiment / Électricienne du bâtiment"),
        "{text}"
    );
    update(&mut app, Msg::Enter);
    assert!(matches!(app.screen(), Screen::FicheMetier(f) if f.id == "electricien"));
    update(&mut app, Msg::Back);
    assert!(matches!(app.screen(), Screen::Recherche(r) if r.query == "electricien"));
    update(&mut app, Msg::Back);
    assert!(matches!(app.screen(), Screen::Accueil(_)));
    // In the search field, q and digits are text, not shortcuts.
    update(&mut app, Msg::Char('/'));
    typed(&mut app, "q1");
    assert!(!app.quit);
    assert!(matches!(app.screen(), Screen::Recherche(r) if r.query == "q1"));
}

#[test]
fn reject_refills_and_compare() {
    let mut app = App::new(fixture());
    take_quick_quiz(&mut app);
    update(&mut app, Msg::Enter);
    let before: Vec<String> = app.ranked.iter().map(|r| r.id.clone()).collect();
    update(&mut app, Msg::Char('x'));
    assert_eq!(app.ranked.len(), before.len() - 1);
    assert!(!app.ranked.iter().any(|r| r.id == before[0]));
    assert_eq!(app.ranked[0].id, before[1]);
    // Compare the remaining one with a second added from a fiche.
    update(&mut app, Msg::Char('c'));
    assert_eq!(app.saisie.comparaison, [before[1].clone()]);
    update(&mut app, Msg::Char('/'));
    typed(&mut app, "electricien");
    send(&mut app, &[Msg::Enter, Msg::Char('c'), Msg::Char('v')]);
    assert_eq!(app.saisie.comparaison.len(), 2);
    assert!(matches!(app.screen(), Screen::Comparer(_)));
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Électricien") && text.contains("Technicien de maintenance"),
        "{text}"
    );
}

#[test]
fn filters_narrow_the_results() {
    let mut app = App::new(fixture());
    take_quick_quiz(&mut app);
    update(&mut app, Msg::Enter);
    assert_eq!(app.ranked.len(), 2);
    // Tab to filters, down to "apprentissage seulement", toggle it.
    send(&mut app, &[Msg::Tab, Msg::Down, Msg::Right]);
    assert!(app.saisie.filters.apprentissage_seulement);
    assert_eq!(app.ranked.len(), 1);
    assert_eq!(app.ranked[0].id, "electricien");
}

#[test]
fn apprenticeship_pay_simulator() {
    let mut app = App::new(bundled());
    update(&mut app, Msg::Char('4'));
    assert!(matches!(app.screen(), Screen::Apprentissage(_)));
    // 16 years, first year: 27 % of 1 823,03 € = 492,22 €.
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("27 % du SMIC, soit au moins 492,22 €"),
        "{text}"
    );
    send(
        &mut app,
        &[Msg::Right, Msg::Right, Msg::Down, Msg::Right, Msg::Right],
    );
    assert_eq!((app.saisie.age, app.saisie.annee), (18, 3));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("67 % du SMIC"), "{text}");
}

#[test]
fn explorer_lists_rich_then_short_fiches() {
    let mut app = App::new(bundled());
    update(&mut app, Msg::Char('2'));
    send(
        &mut app,
        &[
            Msg::Down,
            Msg::Down,
            Msg::Down,
            Msg::Down,
            Msg::Down,
            Msg::Enter,
        ],
    );
    // Domain F: rich métiers first, then short ROME fiches.
    let entries = app.domain_entries(5);
    assert!(matches!(
        entries.first(),
        Some(boussole::tui::app::DomainEntry::Metier(_))
    ));
    assert!(matches!(
        entries.last(),
        Some(boussole::tui::app::DomainEntry::Rome(_))
    ));
    send(&mut app, &[Msg::End, Msg::Enter]);
    assert!(matches!(app.screen(), Screen::FicheRome(_)));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("fiche courte"), "{text}");
}

#[test]
fn help_opens_from_any_screen_and_ctrl_c_quits() {
    let mut app = App::new(fixture());
    update(&mut app, Msg::Help);
    assert_eq!(app.overlay, Some(Overlay::Help));
    assert!(screen_text(&app, 80, 24).contains("Aide : les touches"));
    update(&mut app, Msg::Back);
    assert_eq!(app.overlay, None);
    update(&mut app, Msg::Interrupt);
    assert!(app.quit);
}

// ---- Snapshots --------------------------------------------------------------

/// Every main screen, reached the way a person would.
fn screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let app = App::new(fixture());
    out.push(("accueil", app));
    let mut app = App::new(fixture());
    send(&mut app, &[Msg::Char('1')]);
    out.push(("choix_questionnaire", app));
    let mut app = App::new(fixture());
    send(
        &mut app,
        &[Msg::Char('1'), Msg::Char('r'), Msg::Char('3'), Msg::Down],
    );
    out.push(("questionnaire", app));
    let mut app = App::new(fixture());
    take_quick_quiz(&mut app);
    out.push(("profil", app));
    let mut app = App::new(fixture());
    take_quick_quiz(&mut app);
    update(&mut app, Msg::Enter);
    out.push(("resultats", app));
    for (name, tab_moves) in [
        ("fiche_metier", 0),
        ("fiche_formations", 1),
        ("fiche_parcours", 2),
        ("fiche_normandie", 3),
        ("fiche_pourquoi", 4),
    ] {
        let mut app = App::new(fixture());
        take_quick_quiz(&mut app);
        send(&mut app, &[Msg::Enter, Msg::Enter]);
        for _ in 0..tab_moves {
            update(&mut app, Msg::Right);
        }
        out.push((name, app));
    }
    let mut app = App::new(fixture());
    send(&mut app, &[Msg::Char('/')]);
    typed(&mut app, "elec");
    send(&mut app, &[Msg::Down, Msg::Down, Msg::Down, Msg::Enter]);
    out.push(("fiche_formation", app));
    let mut app = App::new(fixture());
    send(
        &mut app,
        &[Msg::Char('2'), Msg::Enter, Msg::End, Msg::Enter],
    );
    out.push(("fiche_rome", app));
    let mut app = App::new(fixture());
    send(&mut app, &[Msg::Char('2'), Msg::Enter]);
    out.push(("explorer", app));
    let mut app = App::new(fixture());
    send(&mut app, &[Msg::Char('/')]);
    typed(&mut app, "electricien");
    out.push(("recherche", app));
    let mut app = App::new(fixture());
    send(&mut app, &[Msg::Char('/')]);
    typed(&mut app, "zzzz");
    out.push(("recherche_vide", app));
    let mut app = App::new(fixture());
    send(&mut app, &[Msg::Char('4')]);
    out.push(("apprentissage", app));
    let mut app = App::new(fixture());
    send(&mut app, &[Msg::Char('5')]);
    out.push(("contacts", app));
    let mut app = App::new(fixture());
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
    let mut app = App::new(fixture());
    send(&mut app, &[Msg::Char('6'), Msg::End, Msg::Enter]);
    out.push(("lieux", app));
    let mut app = App::new(fixture());
    send(
        &mut app,
        &[Msg::Char('6'), Msg::End, Msg::Enter, Msg::Enter],
    );
    out.push(("fiche_etablissement", app));
    let mut app = App::new(fixture());
    take_quick_quiz(&mut app);
    send(
        &mut app,
        &[
            Msg::Enter,
            Msg::Char('f'),
            Msg::Down,
            Msg::Char('f'),
            Msg::Char('c'),
            Msg::Char('F'),
        ],
    );
    out.push(("favoris", app));
    let mut app = App::new(fixture());
    send(&mut app, &[Msg::Help]);
    out.push(("aide", app));
    out
}

#[test]
fn snapshots_at_80x24_and_120x40() {
    for (name, app) in screens() {
        for (w, h) in [(80, 24), (120, 40)] {
            let terminal = render(&app, ThemeName::Defaut, w, h);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
        }
    }
}

#[test]
fn ascii_mode_draws_no_box_or_arrow_characters() {
    for (name, app) in screens() {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
        let theme = Palette::new(ThemeName::Defaut).ascii();
        terminal.draw(|f| view(&app, &theme, f)).expect("draw");
        let buffer = terminal.backend().buffer();
        for cell in buffer.content() {
            for c in cell.symbol().chars() {
                let code = c as u32;
                let drawing = (0x2190..=0x21FF).contains(&code) // arrows
                    || (0x2500..=0x25FF).contains(&code) // box drawing, blocks, shapes
                    || c == '·';
                assert!(!drawing, "{name}: {c:?} (U+{code:04X}) in ASCII mode");
            }
        }
        if matches!(
            name,
            "accueil" | "resultats" | "fiche_parcours" | "questionnaire"
        ) {
            insta::assert_snapshot!(format!("ascii_{name}"), terminal.backend());
        }
    }
}

#[test]
fn snapshot_too_small() {
    let app = App::new(fixture());
    let terminal = render(&app, ThemeName::Defaut, 60, 15);
    insta::assert_snapshot!("trop_petit", terminal.backend());
}

#[test]
fn mono_theme_keeps_the_selection_visible() {
    let mut app = App::new(fixture());
    update(&mut app, Msg::Down); // select menu entry 1
    let terminal = render(&app, ThemeName::Mono, 80, 24);
    let buffer = terminal.backend().buffer();
    // Row 7 holds entry 1: its label must be reversed, with no colour needed.
    let row: Vec<_> = (0..80).map(|x| &buffer[(x, 7)]).collect();
    let reversed: String = row
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .map(|c| c.symbol())
        .collect();
    assert!(
        reversed.contains("Découvrir mes centres d'intérêt"),
        "{reversed:?}"
    );
    assert!(
        row.iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
    );
    insta::assert_debug_snapshot!("accueil_mono_styles", buffer);
}

// ---- Random keys and sizes ----------------------------------------------------

mod random {
    use super::*;
    use proptest::prelude::*;

    fn any_msg() -> impl Strategy<Value = Msg> {
        prop_oneof![
            Just(Msg::Up),
            Just(Msg::Down),
            Just(Msg::Left),
            Just(Msg::Right),
            Just(Msg::PageUp),
            Just(Msg::PageDown),
            Just(Msg::Home),
            Just(Msg::End),
            Just(Msg::Enter),
            Just(Msg::Back),
            Just(Msg::Tab),
            Just(Msg::BackTab),
            Just(Msg::Backspace),
            Just(Msg::Help),
            Just(Msg::ClearInput),
            Just(Msg::ScrollUp),
            Just(Msg::ScrollDown),
            (0u16..300, 0u16..100).prop_map(|(x, y)| Msg::Click(x, y)),
            (0u16..300, 0u16..100).prop_map(|(w, h)| Msg::Resize(w, h)),
            prop::sample::select(vec![
                '0', '1', '2', '3', '4', '5', 'n', 'x', 'f', 'c', 'v', 's', 'r', 'o', '/', 'é',
                ' ', 'q'
            ])
            .prop_map(Msg::Char),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
        ))]
        #[test]
        fn random_keys_and_sizes_never_panic(
            msgs in prop::collection::vec(any_msg(), 0..80),
            w in 0u16..250,
            h in 0u16..80,
            mono in any::<bool>(),
        ) {
            let mut app = App::new(fixture());
            let theme = if mono { ThemeName::Mono } else { ThemeName::Defaut };
            for m in msgs {
                if m == Msg::Char('q') && !app.quiz_in_progress() {
                    continue; // quitting ends the session: keep exploring instead
                }
                update(&mut app, m);
                let terminal = render(&app, theme, w, h);
                prop_assert_eq!(terminal.backend().buffer().area.width, w);
            }
        }
    }

    /// Every width from 1 to 250 (at 24 and 80 lines) and every height from
    /// 1 to 80 (at 80 and 250 columns), plus odd corners, for every screen.
    #[test]
    fn every_screen_renders_at_every_size() {
        let mut sizes: Vec<(u16, u16)> = vec![(0, 0), (0, 10), (10, 0), (1, 1), (250, 80)];
        for w in 1..=250 {
            sizes.push((w, 24));
            sizes.push((w, 80));
        }
        for h in 1..=80 {
            sizes.push((80, h));
            sizes.push((250, h));
        }
        let mut terminal = Terminal::new(TestBackend::new(1, 1)).expect("test terminal");
        let theme = Palette::new(ThemeName::Defaut);
        let mut frames = 0;
        for (_, app) in screens() {
            for &(w, h) in &sizes {
                terminal.backend_mut().resize(w, h);
                terminal
                    .resize(ratatui::layout::Rect::new(0, 0, w, h))
                    .expect("resize");
                let done = terminal.draw(|f| view(&app, &theme, f)).expect("draw");
                assert_eq!((done.area.width, done.area.height), (w, h));
                frames += 1;
            }
        }
        assert_eq!(frames, screens().len() * sizes.len());
    }
}

// ---- Writing: export, save, erase (as effects for the runner) --------------------

fn with_storage(mut app: App) -> App {
    app.storage = Some(boussole::tui::app::Storage {
        export_dir: "/documents".into(),
        data_dir: "/donnees".into(),
    });
    app
}

#[test]
fn export_asks_then_requests_the_write() {
    use boussole::tui::app::{Effect, effect_done};
    let mut app = with_storage(App::new(fixture()));
    take_quick_quiz(&mut app);
    send(&mut app, &[Msg::Enter, Msg::Char('e')]);
    assert_eq!(app.overlay, Some(Overlay::ConfirmExport));
    assert!(screen_text(&app, 80, 24).contains("/documents"));
    update(&mut app, Msg::Char('o'));
    assert_eq!(app.effect, Some(Effect::Export("/documents".into())));
    effect_done(&mut app, Ok("Résumé enregistré".into()));
    assert_eq!(app.effect, None);
    assert!(screen_text(&app, 80, 24).contains("Résumé enregistré"));
}

/// The key bar and the help say what the keys do in a kiosk: `q` wipes
/// everything, Ctrl-C asks before ending the session.
#[test]
fn kiosk_bar_and_help_say_what_q_and_ctrl_c_do() {
    let mut app = App::kiosk(fixture());
    let text = screen_text(&app, 120, 40);
    assert!(text.contains("q tout effacer"), "{text}");
    assert!(!text.contains("quitter"), "{text}");
    update(&mut app, Msg::Help);
    let text = screen_text(&app, 120, 40);
    assert!(text.contains("terminer la session"), "{text}");
    assert!(!text.contains("quitter"), "{text}");
    let mut app = App::new(fixture());
    assert!(screen_text(&app, 120, 40).contains("q quitter"));
    update(&mut app, Msg::Help);
    assert!(screen_text(&app, 120, 40).contains("quitter tout de suite"));
}

#[test]
fn kiosk_offers_no_export_and_no_saving() {
    let mut app = App::kiosk(fixture());
    take_quick_quiz(&mut app);
    send(&mut app, &[Msg::Enter, Msg::Char('e')]);
    assert_eq!(app.overlay, None);
    assert_eq!(app.effect, None);
    assert!(!screen_text(&app, 80, 24).contains("exporter"));
    send(&mut app, &[Msg::Char('q')]);
    assert!(
        !app.menu()
            .iter()
            .any(|e| matches!(e, boussole::tui::app::MenuEntry::Enregistrer))
    );
}

#[test]
fn save_and_erase_from_the_menu() {
    use boussole::tui::app::Effect;
    let mut app = with_storage(App::new(fixture()));
    // Without a profile the menu is 1-8 (8: Mes favoris), then Enregistrer
    // (9) and Effacer (10, reached with the arrows).
    update(&mut app, Msg::Char('9'));
    assert_eq!(app.effect, Some(Effect::Save));
    app.effect = None;
    send(&mut app, &[Msg::End, Msg::Enter]);
    assert_eq!(app.overlay, Some(Overlay::ConfirmErase));
    update(&mut app, Msg::Char('o'));
    assert_eq!(app.effect, Some(Effect::Erase));
}

#[test]
fn a_saved_session_is_restored() {
    let mut app = App::new(fixture());
    take_quick_quiz(&mut app);
    update(&mut app, Msg::Enter);
    update(&mut app, Msg::Char('f'));
    let saved = app.saved();
    let mut back = App::new(fixture());
    back.restore(&saved);
    assert_eq!(back.saisie.profile, app.saisie.profile);
    assert_eq!(back.saisie.favoris, app.saisie.favoris);
    assert_eq!(back.saved(), saved);
}

#[test]
fn mouse_clicks_select_and_answer() {
    let mut app = App::new(fixture());
    // In the questionnaire, a click on "3  J'aime" (body row 1 + 8 + 3) answers 3.
    send(&mut app, &[Msg::Char('1'), Msg::Char('r')]);
    update(&mut app, Msg::Click(10, 12));
    assert_eq!(
        app.saisie.answers.get("r-velo"),
        Some(boussole::quiz::Answer::Note(3))
    );
    take_quick_quiz(&mut app);
    update(&mut app, Msg::Enter);
    // Résultats: header row at y = 9, first métier at 10, second at 11.
    update(&mut app, Msg::Click(5, 11));
    assert!(
        matches!(app.screen(), Screen::Resultats(r) if r.sel == 1),
        "{:?}",
        app.screen()
    );
    update(&mut app, Msg::Click(5, 9)); // a header: nothing changes
    assert!(matches!(app.screen(), Screen::Resultats(r) if r.sel == 1));
    // A click on the filters pane selects a filter row (y = 2 + row).
    update(&mut app, Msg::Click(5, 4));
    assert!(matches!(
        app.screen(),
        Screen::Resultats(r)
            if r.pane == boussole::tui::app::ResPane::Filtres && r.filter == 2
    ));
    // Explorer: the second domain in the left column.
    let mut app = App::new(fixture());
    update(&mut app, Msg::Char('2'));
    update(&mut app, Msg::Click(3, 3));
    assert!(matches!(
        app.screen(),
        Screen::Explorer(e) if e.domaine == 1 && !e.right
    ));
}

#[test]
fn hjkl_move_like_arrows_except_in_the_search_field() {
    let mut app = App::new(fixture());
    send(&mut app, &[Msg::Char('j'), Msg::Char('j'), Msg::Char('k')]);
    assert!(matches!(app.screen(), Screen::Accueil(a) if a.sel == 1));
    update(&mut app, Msg::Char('/'));
    typed(&mut app, "hjkl");
    assert!(matches!(app.screen(), Screen::Recherche(r) if r.query == "hjkl"));
}

#[test]
fn the_persons_departement_sorts_places_and_filters_results() {
    let mut app = App::new(fixture());
    // d cycles: none, 14, 27, 50, 61, 76.
    send(&mut app, &[Msg::Char('d'); 5]);
    assert_eq!(app.saisie.departement.as_deref(), Some("76"));
    assert_eq!(app.saisie.filters.departement.as_deref(), Some("76"));
    assert!(screen_text(&app, 80, 24).contains("Ton département : 76 Seine-Maritime"));
    assert_eq!(app.saved().departement.as_deref(), Some("76"));
    // Où se former opens on the person's département.
    send(&mut app, &[Msg::Char('6')]);
    assert!(matches!(app.screen(), Screen::Lieux(l) if l.dep == 4));
    send(&mut app, &[Msg::Enter, Msg::Enter]);
    assert!(matches!(app.screen(), Screen::FicheEtablissement(e) if e.id == "lycee-test-rouen"));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Lycée professionnel de test"), "{text}");
    assert!(text.contains("Ce qu'on y apprend"), "{text}");
    // Enter on a formation it teaches opens that formation, whose places list
    // the person's département first.
    send(&mut app, &[Msg::Enter]);
    assert!(matches!(app.screen(), Screen::FicheFormation(f) if f.id == "cap-elec"));
    let text = screen_text(&app, 80, 24);
    let first_76 = text.find("76 Seine-Maritime").expect("76 listed");
    let first_27 = text.find("27 Eure").expect("27 listed");
    assert!(first_76 < first_27, "{text}");
    // Search finds establishments by commune.
    send(&mut app, &[Msg::Char('/')]);
    typed(&mut app, "evreux");
    assert!(app.hits.iter().any(|h| h.id == "cfa-test-evreux"));
    send(&mut app, &[Msg::Enter]);
    assert!(matches!(app.screen(), Screen::FicheEtablissement(e) if e.id == "cfa-test-evreux"));
}

#[test]
fn the_metiers_that_recruit_open_from_accueil_and_open_fiches() {
    let c = bundled();
    let mut app = App::new(c);
    let n = app.menu().len();
    let pos = app
        .menu()
        .iter()
        .position(|e| *e == boussole::tui::app::MenuEntry::Recrute)
        .expect("in the menu");
    assert!(n <= 9 || pos < 9);
    send(&mut app, &[Msg::Char(char::from(b'1' + pos as u8))]);
    assert!(
        matches!(app.screen(), Screen::Recrute(_)),
        "{:?}",
        app.screen()
    );
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Vente, tourisme et services"), "{text}");
    assert!(text.contains("43"), "{text}");
    send(&mut app, &[Msg::Enter, Msg::Enter]);
    assert!(
        matches!(app.screen(), Screen::FicheMetier(_)),
        "{:?}",
        app.screen()
    );
}

#[test]
fn an_adult_sees_vae_first_and_no_apprenticeship_promise_in_the_parcours_tab() {
    let c = bundled();
    let adulte = c
        .situations
        .iter()
        .position(|s| s.id == "adulte-salarie")
        .expect("situation");
    let mut app = App::new(c);
    app.saisie.situation = adulte;
    app.saisie.age_donne = Some(38);
    send(&mut app, &[Msg::Char('/')]);
    typed(&mut app, "aide-soignant");
    send(&mut app, &[Msg::Enter, Msg::Char('3')]);
    let text = screen_text(&app, 100, 40);
    assert!(text.contains("38 ans"), "{text}");
    assert!(text.contains("La VAE d'abord"), "{text}");
    assert!(text.contains("Financer ma formation"), "{text}");
    let vae = text.find("par la VAE").expect("a VAE route");
    let first = text.find("Parcours 1").expect("routes");
    assert!(
        vae > first && vae < text.find("Parcours 2").unwrap_or(usize::MAX),
        "{text}"
    );
    assert!(!text.contains("possible en apprentissage"), "{text}");
    send(&mut app, &[Msg::Char('t')]);
    assert!(app.saisie.tous_parcours);
    assert!(screen_text(&app, 100, 40).contains("Tous les parcours"));
}

#[test]
fn m_on_a_fiche_shows_the_metiers_near_the_current_job() {
    let mut app = App::new(bundled());
    send(&mut app, &[Msg::Char('/')]);
    typed(&mut app, "aide-soignant");
    send(&mut app, &[Msg::Enter, Msg::Char('m')]);
    assert!(
        matches!(app.screen(), Screen::Proches(_)),
        "{:?}",
        app.screen()
    );
    assert_eq!(app.saisie.metier_actuel.as_deref(), Some("aide-soignant"));
    let text = screen_text(&app, 100, 40);
    assert!(text.contains("Mon métier actuel : Aide-soignant"), "{text}");
    assert!(text.contains("par la VAE"), "{text}");
    send(&mut app, &[Msg::Enter]);
    assert!(matches!(app.screen(), Screen::FicheMetier(_)));
}

#[test]
fn q_asks_only_while_something_is_not_saved() {
    let mut app = with_storage(App::new(fixture()));
    send(&mut app, &[Msg::Char('/')]);
    typed(&mut app, "electricien");
    send(
        &mut app,
        &[Msg::Enter, Msg::Char('f'), Msg::Back, Msg::Back],
    );
    assert!(app.travail_non_enregistre());
    update(&mut app, Msg::Char('q'));
    assert_eq!(app.overlay, Some(Overlay::ConfirmQuit));
    assert!(!app.quit);
    update(&mut app, Msg::Char('n'));
    // Save (entry 9), as the runner does it, then q quits at once.
    update(&mut app, Msg::Char('9'));
    assert_eq!(app.effect, Some(boussole::tui::app::Effect::Save));
    boussole::tui::app::effect_done(&mut app, Ok("ok".to_string()));
    assert!(!app.travail_non_enregistre());
    update(&mut app, Msg::Char('q'));
    assert!(app.quit);
}

#[test]
fn favourites_screen_opens_fiches_compares_and_takes_one_out() {
    let mut app = App::new(fixture());
    // Entry 8 is always Mes favoris: empty, it says how to fill it.
    send(&mut app, &[Msg::Char('8')]);
    assert!(
        matches!(app.screen(), Screen::Favoris(_)),
        "{:?}",
        app.screen()
    );
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Aucun favori pour l'instant"), "{text}");
    assert!(text.contains("* marque un favori"), "{text}");
    send(&mut app, &[Msg::Back, Msg::Char('/')]);
    typed(&mut app, "electricien");
    send(
        &mut app,
        &[Msg::Enter, Msg::Char('f'), Msg::Back, Msg::Back],
    );
    send(&mut app, &[Msg::Char('8')]);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Mes favoris (1)"), "{text}");
    assert!(text.contains("Électricien / Électricienne"), "{text}");
    // c puts it in the comparison, and the list says so.
    update(&mut app, Msg::Char('c'));
    assert_eq!(app.saisie.comparaison, vec!["electricien".to_string()]);
    assert!(screen_text(&app, 80, 24).contains("= comparé"));
    // Entrée opens its fiche; back, f takes it out.
    update(&mut app, Msg::Enter);
    assert!(matches!(app.screen(), Screen::FicheMetier(_)));
    send(&mut app, &[Msg::Back, Msg::Char('f')]);
    assert!(app.saisie.favoris.is_empty());
    assert!(screen_text(&app, 80, 24).contains("Mes favoris (0)"));
}

#[test]
fn the_selected_favourite_stays_in_view_with_titles_wider_than_the_screen() {
    // Titles longer than the screen at 80×24: each entry still takes its three rows, so
    // scrolling by whole entries keeps the selected one on screen.
    let content = bundled();
    let mut ids: Vec<(usize, String)> = content
        .metiers
        .iter()
        .map(|m| (m.titre.both().chars().count(), m.id.clone()))
        .collect();
    ids.sort();
    let longest: Vec<String> = ids.iter().rev().take(8).map(|(_, id)| id.clone()).collect();
    let mut app = App::new(content);
    app.saisie.favoris = longest.clone();
    send(&mut app, &[Msg::Char('8')]);
    for (i, id) in longest.iter().enumerate() {
        let text = screen_text(&app, 80, 24);
        let titre = app.content.metier(id).expect("a favourite").titre.both();
        let start: String = titre.chars().take(10).collect();
        assert!(
            text.contains(&format!("> {start}")),
            "favourite {i} ({titre}) not in view:\n{text}"
        );
        update(&mut app, Msg::Down);
    }
}

#[test]
fn leaving_the_questionnaire_keeps_the_answers_and_accueil_resumes_it() {
    let mut app = App::new(fixture());
    send(&mut app, &[Msg::Char('1'), Msg::Char('r')]);
    let total = app.quiz_items(boussole::quiz::Form::Rapide).len();
    for _ in 0..3 {
        update(&mut app, Msg::Char('3'));
    }
    // Échap leaves at once; the answers stay.
    update(&mut app, Msg::Back);
    assert!(
        matches!(app.screen(), Screen::Accueil(_)),
        "{:?}",
        app.screen()
    );
    assert_eq!(app.overlay, None);
    assert_eq!(app.saisie.answers.len(), 3);
    let text = screen_text(&app, 80, 24);
    let reprendre = format!("Reprendre le questionnaire (3/{total})");
    assert!(text.contains(&reprendre), "{text}");
    // Entry 1 takes it up again at the fourth activity.
    update(&mut app, Msg::Char('1'));
    assert!(
        matches!(app.screen(), Screen::Questionnaire(q) if q.pos == 3),
        "{:?}",
        app.screen()
    );
    // Finishing it gives the profile; then entry 1 offers a new one and says
    // the profile will be replaced.
    for _ in 0..total {
        update(&mut app, Msg::Char('2'));
    }
    assert!(!matches!(app.screen(), Screen::Questionnaire(_)));
    assert!(app.saisie.profile.is_some());
    for _ in 0..10 {
        if matches!(app.screen(), Screen::Accueil(_)) {
            break;
        }
        update(&mut app, Msg::Back);
    }
    update(&mut app, Msg::Char('1'));
    assert!(matches!(app.overlay, Some(Overlay::ChooseForm { .. })));
    assert!(screen_text(&app, 80, 24).contains("Ton profil actuel sera remplacé"));
}

#[test]
fn the_comparison_lines_up_its_rows_and_exports() {
    let mut app = with_storage(App::new(fixture()));
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
    assert!(matches!(app.screen(), Screen::Comparer(_)));
    let text = screen_text(&app, 80, 24);
    // Each field is one row across the columns: both answers on one line.
    let apprentissage = text
        .lines()
        .skip_while(|l| !l.contains("Apprentissage"))
        .nth(1)
        .unwrap_or_default();
    assert!(
        apprentissage.contains("oui") && apprentissage.contains("non"),
        "{text}"
    );
    let profil = text
        .lines()
        .skip_while(|l| !l.contains("Proche de mon profil"))
        .nth(1)
        .unwrap_or_default();
    assert_eq!(profil.matches("proche").count(), 2, "{text}");
    // Titles are whole, wrapped, not cut.
    assert!(text.contains("Technicienne de maintenance"), "{text}");
    // e exports, after asking.
    update(&mut app, Msg::Char('e'));
    assert_eq!(app.overlay, Some(Overlay::ConfirmExport));
}

#[test]
fn left_and_right_change_the_situation_from_any_row_of_accueil() {
    let mut app = App::new(fixture());
    let before = app.saisie.situation;
    // Down to the menu, then →: the situation changes, the menu row stays.
    send(&mut app, &[Msg::Down, Msg::Down, Msg::Right]);
    assert_ne!(app.saisie.situation, before);
    assert!(matches!(app.screen(), Screen::Accueil(a) if a.sel == 2));
    update(&mut app, Msg::Left);
    assert_eq!(app.saisie.situation, before);
}

#[test]
fn a_formation_fiche_scrolls_its_description_to_the_sources() {
    let mut app = App::new(bundled());
    update(&mut app, Msg::Char('/'));
    typed(&mut app, "diplome d'etat d'aide-soignant");
    let pos = app
        .hits
        .iter()
        .position(|h| h.id == "de-aide-soignant")
        .expect("found");
    for _ in 0..pos {
        update(&mut app, Msg::Down);
    }
    update(&mut app, Msg::Enter);
    assert!(
        matches!(app.screen(), Screen::FicheFormation(f) if f.id == "de-aide-soignant"),
        "{:?}",
        app.screen()
    );
    let (w, h) = (80, 24);
    let before = screen_text(&app, w, h);
    assert!(before.contains("Niveau : "), "{before}");
    assert!(!before.contains("Sources"), "{before}");
    send(&mut app, &[Msg::PageDown, Msg::PageDown]);
    let after = screen_text(&app, w, h);
    assert!(after.contains("Sources"), "{after}");
    send(&mut app, &[Msg::PageUp, Msg::PageUp]);
    assert!(screen_text(&app, w, h).contains("Niveau : "));
    // ↑↓ still choose in the list below.
    assert!(matches!(app.screen(), Screen::FicheFormation(f) if f.sel == 0));
}

#[test]
fn mon_metier_actuel_from_accueil_or_a_rome_fiche_opens_the_close_metiers() {
    let mut app = App::new(bundled());
    update(&mut app, Msg::Char('m'));
    assert!(
        matches!(app.screen(), Screen::Recherche(r) if r.metier_actuel),
        "{:?}",
        app.screen()
    );
    assert!(screen_text(&app, 80, 24).contains("Mon métier actuel"));
    typed(&mut app, "aide-soignante");
    assert_eq!(
        app.hits.first().map(|h| h.id.as_str()),
        Some("aide-soignant")
    );
    update(&mut app, Msg::Enter);
    assert!(
        matches!(app.screen(), Screen::Proches(p) if p.depuis == "aide-soignant"),
        "{:?}",
        app.screen()
    );
    assert_eq!(app.saisie.metier_actuel.as_deref(), Some("aide-soignant"));
    // Back goes home: the search was replaced.
    update(&mut app, Msg::Back);
    assert!(matches!(app.screen(), Screen::Accueil(_)));
    // A ROME fiche: m says it is the current job.
    let code = app
        .content
        .rome
        .iter()
        .find(|r| !app.content.metiers.iter().any(|m| m.rome.contains(&r.code)))
        .map(|r| r.code.clone())
        .expect("a ROME code without a rich fiche");
    update(&mut app, Msg::Char('/'));
    typed(&mut app, &code);
    let pos = app.hits.iter().position(|h| h.id == code).expect("found");
    for _ in 0..pos {
        update(&mut app, Msg::Down);
    }
    update(&mut app, Msg::Enter);
    assert!(
        matches!(app.screen(), Screen::FicheRome(_)),
        "{:?}",
        app.screen()
    );
    update(&mut app, Msg::Char('m'));
    assert!(
        matches!(app.screen(), Screen::Proches(p) if p.depuis == code),
        "{:?}",
        app.screen()
    );
}

#[test]
fn a_regional_fact_more_than_three_years_old_says_so() {
    let mut app = App::new(bundled());
    app.annee_courante = 2026;
    update(&mut app, Msg::Char('/'));
    typed(&mut app, "conseiller bancaire");
    assert_eq!(
        app.hits.first().map(|h| h.id.as_str()),
        Some("conseiller-bancaire")
    );
    // Tab 4: En Normandie; the fact is from 2020.
    send(&mut app, &[Msg::Enter, Msg::Char('4')]);
    let text = screen_text(&app, 100, 40);
    assert!(
        text.contains("Information de 2020 : elle a peut-être changé depuis."),
        "{text}"
    );
    // Clock unknown: nothing is flagged.
    app.annee_courante = 0;
    assert!(!screen_text(&app, 100, 40).contains("Information de 2020"));
}
