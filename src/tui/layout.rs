//! Where each pane is, for a terminal size. Shared by the views (to draw) and
//! by `update` (to turn a mouse click into a selection), so both always agree.

use ratatui::layout::{Constraint, Layout, Rect};

/// Header line, body, key bar.
pub fn frame(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// Accueil: screen row of the first menu entry (the body starts at row 1).
pub const FIRST_MENU_ROW: u16 = 7;

/// The body of the screen for a terminal of `size`.
pub fn body(size: (u16, u16)) -> Rect {
    frame(Rect::new(0, 0, size.0, size.1))[1]
}

/// Résultats: filters, list, reasons.
pub fn resultats(body: Rect) -> (Rect, Rect, Rect) {
    let [filters, main] = Layout::vertical([Constraint::Length(7), Constraint::Min(3)]).areas(body);
    let [list, reasons] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(main);
    (filters, list, reasons)
}

/// Rechercher: the input, the results.
pub fn recherche(body: Rect) -> (Rect, Rect) {
    let [input, results] =
        Layout::vertical([Constraint::Length(3), Constraint::Min(3)]).areas(body);
    (input, results)
}

/// Explorer: domains, the domain's presentation, its métiers.
pub fn explorer(body: Rect) -> (Rect, Rect, Rect) {
    columns(
        body,
        [Constraint::Percentage(42), Constraint::Percentage(58)],
    )
}

/// Où se former: the départements (narrow: code, name and count), the
/// screen's help above the establishments (wide: commune and name).
pub fn lieux(body: Rect) -> (Rect, Rect, Rect) {
    columns(body, [Constraint::Length(27), Constraint::Min(20)])
}

/// A list on the left; on the right, a short presentation above a list.
fn columns(body: Rect, widths: [Constraint; 2]) -> (Rect, Rect, Rect) {
    let [left, right] = Layout::horizontal(widths).areas(body);
    let [presentation, list] =
        Layout::vertical([Constraint::Length(4), Constraint::Min(3)]).areas(right);
    (left, presentation, list)
}

/// Fiche métier: the tabs, the tab's content.
pub fn fiche_metier(body: Rect) -> (Rect, Rect) {
    let [tabs, content] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(body);
    (tabs, content)
}

/// Fiche formation: the information, the links.
pub fn fiche_formation(body: Rect) -> (Rect, Rect) {
    let [info, links] = Layout::vertical([Constraint::Min(8), Constraint::Length(9)]).areas(body);
    (info, links)
}

/// Fiche courte (ROME): the information, the links.
pub fn fiche_rome(body: Rect) -> (Rect, Rect) {
    let [info, links] = Layout::vertical([Constraint::Min(6), Constraint::Length(8)]).areas(body);
    (info, links)
}

/// The row of a bordered list that a click at line `y` falls on, given the
/// selected row: lists are drawn with a fresh state each frame, so ratatui
/// scrolls just enough to show the selection (offset = selected + 1 − height).
pub fn list_row(area: Rect, y: u16, x: u16, selected_row: usize, rows: usize) -> Option<usize> {
    let inner_top = area.y + 1;
    let inner_height = usize::from(area.height.saturating_sub(2));
    if inner_height == 0
        || y < inner_top
        || y >= inner_top + inner_height as u16
        || x <= area.x
        || x + 1 >= area.right()
    {
        return None;
    }
    let offset = (selected_row + 1).saturating_sub(inner_height);
    let row = offset + usize::from(y - inner_top);
    (row < rows).then_some(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicks_map_to_rows_with_scrolling() {
        let area = Rect::new(0, 5, 40, 7); // 5 inner rows: y = 6..=10
        assert_eq!(list_row(area, 6, 3, 0, 20), Some(0));
        assert_eq!(list_row(area, 10, 3, 0, 20), Some(4));
        assert_eq!(list_row(area, 5, 3, 0, 20), None, "the border");
        // Selected row 12: the list shows rows 8..=12.
        assert_eq!(list_row(area, 6, 3, 12, 20), Some(8));
        assert_eq!(list_row(area, 8, 3, 0, 2), None, "past the last row");
    }
}
