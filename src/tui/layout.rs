//! Where each pane goes for a terminal size: a pure function, so the event
//! handler (mouse clicks, page sizes) and the drawing agree without drawing
//! ever mutating state.
//!
//! In: the terminal area. Out: [`Areas`] (one rectangle per pane and line).

use super::app::PaneId;
use ratatui::layout::{Constraint, Direction, Layout, Rect};

/// The smallest terminal the UI draws into.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The rectangles of one frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub panes: Vec<(PaneId, Rect)>,
    pub explain: Rect,
    pub timeline: Rect,
    pub narration: Rect,
    pub hints: Rect,
    /// The terminal is too small: only a message is drawn.
    pub too_small: bool,
}

impl Areas {
    pub fn pane(&self, pane: PaneId) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|(_, r)| *r)
    }

    /// The pane under a screen position.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<(PaneId, Rect)> {
        self.panes
            .iter()
            .copied()
            .find(|(_, r)| x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)
    }
}

/// Splits the terminal: title, the three main panes, the explanation line,
/// the four small panes, the timeline, the narration and the hints; with
/// `zoom`, that one pane takes the room of all seven (`z`).
pub fn compute(area: Rect, zoom: Option<PaneId>) -> Areas {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    // Three rows (the note, the event, the message) from a projector's 35.
    let narration_height = if area.height >= 35 { 3 } else { 2 };
    if let Some(pane) = zoom {
        let rows = Layout::default()
            .direction(Direction::Vertical)
            .constraints([
                Constraint::Length(1),
                Constraint::Min(5),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(narration_height),
                Constraint::Length(1),
            ])
            .split(area);
        return Areas {
            title: rows[0],
            panes: vec![(pane, rows[1])],
            explain: rows[2],
            timeline: rows[3],
            narration: rows[4],
            hints: rows[5],
            too_small: false,
        };
    }
    let rest = area.height - 4 - narration_height;
    let main_height = rest * 3 / 5;
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(1),
            Constraint::Length(main_height),
            Constraint::Length(1),
            Constraint::Min(5),
            Constraint::Length(1),
            Constraint::Length(narration_height),
            Constraint::Length(1),
        ])
        .split(area);
    let main = split(rows[1], &[34, 28, 38]);
    let small = split(rows[3], &[22, 26, 30, 22]);
    let panes = vec![
        (PaneId::Source, main[0]),
        (PaneId::States, main[1]),
        (PaneId::Asm, main[2]),
        (PaneId::Registers, small[0]),
        (PaneId::Stack, small[1]),
        (PaneId::Async, small[2]),
        (PaneId::Output, small[3]),
    ];
    Areas {
        title: rows[0],
        panes,
        explain: rows[2],
        timeline: rows[4],
        narration: rows[5],
        hints: rows[6],
        too_small: false,
    }
}

fn split(area: Rect, percents: &[u16]) -> Vec<Rect> {
    Layout::default()
        .direction(Direction::Horizontal)
        .constraints(percents.iter().map(|p| Constraint::Percentage(*p)))
        .split(area)
        .to_vec()
}
