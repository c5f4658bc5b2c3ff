"""Toponym resolution in context.

Takes a spaCy ``Doc`` (or plain text and an ``nlp``) and a
:class:`~tacitus.geo.gazetteer.Gazetteer`; returns resolved
:class:`~tacitus.models.Toponym` records (``find_toponyms``,
``geoparse_text``). Where each event happened is :mod:`.locate`'s job.

Resolution scores every gazetteer candidate of a name with its prior (how the
name matched, feature kind, population) and the article's context: a
qualifier right after it ("Paris, Texas"; "Munduri village, Borno"), the
countries and divisions the article's *other* names point to, the other
names' likely candidates within ~150 km or in the same division (places
cluster: "Hershey" and "Annville" put "Lebanon" in Pennsylvania), a county or
district the article names for the towns it holds ("Huntsville" beside "Walker
County" is the Texas county seat), a state the context settles for its towns
("Albany" in a Georgia story once "Georgia" reads as the state), demonyms in
the same sentence ("Sinjar, a key Iraqi town") and the user's region bias.
Spelling variants the index lacks ("Mussayab") are kept only where the
article's context backs them. One sense per name and article: every mention
of a name gets the same place.

What the article states outweighs a namesake abroad: a qualifier chain ("Bondo
in the Koro Cercle of the Malian Mopti region", "Victoria city, British
Columbia province, Canada", "the north Cameroonian town of Bodo") names the
country of every name in it. A name whose best place contradicts the country
stated for it, and is no capital or city of a million, is left unresolved
(no pin beats a pin on another continent; the event's place then falls back
on the division or country named); so is a village abroad when its sentence
names a country that the article's other places confirm and nothing points to
the village's own.

The article's source is a prior on its home (:mod:`.source`): a host that
spells a town ("columbuslocalnews.com", "theparisnews.com") is a local paper,
and local papers write about home. The home name's namesakes are weighed
jointly with the article's names ("Henry County" beside parispi.net's Paris
means Paris, Tennessee); the settled home then backs its neighbours ("Dublin"
by Columbus, Ohio) and decides the home name itself. A country-code domain
nudges ambiguous names towards its country. Without a URL nothing changes.
"""

from __future__ import annotations

import bisect
import functools
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..geodesy import km as _km
from ..models import Place, Span, Toponym
from ..nlp import cased_doc, cased_text, doc_text, sentence_bounds
from ..truecase import written_in_lower_case
from .gazetteer import (
    KIND_ADMIN1, KIND_ADMIN2, KIND_COUNTRY, KIND_PLACE, Q_ALIAS, Q_ALTERNATE, Q_FUZZY, Q_PRIMARY, Candidate, Gazetteer,
)
from .names import country_of_text, demonym_country, fold
from .recognize import _DIRECTION as _COMPASS
from .recognize import (
    _BEARING, _DISTANCE_UNIT, CountryCue, Mention, _suffix_candidates, find_mentions, variant_candidates,
)
from .source import SourceHint, source_hint

logger = logging.getLogger(__name__)

_KIND_PRIOR = {KIND_COUNTRY: 5.0, KIND_ADMIN1: 2.0, KIND_ADMIN2: 0.3, KIND_PLACE: 0.0}
_QUALITY_PRIOR = {Q_PRIMARY: 1.0, Q_ALIAS: 0.6}
# Lower-case nouns that describe a place after its name ("Victoria city", "Gedo region").
_DESCRIPTIVE = frozenset(
    "city town village district province region governorate state area county municipality".split()
)
_QUALIFIER = re.compile(r"\s*,\s*((?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")


def _prior(cand: Candidate) -> float:
    score = _QUALITY_PRIOR.get(cand.quality, 0.0) + (0.5 if cand.full_match else 0.0) + _KIND_PRIOR[cand.kind]
    if cand.place.country is None:  # a continent or world region by its own name
        score += 3.0
    elif cand.place.geonameid is None and cand.kind == KIND_PLACE:
        # A curated place (data/places_aliases.tsv): there because the name is notable
        # ("Sinai", "Eastern Ghouta"), so it outranks a hamlet GeoNames spells alike.
        score += 1.0
    elif cand.kind == KIND_COUNTRY:
        # "China" is far more often the country than a Texas hamlet: bigger countries are named more.
        score += max(0.0, 0.5 * math.log10((cand.place.population + 1) / 1e6))
    elif cand.kind == KIND_PLACE:
        score += 0.35 * math.log10(cand.place.population + 10)
        if cand.place.feature == "P.PPLC":
            score += 0.5
    return score


def _exonym_floor(cands: Sequence[Candidate]) -> float:
    """The population from which a place known by a name only as an alternate outranks its bearers.

    A city a name only translates (Makkah for "Mecca") counts as that name's own when it is
    at least 50,000 people and 20 times bigger than every place bearing the name as its own,
    and no country or division bears it; GeoNames' many historic and neighbouring names
    ("Rogers Park" for "Rogersville") do not.
    """
    if any(c.kind >= KIND_ADMIN1 and c.quality > Q_ALTERNATE for c in cands):
        return math.inf  # "Mexico" is the country's own name before it is the capital's
    own = max((c.place.population for c in cands if c.kind == KIND_PLACE and c.quality > Q_ALTERNATE), default=0)
    return max(50_000.0, 20.0 * own)


def _candidates(gazetteer: Gazetteer, name: str) -> tuple[tuple[Candidate, ...], bool]:
    """A name's candidates, and whether they are a guess (its last word dropped, a spelling variant)."""
    cands = gazetteer.candidates(name)
    head, _, last = name.rpartition(" ")
    if head and last in _DESCRIPTIVE and not any(c.quality >= Q_ALIAS for c in cands):
        # "Victoria city": a lower-case noun describes the place and is no part of its name,
        # unless a place is known by the whole ("Plateau State"); a stray alternate name
        # ("Victoria City" for Hong Kong's Victoria) must not hide the others.
        more = gazetteer.candidates(head)
        # "Andar district" is the district, not a French hamlet spelled like it.
        kinds = (KIND_PLACE,) if last in ("city", "town", "village") else (KIND_ADMIN1, KIND_ADMIN2)
        more = tuple(c for c in more if c.kind in kinds) or more
        if more:
            return more + tuple(c for c in cands if c not in more), False
    if name.replace(".", "").isupper() and len(name.replace(".", "")) <= 3:
        # An abbreviation ("EU", "US", "UAE") is not the village spelled like it ("Eu", "Us").
        cands = tuple(c for c in cands if c.kind != KIND_PLACE or c.place.population >= 100_000
                      or c.place.country is None) or cands
    if cands:
        return cands, False
    if name.isupper():
        cands = gazetteer.candidates(name.title())
        if cands:
            return cands, False
    cands = _suffix_candidates(gazetteer, name)
    if cands:
        return cands, False
    return variant_candidates(gazetteer, name), True


