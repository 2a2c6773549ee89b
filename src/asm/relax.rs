//! Branch relaxation as NASM does it, in time linear in the code size.
//!
//! In: every `.text` instruction's (short, near) size — equal for anything
//! that is not a relaxable `jmp`/`jcc` —, each branch's target instruction,
//! and whether an instruction has a forward `[rel sym]` operand (one byte
//! longer in NASM's first pass). Out: for each instruction, whether NASM 2.16
//! (`-Ox`) ends with the short form ([`settle`]).
//!
//! NASM assembles in passes until no label moves. In a pass, a jump is short
//! when its target, as known at that moment, is within rel8 of the end of the
//! short form: a backward target's address from this pass, a forward one's
//! from the previous pass (unknown in pass 1: short). Done literally
//! (`literal_passes` is that transcription) this is quadratic: a change
//! early in the file shifts the later code, forward jumps further on see
//! their target (still at last pass's address) move by the difference, and a
//! wave of flips crosses the file a few hundred instructions per pass — 211
//! passes for a 10,000-line program, NASM itself takes 38 s on it.
//!
//! The same passes, computed per *piece*: a maximal run of instructions
//! that no branch crosses the edge of. A piece's layout in a pass depends
//! only on its own layout in the pass before and on `m`, how far its start
//! moved since that pass (a forward jump's distance is its span minus `m`).
//! Once a pass leaves a piece's layout unchanged it is *settled*: every jump
//! keeps its form while `m` stays in an interval worked out then
//! ([`Piece::calm`]). From pass 3 on, a segment tree of those intervals finds
//! the pieces the moves so far disturb ([`CalmTree::first_disturbed`]) and
//! a Fenwick tree gives their start: a pass costs the pieces it runs again,
//! not the file. Building a 100,000-line program took 46 s before, mostly here.

/// The short/near choice of every instruction (true = short; meaningless for
/// instructions that are not relaxable jumps), as NASM's passes settle it.
pub fn settle(
    sizes: &[(i64, i64)],
    targets: &[Option<usize>],
    forward_mem: &[bool],
) -> Result<Vec<bool>, String> {
    let code = Code {
        sizes,
        targets,
        forward_mem,
    };
    let mut short = vec![true; sizes.len()];
    let mut pieces = pieces(&code);
    // Passes 1 and 2 visit everything: the first lays the file out, the
    // second drops the first pass's long `[rel sym]` forms.
    for first_pass in [true, false] {
        let mut at = 0;
        for piece in &mut pieces {
            let before = piece.base;
            piece.pass(&code, &mut short, at, before, first_pass);
            at += piece.size;
        }
    }
    let mut calm = CalmTree::new(pieces.iter().map(|p| p.calm));
    let mut starts = Sums::new(pieces.iter().map(|p| p.size));
    for _pass in 3..=MAX_PASSES {
        let (mut from, mut moved, mut changed) = (0, 0, false);
        // A piece no change before it has moved out of its calm interval
        // keeps its layout: only the disturbed ones are run again.
        while let Some(i) = calm.first_disturbed(from, moved) {
            let piece = &mut pieces[i];
            let at = starts.before(i);
            let size = piece.size;
            changed |= piece.pass(&code, &mut short, at, Some(at - moved), false);
            starts.add(i, piece.size - size);
            moved += piece.size - size;
            calm.set(i, piece.calm);
            from = i + 1;
        }
        if !changed {
            return Ok(short);
        }
    }
    // The pieces kept changing (one random layout of proptest's found it,
    // saved in proptest-regressions/asm/relax.txt): NASM's passes, literally,
    // decide. Quadratic, but only for such a layout.
    literal_passes(sizes, targets, forward_mem).ok_or_else(|| "branch sizes do not settle".into())
}

/// NASM gives up long before this; a guard against a bug looping forever.
const MAX_PASSES: usize = 100_000;

struct Code<'a> {
    sizes: &'a [(i64, i64)],
    targets: &'a [Option<usize>],
    forward_mem: &'a [bool],
}

