//! Colours and styles, in one place, in three themes: `classic` (colours
//! on the terminal's own dark background), `projector` (dark text on white,
//! no italics: legible when a projector washes the colours out) and `plain`
//! (no colour at all, as `NO_COLOR` asks: only bold, reverse and underline
//! mark the current line, the cursor and the selection).
//!
//! Every text style of both coloured themes reaches WCAG AA contrast (4.5:1)
//! against the theme's background and against each highlight background it
//! can be drawn on; the tests below compute it, with xterm's palette for the
//! classic theme's named colours.
//!
//! In: the theme asked for (`--theme`, the `t` key, `NO_COLOR`). Out: the
//! [`Theme`] every pane draws with.

use ratatui::style::{Color, Modifier, Style};

/// The themes, in the order the `t` key cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    /// Colours on the terminal's dark background.
    Classic,
    /// High contrast for a projector: dark text on white.
    Projector,
    /// No colour (what `NO_COLOR` gives).
    Plain,
}

impl ThemeName {
    pub const ALL: [ThemeName; 3] = [ThemeName::Classic, ThemeName::Projector, ThemeName::Plain];

    pub fn label(self) -> &'static str {
        match self {
            ThemeName::Classic => "classic",
            ThemeName::Projector => "projector",
            ThemeName::Plain => "plain",
        }
    }
}

/// The styles the panes use, by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
}

/// The colours of one coloured theme, by role.
struct Palette {
    /// Painted under everything (`None`: the terminal's own).
    background: Option<Color>,
    text: Color,
    dim: Color,
    title: Color,
    border: Color,
    focus: Color,
    current_fg: Color,
    current_bg: Color,
    linked_bg: Color,
    block_bg: Color,
    breakpoint: Color,
    changed: Color,
    mnemonic: Color,
    register: Color,
    number: Color,
    symbol: Color,
    comment: Color,
    comment_italic: bool,
    keyword: Color,
    error: Color,
    key: Color,
    narration: Color,
    events: EventColors,
}

/// One colour per group of event kinds (the timeline, the events list).
struct EventColors {
    poll: Color,
    jump: Color,
    suspend: Color,
    state: Color,
    complete: Color,
    fault: Color,
    catch: Color,
    wake: Color,
    timer: Color,
    save: Color,
    output: Color,
}

const CLASSIC: Palette = Palette {
    background: None,
    text: Color::Reset,
    dim: Color::Rgb(150, 150, 150),
    title: Color::Cyan,
    border: Color::Gray,
    focus: Color::Yellow,
    current_fg: Color::Black,
    current_bg: Color::Yellow,
    linked_bg: Color::Rgb(20, 35, 65),
    block_bg: Color::Rgb(40, 34, 12),
    breakpoint: Color::Rgb(255, 95, 95),
    changed: Color::Rgb(255, 95, 95),
    mnemonic: Color::Rgb(120, 150, 255),
    register: Color::LightGreen,
    number: Color::LightMagenta,
    symbol: Color::LightYellow,
    comment: Color::Rgb(165, 165, 165),
    comment_italic: true,
    keyword: Color::Rgb(215, 130, 255),
    error: Color::Rgb(255, 95, 95),
    key: Color::Yellow,
    narration: Color::LightCyan,
    events: EventColors {
        poll: Color::LightCyan,
        jump: Color::LightGreen,
        suspend: Color::LightYellow,
        state: Color::Yellow,
        complete: Color::Green,
        fault: Color::Rgb(255, 95, 95),
        catch: Color::LightMagenta,
        wake: Color::Cyan,
        timer: Color::Rgb(255, 140, 200),
        save: Color::Rgb(120, 150, 255),
        output: Color::White,
    },
};

const PROJECTOR: Palette = Palette {
    background: Some(Color::Rgb(255, 255, 255)),
    text: Color::Rgb(0, 0, 0),
    dim: Color::Rgb(85, 85, 85),
    title: Color::Rgb(0, 60, 130),
    border: Color::Rgb(90, 90, 90),
    focus: Color::Rgb(170, 50, 0),
    current_fg: Color::Rgb(0, 0, 0),
    current_bg: Color::Rgb(255, 205, 0),
    linked_bg: Color::Rgb(210, 228, 255),
    block_bg: Color::Rgb(255, 238, 200),
    breakpoint: Color::Rgb(180, 0, 0),
    changed: Color::Rgb(180, 0, 0),
    mnemonic: Color::Rgb(0, 50, 160),
    register: Color::Rgb(0, 100, 0),
    number: Color::Rgb(130, 0, 130),
    symbol: Color::Rgb(120, 70, 0),
    comment: Color::Rgb(70, 70, 70),
    comment_italic: false,
    keyword: Color::Rgb(110, 0, 150),
    error: Color::Rgb(180, 0, 0),
    key: Color::Rgb(150, 50, 0),
    narration: Color::Rgb(0, 75, 110),
    events: EventColors {
        poll: Color::Rgb(0, 90, 130),
        jump: Color::Rgb(0, 110, 0),
        suspend: Color::Rgb(130, 80, 0),
        state: Color::Rgb(110, 70, 0),
        complete: Color::Rgb(0, 100, 40),
        fault: Color::Rgb(180, 0, 0),
        catch: Color::Rgb(130, 0, 130),
        wake: Color::Rgb(0, 100, 120),
        timer: Color::Rgb(150, 0, 100),
        save: Color::Rgb(0, 60, 190),
        output: Color::Rgb(0, 0, 0),
    },
};