def find_toponyms(
    doc, gazetteer: Gazetteer, *, prefer_countries: Sequence[str] = (), demonyms: bool = False,
    source_url: str | None = None, hints: Sequence[CountryCue] = (),
) -> list[Toponym]:
    """Recognise and resolve every toponym of a document, in context.

    Args:
        doc: A spaCy Doc (tagger and NER) of one article.
        gazetteer: The open gazetteer.
        prefer_countries: ISO3 codes whose places win ambiguous names.
        demonyms: Also return demonyms and national adjectives ("Iraqi",
            "Russian") as toponyms of their country, as the GeoWebNews and LGL
            gold sets annotate them. Never an event's place: the pipeline
            locates events without them.
        source_url: The article's URL. A host that names a town is a local
            source writing about home ("Dublin" in columbuslocalnews.com is
            Dublin, Ohio); a country-code domain nudges ties towards its
            country (:mod:`.source`). None: no such prior.
        hints: Countries other words of the article point to, such as the
            home countries of the armed groups it names ("Boko Haram attacked
            Baga": Nigeria's Baga). Weaker than a demonym: context and a
            nudge within their sentence, never a qualifier of a name.

    Returns:
        Toponyms in text order; spans are character offsets into ``doc.text``.
    """
    text = doc_text(doc)
    # A text in lower case ("killed in police firing in surat") is read on its true-cased copy,
    # whose offsets are the text's; the spans handed back carry the words as written. One in
    # capitals is not: there every word looks like a name, and the gazetteer tells which are.
    cased = cased_doc(doc) if cased_text(doc) != text and written_in_lower_case(text) else doc
    read = doc_text(cased)
    mentions, cues = find_mentions(cased, gazetteer, text=read)
    sentences = sentence_bounds(doc)
    source = source_hint(source_url, gazetteer) if source_url else None
    toponyms = resolve_mentions(read, mentions, cues, gazetteer, prefer_countries=prefer_countries,
                                sentences=sentences, source=source, hints=hints)
    if cased is not doc:
        toponyms = [replace(t, span=Span(t.span.start, t.span.end, text[t.span.start : t.span.end]))
                    for t in toponyms]
    if demonyms:
        taken = [(t.span.start, t.span.end) for t in toponyms]
        for cue in cues:
            place = gazetteer.country(cue.country)
            if place is not None and not any(s < cue.end and cue.start < e for s, e in taken):
                toponyms.append(Toponym(Span(cue.start, cue.end, text[cue.start : cue.end]), place, 0.9))
        toponyms.sort(key=lambda t: t.span.start)
    return toponyms


def geoparse_text(
    text: str, nlp, gazetteer: Gazetteer, *, prefer_countries: Sequence[str] = (), demonyms: bool = False,
    source_url: str | None = None,
) -> list[Toponym]:
    """Parse a text with ``nlp`` and return its resolved toponyms (offsets into ``text`` as given).

    Args:
        text: Any text.
        nlp: A spaCy Language with a tagger and NER.
        gazetteer: The open gazetteer.
        prefer_countries: ISO3 codes whose places win ambiguous names.
        demonyms: Also return demonyms as toponyms of their country (see ``find_toponyms``).
        source_url: The article's URL, a prior on its home (see ``find_toponyms``).
    """
    return find_toponyms(nlp(text), gazetteer, prefer_countries=prefer_countries, demonyms=demonyms,
                         source_url=source_url)


