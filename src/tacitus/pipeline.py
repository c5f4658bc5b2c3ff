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

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from itertools import islice

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from tacitus import actors as actors_stage
from tacitus import clean as clean_stage
from tacitus import countries, dates, events, geo, merge, numbers
from tacitus.actors import ActorDictionary
from tacitus.errors import InputError
from tacitus.lexicon import CIVILIAN_TARGETS, PERSON_VICTIMS
from tacitus.models import (
    Actor,
    Article,
    Event,
    EventCandidate,
    EventDate,
    Place,
    RawDocument,
    Result,
    Skipped,
    Span,
    Toponym,
)
from tacitus.nlp import cased_text, doc_text, load_nlp
from tacitus.settings import Settings

logger = logging.getLogger(__name__)

_DATELINE_END = re.compile(r"^[\s,A-Za-z.()]*?(?:—|–|--|-|\(|:)")
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# Remote violence an armed group is usually on the receiving end of: its members' deaths do not
# make it the initiator.
_FROM_AFAR = ("Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon",
              # A side losing or taking ground is named as such; its losing is not an attack by it.
              "Government regains territory", "Non-state actor overtakes territory")
# A bomb that went off on those handling it: "died during the early detonation of an IED".
_OWN_BOMB = re.compile(r"\b(?:prematurely|premature|early\s+detonation|accidental(?:ly)?\s+detonat\w*|"
                       r"their\s+own\s+(?:bomb|explosive|device)s?|they\s+were\s+(?:carrying|transporting|planting)|"
                       r"while\s+(?:planting|making|assembling|building|preparing|handling|setting|"
                       r"trying\s+to\s+plant))\b", re.IGNORECASE)
