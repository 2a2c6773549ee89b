//! Where each pane goes for a terminal size: a pure function, so the event
//! handler (mouse clicks, page sizes) and the drawing agree without drawing
//! ever mutating state.
//!
//! In: the terminal area and the [`Arrangement`] asked for (`+`/`-`, `z`).
//! Out: [`Areas`] (one rectangle per pane and line).

use super::app::PaneId;
use ratatui::layout::{Constraint, Direction, Layout, Rect};

/// The smallest terminal the UI draws into.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Which panes share the screen (`+` and `-` cycle; `z` zooms any of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Arrangement {
    /// The three main panes above the four small ones.
    #[default]
    All,
    /// One main pane (the focused one, or the last focused) across the
    /// top, the small panes below: room for long lines.
    OneMain,
    /// Source and x86-64 side by side on the whole screen.
    SourceAsm,
}

impl Arrangement {
    pub const ALL: [Arrangement; 3] = [
        Arrangement::All,
        Arrangement::OneMain,
        Arrangement::SourceAsm,
    ];

    /// In words, for the message `+` and `-` leave.
    pub fn words(self) -> &'static str {
        match self {
            Arrangement::All => "all panes",
            Arrangement::OneMain => "one main pane (Tab picks it) above the small panes",
            Arrangement::SourceAsm => "source and x86-64 only",
        }
    }

    /// The panes on screen (in focus order); `main` is the main pane
    /// [`Arrangement::OneMain`] shows.
    pub fn panes(self, main: PaneId) -> Vec<PaneId> {
        match self {
            Arrangement::All => PaneId::ALL.to_vec(),
            Arrangement::OneMain => PaneId::ALL
                .into_iter()
                .filter(|&p| p == main || !p.main())
                .collect(),
            Arrangement::SourceAsm => vec![PaneId::Source, PaneId::Asm],
        }
    }
}

/// What the screen shows: the arrangement, the zoomed pane if any, and the
/// main pane of [`Arrangement::OneMain`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrange {
    pub arrangement: Arrangement,
    pub zoom: Option<PaneId>,
    pub main: PaneId,
    /// Does the program have an async method? Without one the state
    /// machine pane would only say so: source and x86-64 share its room.
    pub states: bool,
}

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
/// the four small panes, the timeline, the narration and the hints (or
/// fewer panes, as `arrange` says); a zoomed pane takes the room of all.
pub fn compute(area: Rect, arrange: Arrange) -> Areas {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    // Three rows (the note, the event, the message) from a projector's 35.
    let narration_height = if area.height >= 35 { 3 } else { 2 };
    let whole = |panes: Vec<Rect>, ids: &[PaneId], rows: &[Rect]| Areas {
        title: rows[0],
        panes: ids.iter().copied().zip(panes).collect(),
        explain: rows[2],
        timeline: rows[3],
        narration: rows[4],
        hints: rows[5],
        too_small: false,
    };
    let one_area = || {
        Layout::default()
            .direction(Direction::Vertical)
            .constraints([
                Constraint::Length(1),
                Constraint::Min(5),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(narration_height),
                Constraint::Length(1),
            ])
            .split(area)
    };
    if let Some(pane) = arrange.zoom {
        let rows = one_area();
        return whole(vec![rows[1]], &[pane], &rows);
    }
    if arrange.arrangement == Arrangement::SourceAsm {
        let rows = one_area();
        let sides = split(rows[1], &[45, 55]);
        return whole(sides, &[PaneId::Source, PaneId::Asm], &rows);
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
    let small = split(rows[3], &[22, 26, 30, 22]);
    let mut panes = match arrange.arrangement {
        Arrangement::OneMain => vec![(arrange.main, rows[1])],
        _ => {
            if !arrange.states {
                let main = split(rows[1], &[45, 55]);
                vec![(PaneId::Source, main[0]), (PaneId::Asm, main[1])]
            } else {
                let main = split(rows[1], &[34, 28, 38]);
                vec![
                    (PaneId::Source, main[0]),
                    (PaneId::States, main[1]),
                    (PaneId::Asm, main[2]),
                ]
            }
        }
    };
    panes.extend([
        (PaneId::Registers, small[0]),
        (PaneId::Stack, small[1]),
        (PaneId::Async, small[2]),
        (PaneId::Output, small[3]),
    ]);
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