def resolve_mentions(
    text: str,
    mentions: Sequence[Mention],
    cues: Sequence[CountryCue],
    gazetteer: Gazetteer,
    *,
    prefer_countries: Sequence[str] = (),
    sentences: Sequence[tuple[int, int]] = (),
    source: SourceHint | None = None,
    hints: Sequence[CountryCue] = (),
) -> list[Toponym]:
    """Choose a place for every mention (see the module docstring for the evidence used).

    ``source``: what the article's URL says (:func:`.source.source_hint`): its
    country-code domain and the home places its host names. ``hints``:
    countries other words point to (see :func:`find_toponyms`).
    """
    prefer = {c.upper() for c in prefer_countries}
    domain_country = source.country if source is not None else None
    by_name: dict[str, list[Mention]] = defaultdict(list)
    cands_of: dict[str, tuple[Candidate, ...]] = {}
    guessed: set[str] = set()
    for m in mentions:
        key = fold(m.text)
        by_name[key].append(m)
        if key not in cands_of:
            cands_of[key], guess = _candidates(gazetteer, m.text)
            if guess:
                guessed.add(key)
    names = [k for k in by_name if cands_of[k]]
    sentence_of = _sentence_index(sentences)
    evidence = _Evidence(text, mentions, cues, cands_of, sentence_of)

    # Explicit qualifiers: "Paris, Texas", "Raqqa, Syria", "Munduri village, Borno".
    qualifier_bonus: dict[str, Counter] = defaultdict(Counter)
    for key in names:
        for m in by_name[key]:
            q = _QUALIFIER.match(text, m.end)
            if not q:
                continue
            qual = q.group(1)
            iso = country_of_text(qual)
            qkey = fold(qual)
            for cand in cands_of[key]:
                if cand.kind == KIND_COUNTRY:
                    continue
                if iso and cand.place.country == iso:
                    qualifier_bonus[key][cand.place] += 4.0
                elif cand.place.admin1 and (fold(cand.place.admin1) == qkey or _admin1_alias(gazetteer, cand, qual)):
                    qualifier_bonus[key][cand.place] += 5.0
    # Divisions further along a qualifier chain: "Bondo in the Koro Cercle of the Malian Mopti region".
    for key in names:
        for div in evidence.divisions.get(key, ()):
            qual = by_name[div][0].text
            regions = {(c.place.country, c.place.admin1) for c in cands_of[div] if c.kind in (KIND_ADMIN1, KIND_ADMIN2)}
            for cand in cands_of[key]:
                if cand.kind == KIND_COUNTRY or not cand.place.admin1 or qualifier_bonus[key].get(cand.place):
                    continue
                if ((cand.place.country, cand.place.admin1) in regions or fold(cand.place.admin1) == div
                        or _admin1_alias(gazetteer, cand, qual)):
                    qualifier_bonus[key][cand.place] += 3.0

    # A name heading a town's institutions ("Jordan Police Department", "Lebanon City
    # Council") is a town; before "man"/"resident" ("a Palestine man") not a country.
    not_country: set[str] = set()
    not_state: set[str] = set()
    for key in names:
        for m in by_name[key]:
            country_ruled_out, state_ruled_out = _local_use(text, m.end)
            if country_ruled_out:
                not_country.add(key)
            if state_ruled_out:
                not_state.add(key)

    # Demonyms in the same sentence: "Sinjar, a key Iraqi town".
    cue_countries: dict[int, set[str]] = defaultdict(set)
    for cue in cues:
        cue_countries[sentence_of(cue.start)].add(cue.country)
    # Armed groups in the same sentence: a nudge for towns only ("Boko Haram ... in southeastern
    # Niger" is still the country Niger, not Nigeria's Niger State).
    hint_countries: dict[int, set[str]] = defaultdict(set)
    # A group with one home country ("Boko Haram") also rules out a stray namesake abroad; one
    # with several ("Islamic State": Iraq and Syria, and provinces beyond) does not.
    sole_hints: dict[int, set[str]] = defaultdict(set)
    homes_at = Counter((hint.start, hint.end) for hint in hints)
    for hint in hints:
        hint_countries[sentence_of(hint.start)].add(hint.country)
        if homes_at[(hint.start, hint.end)] == 1:
            sole_hints[sentence_of(hint.start)].add(hint.country)

    def score_all(context: Counter, admin1s: dict, own: dict[str, tuple[str, float]],
                  support: _Support | None, home: dict[str, dict[Place, float]] | None = None,
                  keys: Sequence[str] | None = None) -> dict[str, list[tuple[float, Candidate]]]:
        total = sum(context.values())
        out: dict[str, list[tuple[float, Candidate]]] = {}
        for key in names if keys is None else keys:
            near_cues, near_hints = set(), set()
            for m in by_name[key]:
                near_cues |= cue_countries.get(sentence_of(m.start), set())
                near_hints |= hint_countries.get(sentence_of(m.start), set())
            # A name's own first-pass guess is no evidence for itself (Paris, France
            # must not vouch for Paris, France in an Illinois story).
            own_country, own_weight = own.get(key, (None, 0.0))
            # At least one full mention's weight: a lone demonym is not a whole article's context.
            rest = max(total - own_weight, 1.0)
            scored = []
            cands = cands_of[key]
            names_division = any(c.kind >= KIND_ADMIN1 and c.quality >= Q_ALIAS for c in cands)
            town_use = key in not_state  # "Lebanon City Council": a town, not a division named like it
            admin1_countries = {c.place.country for c in cands if c.kind == KIND_ADMIN1}
            cities = {c.place.country for c in cands if c.kind == KIND_PLACE and c.place.population >= 300_000
                      and c.quality >= Q_ALIAS}
            stated = evidence.of(key)
            exonym = _exonym_floor(cands)
            for cand in cands:
                place = cand.place
                s = _prior(cand) + qualifier_bonus[key].get(place, 0.0)
                if cand.quality == Q_ALTERNATE and cand.kind == KIND_PLACE and place.population >= exonym:
                    # "Mecca", "Marseilles", "Derna": the English name of a city is only an
                    # alternate name in GeoNames, yet it means the city, not the hamlet that
                    # bears it as its own name.
                    s += _QUALITY_PRIOR[Q_ALIAS]
                if (cand.kind == KIND_COUNTRY and key in not_country) or (cand.kind == KIND_ADMIN1 and town_use):
                    s -= 2.0
                if cand.kind == KIND_ADMIN1 and cities and place.country not in cities:
                    # A division sharing its name with a big city across a border
                    # ("Jerusalem", "Gaza" in Mozambique): the name means the city.
                    s -= 2.0
                if cand.kind == KIND_PLACE and admin1_countries and not town_use:
                    # A town named like a division: the division unless the town is a city
                    # of that country ("Raqqa", "Kirkuk", "Jerusalem"; but "Indiana",
                    # "California"; and "Virginia" is no South African city of 120,000).
                    if place.population >= 100_000 and place.country in admin1_countries:
                        s += 0.7
                    elif place.country in admin1_countries:
                        s -= 1.5
                if place.country in prefer:
                    s += 1.0
                if place.country == domain_country:
                    # A ".co.uk" paper's "Richmond" leans British, as much as a preferred country.
                    s += _DOMAIN
                if home and key in home:
                    # The name the source's host spells ("Paris" in theparisnews.com): home.
                    s += _HOME_NAME * home[key].get(place, 0.0)
                if stated:
                    # The article says which country the name lies in ("Bodo" in "the north
                    # Cameroonian town of Bodo"; "Victoria city, British Columbia province, Canada").
                    s += _STATED if place.country in stated else -_STATED
                if place.country in near_cues or (cand.kind == KIND_PLACE and place.country in near_hints):
                    # "Sinjar, a key Iraqi town"; but a people's adjective ("a Palestinian
                    # bomber in Jerusalem") says who, not where: a nudge, not a verdict.
                    s += 1.0
                weight = context.get(place.country, 0.0) - (own_weight if place.country == own_country else 0.0)
                share = max(weight, 0.0) / rest
                if cand.kind != KIND_COUNTRY and share:
                    s += 0.5 + 2.0 * share
                    if cand.kind == KIND_ADMIN1 and share > 0.5:
                        s += 1.0  # "Georgia" in an American story
                if cand.kind in (KIND_PLACE, KIND_ADMIN2) and place.admin1 and admin1s.get((place.country, place.admin1),
                                                                                           set()) - {key}:
                    # A state the article names backs its towns, a hamlet less than a town, and
                    # a county by its bare name little: "Washington" in a Georgia story is still
                    # most likely the capital, not Washington, Georgia, nor Washington County.
                    if cand.kind == KIND_PLACE:
                        s += 1.5 * min(1.0, math.log10(place.population + 10) / 5)
                    else:
                        s += 1.5 if cand.quality >= Q_ALIAS else 0.5
                if support is not None and cand.kind in (KIND_PLACE, KIND_ADMIN2, KIND_ADMIN1):
                    # Scaled by the place's own weight: a hamlet near the story's towns is
                    # still a hamlet ("China, Texas" next to "Houston").
                    weight = 1.0 if cand.kind != KIND_PLACE else min(1.0, math.log10(place.population + 10) / 5)
                    s += 1.5 * weight * support.of(key, place, nearby=cand.kind != KIND_ADMIN1)
                    if cand.kind != KIND_ADMIN1 and not names_division:
                        # Among same-named towns, the same state as the story's other places says
                        # more than the same 300 km: "Litchfield" beside Danbury and Torrington is
                        # Connecticut's. (Not for names of countries or states: "China" by Houston.)
                        s += _SAME_DIVISION * weight * support.of(key, place, nearby=False)
                    if cand.kind == KIND_PLACE or _named_county(cand):
                        s += _WITHIN * support.within(key, place)
                scored.append((s, cand))
            scored.sort(key=lambda x: -x[0])
            out[key] = scored
        return out

    # Pass 1 uses priors and explicit cues; pass 2 adds what pass 1 says the article is about.
    context: Counter = Counter()
    for cue in cues:
        context[cue.country] += 0.5
    first = score_all(context, {}, {}, None)
    # Towns the text puts inside another of its names where no reading of theirs lies in any
    # reading of that name ("Kandahar's Daman District", "Al-Zahra district of Homs"), or names as
    # a part of a town ("struck the Zahra district in the middle of the city"): the index lacks the
    # place meant, so their namesakes abroad are no evidence of the article's country. ("Cimitarra,
    # Santander" is Colombia's by both names.)
    containers = set().union(*evidence.inside.values())
    parts = {key for key, scored in first.items() if scored[0][1].kind in (KIND_PLACE, KIND_ADMIN2) and (
        (evidence.inside.get(key) and not _inside(cands_of[key], evidence.inside[key], cands_of))
        or (key not in containers and all(
            _THE_PART.search(text[max(0, m.start - 5) : m.start]) and _PART_NOUN.match(text, m.end)
            for m in by_name[key])))}
    own: dict[str, tuple[str, float]] = {}
    for key, scored in first.items():
        if key in parts:
            continue
        top = scored[0][1].place
        weight = len(by_name[key]) * (1.0 if _margin(scored) > 1.0 else 0.5)
        if (scored[0][1].kind == KIND_COUNTRY and key not in not_country
                and all(_attributive(text, m) for m in by_name[key])):
            # "the United States embassy in Lima", "U.S. drones": a country as an
            # adjective says whose, not where: less than a demonym beside a place.
            weight = 0.25
        # A spelling-variant guess is no evidence of what the article is about.
        if top.country and scored[0][1].quality != Q_FUZZY:
            context[top.country] += weight
            own[key] = (top.country, weight)
    # Divisions the article names, with the names that named them (a name never backs itself:
    # "New York" the state must not pull "New York" towards the city).
    admin1s: dict[tuple, set[str]] = defaultdict(set)
    for key, scored in first.items():
        cand = scored[0][1]
        if cand.kind == KIND_ADMIN1:
            admin1s[(cand.place.country, cand.place.admin1)].add(key)
    support = _Support({key: scored for key, scored in first.items() if key not in parts})
    second = score_all(context, admin1s, own, support)
    # A division the context turned ("Georgia" the country at first, the state once "Albany"
    # and the article's other names count): its towns are scored again with it.
    turned: dict[tuple, set[str]] = defaultdict(set)
    for key, scored in second.items():
        cand = scored[0][1]
        if cand.kind == KIND_ADMIN1 and key not in admin1s.get((cand.place.country, cand.place.admin1), ()):
            turned[(cand.place.country, cand.place.admin1)].add(key)
    if turned:
        for division, keys in turned.items():
            admin1s[division] |= keys
        again = [key for key in names if any((c.place.country, c.place.admin1) in turned
                                             for c in cands_of[key] if c.kind in (KIND_PLACE, KIND_ADMIN2))]
        second.update(score_all(context, admin1s, own, support, keys=again))
    if source is not None and source.names:
        homes = _resolve_homes(source, gazetteer, first, set(by_name))
        if homes:
            # Pass 3: the source's home places act as one more (unprinted) name of the
            # article, backing its neighbours ("Dublin" by Columbus, Ohio) and deciding
            # the home name itself. Only names with a reading the home can reach are rescored.
            home_bonus: dict[str, dict[Place, float]] = {}
            for key, weighted in homes.items():
                support.add(f"@{key}", weighted)
                # Only what the evidence settles decides the home's own name, by its country
                # ("The Paris News": some American Paris) and by its town: a toss-up between
                # Jordan the country and Jordan, Minnesota leaves "Jordan City Council" to the text.
                by_country: Counter = Counter()
                best: dict[str, float] = {}
                for p, place in weighted:
                    by_country[place.country] += p
                    best[place.country] = max(best.get(place.country, 0.0), p)
                home_bonus[key] = {place: _settled(by_country[place.country]) * p / best[place.country]
                                   for p, place in weighted}
            reached = support.reach([place for weighted in homes.values() for _, place in weighted])
            keys = [key for key in names if key in homes or any(
                support.reaches(reached, c.place) for c in cands_of[key] if c.kind != KIND_COUNTRY)]
            second.update(score_all(context, admin1s, own, support, home_bonus, keys))

    if logger.isEnabledFor(logging.DEBUG):
        for key, scored in second.items():
            logger.debug("%s: %s", key, "; ".join(
                f"{c.place.name} ({c.place.country}, {c.place.population}) {s:.2f}" for s, c in scored[:3]))
    _within_reach(text, mentions, second)
    toponyms = []
    kept: dict[str, bool] = {}
    for m in mentions:
        key = fold(m.text)
        scored = second.get(key)
        if not scored:
            continue
        if key not in kept:
            near = set().union(*(sole_hints.get(sentence_of(m.start), set()) for m in by_name[key]))
            # "the Madina district" of a Mogadishu story: a part of a town, whatever city it spells.
            part = all(_CITY_PART.match(text, n.end) for n in by_name[key])
            # The countries of what the text says the name lies in ("Sha'ab, a neighbourhood of Baghdad").
            # As resolved ("Kandahar's Daman District" is none in India); every such name has candidates.
            within = {second[div][0][1].place.country for div in evidence.divisions.get(key, ())
                      if second[div][0][1].place.country}
            if key in parts and not within:
                # "struck the Zahra district in the middle of the city": a part of the towns the article names.
                within = {scored_[0][1].place.country for other, scored_ in second.items()
                          if other != key and other not in parts and scored_[0][1].kind == KIND_PLACE}
            kept[key] = _keep(scored[0][1], cands_of[key], key, context, own, evidence, guessed, support, near,
                              part=part, within=within)
        if not kept[key]:
            continue
        confidence = 1.0 / (1.0 + math.exp(-_margin(scored))) if len(scored) > 1 else 0.9
        toponyms.append(Toponym(Span(m.start, m.end, text[m.start : m.end]), scored[0][1].place, round(confidence, 3)))
    return toponyms