# State forces among those a bomb hit: "Two soldiers and three NPA rebels were killed".
_FORCES_HIT = re.compile(r"\b(?:soldiers?|troops|police(?:men|man)?|officers|servicemen)\b", re.IGNORECASE)
# People and places of civilian life ("a school for girls", "killing 12 villagers").
_CIVILIAN_WORDS = re.compile(rf"\b(?:{'|'.join(sorted(CIVILIAN_TARGETS))})(?:s|es|ren)?\b", re.IGNORECASE)
_NOT_GROUPS = ("Civilians", "Protesters", "Rioters", "Unidentified")


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
        for item, doc in self._parsed(items):
            yield item if doc is None else self._safely(self._extract, item, doc)

    def geoparse(self, items: Iterable[RawDocument | Skipped | Article], *, demonyms: bool = True) -> Iterator[Result]:
        """Toponyms only, no events: one Result per input, in input order, with ``toponyms`` filled.

        Args:
            items: documents as for :meth:`run`.
            demonyms: also return demonyms ("Iraqi") as toponyms of their country, as geoparsing
                gold sets count them (``geo.find_toponyms``).
        """
        for item, doc in self._parsed(items):
            yield item if doc is None else self._safely(partial(self._geoparse, demonyms=demonyms), item, doc)

    def _parsed(self, items: Iterable[RawDocument | Skipped | Article]) -> Iterator[tuple[Result | Article, Doc | None]]:
        """Clean and parse in batches: each article with its Doc, each skip as a Result with none, in input order."""
        it = iter(items)
        while chunk := list(islice(it, self.settings.batch_size)):
            prepared = [Result(None, skipped=item) if isinstance(item, Skipped)
                        else item if isinstance(item, Article) else self._clean(item) for item in chunk]
            docs = iter(self.nlp.pipe((a.text for a in prepared if isinstance(a, Article)),
                                      batch_size=self.settings.batch_size, n_process=self.settings.n_process))
            for item in prepared:
                yield (item, None) if isinstance(item, Result) else (item, next(docs))

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

    def _safely(self, work: Callable[[Article, Doc], Result], article: Article, doc: Doc) -> Result:
        try:
            return work(article, doc)
        except Exception as exc:  # one broken article never sinks a batch
            logger.exception("extraction failed for %s", article.origin or article.id)
            err = InputError("E011", path=article.origin or article.id, reason=repr(exc))
            return Result(None, skipped=Skipped(article.origin or article.id, err.reason, err.code, article.id))

    def _extract(self, article: Article, doc: Doc) -> Result:
        toponyms = self.toponyms(doc, source_url=article.url or article.source)
        return Result(article, tuple(self.extract(article, doc, toponyms)), toponyms=tuple(toponyms))

    def _geoparse(self, article: Article, doc: Doc, *, demonyms: bool) -> Result:
        toponyms = self.toponyms(doc, source_url=article.url or article.source, demonyms=demonyms)
        return Result(article, toponyms=tuple(toponyms))

    def toponyms(self, doc: Doc, *, source_url: str | None = None, demonyms: bool = False) -> list[Toponym]:
        """The article's resolved toponyms; ``source_url`` (the article's URL) is a prior on its home.

        ``demonyms`` adds demonyms as toponyms of their country (for geoparsing; never an event's place).
        """
        if not self.geocode:
            return []
        # Armed groups named in the article point to where they fight ("Boko Haram attacked Baga").
        hints = [geo.CountryCue(start, end, iso3) for start, end, actor in self.actors.find_all(doc_text(doc))
                 if actor.kind == "rebel" for iso3 in self.actors.home_countries(actor.name)]
        return geo.find_toponyms(doc, self.gazetteer, prefer_countries=self.settings.prefer_countries,
                                 source_url=source_url, demonyms=demonyms, hints=hints)

    def extract(self, article: Article, doc: Doc, toponyms: list[Toponym]) -> list[Event]:
        """Events of one parsed article."""
        candidates = events.detect(doc, group_spans=self.actors.find_all)
        dateline = _dateline(article.text, toponyms)
        places = self._place_names(article.text, toponyms)
        coded = [self._code(article, doc, c, places, dateline, _nested(c, candidates)) for c in candidates]
        coded = _dated_by_previous([_crowd_clash(ev) for ev in self._attribute(article, coded)])
        if any(ev.sub_event_type == "Air/drone strike" and ev.actor1 is None for ev in coded):
            strikers = [a for a in (self._actor(sp, None) for sp in events.strike_owners(doc)) if a is not None]
            coded = _strikes_owned(coded, strikers)
        coded = self._struck_group(article.text, coded)
        first_line = article.text.find("\n")
        merged = _parties_agreed(merge.merge_mentions(coded, headline_end=first_line if first_line > 0 else None))
        if self.geocode:
            merged = _in_focus(merged, doc, toponyms)
        persons = {c.trigger.start: c.actor2 for c in candidates if c.actor2 is not None and _a_person(doc, c.actor2)}
        return [self._convention_sides(_counted_victims(doc, _person_victims(ev, persons))) for ev in merged]

    @staticmethod
    def _convention_sides(ev: Event) -> Event:
        """A protest's or riot's unnamed crowd, an arrest's police, as its side (``actors.convention_sides``)."""
        actor1, actor2 = actors_stage.convention_sides(ev.event_type, ev.sub_event_type,
                                                  ev.place.country if ev.place else None, ev.actor1, ev.actor2)
        return ev if (actor1, actor2) == (ev.actor1, ev.actor2) else replace(ev, actor1=actor1, actor2=actor2)

    def _place_names(self, text: str, toponyms: list[Toponym]) -> list[Toponym]:
        """The toponyms that can say where an event was: not those that are an armed group's whole name.

        "Séléka" and "Daesh" are also names in the gazetteer; where the actor
        dictionary reads exactly that stretch as a group, it is the group.
        """
        if not toponyms:
            return toponyms
        groups = {(s, e) for s, e, a in self.actors.find_all(text) if _armed_group(a)}
        return [t for t in toponyms if (t.span.start, t.span.end) not in groups]

    def _attribute(self, article: Article, coded: list[Event]) -> list[Event]:
        """Fix the roles of violent events from what the article says around the actor mentions.

        Three readings, each resting on words an analyst can point at:

        - state forces or civilians read as the initiator but reported as the
          casualties ("two soldiers died in a PKK attack") are the target;
        - an event with no named initiator gets the article's armed group:
          the only one it names, else the only one named as perpetrator
          ("The Taliban claimed responsibility", "a PKK attack", "an attack by
          Islamic State gunmen"), with lower confidence;
        - a named armed group whose members are the only casualties the
          sentence names, with no initiator read ("Three Jaish-e-Mohammed
          attackers were killed in a gunfight with troops"), is the side that
          attacked, and the forces it met are the target; not for air strikes
          and shelling, which the group is on the receiving end of, nor for
          territory changing hands.

        Likewise an unnamed target ("militants") fighting a named initiator is
        the article's one other armed group.
        """
        text = article.text
        by_country: dict[str | None, tuple[list[tuple[int, int, Actor]], list[tuple[int, int, Actor]]]] = {}
        out = []
        for ev in coded:
            if ev.event_type not in _VIOLENT:
                out.append(ev)
                continue
            country = ev.place.country if ev.place else None
            if country not in by_country:
                named = [(s, e, a) for s, e, a in self.actors.find_all(text, country=country)
                         if _armed_group(a) and not actors_stage.named_as_opponent(text, s)]
                # Ethnic militias ("Fulani herdsmen") and organisations the dictionary does not know
                # are weaker names: they count where the text names them as perpetrators.
                ethnic = [(s, e, a) for s, e, a in self.actors.find_all(text, country=country, generic=True)
                          if _armed_group(a) and not actors_stage.named_as_opponent(text, s)
                          and not any(s < e2 and s2 < e for s2, e2, _ in named)]
                by_country[country] = (named, ethnic + self._unlisted(text, named + ethnic))
            out.append(self._attribute_event(ev, text, *by_country[country]))
        return out

    def _struck_group(self, text: str, coded: list[Event]) -> list[Event]:
        """What state aircraft struck, unnamed, is the one armed group the article names: "Near Tal Afar,
        one strike destroyed a VBIED factory". Not where the strike's words name civilian life ("One jet
        bombed a school for girls")."""
        out = []
        for ev in coded:
            if ev.sub_event_type == "Air/drone strike" and ev.actor2 is None and ev.actor1 is not None \
                    and ev.actor1.kind == "state" and not _CIVILIAN_WORDS.search(ev.evidence.text):
                # find_all keeps what it found per text and country
                named = self.actors.find_all(text, country=ev.place.country if ev.place else None)
                group = _only_group(text, [m for m in named if _armed_group(m[2])], exclude={ev.actor1.name})
                if group is not None:
                    ev = replace(ev, actor2=group)
            out.append(ev)
        return out

    def _attribute_event(self, ev: Event, text: str, named: list[tuple[int, int, Actor]],
                         unlisted: list[tuple[int, int, Actor]]) -> Event:
        actor1, actor2, confidence = ev.actor1, ev.actor2, ev.confidence
        met = None  # the side an armed group fought, when it is moved from target to initiator
        if actor1 is not None and actor1.kind in ("state", "civilians") and actor1.span is not None \
                and actors_stage.named_as_casualty(text, actor1.span.end):
            met = actor1
            actor2 = actor2 or actor1
            actor1 = None
        if actor1 is None or actor1.kind == "unidentified":
            group = _perpetrator(text, named, unlisted, exclude={actor2.name} if actor2 else set(),
                                 cued_only=ev.sub_event_type == "Air/drone strike")
            if group is not None:
                actor1, confidence = group, max(0.3, confidence - 0.1)
            elif actor1 is None and actor2 is not None and _armed_group(actor2) and _hit_side_acted(ev, text, actor2,
                                                                                               named + unlisted):
                actor1, actor2 = actor2, met or self._other_side(ev, text, actor2)
        elif actor2 is not None and actor2.kind == "unidentified":
            group = _perpetrator(text, named, unlisted, exclude={actor1.name})
            if group is not None:
                actor2 = group
        if (actor1, actor2, confidence) == (ev.actor1, ev.actor2, ev.confidence):
            return ev
        place = ev.place
        if place is None and self.geocode and actor1 is not None and actor1.country:
            # Nothing said where, but the group blamed fights in one country ("... the Patriotic
            # Union of Kurdistan was blamed"): that country, as for a group the event names itself.
            place = self.gazetteer.country(actor1.country)
            if place is not None:
                # Generic sides take it, as after a country the event's words imply ("Civilians (Iraq)").
                actor2 = self._in_country(actor2, place.country)
        return replace(ev, actor1=actor1, actor2=actor2, confidence=confidence, place=place)

    def _in_country(self, actor: Actor | None, country: str) -> Actor | None:
        """A generic actor read again once the event's country is known; a named one as it is."""
        if actor is None or actor.span is None or actor.country:
            return actor
        return self._actor(actor.span, country) or actor

    def _unlisted(self, text: str, named: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """Groups the dictionary does not know that the text names as acting, apart from known mentions."""
        return [(s, e, a) for s, e, a in self.actors.find_unlisted(text)
                if not any(s < e2 and s2 < e for s2, e2, _ in named)]

    def _other_side(self, ev: Event, text: str, group: Actor) -> Actor | None:
        """The state forces or civilians an event's evidence names besides an armed group."""
        country = ev.place.country if ev.place else None
        evidence = text[ev.evidence.start:ev.evidence.end]
        for start, end, actor in self.actors.find_all(evidence, country=country, generic=True):
            if actor.kind in ("state", "civilians") and actor.name != group.name:
                s, e = start + ev.evidence.start, end + ev.evidence.start
                return replace(actor, span=Span(s, e, text[s:e]))
        return None

    def _code(self, article: Article, doc: Doc, cand: EventCandidate, toponyms: list[Toponym],
              dateline: Toponym | None, nested: tuple[Span, ...] = ()) -> Event:
        """One candidate coded; ``nested`` are the evidence spans of other events inside its own."""
        place, loc_span, sites = (None, None, ())
        if self.geocode:
            place, loc_span = geo.locate_event(doc, toponyms, evidence=cand.evidence, trigger=cand.trigger,
                                               dateline=dateline, excluded=nested)
            if loc_span is not None:
                # "raids in London, in High Wycombe ... and in Birmingham": one event per place, once merged.
                listed = geo.event_sites(doc, toponyms, loc_span, evidence=cand.evidence, excluded=nested)
                if listed:
                    place, loc_span, sites = listed[0].place, listed[0].span, tuple(listed[1:])
            if place is not None and place.precision == "country" and place.geonameid is None:
                # A country read from a nationality word ("the Pakistani tribal region"), at the gazetteer's point.
                place = self.gazetteer.country(place.country) or place
        context = cand.context or cand.evidence
        text = _masked(article.text, context, cand.excluded)
        casualties = numbers.read_casualties(text, offset=context.start)
        before = _preceding(article.text, cand.evidence.start)
        anchor = None if article.published else dates.year_anchor(article.text, min(context.start, cand.evidence.start))
        when = dates.event_date(text, offset=context.start, published=article.published,
                                context=before.text if before else None,
                                context_offset=before.start if before else 0, anchor=anchor,
                                own=_premodifiers(doc, cand.trigger))
        country = place.country if place else None
        actor1, actor2 = self._sides(article.text, cand, country, toponyms)
        if place is None and self.geocode:
            # The event's own words first, then the paragraph before them ("The Colombian Air Force
            # helicopter disappeared. The seven crew members died."), then names of other things.
            place = self._implied_country(doc, cand.evidence, actor1, actor2)
            if place is None and before is not None:
                place = self._implied_country(doc, before)
            if place is None:
                place = geo.mentioned_country(doc, toponyms)
            if place is None and cand.evidence.end < len(article.text):
                # Then what the story goes on to say ("... attacked by rockets in Al-Latifiyah.
                # The tankers belonged to the Iraqi Ministry of Oil.").
                end = min(len(article.text), cand.evidence.end + _AFTER_CHARS)
                place = self._implied_country(doc, Span(cand.evidence.end, end, article.text[cand.evidence.end:end]))
            if place is not None:
                actor1, actor2 = self._sides(article.text, cand, place.country, toponyms)
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
            sites=sites,
        )

    def _implied_country(self, doc: Doc, span: Span, actor1: Actor | None = None,
                         actor2: Actor | None = None) -> Place | None:
        """The country a stretch of text implies when it names no place: state forces, nationality words, groups.

        "Colombian Air Force helicopter shot down" is in Colombia; "a booby trap
        bomb killed two members of the RUC" is in the United Kingdom. Countries
        the text names as elsewhere ("near the border with Syria", "militants
        coming from Nigeria") imply nothing.
        Precision is "country", and the place is the country's GeoNames point.
        """
        # A named group that fights in one country says more than foreign forces it met ("An US
        # soldier was killed in an attack the Taliban claimed").
        rebels = [a.country for a in (actor1, actor2) if a is not None and a.kind == "rebel" and a.country]
        states = [a.country for a in (actor2, actor1) if a is not None and a.kind == "state" and a.country
                  and not _expeditionary(a.country, a.name)]
        chars = doc.char_span(span.start, span.end, alignment_mode="expand")
        text = cased_text(doc)
        # "the Kenya-Somalia border" names two sides, neither of them the place.
        ents = [ent for ent in (chars.ents if chars is not None else ())
                if not geo.names_elsewhere(text, ent.start_char)
                and not re.match(r"-\w", text[ent.end_char:ent.end_char + 2])
                and not re.search(r"\w-$", text[max(0, ent.start_char - 2):ent.start_char])]
        # "US backed SDF fighters", "the U.S. consulate", "the American air base in Bagram": a
        # patron or a mission abroad, not where.
        nationals = [_country_named(ent.text) for ent in ents if ent.label_ in ("NORP", "GPE")
                     and not _ABROAD_AFTER.match(text, ent.end_char)
                     and not countries.troops_abroad(_country_named(ent.text), text, ent.end_char)]
        groups = [a.country for a in (actor1, actor2) if a is not None and a.country
                  and not _expeditionary(a.country, a.name)]
        # A country's own institution the text names, whoever acted: "in what the PSNI claim
        # was an attempt to kill police" is in the United Kingdom.
        institutions = [a.country for _, _, a in self.actors.find_all(text[span.start:span.end])
                        if a.kind == "state" and a.country and not _expeditionary(a.country, a.name)]
        # An organisation named after its country ("Afghan National Security
        # Forces", "Iraqi National Congress") is weaker evidence than a
        # nationality word of its own, so it comes last.
        org_nationals = [geo.country_of_text(_first_word(ent)) for ent in ents if ent.label_ == "ORG" and len(ent) > 1]
        for iso3 in [*rebels, *states, *(n for n in nationals if n), *groups, *institutions,
                     *(n for n in org_nationals if n)]:
            place = self.gazetteer.country(iso3)
            if place is not None:
                return place
        return None

    def _sides(self, text: str, cand: EventCandidate, country: str | None,
               toponyms: list[Toponym]) -> tuple[Actor | None, Actor | None]:
        """A candidate's initiator and target as canonical actors, in the event's country.

        A country named after a place is where the place is ("a car bomb at a bus terminal in
        Colombo, Sri Lanka kills 110"), and an office holder in a violent event is the one hit
        (``actors.office_holder_hit``).
        """
        actor1, actor2 = (None if _apposed_country(text, sp, toponyms) else self._actor(sp, country)
                          for sp in (cand.actor1, cand.actor2))
        if actor1 is not None and actor2 is not None and actor1.name == actor2.name and actor1.kind == "rebel":
            # "a mine emplaced by UNLF militants ... the residence of a man collecting money in the name of
            # the UNLF": the group that set it is not also what it hit (crowds and forces may meet their
            # like: rival protesters, a soldier who shot his comrades).
            actor2 = None
        return actors_stage.office_holder_hit(cand.event_type, actor1, actor2)

    def _actor(self, span: Span | None, country: str | None) -> Actor | None:
        if span is None:
            return None
        actor = self.actors.canonical(span.text, country=country)
        return replace(actor, span=span) if actor is not None else None