impl Code<'_> {
    fn relaxable(&self, i: usize) -> bool {
        self.sizes[i].0 != self.sizes[i].1
    }

    fn target(&self, i: usize) -> usize {
        self.targets[i].expect("a relaxable jump has a target")
    }

    /// An instruction's size when it is not a relaxable jump.
    fn fixed_size(&self, i: usize, first_pass: bool) -> i64 {
        self.sizes[i].0 + i64::from(first_pass && self.forward_mem[i])
    }
}

/// Splits the code into pieces no branch crosses the edge of: clusters (the
/// union of overlapping branch ranges, branch and target included) and the
/// runs of other instructions between them.
fn pieces(code: &Code) -> Vec<Piece> {
    let n = code.sizes.len();
    // reach[i]: the furthest instruction a branch range starting at i covers.
    let mut reach: Vec<Option<usize>> = vec![None; n];
    for i in (0..n).filter(|&i| code.relaxable(i)) {
        let t = code.target(i);
        let (lo, hi) = (i.min(t), i.max(t));
        reach[lo] = Some(reach[lo].map_or(hi, |r| r.max(hi)));
    }
    let mut pieces = Vec::new();
    let mut run_start = 0;
    let mut i = 0;
    while i < n {
        let Some(mut end) = reach[i] else {
            i += 1;
            continue;
        };
        if run_start < i {
            pieces.push(Piece::new(run_start..i));
        }
        let mut j = i;
        while j <= end {
            end = end.max(reach[j].unwrap_or(j));
            j += 1;
        }
        pieces.push(Piece::new(i..end + 1));
        i = end + 1;
        run_start = i;
    }
    if run_start < n {
        pieces.push(Piece::new(run_start..n));
    }
    pieces
}

/// A run of instructions that no branch enters or leaves, with its layout
/// in the last pass.
struct Piece {
    range: std::ops::Range<usize>,
    /// Where it started in the last pass (None before the first).
    base: Option<i64>,
    /// Each instruction's offset from the piece's start in the last pass.
    offsets: Vec<i64>,
    size: i64,
    /// Settled: the moves `m` for which the next pass changes nothing.
    calm: Option<(i64, i64)>,
}

impl Piece {
    fn new(range: std::ops::Range<usize>) -> Piece {
        Piece {
            offsets: vec![0; range.len()],
            range,
            base: None,
            size: 0,
            calm: None,
        }
    }

    /// One pass over the piece, which now starts at `at` and started at
    /// `before` in the last pass: updates its layout and the choices in
    /// `short`. Returns whether any address in it changed.
    fn pass(
        &mut self,
        code: &Code,
        short: &mut [bool],
        at: i64,
        before: Option<i64>,
        first_pass: bool,
    ) -> bool {
        let mut offsets = Vec::with_capacity(self.range.len());
        let mut pos = 0i64;
        for i in self.range.clone() {
            offsets.push(pos);
            if !code.relaxable(i) {
                pos += code.fixed_size(i, first_pass);
                continue;
            }
            let (short_len, near_len) = code.sizes[i];
            let t = code.target(i) - self.range.start;
            let target = if t <= i - self.range.start {
                Some(at + offsets[t])
            } else {
                before.map(|base| base + self.offsets[t])
            };
            short[i] = target.is_none_or(|t| fits_rel8(t - (at + pos + short_len)));
            pos += if short[i] { short_len } else { near_len };
        }
        let moved = before.map(|base| at - base);
        let unchanged = moved.is_some() && offsets == self.offsets;
        self.calm = unchanged.then(|| self.calm_moves(code, short, &offsets, moved.unwrap_or(0)));
        self.offsets = offsets;
        self.size = pos;
        self.base = Some(at);
        !unchanged || moved != Some(0)
    }

