//! Colours and styles, in one place. With `NO_COLOR` set (or in tests that
//! ask for it) every style is plain except bold/reverse, so the UI still marks
//! the current line and the selection without colour.
//!
//! In: whether colour is wanted. Out: the [`Theme`] every pane draws with.

use ratatui::style::{Color, Modifier, Style};

/// The styles the panes use, by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to a non-empty value.
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    pub fn plain() -> Theme {
        Theme { color: false }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    fn bg(self, color: Color) -> Style {
        if self.color {
            Style::new().bg(color)
        } else {
            Style::new()
        }
    }

    pub fn text(self) -> Style {
        Style::new()
    }
    pub fn dim(self) -> Style {
        self.fg(Color::DarkGray)
    }
    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::Gray)
        }
    }
    /// The line or instruction the CPU is at.
    pub fn current(self) -> Style {
        self.fg(Color::Black)
            .patch(self.bg(Color::Yellow))
            .add_modifier(Modifier::BOLD)
    }
    /// The cursor of the focused pane.
    pub fn cursor(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// Lines that correspond to the selection in another pane.
    pub fn linked(self) -> Style {
        if self.color {
            self.bg(Color::Rgb(30, 50, 80))
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }
    /// The block of the current source line in the x86-64 pane.
    pub fn block(self) -> Style {
        self.bg(Color::Rgb(45, 40, 20))
    }
    pub fn breakpoint(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn changed(self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }
    pub fn mnemonic(self) -> Style {
        self.fg(Color::LightBlue).add_modifier(Modifier::BOLD)
    }
    pub fn register(self) -> Style {
        self.fg(Color::LightGreen)
    }
    pub fn number(self) -> Style {
        self.fg(Color::LightMagenta)
    }
    pub fn symbol(self) -> Style {
        self.fg(Color::LightYellow)
    }
    pub fn comment(self) -> Style {
        self.fg(Color::DarkGray).add_modifier(Modifier::ITALIC)
    }
    pub fn keyword(self) -> Style {
        self.fg(Color::Magenta)
    }
    pub fn event(self, kind: crate::machine::EventKind) -> Style {
        use crate::machine::EventKind as K;
        self.fg(match kind {
            K::Poll | K::Resume => Color::LightCyan,
            K::Jump => Color::LightGreen,
            K::Suspend => Color::LightYellow,
            K::State => Color::Yellow,
            K::Complete => Color::Green,
            K::Faulted | K::Throw | K::Rethrow => Color::LightRed,
            K::Catch | K::Finally => Color::Magenta,
            K::Wake => Color::Cyan,
            K::Timer => Color::LightMagenta,
            K::Save | K::Restore => Color::Blue,
            K::Output => Color::White,
            _ => Color::LightRed,
        })
    }
    pub fn error(self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }
    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn narration(self) -> Style {
        self.fg(Color::LightCyan)
    }
}