# A comma just before a mention: ", " after "Colombo" in "Colombo, Sri Lanka".
_COMMA_BEFORE = re.compile(r",\s*$")
# How far past an event's evidence its country may still be implied (two or three sentences).
_AFTER_CHARS = 400
_ABROAD_AFTER = re.compile(
    rf"[\s-]*(?:{'|'.join(countries.PATRON_WORDS)}|flagged)\b"
    r"|\s+(?:(?:air|military|naval|army)\s+)?(?:embassy|consulate|mission|base|airbase|compound)\b",
    re.IGNORECASE)


def _a_person(doc: Doc, span: Span) -> bool:
    """Words naming a person or kin ("a Muslim man", "his son", "Mark Duggan"), not a group."""
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None:
        return False
    tok = words.root
    return (tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN") or _person_word(tok)


def _person_word(tok) -> bool:
    """A word for a person or kin ("man", "son", "villagers"), by its lemma or its form."""
    return tok.lemma_.lower() in PERSON_VICTIMS or tok.lower_ in PERSON_VICTIMS


def _person_victims(ev: Event, persons: dict[int, Span]) -> Event:
    """An event with no target whose words name a person hit: civilians (``actors.person_victims``).

    Read once the article's mentions are merged, so that "Couture-Rouleau
    died after being shot by the police" still joins the attack it ends.
    """
    span = persons.get(ev.trigger.start) if ev.trigger is not None and ev.actor2 is None else None
    if span is None:
        return ev
    victims = actors_stage.person_victims(ev.event_type, ev.place.country if ev.place else None, span)
    return replace(ev, actor2=victims) if victims is not None else ev


def _dated_by_previous(coded: list[Event]) -> list[Event]:
    """An event its words date by no day of its own but as following the one told before ("A second,
    smaller car bomb went off hours later", "The next day, gunmen attacked") takes that one's stated date,
    or the day after."""
    last: EventDate | None = None
    out = list(coded)
    for i in sorted(range(len(out)), key=lambda k: (out[k].evidence.start, (out[k].trigger or out[k].evidence).start)):
        ev = out[i]
        # no day of its own words: none at all, or the last one of the paragraph before
        own = ev.date.span is not None and ev.date.span.end > ev.evidence.start
        after = None if own else dates.after_previous(ev.evidence.text)
        if after is not None and last is not None and (after[0] == 0 or last.precision == "day"):
            days, m = after
            span = Span(ev.evidence.start + m.start(), ev.evidence.start + m.end(), m.group())
            ev = replace(ev, date=EventDate(last.date + dt.timedelta(days=days), last.precision, span))
        if not ev.background and ev.date.span is not None and not ev.date.reported and ev.date.date is not None:
            # the last day stated: a deed told since without one is mostly that one told again ("The blast
            # at the busy K5 intersection ..."); a deed named in passing ("involved in the 7 April attack") is
            # not the one told
            last = ev.date
        out[i] = ev
    return out


def _crowd_clash(ev: Event) -> Event:
    """A clash of a crowd with state forces, a riot (``actors.crowd_clash``)."""
    sides = actors_stage.crowd_clash(ev.event_type, ev.sub_event_type, ev.actor1, ev.actor2)
    if sides is None:
        return ev
    return replace(ev, event_type="Riots", sub_event_type="Violent demonstration", actor1=sides[0], actor2=sides[1])


def _counted_victims(doc: Doc, ev: Event) -> Event:
    """A bombing with no target whose toll counts people ("wounding 13 people", "nine people were dead"): civilians.

    The count names whom it hit (CODEBOOK 3); soldiers, police or militants counted name no civilians.
    """
    if ev.actor2 is not None or ev.event_type != "Explosions/Remote violence":
        return ev
    for count in (ev.casualties.fatalities_span, ev.casualties.wounded_span):
        noun = _counted_noun(doc, count) if count is not None else None
        if noun is not None and (_person_word(noun) or noun.lemma_.lower() == "civilian"):
            span = Span(noun.idx, noun.idx + len(noun.text), noun.text)
            victims = actors_stage.person_victims(ev.event_type, ev.place.country if ev.place else None, span)
            return replace(ev, actor2=victims) if victims is not None else ev
    return ev


def _counted_noun(doc: Doc, count: Span):
    """The noun a number counts: "13 people", "nine people were dead", "dozens of civilians"; None without one."""
    words = doc.char_span(count.start, count.end, alignment_mode="expand")
    if words is None or not len(words):
        return None
    tok = words.root
    if tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is not None:
        return obj
    return tok if tok.pos_ == "NOUN" and not tok.like_num else None


def _apposed_country(text: str, span: Span | None, toponyms: list[Toponym]) -> bool:
    """Whether a mention is a country's name right after a place and a comma: "in Colombo, Sri Lanka"."""
    if span is None or countries.country_iso3(span.text) is None:
        return False
    comma = _COMMA_BEFORE.search(text, max(0, span.start - 8), span.start)
    return comma is not None and any(t.span.end == comma.start() for t in toponyms)


def _expeditionary(iso3: str | None, name: str) -> bool:
    """Whether a state force's nationality says nothing of where its troops were hit (countries.EXPEDITIONARY)."""
    return iso3 in countries.EXPEDITIONARY and name.startswith("Military Forces")


def _country_named(text: str) -> str | None:
    """The country a nationality word or place name is, or is part of ("the Far North of Cameroon")."""
    return geo.country_of_text(text) or (geo.country_of_text(text.rsplit(" of ", 1)[1]) if " of " in text else None)


def _first_word(ent: SpacySpan) -> str:
    """The first word of an entity after any determiner ("the Iraqi National Congress" -> "Iraqi")."""
    return next((t.text for t in ent if t.pos_ != "DET"), ent[0].text)


def _premodifiers(doc: Doc, trigger: Span) -> tuple[int, int] | None:
    """Article offsets of the words a trigger noun's own phrase puts before it ("the May 22 concert
    bombing", "Saturday's terror attack"), or None for a verb or a bare noun."""
    chars = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if chars is None:
        return None
    root = chars.root
    if root.pos_ not in ("NOUN", "PROPN") or root.left_edge.i == root.i:
        return None
    return root.left_edge.idx, root.idx


def _nested(cand: EventCandidate, candidates: list[EventCandidate]) -> tuple[Span, ...]:
    """The evidence of events of other types told inside this one's ("The abduction took place hours
    after a bomb tore through a bus station in Nyanya"): where they were is not where this one was.
    A clause of the same type ("killed when herdsmen attacked the village of Sabon Angwa") tells
    the same deed, and its place is this one's."""
    ev = cand.evidence
    return tuple(o.evidence for o in candidates if o is not cand and o.event_type != cand.event_type
                 and ev.start <= o.evidence.start
                 and o.evidence.end <= ev.end and (o.evidence.start, o.evidence.end) != (ev.start, ev.end))


def _masked(text: str, context: Span, excluded: tuple[Span, ...]) -> str:
    """The context's text with the stretches of other events blanked (offsets kept)."""
    chars = list(text[context.start:context.end])
    for ex in excluded:
        for i in range(max(ex.start, context.start), min(ex.end, context.end)):
            chars[i - context.start] = " "
    return "".join(chars)


def _preceding(text: str, start: int) -> Span | None:
    """The text of the paragraph before an event's evidence, where a date given earlier may be.

    Paragraphs are split by blank lines, or, in a text that has none (a web page's paragraphs
    joined one a line), by line breaks: a day told in an earlier paragraph ("Duggan was shot
    dead on Thursday") is not the day of the next one's undated protest.
    """
    sep = "\n\n" if "\n\n" in text else "\n"
    para_start = text.rfind(sep, 0, start)
    para_start = 0 if para_start < 0 else para_start + len(sep)
    if para_start >= start:
        return None
    return Span(para_start, start, text[para_start:start])


def _in_focus(events_: list[Event], doc: Doc, toponyms: list[Toponym]) -> list[Event]:
    """Events placed only in a country, once merged, in the town the story is about (``geo.focus_place``).

    After merging, so that an event's other tellings place it first: a toll told apart from the
    attack it counts joins the attack on Dalori before the town the story keeps naming,
    Maiduguri, could claim it.
    """
    in_country = [ev.place is not None and ev.place.precision == "country" and ev.location_span is None
                  for ev in events_]
    focus = geo.focus_place(doc, toponyms) if any(in_country) else None
    if focus is None:
        return events_
    return [replace(ev, place=focus) if only and ev.place.country == focus.country else ev
            for ev, only in zip(events_, in_country)]


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


def _armed_group(actor: Actor) -> bool:
    """A named non-state group (not state forces, not a generic actor)."""
    return actor.kind not in ("state", "civilians", "protesters", "rioters", "unidentified", None) \
        and not actor.name.startswith(_NOT_GROUPS)


def _strikes_owned(events: list[Event], strikers: Sequence[Actor] = ()) -> list[Event]:
    """Air strikes told with no owner ("Near Sinjar, two strikes destroyed ...") in an article whose
    other air strikes all have one state owner, or, with none, whose one striker is stated
    ("Coalition military forces conducted 23 strikes"): that owner's, at lower confidence. An
    article naming two air forces leaves them unowned."""
    air = [ev for ev in events if ev.sub_event_type == "Air/drone strike"]
    owners = {ev.actor1.name: ev.actor1 for ev in air if ev.actor1 is not None and ev.actor1.kind == "state"}
    if not owners:
        owners = {a.name: a for a in strikers if a.kind == "state"}
    if len(owners) != 1 or not any(ev.actor1 is None for ev in air):
        return events
    owner, = owners.values()
    return [replace(ev, actor1=owner, confidence=max(0.3, ev.confidence - 0.1))
            if ev.sub_event_type == "Air/drone strike" and ev.actor1 is None
            and (ev.actor2 is None or ev.actor2.name != owner.name) else ev for ev in events]


def _parties_agreed(events: list[Event]) -> list[Event]:
    """An agreement told with no parties ("A definitive bilateral ceasefire has been in force since August
    29") in an article whose agreements with parties all have the same ones: theirs, at lower confidence."""
    agreed = [ev for ev in events if ev.sub_event_type == "Agreement"]
    parties = {(ev.actor1 and ev.actor1.name, ev.actor2 and ev.actor2.name): ev for ev in agreed
               if ev.actor1 is not None or ev.actor2 is not None}
    if len(parties) != 1:
        return events
    sides, = parties.values()
    return [replace(ev, actor1=sides.actor1, actor2=sides.actor2, confidence=max(0.3, ev.confidence - 0.1))
            if ev.sub_event_type == "Agreement" and ev.actor1 is None and ev.actor2 is None else ev
            for ev in events]


def _only_group(text: str, named: list[tuple[int, int, Actor]], *, exclude: set[str]) -> Actor | None:
    """The one armed group of the dictionary an article names (None for none or several)."""
    found = {a.name: (s, e, a) for s, e, a in named if a.name not in exclude}
    if len(found) != 1:
        return None
    (start, end, actor), = found.values()
    return replace(actor, span=Span(start, end, text[start:end]))


def _hit_side_acted(ev: Event, text: str, group: Actor, mentions: list[tuple[int, int, Actor]]) -> bool:
    """Whether an armed group told among those hit, with no initiator read, is rather the side that acted.

    So it is in a fight ("Three Jaish-e-Mohammed attackers were killed in a gunfight with troops"), not
    under air strikes or shelling. A bomb that killed its members was theirs only where the text says
    so: it went off on them ("the explosives they were carrying detonated"), it hit the forces they
    fought too ("Two soldiers and three NPA rebels were killed in a land mine attack"), or the text
    lays it on them ("The Taliban was blamed for the blast"); else who laid it is not told ("A roadside
    bomb killed two Houthi fighters").
    """
    if ev.sub_event_type is None:
        return False
    if ev.sub_event_type != "Remote explosive/landmine/IED":
        return ev.sub_event_type not in _FROM_AFAR
    return bool(_OWN_BOMB.search(ev.evidence.text) or (group.span is not None and _FORCES_HIT.search(group.span.text))
                or any(a.name == group.name and actors_stage.named_as_perpetrator(text, s, e) for s, e, a in mentions))


def _perpetrator(text: str, named: list[tuple[int, int, Actor]], unlisted: list[tuple[int, int, Actor]], *,
                 exclude: set[str], cued_only: bool = False) -> Actor | None:
    """The article's one armed group, or its one group named as perpetrator; None when unclear.

    With ``cued_only`` only a group named as perpetrator: an air strike's unnamed owner is
    seldom the one armed group a report names, which is far more often what was struck.

    ``unlisted`` groups (ethnic militias, and names the dictionary does not know found where the
    words around them present them as a group) do not hide a dictionary group unless named as
    perpetrators, and are chosen alone only where the article names no dictionary group.
    """
    known: dict[str, tuple[int, int, Actor]] = {}
    cued: dict[str, tuple[int, int, Actor]] = {}
    for start, end, actor in sorted(named + unlisted, key=lambda m: m[0]):
        if actor.name in exclude or actors_stage.named_as_hit(text, start):
            continue  # nor a group the text counts among the dead ("killing two Hezbollah fighters")
        if (start, end, actor) in named:
            known.setdefault(actor.name, (start, end, actor))
        if actor.name not in cued and actors_stage.named_as_perpetrator(text, start, end):
            cued[actor.name] = (start, end, actor)
    others = {a.name for _, _, a in unlisted if a.name not in exclude}
    if cued_only:
        chosen = cued if len(cued) == 1 else None
    elif len(known) == 1 and not others & cued.keys():
        chosen = known
    elif len(cued) == 1:
        chosen = cued
    elif not known and len(others) == 1:
        chosen = {a.name: (s, e, a) for s, e, a in unlisted if a.name in others}
    else:
        chosen = None
    if not chosen:
        return None
    (start, end, actor), = chosen.values()
    return replace(actor, span=Span(start, end, text[start:end]))
