"""The scores: per layer true and false positives, false negatives, precision, recall, F1."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from newsfacts.model import Span

from ._items import Unanchored

__all__ = ["Finding", "LayerScore", "Scores", "TypeScore"]


def _ratio(part: float, whole: int) -> float:
    # An empty denominator means nothing was wrong: no claim made, nothing to find.
    return part / whole if whole else 1.0


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


class _Rates:
    """Precision, recall and F1 from the counts ``tp``, ``fp`` and ``fn`` of a subclass."""

    __slots__ = ()
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@attrs.frozen
class TypeScore(_Rates):
    """The counts of one type (an event kind, a predicate, a rating …) within a layer."""

    type: str
    tp: int
    fp: int
    fn: int


@attrs.frozen
class Finding:
    """A missed gold item or a spurious system item, with the words that state it."""

    layer: str
    kind: str
    """``missed`` (a false negative) or ``spurious`` (a false positive)."""
    description: str
    evidence: tuple[Span, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "layer": self.layer,
            "kind": self.kind,
            "description": self.description,
            "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in self.evidence],
        }

    def __str__(self) -> str:
        words = " … ".join(f"{s.text!r} [{s.start}:{s.end}]" for s in self.evidence)
        return f"{self.kind:8}  {self.description}" + (f"  {words}" if words else "")


@attrs.frozen
class LayerScore(_Rates):
    """One layer's counts and the precision, recall and F1 derived from them.

    Micro scores count every item alike: precision = TP / (TP + FP), recall =
    TP / (TP + FN), F1 their harmonic mean; an empty denominator gives 1.0
    (nothing claimed is nothing wrong; nothing to find is nothing missed).
    Macro scores average the per-type scores of ``by_type`` (a true positive
    and a miss count for the gold item's type, a false positive for the
    system item's): precision over the types the system gave, recall over
    the types gold has, F1 over all; ``None`` where the layer has no types.

    ``inexact`` counts the true positives whose spans only overlap (relaxed
    matching); the *partial* scores credit them half, as the SemEval-2013
    task 9.1 partial mode (and ``nervaluate``'s ``partial``) do.
    """

    name: str
    tp: int
    fp: int
    fn: int
    inexact: int = 0
    by_type: tuple[TypeScore, ...] = ()
    missed: tuple[Finding, ...] = ()
    spurious: tuple[Finding, ...] = ()

    def _macro(self, attribute: str) -> float | None:
        # Precision is averaged over the types the system gave, recall over
        # those gold has: a type nobody claimed is no evidence of precision.
        if attribute == "precision":
            types = [t for t in self.by_type if t.tp + t.fp]
        elif attribute == "recall":
            types = [t for t in self.by_type if t.tp + t.fn]
        else:
            types = list(self.by_type)
        if not types:
            return None if not self.by_type else 1.0
        return sum(float(getattr(t, attribute)) for t in types) / len(types)

    @property
    def macro_precision(self) -> float | None:
        return self._macro("precision")

    @property
    def macro_recall(self) -> float | None:
        return self._macro("recall")

    @property
    def macro_f1(self) -> float | None:
        return self._macro("f1")

    @property
    def partial_precision(self) -> float:
        return _ratio(self.tp - 0.5 * self.inexact, self.tp + self.fp)

    @property
    def partial_recall(self) -> float:
        return _ratio(self.tp - 0.5 * self.inexact, self.tp + self.fn)

    @property
    def partial_f1(self) -> float:
        return _f1(self.partial_precision, self.partial_recall)

    def as_dict(self, details: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }
        if self.by_type:
            out["macro"] = {
                "precision": self.macro_precision,
                "recall": self.macro_recall,
                "f1": self.macro_f1,
            }
            out["by_type"] = {
                t.type: {"tp": t.tp, "fp": t.fp, "fn": t.fn, "f1": t.f1} for t in self.by_type
            }
        if self.inexact:
            out["inexact"] = self.inexact
        if details:
            out["missed"] = [f.as_dict() for f in self.missed]
            out["spurious"] = [f.as_dict() for f in self.spurious]
        return out


def _layers(value: Iterable[LayerScore]) -> tuple[LayerScore, ...]:
    return tuple(value)


def _counts(value: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(value.items()))


@attrs.frozen
class Scores:
    """Every layer's score for one system against one gold dataset.

    ``layers`` holds a :class:`LayerScore` per layer in report order;
    ``scores["events"]`` is the one named (``mentions``, ``mentions.linking``,
    ``times.value``, ``events.arguments`` …; ``KeyError`` for another name).
    ``unanchored`` lists the system's quotes that were not found in the
    article; the records they belong to are scored all the same (they cannot
    be aligned by their words). ``anchoring`` counts the quotes anchored by
    each method (``exact``, ``normalised``, ``approximate``).
    """

    gold: str
    match: str
    layers: tuple[LayerScore, ...] = attrs.field(converter=_layers)
    unanchored: tuple[Unanchored, ...] = ()
    _anchoring: tuple[tuple[str, int], ...] = attrs.field(
        default=(), converter=_counts, alias="anchoring"
    )

    @property
    def anchoring(self) -> Mapping[str, int]:
        return MappingProxyType(dict(self._anchoring))

    @property
    def names(self) -> tuple[str, ...]:
        """The layers' names, in report order."""
        return tuple(layer.name for layer in self.layers)

    def __getitem__(self, name: str) -> LayerScore:
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise KeyError(name)

    def __iter__(self) -> Iterator[LayerScore]:
        return iter(self.layers)

    def as_dict(self, details: bool = False) -> dict[str, Any]:
        """JSON-ready: ``{"gold", "match", "layers": {name: {...}}, "unanchored", "anchoring"}``."""
        return {
            "gold": self.gold,
            "match": self.match,
            "layers": {layer.name: layer.as_dict(details) for layer in self.layers},
            "unanchored": [{"where": u.where, "quote": u.quote} for u in self.unanchored],
            "anchoring": dict(self.anchoring),
        }

    def table(self) -> str:
        """A table for people: one row per layer, with counts and scores."""
        header = f"{'layer':<22} {'TP':>5} {'FP':>5} {'FN':>5} {'P':>6} {'R':>6} {'F1':>6} {'macro F1':>8}"
        rows = [header, "-" * len(header)]
        for layer in self.layers:
            macro = layer.macro_f1
            row = (
                f"{layer.name:<22} {layer.tp:>5} {layer.fp:>5} {layer.fn:>5} "
                f"{layer.precision:>6.3f} {layer.recall:>6.3f} {layer.f1:>6.3f} "
                + (f"{macro:>8.3f}" if macro is not None else "")
            )
            rows.append(row.rstrip())
        return "\n".join(rows)

    def details(self) -> str:
        """Each missed and each spurious item, layer by layer, with its evidence."""
        lines = []
        for layer in self.layers:
            findings = (*layer.missed, *layer.spurious)
            if findings:
                lines.append(f"{layer.name}:")
                lines.extend(f"  {finding}" for finding in findings)
        lines.extend(f"unanchored  {u}" for u in self.unanchored)
        return "\n".join(lines)
