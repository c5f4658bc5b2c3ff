"""Cleaning stage: :class:`RawDocument` -> :class:`Article` (body text, title, date, language).

Takes what ingest read and returns the article text every later span points
into, with its title, publication date (and how that date was found), language
and content hash.

* ``html``: main text and title by trafilatura; publication date by htmldate
  restricted to reliable evidence (URL, meta tags, JSON-LD), because its
  opportunistic search picks dates out of related-article lists.
* ``text``: web boilerplate lines (newsletter sign-ups, related-article lists,
  share buttons, captions, author bios, ...) are dropped.
* ``record`` (CODEBOOK JSONL): offsets must survive, because gold and users'
  spans point into the record's ``text`` as given. Boilerplate characters are
  replaced by spaces (newlines kept), so every kept character stays where it was.

The publication date comes from metadata first, then the HTML, then the cleaned
text (datelines, "Published ..." lines) but never from boilerplate or body prose.
Only English is processed; other languages raise ``ArticleSkipped`` (E007).
Publication-date rules live in :mod:`tacitus.pubdate`, language identification
in :mod:`tacitus.language`; both are re-exported here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from tacitus.errors import ArticleSkipped, InputError
from tacitus.language import detect_language
from tacitus.models import Article, RawDocument
from tacitus.pubdate import MONTHS, find_publication_date, html_date, parse_published, story_foot, story_head

logger = logging.getLogger(__name__)

__all__ = ["boilerplate_ranges", "clean", "detect_language", "find_publication_date", "strip_boilerplate"]

# --------------------------------------------------------------------------- boilerplate rules

_I = re.IGNORECASE

_PROMO = [
    re.compile(p, _I)
    for p in (
        r"^(?:subscribe|sign[ -]?up|register (?:now|today|for)|join (?:us|our|the \w+ newsletter)|"
        r"get (?:our|the) .{0,40}newsletter|don'?t miss|never miss|already (?:a subscriber|have an account)|"
        r"log ?in\b|sign in\b|create (?:an?|your) (?:free )?account|support (?:our|independent|quality) journalism|"
        r"become a (?:member|subscriber|supporter)|unlimited (?:digital )?access|try \d+ (?:days?|weeks?) (?:free|for)|"
        r"download (?:the|our) app|get the app)",
        r"\b(?:delivered|sent|straight|directly)\s+(?:directly\s+|straight\s+|right\s+)?to\s+your\s+(?:inbox|e-?mail)\b",
        r"\bin(?:to)? your inbox\b",
        # not "weekly newsletter" or "daily briefing" alone: ISIS's al-Naba is a weekly newsletter
        r"\bfree\s+(?:daily\s+|weekly\s+)?(?:e-?mails?|newsletters?|digest|briefing)\b|\b(?:daily|weekly)\s+(?:e-?mail|digest)\b",
        r"\bsubscribe (?:now|today|here|for|to (?:our|the|this))\b|\bsubscribe\W*$",
        r"\bfollow us on\b|\blike us on facebook\b|\bfollow (?:him|her|them|me) on (?:twitter|x|facebook|instagram|bluesky|threads)\b",
    )
]
_NEWSLETTER = re.compile(r"\bnewsletters?\b.*\b(?:our|free|sign|subscribe|inbox|receive|e-?mail)\b|\b(?:our|free) (?:\w+ )?newsletters?\b", _I)
_SHARE_WORDS = frozenset(
    "share this article story page post on via tweet email e-mail print facebook twitter x whatsapp linkedin "
    "reddit pinterest telegram flipboard messenger copy link url copied comments comment save bookmark "
    "listen gift sms".split()
)
_SHARE_HEAD = re.compile(r"^(?:share|tweet|email|e-mail|print|facebook|twitter|whatsapp|linkedin|copy link|comments?|save|listen|gift)\b", _I)
_CAPTION = [
    re.compile(r"\(\s*(?:photo|photograph|image|picture|pic|credit|video|file photo|photo credit|illustration)s?\s*(?::|by\b)\s*[^)]{1,80}\)\s*\.?$", _I),
    re.compile(r"^(?:photo|photograph|image|picture|file photo|photo credit|credit|caption|illustration|pictured|video)s?\s*(?::|by\b)", _I),
    re.compile(r"\b(?:getty images|via getty|shutterstock|istockphoto|alamy stock)\b", _I),
    re.compile(r"\b(?:REUTERS|AFP|AP|EPA|EPA-EFE|ANADOLU|XINHUA|SOPA Images)\s*/\s*[A-Z][\w.'’-]+"),
    re.compile(r"\b(?:photo|image|picture)\s*:\s*[A-Z][\w .&/'’-]{1,60}$", _I),
]
_BIO_CONTACT = re.compile(
    r"\b(?:e-?mail|contact|reach) (?:him|her|them|me) at\b|\bfollow (?:him|her|them) on\b", _I
)
_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s+"
    r"(?:has (?:worked|been|written|reported|covered|contributed)|is|writes|covers|reports|joined|edits)\b"
    r"[^.]{0,140}?\b(?:writer|editor|columnist|correspondent|reporter|journalist|contributor|producer|"
    r"commentator|blogger|anchor|newsroom|news desk|freelancer?)\b"
)
_AD = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content)?|promoted(?: content| stories)?|paid (?:content|post)|"
    r"story continues (?:below|after) (?:the )?(?:advertisement|ad)|continue reading (?:the main story|below)|"
    r"scroll (?:down )?to continue(?: reading)?|article continues (?:below|after)(?: advertisement)?|skip (?:the )?advert(?:isement)?)"
    r"\s*(?:[-–—:]\s*scroll (?:down )?to continue(?: with content)?)?\W*$",
    _I,
)
_COOKIE = re.compile(r"\bcookies?\b.{0,200}\b(?:use|uses|accept|consent|policy|settings|preferences|experience)\b|\b(?:we|this (?:web)?site) uses? cookies\b", _I)
_LEGAL = re.compile(r"^(?:privacy policy|terms (?:of (?:use|service)|and conditions)|all rights reserved|copyright\b|©)|\ball rights reserved\b", _I)
_LABELS = frozenset(
    label.strip()
    for label in """the latest|latest|latest news|latest stories|trending|trending now|most read|most popular|most viewed|
    most shared|top stories|more stories|more news|editor's picks|editors' picks|editor’s picks|recommended|
    recommended for you|related|related stories|related articles|related content|related coverage|related news|
    related topics|you may also like|you might also like|you may be interested in|more on this story|in other news|
    what to read next|read next|up next|watch|watch now|video|live|topics|tags|more|see more|show more|load more|
    read more|advertisement|breaking|popular|popular now|further reading|also read|see also""".split("|")
)
_LIST_HEADER = re.compile(
    r"^(?:related(?: \w+)?|more (?:from|on|in|about) .{1,60}|read more|see also|also read|recommended(?: \w+){0,2}|"
    r"most (?:read|popular|viewed|shared)|trending(?: now)?|you (?:may|might) also (?:like|be interested in)|top stories|"
    r"latest (?:news|stories)|editor'?s picks|further reading|more stories|the latest)\s*:?$",
    _I,
)
_READ_MORE = re.compile(
    r"^(?:read more|read also|also read|see also|read next|more|related(?: \w+){0,2}|read the full (?:story|article)|"
    r"continue reading|click here|full story|watch|listen|read)\s*:",
    _I,
)
_READ_MORE_BARE = re.compile(r"^(?:read more|continue reading|click here to read more|click here)\b.{0,60}$", _I)
_CREDIT = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing|research|compiled|translated|translation)\s+(?:by|from)\b|"
    r"^(?:with (?:files|reporting) from)\b|^(?:source|sources)\s*:",
    _I,
)
_BYLINE_PUBLISHED = re.compile(r"^by\b.{1,120}\b(?:published|updated|last updated|posted)\b", _I)
_BYLINE_START = re.compile(r"^by\s+[A-Z]")
_BYLINE_LOWER_OK = frozenset(
    "and of the for at in from with published updated posted last staff reporter reporters correspondent "
    "correspondents editor editors writer writers news desk team wire services agencies de da van von bin al el".split()
)
_SEPARATOR = re.compile(r"^[-–—_=*•·|~#+.\s]{1,20}$")
_BULLET = re.compile(r"^(?:[-–—•*·]|\d+[.)])\s")
_TERMINAL = re.compile(r"[.:;,]$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')]?\s+[\"“‘(]?[A-Z]")

# How a line is boilerplate; categories named here may start or continue a related-links block.
_BLOCK_MARKERS = frozenset({"separator", "byline", "related", "share", "label"})
# A line caught between two of these is part of the same promo/links block.
_SANDWICH_KINDS = frozenset({"promo", "bio", "share"})


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str  # stripped
    kind: str | None = None  # None = content, "" = blank

    @property
    def blank(self) -> bool:
        return not self.text


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        body = raw.rstrip("\r")
        lines.append(_Line(pos, pos + len(body), body.strip()))
        pos += len(raw) + 1
    return lines


def _words(s: str) -> list[str]:
    return re.findall(r"[^\W_][\w'’.-]*", s)


def _is_titlelike(s: str, *, max_len: int = 300) -> bool:
    """A headline or teaser: short, not ending like a sentence or a clause."""
    return 0 < len(s) <= max_len and not _TERMINAL.search(s) and len(_words(s)) <= 40


def _is_headline_case(s: str) -> bool:
    words = [w for w in _words(s) if w[0].isalpha()]
    if not words:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.5 * len(words)


def _is_byline(s: str) -> bool:
    if len(s) > 100 or not _BYLINE_START.match(s) or s.endswith("."):
        return False
    words = _words(s[3:])
    if not words or len(words) > 14:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _BYLINE_LOWER_OK for w in words)


def _is_share_line(s: str) -> bool:
    if len(s) > 80 or not _SHARE_HEAD.match(s):
        return False
    tokens = re.findall(r"[a-z\-]+", s.lower())
    return bool(tokens) and all(t in _SHARE_WORDS for t in tokens)


def _line_kind(s: str) -> str | None:
    """The line-level verdict for one stripped, non-blank line."""
    n = len(s)
    low = s.lower().rstrip(" :")
    if _SEPARATOR.match(s):
        return "separator"
    if n <= 60 and low in _LABELS:
        return "label"
    if n <= 160 and _BYLINE_PUBLISHED.match(s):
        return "byline"
    if _is_byline(s):
        return "byline"
    if n <= 120 and _AD.match(s):
        return "ad"
    if _is_share_line(s):
        return "share"
    if n <= 300 and (_READ_MORE.match(s) or _READ_MORE_BARE.match(s) or _LIST_HEADER.match(s)):
        return "related"
    if n <= 300 and any(p.search(s) for p in _PROMO):
        return "promo"
    if n <= 200 and _NEWSLETTER.search(s):
        return "promo"
    if n <= 400 and any(p.search(s) for p in _CAPTION):
        return "caption"
    if n <= 700 and _BIO_CONTACT.search(s):
        return "bio"
    if n <= 400 and (_COOKIE.search(s) or _LEGAL.search(s)):
        return "cookie"
    if n <= 300 and _CREDIT.match(s):
        return "credit"
    return None


def _classify(text: str) -> list[_Line]:
    lines = _split_lines(text)
    content = [i for i, line in enumerate(lines) if not line.blank]
    if not content:
        for line in lines:
            line.kind = ""
        return lines
    first_seen: dict[str, int] = {}
    for n, i in enumerate(content):
        line = lines[i]
        line.kind = _line_kind(line.text)
        key = " ".join(line.text.split())
        if key not in first_seen:
            first_seen[key] = n
        elif line.kind is None and len(key) >= 10 and (len(key) >= 40 or n - first_seen[key] <= 2):
            # Short lines recur legitimately in lists and tables; a repeated sentence or an
            # immediately repeated line is a page artefact. Long repeated paragraphs are
            # content scraped twice (gold annotates both copies), so they stay.
            if len(key) <= 300:
                line.kind = "duplicate"
    _mark_list_blocks(lines, content)
    _mark_link_blocks(lines, content)
    _mark_bios(lines, content)
    _mark_sandwiched(lines, content)
    _mark_leading_kicker(lines, content)
    _mark_trailing_titles(lines, content)
    return lines


def _mark_list_blocks(lines: list[_Line], content: list[int]) -> None:
    """A bare list header ("Related stories", "More from X") takes the headline lines after it."""
    for pos, i in enumerate(content):
        line = lines[i]
        if line.kind not in ("related", "label") or not _LIST_HEADER.match(line.text):
            continue
        for j in content[pos + 1 :]:
            nxt = lines[j]
            if nxt.kind is not None:
                continue
            if not _is_titlelike(nxt.text, max_len=200) and not (nxt.text.endswith("?") and len(nxt.text) <= 200):
                break
            nxt.kind = "related"


def _gap_ok(line: _Line) -> bool:
    """A line that may sit between two markers of a related-links block (headline or teaser)."""
    if line.kind is not None:
        return True
    s = line.text
    # Teasers are one sentence; two sentences or more between separators are content.
    return _is_titlelike(s) or (len(s) <= 200 and not _SENTENCE_BREAK.search(s))


def _mark_link_blocks(lines: list[_Line], content: list[int]) -> None:
    """Runs of bylines, separators and share lines with headline/teaser lines between them.

    Related-article lists ("-", headline, teaser, "By X, The Week UK Published",
    "-", ...) repeat a marker every few lines; once such a run is found, the
    headlines and teasers between the markers go with it.
    """
    markers = [p for p, i in enumerate(content) if lines[i].kind in _BLOCK_MARKERS]
    if len(markers) < 2:
        return
    clusters: list[list[int]] = [[markers[0]]]
    for p in markers[1:]:
        prev = clusters[-1][-1]
        between = content[prev + 1 : p]
        if len(between) <= 3 and all(_gap_ok(lines[i]) for i in between):
            clusters[-1].append(p)
        else:
            clusters.append([p])
    last_pos = len(content) - 1
    for cluster in clusters:
        first, last = cluster[0], cluster[-1]
        trailing = content[last + 1 :]
        reaches_end = len(trailing) <= 3 and all(_gap_ok(lines[i]) for i in trailing)
        structural = sum(1 for p in cluster if lines[content[p]].kind in ("separator", "byline", "related"))
        if not (structural >= 3 or (structural >= 2 and reaches_end)):
            continue
        if reaches_end:
            last = last_pos
        start = first
        if lines[content[first]].kind == "byline":
            # The first item's headline and teaser come before its byline.
            while start > 0 and first - start < 2:
                prev = lines[content[start - 1]]
                if prev.kind is None and not _is_titlelike(prev.text):
                    break
                start -= 1
        # A links block follows an article; without a paragraph before it, the "block" is the article.
        if not any(lines[i].kind is None and _is_paragraph(lines[i].text) for i in content[:start]):
            continue
        for p in range(start, last + 1):
            if lines[content[p]].kind is None or lines[content[p]].kind == "duplicate":
                lines[content[p]].kind = "related"


def _mark_bios(lines: list[_Line], content: list[int]) -> None:
    """An author bio ("X is a columnist for ...", "X has worked as a writer ...") closing the article.

    The same sentence inside a report may be news ("Y is a reporter who saw the
    attack"), so only a line with no more than one paragraph of content after it counts.
    """
    live = [i for i in content if lines[i].kind is None]
    for n, i in enumerate(live):
        line = lines[i]
        if len(line.text) > 700 or not _BIO.match(line.text):
            continue
        later = [k for k in live[n + 1 :] if lines[k].kind is None and len(lines[k].text) >= 150]
        if len(later) <= 1:
            line.kind = "bio"


def _mark_sandwiched(lines: list[_Line], content: list[int]) -> None:
    """Short lines between two promo/links lines belong to them ("Subscribe" / pitch / "Sign up")."""
    kinds = [lines[i].kind for i in content]
    for p, i in enumerate(content):
        if kinds[p] is not None or len(lines[i].text) > 250:
            continue
        for width in (1, 2):
            lo, hi = p - 1, p + width
            if lo < 0 or hi >= len(content):
                continue
            inner = content[p : p + width]
            if any(kinds[q] is not None or len(lines[k].text) > 250 for q, k in zip(range(p, p + width), inner)):
                continue
            if kinds[lo] in _SANDWICH_KINDS and kinds[hi] in _SANDWICH_KINDS:
                for k in inner:
                    lines[k].kind = "promo"
                break


def _mark_leading_kicker(lines: list[_Line], content: list[int]) -> None:
    """A section label above the headline ("National Security & Defense")."""
    live = [i for i in content if lines[i].kind is None]
    if len(live) < 3:
        return
    first, second = lines[live[0]], lines[live[1]]
    words = _words(first.text)
    if (
        len(words) <= 4
        and not re.search(r"[.?!:;,\"'”’]$", first.text)
        and all(w[0].isupper() or w.lower() in ("and", "of", "the", "&", "in") for w in words)
        and _is_titlelike(second.text, max_len=200)
        and len(_words(second.text)) > len(words) - 1
    ):
        first.kind = "label"


def _mark_trailing_titles(lines: list[_Line], content: list[int]) -> None:
    """Headline-like lines after the last paragraph ("The Latest", lists of other stories)."""
    run: list[int] = []
    for i in reversed(content):
        line = lines[i]
        if line.kind is not None:
            if run:
                break
            continue
        s = line.text
        if _BULLET.match(s) or len(s) > 200 or s.endswith(".") or len(_words(s)) > 25:
            break
        run.append(i)
    # Without a body paragraph before them, short lines are the article itself (a one-line report).
    body_before = run and any(lines[i].kind is None and _is_paragraph(lines[i].text) for i in content if i < min(run))
    if not body_before:
        return
    if len(run) >= 3:
        if _listish([lines[i].text for i in run]):
            return
        for i in run:
            lines[i].kind = "related"
        return
    for i in run:
        s = lines[i].text
        if len(_words(s)) <= 10 and not re.search(r"[?!\"”’')]$", s) and _is_headline_case(s):
            lines[i].kind = "label"
        else:
            break


def _is_paragraph(s: str) -> bool:
    return len(_words(s)) >= 15 and bool(re.search(r"[.!?][\"”’')]?$", s))


def _listish(items: list[str]) -> bool:
    """Items of a data list (dates, numbered entries, repeated lead word) rather than other headlines."""
    firsts = [(_words(s) or [""])[0].lower().rstrip(".") for s in items]
    shaped = sum(1 for f in firsts if f[:1].isdigit() or f in MONTHS or firsts.count(f) > 1)
    return shaped >= 0.5 * len(items)


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Where :func:`strip_boilerplate` would drop lines, as character ranges of ``text``.

    Each range covers one boilerplate line without its newline, so blanking the
    ranges keeps the line structure and every offset of the kept text.

    Args:
        text: Plain article text.

    Returns:
        Sorted ``(start, end)`` ranges, ``text[start:end]`` being a boilerplate line.
    """
    return [(line.start, line.end) for line in _classify(text) if line.kind and line.start < line.end]


def strip_boilerplate(text: str) -> str:
    """Drop web boilerplate lines from plain text, keeping paragraphs.

    Removes newsletter and subscription pitches, related-article lists with
    their bylines and separators, share buttons, photo captions and credits,
    author bios, "Read more"/"Related:" lines, advertisement markers, cookie
    and legal notices, section labels and exact duplicate lines. Blank-line
    paragraph breaks are kept (runs collapsed to one).

    Args:
        text: Plain article text.

    Returns:
        The kept lines joined with ``\\n``.
    """
    out: list[str] = []
    for line in _classify(text):
        if line.kind:
            continue
        if line.blank:
            if out and out[-1]:
                out.append("")
            continue
        out.append(text[line.start : line.end].rstrip())
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _blank_ranges(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in ranges:
        for k in range(start, end):
            if chars[k] not in "\n\r":
                chars[k] = " "
    return "".join(chars)


# --------------------------------------------------------------------------- HTML


_MIN_HTML_WORDS = 4


def _extract_html(doc: RawDocument) -> tuple[str, str | None, dt.date | None]:
    """Main text, title and reliable publication date of a web page."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            doc.content,
            url=doc.url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted lxml/parser errors on broken markup
        raise InputError("E005", path=doc.origin) from exc
    text = (getattr(result, "text", None) or "") if result is not None else ""
    # trafilatura falls back to whatever text a page has ("Home World" of a bare menu):
    # fewer words than a headline is no article body.
    if len(_words(text)) < _MIN_HTML_WORDS:
        raise InputError("E005", path=doc.origin)
    title = getattr(result, "title", None) or None
    url = doc.url or getattr(result, "url", None)
    return text, title, html_date(doc.content, url=url)



# --------------------------------------------------------------------------- clean


def _guess_title(text: str) -> str | None:
    """The first line, if it reads as a headline: short, no final period, with a body after it."""
    lines = [line for line in _split_lines(text) if not line.blank]
    if len(lines) < 2:
        return None
    first = lines[0].text
    words = _words(first)
    if not (2 <= len(words) <= 25 and len(first) <= 200) or re.search(r"[.:;,]$", first):
        return None
    if not any(len(line.text) > len(first) or line.text.endswith(".") for line in lines[1:4]):
        return None
    return first


def _truncate(text: str, *, max_chars: int, origin: str) -> str:
    if len(text) <= max_chars:
        return text
    cut = text.rfind(" ", max(0, max_chars - 200), max_chars)
    cut = cut if cut > 0 else max_chars
    logger.warning("%s: article of %d characters truncated to %d", origin, len(text), cut)
    return text[:cut]


def clean(doc: RawDocument, *, max_chars: int = 100_000) -> Article:
    """Turn one ingested document into an article.

    Args:
        doc: What ingest read.
        max_chars: Longer texts are truncated (with a warning); offsets of the
            kept prefix are unchanged.

    Returns:
        The article with cleaned text, title, publication date and its source
        (``published_from``), language and ``content_hash``.

    Raises:
        InputError: E005 for a web page with no extractable text, E010 for a
            record whose ``published`` is not a date.
        ArticleSkipped: E006 if nothing is left after cleaning, E007 if the
            article is not in English.
    """
    title = doc.title.strip() if doc.title and doc.title.strip() else None
    published: dt.date | None = None
    published_from: str | None = None
    if doc.published:
        published, published_from = parse_published(doc.published, origin=doc.origin), "metadata"

    if doc.kind == "html":
        text, html_title, html_date = _extract_html(doc)
        text = strip_boilerplate(text.replace("\r\n", "\n"))
        title = title or html_title
        if published is None and html_date is not None:
            published, published_from = html_date, "html"
    elif doc.kind == "record":
        text = _blank_ranges(doc.content, boilerplate_ranges(doc.content)).rstrip()
    else:
        text = strip_boilerplate(doc.content)

    if not text.strip():
        raise ArticleSkipped("E006", path=doc.origin)
    text = _truncate(text, max_chars=max_chars, origin=doc.origin)

    if title is None and doc.kind != "html":
        title = _guess_title(text)
    if published is None:
        found = find_publication_date(text)
        if found is None and doc.kind != "html":
            # The story's own byline ("By X | Published 16 October 2017") sits above the
            # first paragraph and is dropped as a byline; related-article lists, whose dates
            # must never be taken, come after the story.
            found = find_publication_date(story_head(doc.content))
        if found is None and doc.kind != "html":
            # "Published 13 November 2015" on the line after the story's last paragraph.
            found = find_publication_date(story_foot(doc.content, text))
        if found is not None:
            published, published_from = found[0], found[1]

    language = detect_language(text)
    if language is not None and language != "en":
        raise ArticleSkipped("E007", path=doc.origin, language=language)

    return Article(
        id=doc.id,
        text=text,
        title=title,
        url=doc.url,
        source=doc.source,
        published=published,
        published_from=published_from,
        language=language or "en",
        origin=doc.origin,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
