//! Drawing the frame: the header, the screen's body (each screen draws its
//! own, see `screens`), the key bar and the dialogs. The widgets screens draw
//! with are in `widgets`.

mod overlay;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::App;
use super::keys::Shown;
use super::strings as s;
use super::theme::Palette;
use super::wrap;

/// The smallest terminal the guide is drawn in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole screen with nothing kept from earlier frames (tests,
/// one-off frames). The terminal loop uses [`draw`].
pub fn view(app: &App, theme: &Palette, frame: &mut Frame) {
    draw(app, theme, &mut wrap::Cache::default(), frame);
}

/// Draws the whole screen; `texts` keeps the wrapped texts from one frame to
/// the next (see `wrap`).
pub fn draw(app: &App, theme: &Palette, texts: &mut wrap::Cache, frame: &mut Frame) {
    texts.next_frame();
    let area = frame.area();
    // The base style on every cell (a pass over the whole screen: skipped
    // when the base style is the terminal's own, which changes no cell).
    if theme.base != Style::default() {
        frame.render_widget(Block::default().style(theme.base), area);
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(theme, frame, area);
        return;
    }
    let [top, body, bottom] = super::layout::frame(area);
    let screen = app.screen();
    let keys = screen.shown_keys(app, false);
    let header = Line::from(vec![
        Span::styled(format!(" {} ", s::APP_TITLE), theme.title),
        Span::styled(
            format!("{}{}", theme.glyphs.sep.trim_start(), screen.title()),
            theme.muted,
        ),
    ]);
    frame.render_widget(Paragraph::new(header), top);
    screen.view(app, theme, frame, texts, body);
    frame.render_widget(
        Paragraph::new(key_bar(&keys, app.flash.as_deref(), theme, bottom.width)),
        bottom,
    );
    if let Some(o) = app.overlay {
        overlay::view(app, theme, frame, area, o, &screen.shown_keys(app, true));
    }
    if let Some(secs) = app.idle_countdown {
        overlay::idle(theme, frame, area, secs);
    }
}

/// The bottom bar: as many of the screen's keys as fit, "?" (help) always last.
fn key_bar<'a>(keys: &[Shown], flash: Option<&'a str>, theme: &Palette, width: u16) -> Line<'a> {
    if let Some(msg) = flash {
        return Line::from(Span::styled(format!(" {msg}"), theme.warning));
    }
    let cost =
        |k: &'static str, a: &str| theme.glyphs.key(k).chars().count() + a.chars().count() + 4;
    let help = keys
        .iter()
        .find(|(k, _)| *k == s::TOUCHE_AIDE)
        .copied()
        .unwrap_or((s::TOUCHE_AIDE, s::ACTION_AIDE));
    let mut room = usize::from(width).saturating_sub(1 + cost(help.0, help.1));
    let mut chosen: Vec<(&str, &str)> = Vec::new();
    for (k, a) in keys.iter().filter(|(k, _)| *k != s::TOUCHE_AIDE) {
        let c = cost(k, a);
        if c > room {
            break;
        }
        room -= c;
        chosen.push((k, a));
    }
    chosen.push(help);
    let mut spans = vec![Span::raw(" ")];
    for (i, (k, action)) in chosen.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(theme.glyphs.sep, theme.muted));
        }
        spans.push(Span::styled(theme.glyphs.key(k), theme.key));
        spans.push(Span::raw(format!(" {action}")));
    }
    Line::from(spans)
}

fn too_small(theme: &Palette, frame: &mut Frame, area: Rect) {
    let lines = vec![
        Line::from(Span::styled(s::TROP_PETIT, theme.title)),
        Line::from(s::trop_petit(area.width, area.height)),
        Line::from(s::TROP_PETIT_AIDE),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}