# "Safina, about 45km (28 miles) south of Mosul", "Dagaya, 10 miles from Bosso", "Kafr Nabl,
# near Maarat al-Numan": the name is a place that far from the next one. A bearing alone says
# nothing of the distance ("Kismayo, south of Mogadishu" lies 500 km away).
_REACH = re.compile(
    r"\s*,?\s*(?:(?:about|some|around|roughly|approximately|nearly|almost|just|only|less\s+than|under)\s+)?"
    rf"(?:(?P<n>\d+(?:\.\d+)?)\s*-?\s*(?P<unit>{_DISTANCE_UNIT})\b"
    r"(?:\s*\([^()]{1,30}\))?\s*"
    rf"(?:{_BEARING}|from|outside)"
    r"|near|outside|on\s+the\s+outskirts\s+of)"
    r"\s+(?:the\s+)?(?:(?:town|city|village|provincial\s+capital)\s+of\s+)?$"
)
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier|boundary|state\s+line|line|coast)\b", re.I)
_NO_DISTANCE_KM = 100.0  # "near Y", "outside Y": a neighbour
_SLACK_KM = 50.0  # the towns' points and the stated distance are both rough


def _within_reach(text: str, mentions: Sequence[Mention], scored: dict[str, list[tuple[float, Candidate]]]) -> None:
    """Keep, of the readings of a name the text puts near another place, only those within reach of it.

    "the village of Safina, about 45km (28 miles) south of Mosul" cannot be Savannah,
    Georgia, whatever its spelling matches: only readings within the stated distance
    (or about 100 km for "near"/"outside") of the reference's own reading count, in their
    order. With none, the name keeps no reading and the event falls back on the reference point.
    One such phrase places every mention of the name (a name is one place in an article).
    """
    order = sorted(mentions, key=lambda m: m.start)
    limits: dict[str, list[tuple[Place, float]]] = defaultdict(list)
    for a, b in zip(order, order[1:]):
        key, ref = fold(a.text), fold(b.text)
        if key == ref or key not in scored or ref not in scored or not scored[ref]:
            continue
        gap = text[a.end : b.start]
        match = _REACH.fullmatch(gap) if len(gap) <= 80 else None
        if match is None or _BORDER_AFTER.match(text, b.end):
            continue  # "West Stockbridge near the New York border": a line, not the town
        anchor = scored[ref][0][1]
        if anchor.kind not in (KIND_PLACE, KIND_ADMIN2) or anchor.place.latitude is None:
            continue
        if match.group("n"):
            distance = float(match.group("n")) * (1.609 if match.group("unit").startswith("mi") else 1.0)
        else:
            distance = _NO_DISTANCE_KM
        limits[key].append((anchor.place, distance + _SLACK_KM))
    for key, reach in limits.items():
        if scored[key][0][1].kind not in (KIND_PLACE, KIND_ADMIN2):
            continue  # "Iraq, near Mosul": a country or division holds its town
        scored[key] = [(s, c) for s, c in scored[key] if c.kind in (KIND_PLACE, KIND_ADMIN2) and all(
            _km(c.place.latitude, c.place.longitude, p.latitude, p.longitude) <= r for p, r in reach)]


# ---------------------------------------------------------------- country evidence

# Words that name a kind of place: "the Gedo region of", "Safi tehsil of", "Victoria city,".
_PLACE_NOUN = (
    r"(?i:city|town|township|village|hamlet|settlement|locality|community|neighbou?rhood|suburb|port|capital|camp"
    r"|district|sub-district|subdistrict|province|governorate|region|state|county|parish|prefecture|department"
    r"|municipality|commune|canton|cercle|tehsil|agency|regency|oblast|zone|area|territory|division|circle"
    r"|emirate|sector|valley|island|countryside|outskirts)s?"
)
# One step from a name to what it lies in: "X, Y", "X, northern Y", "X in (the) (northern) Y",
# "X region of Y", "X in the homonymous province of Y" (at most two lower-case words, not
# a clause: "the Golan Heights, which Israel captured"); "X of Y" only after a place noun
# ("the Nice of Russia" is no place in Russia). A division the index lacks may sit in
# between: "Safi tehsil of Mohmand Agency in Pakistan".
_DIRECTION = r"(?:(?:north|south|east|west|central|upper|lower|far)[a-z-]*\s+)"
_WORD = (r"(?:(?!(?:which|who|whom|whose|that|and|or|but|where|when|while|as|is|was|were|are|has|had|have|be|been"
         r"|to|from|by|with|for|at|on|after|before|during|near|since|said|says)\b)[a-z][a-z-]+\s+)")