    /// The interval of moves `m` around `moved` under which every forward
    /// jump keeps its form in a pass that starts from the same layout
    /// (backward jumps depend on nothing outside the piece).
    fn calm_moves(&self, code: &Code, short: &[bool], offsets: &[i64], moved: i64) -> (i64, i64) {
        let (mut lo, mut hi) = (i64::MIN, i64::MAX);
        for i in self.range.clone().filter(|&i| code.relaxable(i)) {
            let t = code.target(i);
            if t <= i {
                continue;
            }
            // The distance is span - m; short while it fits in rel8.
            let from = offsets[i - self.range.start] + code.sizes[i].0;
            let span = offsets[t - self.range.start] - from;
            let (s_lo, s_hi) = (span - 127, span + 128);
            if short[i] {
                lo = lo.max(s_lo);
                hi = hi.min(s_hi);
            } else if moved < s_lo {
                hi = hi.min(s_lo - 1);
            } else {
                lo = lo.max(s_hi + 1);
            }
        }
        (lo, hi)
    }
}

/// Prefix sums of the pieces' sizes (a Fenwick tree): where a piece starts.
struct Sums(Vec<i64>);

impl Sums {
    fn new(sizes: impl Iterator<Item = i64>) -> Sums {
        let mut sums = Sums(Vec::new());
        for (i, size) in sizes.enumerate() {
            sums.0.push(0);
            sums.add(i, size);
        }
        sums
    }

    fn add(&mut self, i: usize, delta: i64) {
        let mut k = i + 1;
        while k <= self.0.len() {
            self.0[k - 1] += delta;
            k += k & k.wrapping_neg();
        }
    }

    /// The sum of the sizes of the pieces before piece `i`.
    fn before(&self, i: usize) -> i64 {
        let (mut k, mut sum) = (i, 0);
        while k > 0 {
            sum += self.0[k - 1];
            k -= k & k.wrapping_neg();
        }
        sum
    }
}

/// The pieces' calm intervals in a segment tree, to find the first piece at
/// or after some index that a move `m` disturbs in O(log n).
struct CalmTree {
    leaves: usize,
    /// (largest lower bound, smallest upper bound) over each node's pieces.
    nodes: Vec<(i64, i64)>,
}

impl CalmTree {
    /// An unsettled piece is disturbed by every move.
    const RESTLESS: (i64, i64) = (i64::MAX, i64::MIN);

    fn new(calm: impl ExactSizeIterator<Item = Option<(i64, i64)>>) -> CalmTree {
        let leaves = calm.len().next_power_of_two();
        let mut tree = CalmTree {
            leaves,
            nodes: vec![(i64::MIN, i64::MAX); 2 * leaves],
        };
        for (i, c) in calm.enumerate() {
            tree.nodes[leaves + i] = c.unwrap_or(Self::RESTLESS);
        }
        for node in (1..leaves).rev() {
            tree.nodes[node] = tree.join(node);
        }
        tree
    }

    fn join(&self, node: usize) -> (i64, i64) {
        let (a, b) = (self.nodes[2 * node], self.nodes[2 * node + 1]);
        (a.0.max(b.0), a.1.min(b.1))
    }

    fn set(&mut self, i: usize, calm: Option<(i64, i64)>) {
        let mut node = self.leaves + i;
        self.nodes[node] = calm.unwrap_or(Self::RESTLESS);
        while node > 1 {
            node /= 2;
            self.nodes[node] = self.join(node);
        }
    }

    /// The first piece at index `from` or later whose calm interval does not
    /// hold `m`.
    fn first_disturbed(&self, from: usize, m: i64) -> Option<usize> {
        self.search(1, 0, self.leaves, from, m)
    }

    fn search(&self, node: usize, lo: usize, hi: usize, from: usize, m: i64) -> Option<usize> {
        let (calm_lo, calm_hi) = self.nodes[node];
        if hi <= from || (calm_lo <= m && m <= calm_hi) {
            return None;
        }
        if hi - lo == 1 {
            return Some(lo);
        }
        let mid = (lo + hi) / 2;
        self.search(2 * node, lo, mid, from, m)
            .or_else(|| self.search(2 * node + 1, mid, hi, from, m))
    }
}

fn fits_rel8(distance: i64) -> bool {
    i8::try_from(distance).is_ok()
}

