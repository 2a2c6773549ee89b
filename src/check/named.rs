//! Named arguments: `Greet(name: "Ann", times: 2)`.
//!
//! In: a call's typed arguments with their names (`None` for a positional
//! one) and a candidate's parameters. Out: the arguments in parameter
//! order, a parameter that no argument names filled with its default (as
//! C# passes it), or why the candidate does not fit. The call node then
//! holds ordinary positional arguments: what the x86 pane shows is the
//! order the registers are filled in. C# evaluates the arguments in the
//! order they are written; Flux# evaluates them in parameter order, so it
//! refuses a reordering unless the moved arguments are constants or locals
//! (reading those earlier or later changes nothing).

use super::call::Pick;
use super::expr::mk;
use super::Checker;
use crate::ast;
use crate::source::Span;
use crate::typed::{Expr, ExprKind, Type};

/// A candidate the named arguments fit, and the arguments in its order.
pub(super) struct NamedFit {
    pub index: usize,
    pub ordered: Vec<Expr>,
    in_order: bool,
}

/// Why a candidate does not take the named arguments.
pub(super) enum Misfit {
    /// CS1739: no parameter has this name.
    NoSuchName(ast::Ident),
    /// CS1744: a positional argument already gave this parameter.
    Repeated(ast::Ident),
    /// CS1738: a positional argument after a named one.
    PositionalAfterNamed(Span),
    /// CS7036: a required parameter no argument gives.
    Missing(String),
}

impl Checker<'_> {
    /// The arguments in the order of `params`, with defaults where none is
    /// given, and whether that is the order they are written in.
    pub(super) fn by_name(
        &self,
        params: &[ast::Param],
        args: &[Expr],
        names: &[Option<ast::Ident>],
        span: Span,
    ) -> Result<(Vec<Expr>, bool), Misfit> {
        let mut placed: Vec<Option<Expr>> = vec![None; params.len()];
        let mut slots = Vec::new();
        let mut named_seen = false;
        for (arg, name) in args.iter().zip(names) {
            let slot = match name {
                None if named_seen => return Err(Misfit::PositionalAfterNamed(arg.span)),
                None => placed.iter().position(Option::is_none),
                Some(name) => {
                    named_seen = true;
                    let Some(i) = params.iter().position(|p| p.name.name == name.name) else {
                        return Err(Misfit::NoSuchName(name.clone()));
                    };
                    if placed[i].is_some() {
                        return Err(Misfit::Repeated(name.clone()));
                    }
                    Some(i)
                }
            };
            let Some(slot) = slot else {
                return Err(Misfit::Missing(String::new()));
            };
            placed[slot] = Some(arg.clone());
            slots.push(slot);
        }
        let in_order = slots.windows(2).all(|w| w[0] < w[1]);
        let ordered = placed
            .into_iter()
            .zip(params)
            .map(|(arg, param)| match arg {
                Some(arg) => Ok(arg),
                None => {
                    let default = param.default.as_ref().and_then(super::decls::default_value);
                    let (c, t) = default.ok_or_else(|| Misfit::Missing(param.name.name.clone()))?;
                    Ok(mk(ExprKind::Const(c), t, span))
                }
            })
            .collect::<Result<Vec<Expr>, Misfit>>()?;
        Ok((ordered, in_order))
    }

    /// The candidates (an index, its parameters and their types) that the
    /// named arguments fit, each with the arguments it would take; the
    /// first candidate's reason for not fitting is kept for the report.
    pub(super) fn named_fits(
        &self,
        candidates: &[(usize, &[ast::Param], Vec<Type>)],
        args: &[Expr],
        names: &[Option<ast::Ident>],
        span: Span,
        first_misfit: &mut Option<Misfit>,
    ) -> Vec<NamedFit> {
        let mut fits = Vec::new();
        for (index, params, types) in candidates {
            match self.by_name(params, args, names, span) {
                Ok((ordered, in_order)) => {
                    if matches!(
                        self.pick(std::slice::from_ref(types), &ordered),
                        Pick::Best(_)
                    ) {
                        fits.push(NamedFit {
                            index: *index,
                            ordered,
                            in_order,
                        });
                    }
                }
                Err(misfit) => {
                    first_misfit.get_or_insert(misfit);
                }
            }
        }
        fits
    }

    /// Of several candidates the named arguments fit, the better one by
    /// C#'s better-function rule (`Math.Max(val1: 3, val2: 4)` is the
    /// `int` overload), when they all put the arguments in the same order;
    /// `fits` is left as it is when no one is better.
    pub(super) fn narrow_named_fits(
        &self,
        fits: &mut Vec<NamedFit>,
        candidates: &[(usize, &[ast::Param], Vec<Type>)],
    ) {
        let same_order = fits.windows(2).all(|w| {
            w[0].ordered.len() == w[1].ordered.len()
                && w[0]
                    .ordered
                    .iter()
                    .zip(&w[1].ordered)
                    .all(|(a, b)| a.span == b.span)
        });
        if fits.len() < 2 || !same_order {
            return;
        }
        let sigs: Vec<Vec<Type>> = fits
            .iter()
            .map(|f| {
                let (_, _, types) = candidates
                    .iter()
                    .find(|c| c.0 == f.index)
                    .expect("a candidate");
                types.clone()
            })
            .collect();
        if let Pick::Best(best) = self.pick(&sigs, &fits[0].ordered) {
            let kept = fits.swap_remove(best);
            *fits = vec![kept];
        }
    }

    /// The one candidate that fits: `args` put in its parameters' order
    /// (`None`, reported, when that order cannot be kept).
    pub(super) fn take_fit(
        &mut self,
        fit: NamedFit,
        args: &mut Vec<Expr>,
        span: Span,
    ) -> Option<usize> {
        if !self.check_named_order(args, fit.in_order, span) {
            return None;
        }
        *args = fit.ordered;
        Some(fit.index)
    }

    /// Reports why the named arguments fit no candidate.
    pub(super) fn misfit(&mut self, misfit: Misfit, what: &str, span: Span) {
        match misfit {
            Misfit::NoSuchName(name) => {
                let msg = format!("{what} does not have a parameter named `{}`", name.name);
                self.error(name.span, msg, "no such parameter");
            }
            Misfit::Repeated(name) => {
                let msg = format!(
                    "named argument `{}` specifies a parameter for which a positional argument has already been given",
                    name.name
                );
                self.error(name.span, msg, "given twice");
            }
            Misfit::PositionalAfterNamed(at) => {
                let msg = "named argument specifications must appear after all fixed arguments have been specified";
                self.error(at, msg, "positional after a named one");
            }
            Misfit::Missing(param) if param.is_empty() => {
                let msg = format!("{what} takes fewer arguments");
                self.error(span, msg, "too many arguments");
            }
            Misfit::Missing(param) => {
                let msg = format!(
                    "there is no argument given that corresponds to the required parameter `{param}` of {what}"
                );
                self.error(span, msg, "missing argument");
            }
        }
    }

    /// C# runs the arguments in the written order; when they are placed in
    /// another, each must be a constant or a local for that to give the
    /// same result.
    fn check_named_order(&mut self, written: &[Expr], in_order: bool, span: Span) -> bool {
        let plain = |e: &Expr| matches!(e.kind, ExprKind::Const(_) | ExprKind::Local(_));
        if in_order || written.iter().all(plain) {
            return true;
        }
        let msg = "named arguments out of their parameters' order are supported by Flux# only when they are constants or local variables";
        self.error(span, msg, "not supported");
        false
    }
}
