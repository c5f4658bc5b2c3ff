"""The data types that flow between pipeline stages. No I/O here.

Every stage takes and returns these frozen dataclasses; spaCy objects never
cross a module boundary. Field names follow ``CODEBOOK.md`` section 3. Every
value extracted from text keeps its provenance as a :class:`Span` (character
offsets into ``Article.text``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_EVENT_TYPES: dict[str, str] = {sub: t for t, subs in EVENT_TYPES.items() for sub in subs}

DatePrecision = Literal["day", "week", "month", "year"]
GeoPrecision = Literal["place", "admin1", "country"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def shifted(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset, self.text)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What ingest read: undecoded or decoded content plus whatever metadata came with it.

    ``kind`` says how ``content`` is to be cleaned: ``"text"`` (plain text, may
    carry web boilerplate), ``"html"`` (a web page) or ``"record"`` (a CODEBOOK
    JSONL article whose ``text`` is used as given).
    """

    id: str
    origin: str
    kind: Literal["text", "html", "record"]
    content: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article, ready for NLP. ``text`` is what every Span points into."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    published_from: str | None = None  # "metadata", "dateline", "text", "html"
    language: str | None = None
    origin: str | None = None
    content_hash: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that produced no article, with a coded reason (see ``errors.py``)."""

    origin: str
    reason: str
    code: str
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: a GeoNames feature, an admin1 division or a country."""

    name: str
    latitude: float | None
    longitude: float | None
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    geonameid: int | None = None
    feature: str | None = None  # GeoNames feature class.code, e.g. "P.PPL", "A.ADM1", "A.PCLI"
    precision: GeoPrecision | None = None
    population: int = 0
    admin2: str | None = None  # second-level division (county, district); a division's own name


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in text and what it resolved to (``place`` None if unresolved)."""

    span: Span
    place: Place | None
    score: float = 0.0

    def to_record(self, article_id: str) -> dict[str, Any]:
        """The ``tacitus geoparse`` JSON line: offsets, surface text and the place's fields."""
        place = self.place
        return {
            "article_id": article_id, "start": self.span.start, "end": self.span.end, "text": self.span.text,
            "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
            "geonameid": place.geonameid if place else None, "country": place.country if place else None,
            "admin1": place.admin1 if place else None, "admin2": place.admin2 if place else None,
            "feature": place.feature if place else None,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor name and the text it was read from."""

    name: str
    span: Span | None = None
    kind: str | None = None  # "state", "rebel", "civilians", "protesters", "rioters", "unidentified", "other"
    country: str | None = None  # ISO3 where known


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened and how exact that is."""

    date: dt.date | None
    precision: DatePrecision | None
    span: Span | None = None
    # Read from when a statement was made ("said on Monday that ..."): the day of the report,
    # at or after the event's own, which the text does not give.
    reported: bool = False


@dataclass(frozen=True, slots=True)
class Casualties:
    """Counts read from casualty phrases; None means "not reported"."""

    fatalities: int | None = None
    fatalities_high: int | None = None
    wounded: int | None = None
    fatalities_span: Span | None = None
    wounded_span: Span | None = None


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """An event the detector found in text, before places, dates, numbers and names are read.

    ``actor1``/``actor2`` are the raw mention spans of initiator and target;
    ``context`` is the stretch of text (the evidence plus following sentences
    merged into the same event) that numbers and dates are read from.
    """

    event_type: str
    sub_event_type: str | None
    trigger: Span
    evidence: Span
    actor1: Span | None = None
    actor2: Span | None = None
    confidence: float = 0.5
    background: bool = False
    context: Span | None = None
    excluded: tuple[Span, ...] = ()  # stretches of the context that belong to other events


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event, with the provenance of every field read from text."""

    article_id: str
    event_type: str
    sub_event_type: str | None
    evidence: Span
    date: EventDate = EventDate(None, None)
    place: Place | None = None
    location_span: Span | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    casualties: Casualties = Casualties()
    confidence: float = 0.5
    background: bool = False
    trigger: Span | None = None
    # Other places where the same deed was done, listed with this one ("raids in London, in High
    # Wycombe and in Birmingham"): each is an event of its own once the article's mentions are merged.
    sites: tuple[Toponym, ...] = ()

    def to_record(self) -> dict[str, Any]:
        """The CODEBOOK "events out" JSON object (section 4), with provenance extras."""
        place = self.place
        c = self.casualties
        return {
            "article_id": self.article_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "date": self.date.date.isoformat() if self.date.date else None,
            "date_precision": self.date.precision,
            "location": place.name if place and place.precision == "place" else None,
            "admin1": place.admin1 if place else None,
            "country": place.country if place else None,
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "geo_precision": place.precision if place else None,
            "geonameid": place.geonameid if place else None,
            "actor1": self.actor1.name if self.actor1 else None,
            "actor2": self.actor2.name if self.actor2 else None,
            "fatalities": c.fatalities,
            "fatalities_high": c.fatalities_high,
            "wounded": c.wounded,
            "evidence": self.evidence.text,
            "confidence": round(self.confidence, 3),
            "background": self.background,
            "spans": _spans(self),
        }


def _spans(event: Event) -> dict[str, list[int]]:
    """Field -> [start, end] in the article text, for every field read from text."""
    named = {
        "evidence": event.evidence,
        "trigger": event.trigger,
        "date": event.date.span,
        "location": event.location_span,
        "actor1": event.actor1.span if event.actor1 else None,
        "actor2": event.actor2.span if event.actor2 else None,
        "fatalities": event.casualties.fatalities_span,
        "wounded": event.casualties.wounded_span,
    }
    return {k: [s.start, s.end] for k, s in named.items() if s is not None}


@dataclass(frozen=True, slots=True)
class Result:
    """What the pipeline made of one input: an article and its events, or a skip."""

    article: Article | None
    events: tuple[Event, ...] = ()
    skipped: Skipped | None = None
    toponyms: tuple[Toponym, ...] = field(default=())


def as_dict(obj: Any) -> dict[str, Any]:
    """A plain dict of a dataclass (dates as ISO strings) for JSON output."""

    def conv(v: Any) -> Any:
        if isinstance(v, (dt.date, dt.datetime)):
            return v.isoformat()
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [conv(x) for x in v]
        return v

    return conv(asdict(obj))