/// NASM's passes written out literally (the oracle the tests hold
/// [`settle`] to, and its fallback); `None` when they never settle: a pass
/// depends only on the previous pass's label addresses, so a layout seen
/// before (other than the last) means they cycle for ever, where NASM
/// reports "unable to find valid values for all labels".
fn literal_passes(
    sizes: &[(i64, i64)],
    targets: &[Option<usize>],
    forward_mem: &[bool],
) -> Option<Vec<bool>> {
    let n = sizes.len();
    let mut previous: Option<Vec<i64>> = None;
    let mut seen = std::collections::HashSet::new();
    let mut short = vec![true; n];
    for pass in 1..=MAX_PASSES {
        let mut starts = Vec::with_capacity(n);
        let mut at = 0i64;
        for i in 0..n {
            starts.push(at);
            let (short_len, near_len) = sizes[i];
            if short_len != near_len {
                let target = targets[i]?;
                let known = if target <= i {
                    Some(starts[target])
                } else {
                    previous.as_ref().map(|p| p[target])
                };
                short[i] = known.is_none_or(|t| fits_rel8(t - (at + short_len)));
                at += if short[i] { short_len } else { near_len };
            } else {
                at += short_len + i64::from(pass == 1 && forward_mem[i]);
            }
        }
        if previous.as_ref() == Some(&starts) {
            return Some(short);
        }
        if pass > 1 && !seen.insert(starts.clone()) {
            return None;
        }
        previous = Some(starts);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Code shaped like compiled functions: runs of plain instructions,
    /// jumps (2/5 bytes for jmp, 2/6 for jcc) mostly to nearby targets,
    /// some far, some to themselves.
    /// (sizes, targets, forward_mem), as [`settle`] takes them.
    type Program = (Vec<(i64, i64)>, Vec<Option<usize>>, Vec<bool>);

    fn code() -> impl Strategy<Value = Program> {
        (20usize..400).prop_flat_map(|n| {
            let insn = prop_oneof![
                6 => (1i64..12).prop_map(|s| (s, s, None)),
                3 => (any::<bool>(), -60i64..60).prop_map(|(jcc, d)| (2, if jcc { 6 } else { 5 }, Some(d))),
                1 => (-400i64..400).prop_map(|d| (2, 5, Some(d))),
            ];
            (
                proptest::collection::vec(insn, n),
                proptest::collection::vec(proptest::bool::weighted(0.1), n),
            )
                .prop_map(move |(insns, forward_mem)| {
                    let sizes = insns.iter().map(|&(s, l, _)| (s, l)).collect();
                    let targets = insns
                        .iter()
                        .enumerate()
                        .map(|(i, &(_, _, d))| {
                            d.map(|d| (i as i64 + d).clamp(0, n as i64 - 1) as usize)
                        })
                        .collect();
                    (sizes, targets, forward_mem)
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn agrees_with_nasms_passes((sizes, targets, forward_mem) in code()) {
            // Where NASM's passes cycle, `settle` must refuse too.
            let fast = settle(&sizes, &targets, &forward_mem).ok();
            let literal = literal_passes(&sizes, &targets, &forward_mem);
            prop_assert_eq!(fast.is_some(), literal.is_some());
            if let (Some(fast), Some(literal)) = (fast, literal) {
                for i in (0..sizes.len()).filter(|&i| sizes[i].0 != sizes[i].1) {
                    prop_assert_eq!(fast[i], literal[i], "jump {}", i);
                }
            }
        }
    }

    #[test]
    fn a_long_file_settles_in_linear_work() {
        // Many functions, each with a forward jump just over rel8 behind
        // jumps that go near in pass 2: the wave case of the module comment.
        let mut sizes = Vec::new();
        let mut targets = Vec::new();
        for _ in 0..20_000 {
            let base = sizes.len();
            sizes.push((2, 6));
            targets.push(Some(base + 40));
            for _ in 0..40 {
                sizes.push((3, 3));
                targets.push(None);
            }
        }
        let forward_mem = vec![false; sizes.len()];
        let started = std::time::Instant::now();
        let short = settle(&sizes, &targets, &forward_mem).unwrap();
        assert!(short[0]);
        assert!(started.elapsed().as_secs() < 5);
    }
}