_STEP = (
    rf"(?:\s*,\s*(?:in\s+)?(?:the\s+)?{_DIRECTION}?"
    rf"|\s*\(\s*(?:the\s+)?{_DIRECTION}?"  # "Trujillo (Valle)", "Pamplona (northern Santander)"
    rf"|(?:[ \t]+{_PLACE_NOUN})?\s+in\s+(?:the\s+)?{_WORD}{{0,2}}?(?:{_PLACE_NOUN}\s+of\s+(?:the\s+)?)?"
    rf"|[ \t]+{_PLACE_NOUN}\s*(?:,\s*|\s+of\s+)(?:the\s+)?{_WORD}{{0,2}}?)"
)
_UNKNOWN_DIVISION = rf"(?:[A-Z][\w'’-]+\s+){{1,3}}{_PLACE_NOUN}"
_LINK = re.compile(rf"{_STEP}(?:{_UNKNOWN_DIVISION}(?:\s*,\s*|\s+(?:in|of)\s+)(?:the\s+)?{_WORD}{{0,2}}?){{0,2}}")
# "Pakistan's north-western Kurram Agency", "Morocco's southern city of Marrakesh".
_POSSESSIVE_LINK = re.compile(rf"['’]s\s+{_WORD}{{0,2}}?(?:{_PLACE_NOUN}\s+(?:of\s+)?)?")
# A demonym heading a place noun: "the north Cameroonian town of Bodo", "the Saudi port city of
# Jeddah", "the Georgian capital Tbilisi", "the Malian Mopti region" (the noun after the name).
_DEMONYM_LINK = re.compile(rf"\s+{_WORD}{{0,2}}?{_PLACE_NOUN}\s+(?:of\s+)?(?:the\s+)?")
_NOUN_AFTER = re.compile(rf"[ \t]+{_PLACE_NOUN}\b")
# "Sha'ab, a neighbourhood of Baghdad", "Jumuma, a village in Paktika", "Dagaya, a village near Bosso".
_APPOSITION_LINK = re.compile(
    rf"\s*,\s*(?:a|an|the)\s+{_WORD}{{0,2}}?{_PLACE_NOUN}\s+(?:of|in|near|outside)\s+(?:the\s+)?{_DIRECTION}?")
# "Sinjar, a key Iraqi town".
_APPOSITION_DEMONYM = re.compile(rf"\s*,\s*(?:a|an|the)\s+{_WORD}{{0,2}}")
# A qualifier followed by "and"/"or" and another name ends a list ("Nairobi, Kenya and Dar es
# Salaam"; "Kabul, Kandahar, Pakistan and Iraq"): not a place and its country.
_LIST_GOES_ON = re.compile(r"\s*,?\s+(?:and|or|&)\s+(?:the\s+)?[A-Z]")
# Demonyms the parser missed ("of the Malian Mopti region"): a capitalised word or two.
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")


