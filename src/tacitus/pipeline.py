"""The whole pipeline: raw documents in, coded events out.

``Pipeline.run(docs)`` takes what ``ingest`` yields (``RawDocument`` or
``Skipped``) and returns one :class:`Result` per input, in order: the cleaned
article with its events, or a ``Skipped`` record with a coded reason. It calls
the stages in order: clean -> NLP (spaCy, batched) -> toponyms -> event
candidates -> per event: place, date, casualties, canonical actors -> merge of
the mentions of one occurrence within the article. One broken article becomes
a ``Skipped`` and never stops the batch.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from spacy.tokens import Doc

from tacitus import clean as clean_stage
from tacitus import dates, events, geo, numbers
from tacitus.actors import ActorDictionary
from tacitus.errors import InputError
from tacitus.models import (
    Actor,
    Article,
    Event,
    EventCandidate,
    Place,
    RawDocument,
    Result,
    Skipped,
    Span,
    Toponym,
)
from tacitus.nlp import load_nlp
from tacitus.settings import Settings

logger = logging.getLogger(__name__)

_DATELINE_END = re.compile(r"^[\s,A-Za-z.()]*?(?:—|–|--|-|\(|:)")


class Pipeline:
    """Everything needed to turn articles into events, loaded lazily and once."""

    def __init__(self, settings: Settings | None = None, *, geocode: bool = True) -> None:
        self.settings = settings or Settings()
        self.geocode = geocode
        self._nlp = None
        self._gazetteer = None
        self._actors: ActorDictionary | None = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_nlp(self.settings.spacy_model)
        return self._nlp

    @property
    def gazetteer(self) -> geo.Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = geo.open_gazetteer(
                cache_dir=self.settings.cache_dir,
                place_aliases=self.settings.place_aliases,
                progress=self.settings.progress,
            )
        return self._gazetteer

    @property
    def actors(self) -> ActorDictionary:
        if self._actors is None:
            self._actors = ActorDictionary.load(extra=self.settings.actor_aliases)
        return self._actors

    # -- whole batches -------------------------------------------------------------------------

    def run(self, items: Iterable[RawDocument | Skipped | Article]) -> Iterator[Result]:
        """Process documents in batches; yields one Result per input, in input order."""
        it = iter(items)
        size = self.settings.batch_size
        while True:
            chunk = list(islice(it, size))
            if not chunk:
                return
            yield from self._run_chunk(chunk)

    def _run_chunk(self, chunk: list[RawDocument | Skipped | Article]) -> Iterator[Result]:
        prepared: list[Result | Article] = []
        for item in chunk:
            if isinstance(item, Skipped):
                prepared.append(Result(None, skipped=item))
            elif isinstance(item, Article):
                prepared.append(item)
            else:
                prepared.append(self._clean(item))
        articles = [a for a in prepared if isinstance(a, Article)]
        docs = self.nlp.pipe((a.text for a in articles), batch_size=self.settings.batch_size,
                             n_process=self.settings.n_process)
        parsed = dict(zip((id(a) for a in articles), docs, strict=True))
        for item in prepared:
            if isinstance(item, Result):
                yield item
            else:
                yield self._extract_safely(item, parsed[id(item)])

    def process(self, item: RawDocument | Article) -> Result:
        """Process one document."""
        return next(self.run([item]))

    # -- one article ---------------------------------------------------------------------------

    def _clean(self, raw: RawDocument) -> Result | Article:
        try:
            return clean_stage.clean(raw, max_chars=self.settings.max_chars)
        except InputError as exc:
            logger.warning("skipped %s", exc)
            return Result(None, skipped=Skipped(raw.origin, exc.reason, exc.code, raw.id))

    def _extract_safely(self, article: Article, doc: Doc) -> Result:
        try:
            toponyms = self.toponyms(doc)
            found = self.extract(article, doc, toponyms)
        except Exception as exc:  # one broken article never sinks a batch
            logger.exception("extraction failed for %s", article.origin or article.id)
            err = InputError("E011", path=article.origin or article.id, reason=repr(exc))
            return Result(None, skipped=Skipped(article.origin or article.id, err.reason, err.code, article.id))
        return Result(article, tuple(found), toponyms=tuple(toponyms))

    def toponyms(self, doc: Doc) -> list[Toponym]:
        if not self.geocode:
            return []
        return geo.find_toponyms(doc, self.gazetteer, prefer_countries=self.settings.prefer_countries)

    def extract(self, article: Article, doc: Doc, toponyms: list[Toponym]) -> list[Event]:
        """Events of one parsed article."""
        candidates = events.detect(doc, group_spans=self.actors.find_all)
        dateline = _dateline(article.text, toponyms)
        coded = [self._code(article, doc, c, toponyms, dateline) for c in candidates]
        coded = self._attribute(article, coded)
        return events.merge_mentions(coded)

    def _attribute(self, article: Article, coded: list[Event]) -> list[Event]:
        """Name the perpetrator the article names when the sentence itself does not.

        "Gunmen opened fire ... The Taliban claimed responsibility": when an
        event's initiator is missing or unidentified and the article names
        exactly one non-state armed group, that group is the initiator (with
        lower confidence). Violent event types only.
        """
        groups = {a.name: (s, e, a) for s, e, a in self.actors.find_all(article.text)
                  if a.kind not in ("state", "civilians", "protesters", "rioters", "unidentified", None)
                  and not a.name.startswith(("Civilians", "Protesters", "Rioters", "Unidentified"))}
        if len(groups) != 1:
            return coded
        (start, end, group), = groups.values()
        out = []
        for ev in coded:
            weak = ev.actor1 is None or (ev.actor1.kind == "unidentified")
            violent = ev.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")
            same_as_target = ev.actor2 is not None and ev.actor2.name == group.name
            if weak and violent and not same_as_target:
                actor = replace(group, span=Span(start, end, article.text[start:end]))
                ev = replace(ev, actor1=actor, confidence=max(0.3, ev.confidence - 0.1))
            out.append(ev)
        return out

    def _code(self, article: Article, doc: Doc, cand: EventCandidate, toponyms: list[Toponym],
              dateline: Toponym | None) -> Event:
        place, loc_span = (None, None)
        if self.geocode:
            place, loc_span = geo.locate_event(doc, toponyms, evidence=cand.evidence, trigger=cand.trigger,
                                               dateline=dateline)
        context = cand.context or cand.evidence
        text = _masked(article.text, context, cand.excluded)
        casualties = numbers.read_casualties(text, offset=context.start)
        before = _preceding(article.text, cand.evidence.start)
        when = dates.event_date(text, offset=context.start, published=article.published,
                                context=before.text if before else None,
                                context_offset=before.start if before else 0)
        country = place.country if place else None
        actor1, actor2 = self._actor(cand.actor1, country), self._actor(cand.actor2, country)
        if place is None and self.geocode:
            place = self._implied_country(doc, cand.evidence, actor1, actor2)
            if place is not None:
                actor1 = self._actor(cand.actor1, place.country)
                actor2 = self._actor(cand.actor2, place.country)
        return Event(
            article_id=article.id,
            event_type=cand.event_type,
            sub_event_type=cand.sub_event_type,
            evidence=cand.evidence,
            date=when,
            place=place,
            location_span=loc_span,
            actor1=actor1,
            actor2=actor2,
            casualties=casualties,
            confidence=cand.confidence,
            background=cand.background,
            trigger=cand.trigger,
        )

    def _implied_country(self, doc: Doc, evidence: Span, actor1: Actor | None,
                         actor2: Actor | None) -> Place | None:
        """The country an event's text implies when it names no place: state forces, nationality words, groups.

        "Colombian Air Force helicopter shot down" is in Colombia; "a booby trap
        bomb killed two members of the RUC" is in the United Kingdom.
        Precision is "country", and the place is the country's GeoNames point.
        """
        states = [a.country for a in (actor2, actor1) if a is not None and a.kind == "state" and a.country]
        span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
        nationals = [geo.country_of_text(ent.text) for ent in (span.ents if span is not None else ())
                     if ent.label_ in ("NORP", "GPE")]
        groups = [a.country for a in (actor1, actor2) if a is not None and a.country]
        for iso3 in [*states, *(n for n in nationals if n), *groups]:
            place = self.gazetteer.country(iso3)
            if place is not None:
                return place
        return None

    def _actor(self, span: Span | None, country: str | None) -> Actor | None:
        if span is None:
            return None
        actor = self.actors.canonical(span.text, country=country)
        return replace(actor, span=span) if actor is not None else None


def _masked(text: str, context: Span, excluded: tuple[Span, ...]) -> str:
    """The context's text with the stretches of other events blanked (offsets kept)."""
    chars = list(text[context.start:context.end])
    for ex in excluded:
        for i in range(max(ex.start, context.start), min(ex.end, context.end)):
            chars[i - context.start] = " "
    return "".join(chars)


def _preceding(text: str, start: int) -> Span | None:
    """The text of the paragraph before an event's evidence, where a date given earlier may be."""
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    if para_start >= start:
        return None
    return Span(para_start, start, text[para_start:start])


def _dateline(text: str, toponyms: list[Toponym]) -> Toponym | None:
    """The filing city of a dateline ("MOGADISHU, Oct. 15 —", "BEIRUT (AP) —"), if the article opens with one."""
    for top in toponyms:
        if top.span.start > 200:
            break
        line_start = text.rfind("\n", 0, top.span.start) + 1
        prefix = text[line_start:top.span.start]
        if prefix.strip():
            continue
        rest = text[top.span.end:top.span.end + 60]
        if _DATELINE_END.match(rest) and top.span.text.isupper():
            return top
    return None
