"""One actor's month-by-month record: is it losing ground at home while attacking more abroad?

Takes an open event store and an actor name (any alias: "ISIS" is read as
"Islamic State" through the actor dictionary) and returns an
:class:`ActorProfile`: for every month of the period, the territory the actor
gained and lost, its attacks inside its home countries and abroad, and the
fatalities it inflicted and suffered, each number with the ids of the events
it counts. :func:`render_chart` draws the profile as a PNG or SVG.

Coding rules (CODEBOOK section 2):

- Territory: in "Government regains territory", "Non-state actor overtakes
  territory" (Battles) and "Non-violent transfer of territory" (Strategic
  developments) the gaining side is actor1 and the losing side actor2. The
  actor as actor1 is a gain, as actor2 a loss.
- Attacks: Battles, Explosions/Remote violence and Violence against civilians
  events with the actor as actor1 (initiator), split by the event's country:
  home, abroad, or unknown (no country coded).
- Fatalities: the sum of ``fatalities`` over events with the actor as actor1
  (inflicted) or actor2 (suffered). Events reporting no number add nothing
  (null is "not reported", not 0).
- Home countries, in order of precedence: given by the caller; the actor's
  country in the actor dictionary; the countries where its territorial
  events happen; the country of most of its events. The profile says which
  (``home_source``).

The actor must be actor1 or actor2 exactly (case-insensitively): "Islamic
State" does not take in "Islamic State West Africa Province". Undated events
are counted in ``n_undated`` but in no month.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from tacitus.export import stream_events

if TYPE_CHECKING:
    from tacitus.store import Store

logger = logging.getLogger(__name__)

TERRITORY_SUB_TYPES = (
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
)
ATTACK_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
MEASURES = (
    "territory_gained",
    "territory_lost",
    "attacks_home",
    "attacks_abroad",
    "attacks_unknown",
    "fatalities_inflicted",
    "fatalities_suffered",
)

HomeSource = Literal["given", "dictionary", "territory", "most events", "none"]


@dataclass(frozen=True, slots=True)
class MonthProfile:
    """One month of an actor's record. ``month`` is ``YYYY-MM``.

    ``event_ids`` maps each measure of :data:`MEASURES` to the ids of the
    events it counts, so every number can be audited; ``abroad_countries``
    counts the attacks abroad by ISO3.
    """

    month: str
    events: int = 0
    territory_gained: int = 0
    territory_lost: int = 0
    attacks_home: int = 0
    attacks_abroad: int = 0
    attacks_unknown: int = 0
    fatalities_inflicted: int = 0
    fatalities_suffered: int = 0
    abroad_countries: Mapping[str, int] = field(default_factory=dict)
    event_ids: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """An actor's monthly record over a period; see the module docstring for the coding rules."""

    actor: str
    query: str
    since: dt.date | None
    until: dt.date | None
    home: tuple[str, ...]
    home_source: HomeSource
    months: tuple[MonthProfile, ...]
    n_events: int
    n_articles: int
    n_undated: int

    def totals(self) -> dict[str, int]:
        """Each measure of :data:`MEASURES` summed over the months."""
        return {m: sum(getattr(month, m) for month in self.months) for m in MEASURES}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the profile, its months and the totals."""
        return {
            "actor": self.actor,
            "query": self.query,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "home": list(self.home),
            "home_source": self.home_source,
            "n_events": self.n_events,
            "n_articles": self.n_articles,
            "n_undated": self.n_undated,
            "totals": self.totals(),
            "months": [
                {
                    "month": m.month,
                    "events": m.events,
                    **{k: getattr(m, k) for k in MEASURES},
                    "abroad_countries": dict(m.abroad_countries),
                    "event_ids": {k: list(v) for k, v in m.event_ids.items()},
                }
                for m in self.months
            ],
        }


def canonical_actor(query: str, *, dictionary: Any | None = None) -> str:
    """The canonical name of an actor query ("ISIS" -> "Islamic State").

    The query is kept as given unless one dictionary alias spans all of it,
    so a canonical name the dictionary does not know ("Civilians (Iraq)")
    is not cut down to a generic one.
    """
    text = query.strip()
    actor = _dictionary(dictionary).canonical(text)
    if actor is not None and (actor.span is None or (actor.span.start, actor.span.end) == (0, len(text))):
        return str(actor.name)
    return text


def build_profile(
    store: Store,
    actor: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    home: Sequence[str] | None = None,
    dictionary: Any | None = None,
) -> ActorProfile:
    """Build an actor's monthly profile from the events in ``store``.

    Args:
        store: An open :class:`~tacitus.store.Store`.
        actor: The actor, by canonical name or any alias in the actor dictionary.
        since: First day of the period; default: the actor's first dated event.
        until: Last day of the period; default: the actor's last dated event.
        home: ISO3 codes of the actor's home countries; default: see the module docstring.
        dictionary: An :class:`~tacitus.actors.ActorDictionary` (loaded once if not given).

    Returns:
        The profile, with one :class:`MonthProfile` per calendar month of the
        period, months without events included.

    Raises:
        ValueError: When ``since`` is after ``until``.
    """
    if since and until and since > until:
        raise ValueError(f"since {since} is after until {until}")
    dictionary = _dictionary(dictionary)
    name = canonical_actor(actor, dictionary=dictionary)
    folded = name.casefold()
    records = [
        rec
        for rec in stream_events(store, actor=name, since=since, until=until)
        if folded in ((rec.get("actor1") or "").casefold(), (rec.get("actor2") or "").casefold())
    ]
    logger.info("profile of %s (query %r): %d events", name, actor, len(records))
    home_codes, home_source = _home(records, folded, home, name, dictionary)
    months = _months(records, folded, set(home_codes), since=since, until=until)
    return ActorProfile(
        actor=name,
        query=actor,
        since=since,
        until=until,
        home=home_codes,
        home_source=home_source,
        months=months,
        n_events=len(records),
        n_articles=_n_articles(store, records),
        n_undated=sum(1 for r in records if not r.get("date")),
    )


def _dictionary(dictionary: Any | None) -> Any:
    if dictionary is not None:
        return dictionary
    from tacitus.actors import ActorDictionary

    return ActorDictionary.load()


def _is(value: str | None, folded: str) -> bool:
    return (value or "").casefold() == folded


def _home(
    records: Sequence[dict[str, Any]], folded: str, home: Sequence[str] | None, name: str, dictionary: Any
) -> tuple[tuple[str, ...], HomeSource]:
    if home:
        return tuple(dict.fromkeys(c.strip().upper() for c in home if c.strip())), "given"
    listed = dictionary.home_countries(name)
    if listed:
        return tuple(listed), "dictionary"
    territorial = Counter(
        r["country"] for r in records if r.get("sub_event_type") in TERRITORY_SUB_TYPES and r.get("country")
    )
    if territorial:
        return tuple(sorted(territorial)), "territory"
    anywhere = Counter(r["country"] for r in records if r.get("country"))
    if anywhere:
        # The most frequent country; ties broken alphabetically so the result is stable.
        return (min(anywhere, key=lambda c: (-anywhere[c], c)),), "most events"
    return (), "none"


def _month_range(first: dt.date, last: dt.date) -> list[str]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _months(
    records: Iterable[dict[str, Any]],
    folded: str,
    home: set[str],
    *,
    since: dt.date | None,
    until: dt.date | None,
) -> tuple[MonthProfile, ...]:
    dated = [(dt.date.fromisoformat(r["date"][:10]), r) for r in records if r.get("date")]
    days = [d for d, _ in dated]
    first = since or (min(days) if days else None)
    last = until or (max(days) if days else None)
    if first is None or last is None:
        return ()
    counts: dict[str, Counter[str]] = {m: Counter() for m in _month_range(first, last)}
    abroad: dict[str, Counter[str]] = {m: Counter() for m in counts}
    ids: dict[str, dict[str, list[str]]] = {m: {} for m in counts}
    for day, rec in dated:
        month = f"{day.year:04d}-{day.month:02d}"
        if month not in counts:
            continue
        is1, is2 = _is(rec.get("actor1"), folded), _is(rec.get("actor2"), folded)
        hits: dict[str, int] = {"events": 1}
        if rec.get("sub_event_type") in TERRITORY_SUB_TYPES:
            if is1:
                hits["territory_gained"] = 1
            elif is2:
                hits["territory_lost"] = 1
        if is1 and rec.get("event_type") in ATTACK_TYPES:
            country = rec.get("country")
            where = "attacks_unknown" if not country else "attacks_home" if country in home else "attacks_abroad"
            hits[where] = 1
            if where == "attacks_abroad":
                abroad[month][country] += 1
        fatalities = rec.get("fatalities")
        if fatalities is not None:
            # An actor fighting itself (a split, mislabelled sides) counts on both sides.
            if is1:
                hits["fatalities_inflicted"] = int(fatalities)
            if is2:
                hits["fatalities_suffered"] = int(fatalities)
        counts[month].update(hits)
        for measure in hits:
            if measure != "events":
                ids[month].setdefault(measure, []).append(rec["event_id"])
    return tuple(
        MonthProfile(
            month=month,
            events=c["events"],
            **{m: c[m] for m in MEASURES},
            abroad_countries=dict(sorted(abroad[month].items())),
            event_ids={k: tuple(v) for k, v in ids[month].items()},
        )
        for month, c in counts.items()
    )


def _n_articles(store: Store, records: Sequence[dict[str, Any]]) -> int:
    articles = {r.get("article_id") for r in records}
    for rec in records:
        # Only events merged from several reports need a look at their mentions.
        if (rec.get("mentions") or 0) > 1:
            articles.update(m.get("article_id") for m in store.mentions(rec["event_id"]))
    articles.discard(None)
    return len(articles)


# -- chart ------------------------------------------------------------------------

_GAIN, _LOSS = "#2b8c4a", "#c0392b"
_HOME, _ABROAD, _UNKNOWN = "#3b6ea8", "#e08a1e", "#b9b9b9"
_INFLICTED, _SUFFERED = "#6c3483", "#7f8c8d"


def render_chart(profile: ActorProfile, path: Path | str, *, fmt: str | None = None) -> Path:
    """Draw the profile as three panels sharing the month axis and save it.

    Panels: territory gained (up) and lost (down) as diverging bars; attacks
    at home and abroad (and with no known country) as stacked bars;
    fatalities inflicted and suffered as side-by-side bars. The title names
    the actor, the period and the home countries; a footer gives the source.

    Args:
        profile: What :func:`build_profile` returned.
        path: The file to write.
        fmt: ``png`` or ``svg``; default: from the file suffix (PNG if none).

    Returns:
        The path written.
    """
    import matplotlib

    matplotlib.use("Agg")  # never a display: the CLI and servers have none
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "png").lower()
    # SVG text as text, not glyph outlines: searchable, selectable and smaller.
    with matplotlib.rc_context({"svg.fonttype": "none", "font.family": "DejaVu Sans"}):
        _draw(profile, path, fmt)
    logger.info("profile chart of %s written to %s", profile.actor, path)
    return path


def _draw(profile: ActorProfile, path: Path, fmt: str) -> None:
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    months = [m.month for m in profile.months]
    x = list(range(len(months)))
    fig, axes = plt.subplots(3, 1, figsize=(max(8.0, 0.45 * len(months) + 4), 10), sharex=True,
                             constrained_layout=True)
    ax_ter, ax_att, ax_fat = axes
    try:
        gained = [m.territory_gained for m in profile.months]
        lost = [-m.territory_lost for m in profile.months]
        ax_ter.bar(x, gained, color=_GAIN, label="territory gained (actor1)")
        ax_ter.bar(x, lost, color=_LOSS, label="territory lost (actor2)")
        net, running = [], 0
        for g, lo in zip(gained, lost):
            running += g + lo
            net.append(running)
        ax_ter.step(x, net, where="mid", color="black", linewidth=1.4, label="net change, cumulative")
        ax_ter.axhline(0, color="black", linewidth=0.8)
        ax_ter.set_title("Territory gained vs lost", loc="left", fontweight="bold")
        ax_ter.set_ylabel("territorial events\n(lost below 0)")
        ax_ter.yaxis.set_major_formatter(lambda v, _: f"{abs(int(v))}")

        home_n = [m.attacks_home for m in profile.months]
        abroad_n = [m.attacks_abroad for m in profile.months]
        unknown_n = [m.attacks_unknown for m in profile.months]
        home_label = ", ".join(profile.home) or "unknown"
        ax_att.bar(x, home_n, color=_HOME, label=f"at home ({home_label})")
        ax_att.bar(x, abroad_n, bottom=home_n, color=_ABROAD, label="abroad")
        if any(unknown_n):
            ax_att.bar(x, unknown_n, bottom=[h + a for h, a in zip(home_n, abroad_n)], color=_UNKNOWN,
                       label="country unknown")
        ax_att.set_title("Attacks at home vs abroad", loc="left", fontweight="bold")
        ax_att.set_ylabel("attacks (events as actor1)")
        for i, m in enumerate(profile.months):
            if m.abroad_countries:
                top = m.attacks_home + m.attacks_abroad + m.attacks_unknown
                ax_att.annotate(" ".join(m.abroad_countries), (i, top), textcoords="offset points", xytext=(0, 2),
                                ha="center", va="bottom", fontsize=7, color=_ABROAD, rotation=90)

        width = 0.4
        ax_fat.bar([i - width / 2 for i in x], [m.fatalities_inflicted for m in profile.months], width,
                   color=_INFLICTED, label="inflicted (as actor1)")
        ax_fat.bar([i + width / 2 for i in x], [m.fatalities_suffered for m in profile.months], width,
                   color=_SUFFERED, label="suffered (as actor2)")
        ax_fat.set_title("Fatalities inflicted vs suffered", loc="left", fontweight="bold")
        ax_fat.set_ylabel("fatalities")
        ax_fat.set_xlabel("month")

        for ax in axes:
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.grid(axis="y", color="#dddddd", linewidth=0.6)
            ax.set_axisbelow(True)
            ax.spines[["top", "right"]].set_visible(False)
            ax.legend(loc="upper left", bbox_to_anchor=(1.005, 1.0), fontsize=8, frameon=False)
            ax.margins(y=0.25)
        # Symmetric, so "lost" has room below the axis even in a period with no losses.
        reach = max([1, *gained, *(-v for v in lost), *(abs(v) for v in net)]) * 1.3
        ax_ter.set_ylim(-reach, reach)
        fig.align_ylabels(axes)
        crowded = len(months) > 12
        ax_fat.set_xticks(x, months, rotation=60 if crowded else 0, ha="right" if crowded else "center")

        fig.suptitle(f"{profile.actor}: {_period(profile)} \u2013 home: {_home_label(profile)}", fontsize=14,
                     fontweight="bold")
        fig.text(0.01, 0.002, f"Source: Tacitus, {profile.n_events} events from {profile.n_articles} articles"
                 + (f" ({profile.n_undated} undated, not shown)" if profile.n_undated else ""),
                 fontsize=8, color="#555555", ha="left", va="bottom")
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format=fmt, dpi=120)
    finally:
        plt.close(fig)


def _period(profile: ActorProfile) -> str:
    if not profile.months:
        return "no dated events"
    return f"{profile.months[0].month} to {profile.months[-1].month}"


def _home_label(profile: ActorProfile) -> str:
    if not profile.home:
        return "unknown"
    how = {"given": "given", "dictionary": "actor dictionary", "territory": "inferred from territorial events",
           "most events": "inferred: most events", "none": "unknown"}[profile.home_source]
    return f"{', '.join(profile.home)} ({how})"