class _Evidence:
    """What an article says, in so many words, about the country of each of its names.

    A qualifier chain links a name to what it lies in ("Bondo in the Koro
    Cercle of the Malian Mopti region", "Juer town in Bahr el Ghazal region,
    South Sudan", "the north Cameroonian town of Bodo"): every country named
    in the chain (by a country's own unambiguous name or a demonym) is
    evidence for every other name in it. Names later in a chain are also
    divisions the earlier ones may lie in ("Paris, Texas").
    """

    def __init__(self, text: str, mentions: Sequence[Mention], cues: Sequence[CountryCue],
                 cands_of: dict[str, tuple[Candidate, ...]], sentence_of) -> None:
        self.chain: dict[str, set[str]] = defaultdict(set)  # name -> countries its chains name
        self.divisions: dict[str, set[str]] = defaultdict(set)  # name -> later names in its chains
        # name -> names the text plainly puts it in ("Hit in Anbar", "Kandahar's Daman District", "Al-Zahra
        # district of Homs"), not "X town of Y", which says the reverse
        self.inside: dict[str, set[str]] = defaultdict(set)
        self.sentence: dict[str, set[str]] = defaultdict(set)  # name -> countries named in its sentences
        country_of = {key: _unambiguous_country(key, cands) for key, cands in cands_of.items()}
        self.named: set[str] = {c for c in country_of.values() if c}  # countries the article names as places
        items: list[tuple[int, int, str | None, str | None]] = []  # start, end, name key, country
        for m in mentions:
            key = fold(m.text)
            if cands_of.get(key):
                items.append((m.start, m.end, key, country_of[key]))
        taken = [(start, end) for start, end, _, _ in items]
        for cue in cues:
            items.append((cue.start, cue.end, None, cue.country))
            taken.append((cue.start, cue.end))
        for start, end, iso in _missed_demonyms(text, mentions, taken):
            items.append((start, end, None, iso))
        items.sort()
        by_sentence: dict[int, list[int]] = defaultdict(list)
        for i, (start, _, _, _) in enumerate(items):
            by_sentence[sentence_of(start)].append(i)
        for members in by_sentence.values():
            named = {items[i][3] for i in members if items[i][3]}
            for i in members:
                if items[i][2] is not None:
                    self.sentence[items[i][2]] |= named - {items[i][3]}
        # Chains: consecutive items of a sentence joined by a qualifying link.
        parent = list(range(len(items)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        links = [_link(text, items[i], items[i + 1]) if sentence_of(items[i][0]) == sentence_of(items[i + 1][0])
                 else None for i in range(len(items) - 1)]
        _drop_lists(text, items, links, cands_of)
        for i, kind in enumerate(links):
            if kind is None:
                continue
            a, b = items[i], items[i + 1]
            if kind == "poss":
                self.divisions[b[2]].add(a[2])
                self.inside[b[2]].add(a[2])
                continue
            parent[find(i)] = find(i + 1)
            if a[2] is not None and b[2] is not None and not b[3]:
                self.divisions[a[2]].add(b[2])
                gap = text[a[1] : b[0]]
                if " of " not in gap or _PART_OF.fullmatch(gap):
                    # Not "the Sinai town of Rafah", where the town is the second name.
                    self.inside[a[2]].add(b[2])
        chains: dict[int, list[int]] = defaultdict(list)
        for i in range(len(items)):
            chains[find(i)].append(i)
        for members in chains.values():
            if len(members) < 2:
                continue
            for i in members:
                key, own = items[i][2], items[i][3]
                if key is None or own:
                    continue  # a country needs no country
                self.chain[key] |= {items[j][3] for j in members if j != i and items[j][3]}
                # Later names of a chain are divisions the name may lie in (not vice versa).
                self.divisions[key] |= {items[j][2] for j in members if j > i and items[j][2] and not items[j][3]}
        for key in list(self.chain):
            if not self.chain[key]:
                del self.chain[key]

    def of(self, key: str) -> set[str]:
        """Countries the article says a name lies in (its qualifier chains)."""
        return self.chain.get(key, set())

    def around(self, key: str) -> set[str]:
        """Countries named anywhere near a name: its chains, its sentences, the article's country names."""
        return self.chain.get(key, set()) | self.sentence.get(key, set()) | self.named


def _missed_demonyms(
    text: str, mentions: Sequence[Mention], taken: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Demonyms NER did not tag next to a name ("of the Malian Mopti region", "the north Cameroonian town of")."""
    windows: list[tuple[int, int]] = []
    for m in mentions:
        lo, hi = max(0, m.start - _WINDOW), min(len(text), m.end + _WINDOW)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], hi))
        else:
            windows.append((lo, hi))
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    out = []
    for lo, hi in windows:
        for m in _CAPITALISED.finditer(text, lo, hi):
            word, end = m.group(), m.end()
            iso = _demonym(word)
            if iso is None and " " in word:
                word = word.split()[0]
                iso, end = _demonym(word), m.start() + len(word)
            if iso is None:
                continue
            i = bisect.bisect_right(starts, m.start()) - 1
            if i < 0 or spans[i][1] <= m.start():
                out.append((m.start(), end, iso))
    return out


_WINDOW = 60


@functools.lru_cache(maxsize=20_000)
def _demonym(word: str) -> str | None:
    """:func:`demonym_country`, cached: the same capitalised words recur in every article."""
    return demonym_country(word)


def _drop_lists(text: str, items: list[tuple], links: list[str | None], cands_of: dict) -> None:
    """Unlink comma runs that are lists, not a place and what it lies in.

    "Victoria city, British Columbia province, Canada" climbs from a town to a
    division to a country; "Saipan, Guam, Alaska, Hawaii" and "Palestine,
    Texas" do not (a country is never qualified by a smaller place), nor does
    a run ending in "and ..." ("Nairobi, Kenya and Dar es Salaam").
    """
    i = 0
    while i < len(links):
        if links[i] != "comma":
            i += 1
            continue
        j = i
        while j < len(links) and links[j] == "comma":
            j += 1
        levels = [_level(text, items[k], cands_of) for k in range(i, j + 1)]
        climbs = all(x <= y for x, y in zip(levels, levels[1:], strict=False)) and 2 not in levels[:-1]
        if not climbs or _LIST_GOES_ON.match(text, items[j][1]):
            for k in range(i, j):
                links[k] = None
        i = j


def _level(text: str, item: tuple, cands_of: dict) -> int:
    """0 for a town, 1 for a division, 2 for a country (an item of a qualifier chain)."""
    start, end, key, country = item
    if country:
        return 2
    name = text[start:end]
    last = name.rpartition(" ")[2]
    noun = _NOUN_AFTER.match(text, end)
    word = (noun.group().strip() if noun else last).lower()
    if word in ("city", "town", "village", "township", "hamlet", "settlement", "locality", "community", "port"):
        return 0
    if noun or last.lower() in _DESCRIPTIVE:
        return 1
    return 1 if any(c.kind == KIND_ADMIN1 and c.quality == Q_PRIMARY for c in cands_of.get(key, ())) else 0


def _unambiguous_country(key: str, cands: tuple[Candidate, ...]) -> str | None:
    """The country a name names, unless a division shares the name ("Georgia", "Punjab")."""
    iso = next((c.place.country for c in cands if c.kind == KIND_COUNTRY and c.quality >= Q_ALIAS), None)
    # "Northern Ecuador" names Ecuador's north: still Ecuador (and "South Sudan" is South Sudan).
    direction = _COMPASS.match(key)
    if iso is None or (country_of_text(key) != iso
                       and (direction is None or country_of_text(key[direction.end() :]) != iso)):
        return None
    if any(c.kind == KIND_ADMIN1 and c.quality >= Q_ALIAS for c in cands):
        return None
    return iso


def _link(text: str, a: tuple, b: tuple) -> str | None:
    """How item ``a`` qualifies as lying in item ``b`` ("comma", "in", "of"), or None.

    "poss" says the reverse: ``b`` lies in ``a`` ("Baghdad's Sadr City").

    Items are (start, end, name key or None for a demonym, country or None).
    """
    gap = text[a[1] : b[0]]
    if len(gap) > 80:
        return None
    a_name, b_name = a[2] is not None, b[2] is not None
    if a_name:
        name = text[a[0] : a[1]]
        noun = name.rpartition(" ")[2]
        # "Safi tehsil of Mohmand Agency": the place noun may close the name itself.
        closed = " " in name and re.fullmatch(_PLACE_NOUN, noun)
        if _LINK.fullmatch(gap) or (closed and _LINK.fullmatch(f" {noun}{gap}")):
            if gap.lstrip().startswith(","):
                return "comma"
            return "in"
        if b_name and _APPOSITION_LINK.fullmatch(gap):
            return "in"
        if a[3] and b_name and _POSSESSIVE_LINK.fullmatch(gap):
            return "of"
        if b_name and not b[3] and _POSSESSIVE_LINK.fullmatch(gap):
            return "poss"  # "Baghdad's Sadr City", "Kandahar's Daman District": the second lies in the first
        if not b_name and _APPOSITION_DEMONYM.fullmatch(gap) and _NOUN_AFTER.match(text, b[1]):
            return "of"
        return None
    if b_name and (_DEMONYM_LINK.fullmatch(gap) or (gap.strip() == "" and _NOUN_AFTER.match(text, b[1]))):
        return "of"
    return None


# A country's name heading a noun of its state or people ("the United States embassy",
# "U.S. drones", "U.S. military officials"), not a verb ("Mexico should send") nor a name
# ("Jordan Junior Olympic volleyball").
_HEADS_NOUN = re.compile(
    r"[ \t]+(?:(?:embassy|consulate|mission|troops|forces|soldiers|army|military|navy|marines|air|"
    r"drones?|aircraft|warplanes|jets|ambassador|envoy|diplomats?|officials?|government|president|minister|"
    r"ministry|department|agency|intelligence|police|citizens?|nationals|company|firms?|media|state)\b)"
)


def _attributive(text: str, m: Mention) -> bool:
    return not m.locative and _HEADS_NOUN.match(text, m.end) is not None


_SAME_DIVISION = 0.75
_WITHIN = 2.0
_DOMAIN = 1.0
_HOME_NAME = 2.5
_HOME_UNSETTLED = 0.3
_STATED = 3.5
_TOWN_AFTER = re.compile(
    r"\s+(?:(?:city|town|village|township)\s+(?:council|hall|commission|manager|officials?|schools?)|(?:city\s+)?mayor\b"
    r"|fire\s+(?:department|chief)|firefighters|elementary|middle\s+school|public\s+library)",
    re.I,
)
# A state has police too ("New York police" is mostly the city's, but not a country's
# "Pakistan police"); a country has no high school, a state may ("Indiana high school").
_NOT_STATE_AFTER = re.compile(r"\s+police\s+(?:department|chief|officers?)\b|\s+police\b(?!\s+(?:said|say|says))", re.I)
_NOT_COUNTRY_AFTER = re.compile(
    r"\s+(?:man|woman|men|women|boy|girl|teen|teenager|resident|residents|native|couple|high\s+school)\b", re.I
)


def _local_use(text: str, end: int) -> tuple[bool, bool]:
    """Whether a name's next words rule out a country, and a first-level division, as its sense.

    "the Athens Police Department", "Paris City Hall" name a town's own
    institutions: neither a country's nor a state's. "a Jordan man" is a
    town's resident; a country's would be "a Jordanian man" (a state's may
    well be "a Georgia man", so only countries are ruled out there).
    """
    if text[max(0, end - 6) : end].lower() == " state":
        return False, False  # "the Indiana State Police": the state's own
    after = text[end : end + 30]
    if _TOWN_AFTER.match(after):
        return True, True
    return bool(_NOT_COUNTRY_AFTER.match(after)), bool(_NOT_STATE_AFTER.match(after))


# Words for a part of a town, and a name followed by one ("area" too: "the al-Obeidi area").
_PART_WORDS = r"district|neighbou?rhood|quarter|suburb"
_CITY_PART = re.compile(rf"[ \t]+(?:{_PART_WORDS}|area)\b")
# "the Zahra district" (a part of a city), not "in Hawija district" (a division) nor "the Fredericton
# area" (around a town).
_THE_PART = re.compile(r"\bthe\s+$", re.I)
_PART_NOUN = re.compile(rf"[ \t]+(?:{_PART_WORDS})\b")
# "Al-Zahra district of Homs": the first name is the part.
_PART_OF = re.compile(rf"[ \t]+(?:{_PART_WORDS}|area)\s+of\s+(?:the\s+)?", re.I)
# How much of the rest of an article must point to one country for a lone village abroad to be dropped.
_DOMINANT = 2.0


def _others(context: Counter, own: dict, key: str, iso: str | None) -> float:
    """How much the article's names other than ``key`` (and its demonyms) point to a country."""
    own_country, own_weight = own.get(key, (None, 0.0))
    return context.get(iso, 0.0) - (own_weight if iso == own_country else 0.0)


def _keep(cand: Candidate, cands: Sequence[Candidate], key: str, context: Counter, own: dict, evidence: _Evidence,
          guessed: set[str], support: _Support, near: set[str] = frozenset(), *, part: bool = False,
          within: set[str] = frozenset()) -> bool:
    """Whether a name's best candidate is kept: no pin is better than a pin in the wrong country.

    A spelling variant or a name with its last word dropped is a guess, kept
    only where the article names or points to its country; so is a small town
    matched only by an alternate name, when its sentence points to another
    country (``near``: the countries of its sentence's one-country armed groups). Any other pick
    that contradicts the country the article states for the name is dropped
    unless it is notable (a capital, a city of a million, a country); the
    event's place then falls back on the division or country named.
    """
    place = cand.place
    stated = evidence.of(key)
    if cand.kind == KIND_COUNTRY or place.country is None:
        return True
    if stated and place.country not in stated:
        return key not in guessed and (place.feature == "P.PPLC" or place.population >= 1_000_000)
    if within and place.country not in within and cand.kind in (KIND_PLACE, KIND_ADMIN2) \
            and place.population < 100_000 and place.feature != "P.PPLC":
        # The text puts the name inside a town or division of another country ("Sha'ab, a
        # neighbourhood of Baghdad" is not Sha'ab in Israel): the index lacks the place meant.
        return False
    if not stated and cand.kind == KIND_PLACE and place.population < 100_000 and place.feature != "P.PPLC":
        # No chain, but the sentence names a country that the article's other places confirm
        # ("in Balad city, 30 km southwest of Mogadishu" by a "Somali" army): a village in a
        # country nothing in the article points to is a namesake, unless a candidate fits.
        strong = {iso for iso in evidence.sentence.get(key, ()) if _others(context, own, key, iso) >= 1.0}
        if (strong and place.country not in evidence.sentence[key] and _others(context, own, key, place.country) <= 0
                and support.of(key, place) == 0 and not any(c.place.country in strong for c in cands)):
            return False
    if (not stated and cand.kind == KIND_PLACE and (place.population < 20_000 or part) and place.feature != "P.PPLC"
            and _others(context, own, key, place.country) <= 0 and support.of(key, place) == 0
            and (dominant := {iso for iso in context if _others(context, own, key, iso) >= _DOMINANT})
            and not any(c.place.country in dominant for c in cands)):
        # A village in a country nothing else in the article points to, while the article is
        # plainly about another ("the eastern Shaab district" of a Baghdad story is not Sha'ab
        # in Israel): a namesake, most likely of a place the gazetteer lacks. So is a town of
        # any size named as a town's part ("the Madina district" of Mogadishu is not Medina).
        return False
    if (cand.kind == KIND_PLACE and cand.quality < Q_ALIAS and place.population < 100_000 and near
            and place.country not in near and _others(context, own, key, place.country) <= 0
            and support.of(key, place) == 0):
        # Only a stray alternate name of a town abroad, in a sentence whose armed group fights
        # elsewhere ("Boko Haram attacked ... the town of Baga": not Bargarh, India). Not for a
        # demonym, which may be the attacker's ("Saudi-led coalition airstrikes ... in Saada").
        return False
    if key in guessed:
        around = evidence.around(key)
        if place.country in around:
            return True
        weight = _others(context, own, key, place.country)
        # A city's variant may stand where the article names no other country ("in Mahmoudiya").
        return weight > 0 or support.of(key, place) > 0 or (not around and place.population >= 1_000_000)
    return True


_AROUND = tuple((dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1))


class _Support:
    """How much the article's other names back a candidate: places cluster.

    Each name's first-pass candidates carry a probability (softmax of their
    scores); a candidate is backed by every other name with a likely
    candidate within about 150 km or in the same first-level division
    ("Hershey", "Palmyra" and "Annville" put "Lebanon" in Pennsylvania).
    Grid cells keep this linear in the number of candidates.
    """

    _CELL = 1.5  # degrees: neighbouring cells span roughly 150-300 km
    _TOP = 5

    def __init__(self, first: dict[str, list[tuple[float, Candidate]]]) -> None:
        self.cells: dict[tuple[int, int], dict[str, float]] = defaultdict(dict)
        self.divisions: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
        self.counties: dict[tuple[str, str, str], dict[tuple[str, int], float]] = defaultdict(dict)
        self._memo: dict[tuple[str, int, bool], float] = {}
        for key, scored in first.items():
            top = scored[: self._TOP]
            peak = top[0][0]
            weights = [math.exp(sc - peak) for sc, _ in top]
            norm = sum(weights)
            for w, (_, cand) in zip(weights, top, strict=True):
                p = w / norm
                if p < 0.05 or cand.kind == KIND_COUNTRY or cand.quality == Q_FUZZY:
                    continue
                self._put(key, cand.place, p)
            for sc, cand in scored:
                # By plausibility against the name's best reading, not by share, and past the
                # top five: each of eight "Boone County" is as plausible as the next.
                w = math.exp(sc - peak)
                if w < 0.05:
                    break
                if cand.place.admin2 and cand.quality > Q_FUZZY and (cand.kind == KIND_PLACE or _named_county(cand)):
                    county = self.counties[(cand.place.country, cand.place.admin1, cand.place.admin2)]
                    county[(key, cand.kind)] = max(county.get((key, cand.kind), 0.0), w)

    def _put(self, key: str, place: Place, p: float) -> None:
        if place.latitude is None or place.country is None:
            return
        self._memo.clear()
        cell = self.cells[self._cell(place)]
        cell[key] = max(cell.get(key, 0.0), p)
        if place.admin1:
            div = self.divisions[(place.country, place.admin1)]
            div[key] = max(div.get(key, 0.0), p)

    def reach(self, places: Sequence[Place]) -> tuple[set, set]:
        """The cells and divisions within which ``places`` back other places."""
        cells, divisions = set(), set()
        for place in places:
            if place.latitude is None:
                continue
            y, x = self._cell(place)
            cells.update((y + dy, x + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
            if place.admin1:
                divisions.add((place.country, place.admin1))
        return cells, divisions

    def reaches(self, reached: tuple[set, set], place: Place) -> bool:
        """Whether ``place`` lies within :meth:`reach` of some places."""
        if place.latitude is None:
            return False
        return self._cell(place) in reached[0] or (place.country, place.admin1) in reached[1]

    def add(self, key: str, weighted: Sequence[tuple[float, Place]]) -> None:
        """Let a name the text does not print (the source's home, ``"@name"``) back candidates."""
        for p, place in weighted:
            self._put(key, place, p)

    def _cell(self, place: Place) -> tuple[int, int]:
        return int(math.floor(place.latitude / self._CELL)), int(math.floor(place.longitude / self._CELL))

    def of(self, key: str, place: Place, *, nearby: bool = True) -> float:
        """Summed probability of other names' candidates near ``place``, capped at 2.

        ``nearby=False`` counts only candidates in the same division (for a
        division itself, whose point says little about its extent).
        """
        if place.latitude is None:
            return 0.0
        # Asked again for the same reading by later passes and by _keep: remembered until a name is added.
        memo = (key, id(place), nearby)
        got = self._memo.get(memo)
        if got is not None:
            return got
        backers: dict[str, float] = {}
        y, x = self._cell(place)
        for dy, dx in _AROUND if nearby else ():
            for other, p in self.cells.get((y + dy, x + dx), {}).items():
                backers[other] = max(backers.get(other, 0.0), p)
        if place.admin1:
            for other, p in self.divisions.get((place.country, place.admin1), {}).items():
                backers[other] = max(backers.get(other, 0.0), p)
        backers.pop(key, None)
        backers.pop(f"@{key}", None)  # the home name decides its own name by a bonus, not as a neighbour
        got = self._memo[memo] = min(sum(backers.values()), 2.0)
        return got

    def within(self, key: str, place: Place) -> float:
        """How plausibly the article's other names put ``place`` in a county or district they name.

        A town inside a county the article names is as good as named with it
        ("Huntsville" beside "Walker County" is the county seat in Texas, not
        the bigger Huntsville in Alabama); a county is backed by the towns it
        holds. Towns do not back towns here: two namesakes sharing a county
        are a coincidence the nearness of :meth:`of` already weighs. The
        strongest such name counts.
        """
        if not place.admin2:
            return 0.0
        backers = self.counties.get((place.country, place.admin1, place.admin2), {})
        wanted = KIND_PLACE if place.feature == "A.ADM2" else KIND_ADMIN2  # a county is backed by its towns
        return max((w for (other, kind), w in backers.items() if other != key and kind == wanted), default=0.0)


def _named_county(cand: Candidate) -> bool:
    """A county reading named as one ("Walker County"), not by its bare name ("Butte"), mostly the town's."""
    return cand.kind == KIND_ADMIN2 and cand.quality >= Q_ALIAS


def _settled(p: float) -> float:
    """How far a home reading's weight is beyond a toss-up (0 at 0.3 or less, 1 at 1)."""
    return max(0.0, p - _HOME_UNSETTLED) / (1 - _HOME_UNSETTLED)


def _margin(scored: list[tuple[float, Candidate]]) -> float:
    return scored[0][0] - scored[1][0] if len(scored) > 1 else 5.0


def _admin1_alias(gazetteer: Gazetteer, cand: Candidate, qualifier: str) -> bool:
    place = gazetteer.admin1(cand.place.country or "", qualifier)
    return place is not None and place.admin1 == cand.place.admin1


def _inside(cands: Sequence[Candidate], containers: set[str], cands_of: dict[str, tuple[Candidate, ...]]) -> bool:
    """Whether some reading of a name lies in a first-level division some reading of its containers is in.

    Also true when no container is notable (a division or a city of 100,000): "Beledweyne, the regional
    capital of Hiran" is no town abroad because the index knows Hiran only as an Iraqi hamlet.
    """
    if not any(c.quality > Q_ALTERNATE and (c.kind == KIND_ADMIN1 or c.place.population >= 100_000)
               for div in containers for c in cands_of.get(div, ())):
        return True
    regions = {(c.place.country, c.place.admin1) for div in containers for c in cands_of.get(div, ())
               if c.kind != KIND_COUNTRY and c.quality > Q_FUZZY}
    return any((c.place.country, c.place.admin1) in regions for c in cands if c.quality > Q_FUZZY)


def _sentence_index(sentences: Sequence[tuple[int, int]]):
    starts = [s for s, _ in sentences]

    def index(offset: int) -> int:
        import bisect

        return bisect.bisect_right(starts, offset) - 1

    return index


# ---------------------------------------------------------------- the source's home

_HOME_KIND = {KIND_COUNTRY: 3.0, KIND_ADMIN1: 2.0, KIND_ADMIN2: 1.0}
_HOME_TOP = 4
_HOME_SHARPNESS = 1.5
_HOME_CONFIRMED = 0.7  # about a twentieth of a name's reading close by


def _resolve_homes(source: SourceHint, gazetteer: Gazetteer, scored: dict[str, list[tuple[float, Candidate]]],
                   printed: set[str]) -> dict[str, list[tuple[float, Place]]]:
    """Which of its namesakes each home name of the source is, jointly with the article's places.

    A home name's readings are weighed by kind and (flattened) size, by the
    source's country (a ".co.uk" domain keeps only British readings; a
    ".com" paper named after a town is taken in the United States when
    nothing else decides: "The Paris News" is not about France), and above
    all by the article's other names that may lie close by ("Henry County"
    puts parispi.net's Paris in Tennessee, by its county seat, not in
    Kentucky, 80 km from another Henry County). A home the article neither
    names nor backs is ignored: a host word that is no local place must not
    steer an article.

    Returns:
        Home key -> up to four (weight, place) readings, weights summing to 1.
    """
    around = _Neighbours(scored)
    homes: dict[str, list[tuple[float, Place]]] = {}
    for key in source.names:
        cands = [c for c in gazetteer.candidates(key) if c.quality >= Q_ALIAS and c.place.country]
        if source.country:
            cands = [c for c in cands if c.place.country == source.country]
        scores: list[tuple[float, float, Place]] = []
        for cand in cands:
            place = cand.place
            if cand.kind == KIND_PLACE:
                # Flattened: a small town has its own paper as much as a big city.
                s = 0.3 * math.log10(place.population + 10)
            else:
                s = _HOME_KIND[cand.kind]
            if source.home_country and place.country == source.home_country:
                s += 1.5
            backing = around.evidence(key, cand)
            scores.append((s + backing, backing, place))
        if not scores:
            continue
        scores.sort(key=lambda x: -x[0])
        if key not in printed and scores[0][1] < _HOME_CONFIRMED:
            continue
        top = scores[:_HOME_TOP]
        weights = [math.exp(_HOME_SHARPNESS * (sc - top[0][0])) for sc, _, _ in top]
        norm = sum(weights)
        homes[key] = [(w / norm, place) for w, (_, _, place) in zip(weights, top, strict=True)]
    return homes


class _Neighbours:
    """Where an article's names may lie, for weighing the source's home against them.

    Every reading of every name is weighed by its odds against the name's
    best reading (1.0 for the best: every "Henry County" is as plausible as
    the next). A home reading is backed by each name's most plausible
    reading close to it, more the closer, on a log scale so that several
    names add up and none dominates (naive Bayes over the article's names).
    """

    _CELL = 1.5  # degrees
    _FLOOR = 0.1  # a reading this plausible and close doubles the odds
    _DIVISION = 0.02  # a state named is weak evidence for each of its towns
    _COUNTRY = 0.02

    def __init__(self, scored: dict[str, list[tuple[float, Candidate]]]) -> None:
        self.points: dict[tuple[int, int], list[tuple[str, float, Place]]] = defaultdict(list)
        self.countries: dict[str, dict[str, float]] = defaultdict(dict)
        self.divisions: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
        for key, readings in scored.items():
            peak = readings[0][0]
            for sc, cand in readings:
                w = math.exp(sc - peak)
                place = cand.place
                if w < 0.05:
                    break
                if cand.quality == Q_FUZZY or place.country is None:
                    continue
                _raise(self.countries[place.country], key, w)
                if place.admin1:
                    _raise(self.divisions[(place.country, place.admin1)], key, w)
                if cand.kind in (KIND_PLACE, KIND_ADMIN2) and place.latitude is not None:
                    self.points[self._cell(place)].append((key, w, place))

    def _cell(self, place: Place) -> tuple[int, int]:
        return int(math.floor(place.latitude / self._CELL)), int(math.floor(place.longitude / self._CELL))

    def evidence(self, key: str, cand: Candidate) -> float:
        """How much the article's names other than ``key`` back a reading of the home."""
        place = cand.place
        if cand.kind == KIND_COUNTRY:
            weights = self.countries.get(place.country, {})
        elif cand.kind == KIND_ADMIN1:
            weights = self.divisions.get((place.country, place.admin1), {})
        else:
            weights = self._close(place)
        return sum(math.log1p(w / self._FLOOR) for other, w in weights.items() if other != key)

    def _close(self, place: Place) -> dict[str, float]:
        """Each name's best reading near a place: in full within 25 km (a county seat by its
        county), a third up to 150 km; a state or country the article names counts a
        fiftieth ("New York" in a Georgia paper's national story says little about its Augusta)."""
        out: dict[str, float] = {}
        for other, w in self.countries.get(place.country, {}).items():
            _raise(out, other, self._COUNTRY * w)
        if place.admin1:
            for other, w in self.divisions.get((place.country, place.admin1), {}).items():
                _raise(out, other, self._DIVISION * w)
        if place.latitude is None:
            return out
        y, x = self._cell(place)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for other, w, there in self.points.get((y + dy, x + dx), ()):
                    km = _km(place.latitude, place.longitude, there.latitude, there.longitude)
                    if km <= 150:
                        _raise(out, other, w * max(math.exp(-km / 25), 1 / 3))
        return out


def _raise(weights: dict[str, float], key: str, w: float) -> None:
    if w > weights.get(key, 0.0):
        weights[key] = w
