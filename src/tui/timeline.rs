//! The timeline strip's index: which event to show for any run of the
//! events `a`/`B` stop at, in time that does not grow with the run.
//!
//! In: the run's event kinds as they are recorded, and the filter (the `e`
//! key). Out: for a range of the filtered events, the one the strip shows —
//! the highest-ranked kind ([`crate::tui::text::event_rank`]) — from a max
//! pyramid (each level holds the maximum of 16 entries of the level below),
//! so a frame asks ~40 ranges of at most a few hundred lookups each instead
//! of scanning millions of events.

use crate::machine::{EventKind, KindSet};
use crate::tui::text::event_rank;

/// Entries per node, at every level.
const FAN: usize = 16;

/// The filtered events' ranks, with their maxima by 16, 256, ….
#[derive(Debug, Default)]
pub struct Timeline {
    kinds: KindSet,
    /// How many of the run's events have been looked at.
    fed: usize,
    /// levels[0]: one key per filtered event; levels[l][j]: the largest of
    /// levels[l-1][16j..16j+16].
    levels: Vec<Vec<u16>>,
}

impl Timeline {
    /// Brings the index up to date with the run's events `kinds` (all of
    /// them, in order) under `filter`; a new filter starts it afresh.
    pub fn sync(&mut self, events: &[EventKind], filter: KindSet) {
        if filter != self.kinds {
            *self = Timeline {
                kinds: filter,
                ..Timeline::default()
            };
        }
        for &kind in &events[self.fed.min(events.len())..] {
            if filter.contains(kind) {
                self.push(key(kind));
            }
        }
        self.fed = events.len();
    }

    /// How many events pass the filter.
    pub fn len(&self) -> usize {
        self.levels.first().map_or(0, Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The kind shown for the filtered events `range` (not empty).
    pub fn shown(&self, range: std::ops::Range<usize>) -> EventKind {
        kind_of(self.max(0, range.start, range.end.min(self.len())))
    }

    fn push(&mut self, key: u16) {
        if self.levels.is_empty() {
            self.levels.push(Vec::new());
        }
        self.levels[0].push(key);
        let (mut level, mut index, mut value) = (0, self.levels[0].len() - 1, key);
        // Every ancestor of the new entry covers it: raise each to it, and
        // make the parents that do not exist yet (a level of one entry
        // needs none).
        while self.levels[level].len() > 1 || level + 1 < self.levels.len() {
            let parent = index / FAN;
            if self.levels.len() == level + 1 {
                self.levels.push(Vec::new());
            }
            if self.levels[level + 1].len() == parent {
                let children = &self.levels[level][parent * FAN..];
                value = children.iter().copied().max().unwrap_or(value);
                self.levels[level + 1].push(value);
            } else {
                let above = &mut self.levels[level + 1][parent];
                *above = (*above).max(value);
                value = *above;
            }
            (level, index) = (level + 1, parent);
        }
    }

    /// The largest key among entries `lo..hi` of `level`.
    fn max(&self, level: usize, lo: usize, hi: usize) -> u16 {
        let entries = &self.levels[level];
        if hi - lo <= 2 * FAN || level + 1 == self.levels.len() {
            return entries[lo..hi].iter().copied().max().unwrap_or(0);
        }
        let (first, last) = (lo.div_ceil(FAN), hi / FAN);
        let mut best = entries[lo..first * FAN].iter().copied().max().unwrap_or(0);
        best = best.max(entries[last * FAN..hi].iter().copied().max().unwrap_or(0));
        if first < last {
            best = best.max(self.max(level + 1, first, last));
        }
        best
    }
}

/// Rank first, so that the maximum key is the kind the strip shows.
fn key(kind: EventKind) -> u16 {
    (event_rank(kind) as u16) << 8 | kind as u16
}

fn kind_of(key: u16) -> EventKind {
    EventKind::ALL[(key & 0xff) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_range_shows_the_highest_ranked_kind() {
        let kinds: Vec<EventKind> = (0..5000u32)
            .map(|i| EventKind::ALL[2 + (i * 7919 % 97 % 12) as usize])
            .collect();
        let filter = KindSet::RECORDED;
        let mut timeline = Timeline::default();
        // Fed in pieces, as a run is.
        for end in [1, 17, 300, 4097, 5000] {
            timeline.sync(&kinds[..end], filter);
        }
        let filtered: Vec<EventKind> = kinds.into_iter().filter(|k| filter.contains(*k)).collect();
        assert_eq!(timeline.len(), filtered.len());
        for (lo, hi) in [
            (0, 1),
            (0, 5000),
            (15, 17),
            (16, 4096),
            (1000, 3333),
            (4999, 5000),
        ] {
            let hi = hi.min(filtered.len());
            let want = filtered[lo..hi]
                .iter()
                .copied()
                .max_by_key(|k| key(*k))
                .unwrap();
            assert_eq!(timeline.shown(lo..hi), want, "{lo}..{hi}");
        }
    }
}