impl Theme {
    pub fn named(name: ThemeName) -> Theme {
        Theme { name }
    }

    /// The theme asked for, else `plain` when `NO_COLOR` is set to a
    /// non-empty value, else `classic`.
    pub fn from_env(asked: Option<ThemeName>) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::named(asked.unwrap_or(if no_color {
            ThemeName::Plain
        } else {
            ThemeName::Classic
        }))
    }

    pub fn plain() -> Theme {
        Theme::named(ThemeName::Plain)
    }

    /// The next theme of the `t` key.
    pub fn next(self) -> Theme {
        let at = ThemeName::ALL.iter().position(|&n| n == self.name);
        Theme::named(ThemeName::ALL[at.map_or(0, |i| (i + 1) % ThemeName::ALL.len())])
    }

    fn palette(self) -> Option<&'static Palette> {
        match self.name {
            ThemeName::Classic => Some(&CLASSIC),
            ThemeName::Projector => Some(&PROJECTOR),
            ThemeName::Plain => None,
        }
    }

    fn fg(self, color: fn(&Palette) -> Color) -> Style {
        self.palette()
            .map_or(Style::new(), |p| Style::new().fg(color(p)))
    }

    fn bg(self, color: fn(&Palette) -> Color) -> Style {
        self.palette()
            .map_or(Style::new(), |p| Style::new().bg(color(p)))
    }

    /// What the whole screen is painted with before the panes draw (the
    /// projector's white page; nothing for the other themes).
    pub fn base(self) -> Style {
        match self.palette().and_then(|p| p.background) {
            Some(background) => self.text().bg(background),
            None => Style::new(),
        }
    }

    pub fn text(self) -> Style {
        match self.palette() {
            Some(p) if p.text != Color::Reset => Style::new().fg(p.text),
            _ => Style::new(),
        }
    }
    pub fn dim(self) -> Style {
        self.fg(|p| p.dim)
    }
    pub fn title(self) -> Style {
        self.fg(|p| p.title).add_modifier(Modifier::BOLD)
    }
    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(|p| p.focus).add_modifier(Modifier::BOLD)
        } else {
            self.fg(|p| p.border)
        }
    }
    /// The line or instruction the CPU is at.
    pub fn current(self) -> Style {
        self.fg(|p| p.current_fg)
            .patch(self.bg(|p| p.current_bg))
            .add_modifier(Modifier::BOLD)
    }
    /// The cursor of the focused pane.
    pub fn cursor(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// Lines that correspond to the selection in another pane.
    pub fn linked(self) -> Style {
        match self.palette() {
            Some(_) => self.bg(|p| p.linked_bg),
            None => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }
    /// The block of the current source line in the x86-64 pane.
    pub fn block(self) -> Style {
        self.bg(|p| p.block_bg)
    }
    pub fn breakpoint(self) -> Style {
        self.fg(|p| p.breakpoint).add_modifier(Modifier::BOLD)
    }
    pub fn changed(self) -> Style {
        self.fg(|p| p.changed).add_modifier(Modifier::BOLD)
    }
    pub fn mnemonic(self) -> Style {
        self.fg(|p| p.mnemonic).add_modifier(Modifier::BOLD)
    }
    pub fn register(self) -> Style {
        self.fg(|p| p.register)
    }
    pub fn number(self) -> Style {
        self.fg(|p| p.number)
    }
    pub fn symbol(self) -> Style {
        self.fg(|p| p.symbol)
    }
    pub fn comment(self) -> Style {
        let style = self.fg(|p| p.comment);
        match self.palette() {
            Some(p) if !p.comment_italic => style,
            _ => style.add_modifier(Modifier::ITALIC),
        }
    }
    pub fn keyword(self) -> Style {
        self.fg(|p| p.keyword)
    }
    pub fn event(self, kind: crate::machine::EventKind) -> Style {
        use crate::machine::EventKind as K;
        self.fg(match kind {
            K::Poll | K::Resume => |p| p.events.poll,
            K::Jump => |p| p.events.jump,
            K::Suspend => |p| p.events.suspend,
            K::State => |p| p.events.state,
            K::Complete => |p| p.events.complete,
            K::Catch | K::Finally => |p| p.events.catch,
            K::Wake => |p| p.events.wake,
            K::Timer => |p| p.events.timer,
            K::Save | K::Restore => |p| p.events.save,
            K::Output => |p| p.events.output,
            _ => |p| p.events.fault,
        })
    }
    pub fn error(self) -> Style {
        self.fg(|p| p.error).add_modifier(Modifier::BOLD)
    }
    pub fn key(self) -> Style {
        self.fg(|p| p.key).add_modifier(Modifier::BOLD)
    }
    pub fn narration(self) -> Style {
        self.fg(|p| p.narration)
    }

    /// Every style text is drawn in, by name (for the contrast check).
    pub fn text_styles(self) -> Vec<(String, Style)> {
        let mut styles = vec![
            ("text".to_string(), self.text()),
            ("dim".to_string(), self.dim()),
            ("title".to_string(), self.title()),
            ("border".to_string(), self.border(false)),
            ("focused border".to_string(), self.border(true)),
            ("breakpoint".to_string(), self.breakpoint()),
            ("changed".to_string(), self.changed()),
            ("mnemonic".to_string(), self.mnemonic()),
            ("register".to_string(), self.register()),
            ("number".to_string(), self.number()),
            ("symbol".to_string(), self.symbol()),
            ("comment".to_string(), self.comment()),
            ("keyword".to_string(), self.keyword()),
            ("error".to_string(), self.error()),
            ("key".to_string(), self.key()),
            ("narration".to_string(), self.narration()),
        ];
        for kind in crate::machine::EventKind::ALL {
            styles.push((format!("event {kind:?}"), self.event(kind)));
        }
        styles
    }

    /// The backgrounds text of [`Theme::text_styles`] can sit on.
    pub fn backgrounds(self) -> Vec<(&'static str, Style)> {
        vec![
            ("background", self.base()),
            ("linked", self.linked()),
            ("block", self.block()),
        ]
    }
}

/// A colour as sRGB: named colours as xterm's default palette shows them,
/// `Reset` as the default foreground (`fg`) or background of a dark terminal.
pub fn rgb(color: Color, fg: bool) -> (u8, u8, u8) {
    match color {
        Color::Reset if fg => (229, 229, 229),
        Color::Reset => (0, 0, 0),
        Color::Black => (0, 0, 0),
        Color::Red => (205, 0, 0),
        Color::Green => (0, 205, 0),
        Color::Yellow => (205, 205, 0),
        Color::Blue => (0, 0, 238),
        Color::Magenta => (205, 0, 205),
        Color::Cyan => (0, 205, 205),
        Color::Gray => (229, 229, 229),
        Color::DarkGray => (127, 127, 127),
        Color::LightRed => (255, 0, 0),
        Color::LightGreen => (0, 255, 0),
        Color::LightYellow => (255, 255, 0),
        Color::LightBlue => (92, 92, 255),
        Color::LightMagenta => (255, 0, 255),
        Color::LightCyan => (0, 255, 255),
        Color::White => (255, 255, 255),
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(_) => (229, 229, 229),
    }
}

/// WCAG's contrast ratio of two colours (1 to 21).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG AA for normal text.
    const AA: f64 = 4.5;

    fn colour_of(style: Style, fg: bool, base: Style) -> (u8, u8, u8) {
        let own = if fg { style.fg } else { style.bg };
        let inherited = if fg { base.fg } else { base.bg };
        rgb(own.or(inherited).unwrap_or(Color::Reset), fg)
    }

    #[test]
    fn every_text_style_reaches_aa_on_every_background() {
        for name in [ThemeName::Classic, ThemeName::Projector] {
            let theme = Theme::named(name);
            let base = theme.base();
            let mut low = Vec::new();
            for (role, style) in theme.text_styles() {
                for (ground, background) in theme.backgrounds() {
                    let ratio = contrast(
                        colour_of(style, true, base),
                        colour_of(background, false, base),
                    );
                    if ratio < AA {
                        low.push(format!("{role} on {ground}: {ratio:.2}"));
                    }
                }
            }
            let current = theme.current();
            let ratio = contrast(
                colour_of(current, true, base),
                colour_of(current, false, base),
            );
            if ratio < AA {
                low.push(format!("current line: {ratio:.2}"));
            }
            assert!(low.is_empty(), "{name:?} below {AA}:1: {low:#?}");
        }
    }

    #[test]
    fn the_contrast_formula_gives_wcags_anchors() {
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast((119, 119, 119), (255, 255, 255)) - 4.48).abs() < 0.01);
    }

    #[test]
    fn plain_has_no_colour_and_t_cycles_back() {
        let plain = Theme::plain();
        for (_, style) in plain.text_styles() {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert_eq!(plain.linked().add_modifier, Modifier::UNDERLINED);
        let mut theme = Theme::named(ThemeName::Classic);
        for _ in 0..3 {
            theme = theme.next();
        }
        assert_eq!(theme.name, ThemeName::Classic);
    }
}
