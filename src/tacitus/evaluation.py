"""Scoring extracted events against gold, as CODEBOOK section 5 specifies.

Takes gold articles (CODEBOOK gold JSONL: articles with ``events``) and
predicted event records (``Event.to_record()`` dicts) and returns the same
figures as the reference scorer ``eval/score.py``: event precision, recall,
F1, exact-record recall and per-field accuracy over matched pairs. Kept in
the package so ``tacitus eval`` works where the reference scorer is not
shipped; a test holds the two to the same numbers.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from tacitus.geodesy import km

FIELDS = ("event_type", "sub_event_type", "date", "country", "coordinates",
          "actor1", "actor2", "fatalities")
#: Fields the issue asks about that the reference scorer does not print. They
#: are scored like ``fatalities`` but stay out of exact-record recall, so the
#: reference figures are unchanged.
EXTRA_FIELDS = ("wounded",)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "s"}


def _words(text: Any) -> set[str]:
    return {w for w in _WORD.findall(str(text or "").lower()) if w not in _STOP}


def _accepted(gold_value: Any) -> list[Any]:
    return gold_value if isinstance(gold_value, list) else [gold_value]


def _number(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def _actor_ok(pred: Any, gold_event: dict, key: str) -> bool:
    names = _accepted(gold_event.get(key)) + list(gold_event.get(key + "_aliases") or [])
    p = _words(pred)
    if not p:
        return False
    return any((g := _words(name)) and (g <= p or p <= g) for name in names)


def field_ok(field: str, pred: dict, gold: dict) -> bool | None:
    """True/False when gold states the field, None when it is not scored."""
    if field == "coordinates":
        glat, glon = _number(gold.get("latitude")), _number(gold.get("longitude"))
        if glat is None or glon is None:
            return None
        plat, plon = _number(pred.get("latitude")), _number(pred.get("longitude"))
        return plat is not None and plon is not None and km(plat, plon, glat, glon) <= 50.0
    if gold.get(field) is None:
        return None
    if field in ("actor1", "actor2"):
        return _actor_ok(pred.get(field), gold, field)
    if field in ("fatalities", "wounded"):
        value = _number(pred.get(field))
        return value is not None and any(value == _number(g) for g in _accepted(gold[field]))
    if field == "date":
        value = str(pred.get("date") or "")[:10]
        return any(value == str(g)[:10] for g in _accepted(gold["date"]))
    value = str(pred.get(field) or "").strip().lower()
    return any(value == str(g).strip().lower() for g in _accepted(gold[field]))


def _overlap(pred: dict, gold: dict) -> float:
    g, p = _words(gold.get("evidence")), _words(pred.get("evidence"))
    if not g or not p:
        return 0.0
    return len(g & p) / min(len(g), len(p))


def _pair_score(pred: dict, gold: dict) -> float | None:
    ev = _overlap(pred, gold)
    same_type = field_ok("event_type", pred, gold) is True
    same_country = field_ok("country", pred, gold) is True
    near = field_ok("coordinates", pred, gold) is True
    if ev < 0.2 and not (same_type and (same_country or near)):
        return None
    score = 2 * ev + same_type + same_country + near + 0.5 * (field_ok("fatalities", pred, gold) is True)
    return score if score >= 1.5 else None


def match(preds: Sequence[dict], golds: Sequence[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching of predicted and gold events of one article, best pairs first."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            s = _pair_score(p, g)
            if s is not None:
                pairs.append((s, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((preds[i], golds[j]))
    return out


def score(gold_articles: Sequence[dict], pred_events: Iterable[dict]) -> dict[str, Any]:
    """Precision, recall, F1, exact-record recall and per-field accuracy."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for e in pred_events:
        by_article[str(e.get("article_id"))].append(e)
    known = {str(a["id"]) for a in gold_articles}
    n_pred = sum(len(v) for k, v in by_article.items() if k in known)
    n_pred_ok = n_required = n_required_found = n_exact = 0
    right: dict[str, int] = defaultdict(int)
    scored: dict[str, int] = defaultdict(int)
    per_article = []
    for art in gold_articles:
        golds = art.get("events") or []
        preds = by_article.get(str(art["id"]), [])
        pairs = match(preds, golds)
        required = [g for g in golds if g.get("required", True)]
        found = [g for _, g in pairs if g.get("required", True)]
        n_pred_ok += len(pairs)
        n_required += len(required)
        n_required_found += len(found)
        for p, g in pairs:
            all_ok = True
            for f in FIELDS:
                ok = field_ok(f, p, g)
                if ok is not None:
                    scored[f] += 1
                    right[f] += ok
                    all_ok &= ok
            n_exact += all_ok and g.get("required", True)
            for f in EXTRA_FIELDS:
                ok = field_ok(f, p, g)
                if ok is not None:
                    scored[f] += 1
                    right[f] += ok
        per_article.append({"id": art["id"], "pred": len(preds), "gold_required": len(required),
                            "matched": len(pairs), "required_found": len(found)})
    precision = n_pred_ok / n_pred if n_pred else 0.0
    recall = n_required_found / n_required if n_required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(gold_articles), "predicted": n_pred, "predicted_matched": n_pred_ok,
        "gold_required": n_required, "gold_required_found": n_required_found,
        "precision": precision, "recall": recall, "f1": f1,
        "exact_record_recall": n_exact / n_required if n_required else 0.0,
        "fields": {f: {"accuracy": right[f] / scored[f] if scored[f] else None, "scored": scored[f]}
                   for f in FIELDS},
        "extra_fields": {f: {"accuracy": right[f] / scored[f] if scored[f] else None, "scored": scored[f]}
                         for f in EXTRA_FIELDS},
        "per_article": per_article,
    }


def report(result: dict[str, Any]) -> str:
    """The figures as the reference scorer prints them."""
    lines = [
        f"articles {result['articles']}  predicted {result['predicted']}  "
        f"required gold {result['gold_required']}",
        f"event precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f}  exact-record recall {result['exact_record_recall']:.3f}",
    ]
    for f, v in result["fields"].items():
        acc = "  n/a" if v["accuracy"] is None else f"{v['accuracy']:.3f}"
        lines.append(f"  {f:<15} {acc}  (of {v['scored']} matched)")
    for f, v in result.get("extra_fields", {}).items():
        acc = "  n/a" if v["accuracy"] is None else f"{v['accuracy']:.3f}"
        lines.append(f"  {f:<15} {acc}  (of {v['scored']} matched; not in the reference scorer)")
    return "\n".join(lines)


def non_event_predictions(gold_articles: Sequence[dict], pred_events: Iterable[dict]) -> tuple[int, int]:
    """(events predicted on gold articles with no events, number of such articles)."""
    empty = {str(a["id"]) for a in gold_articles if not a.get("events")}
    wrong = sum(1 for e in pred_events if str(e.get("article_id")) in empty)
    return wrong, len(empty)
