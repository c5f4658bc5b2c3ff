"""Language identification: is an article in English?

Takes any text and returns an ISO 639-1 code or None. Non-Latin scripts decide
on their own; Latin-script text is scored against function-word profiles of
19 languages. Only English is processed further: ``tacitus.clean`` turns any
other answer into a ``Skipped`` record naming the language (E007).
"""

from __future__ import annotations

import logging
import re
import unicodedata

logger = logging.getLogger(__name__)

__all__ = ["detect_language"]

_STOPWORDS: dict[str, str] = {
    "en": "a the of and to in is was that for on with as by at from his her are were it have has had said he she they "
          "this which be not an but or their been after who will would its than also into about more",
    "fr": "le la les des du de et est une un que qui dans pour pas sur au aux avec par ce cette sont il elle ont été à "
          "mais ou se ses leur plus nous vous était comme selon a déclaré ont été lors",
    "es": "el la los las del de y en que es un una por con para se no su sus al lo como más pero fue ha han fueron "
          "este esta entre cuando también según",
    "pt": "o a os as do da dos das de e em que é um uma para com não no na nos nas por se ao mais foi são pelo pela "
          "como mas também seu sua segundo disse informou foram durante pelos pelas",
    "it": "il lo la gli le di del della dei delle che è e un una per con non sono da nel nella al alla anche come più "
          "ma ha stato questo",
    "de": "der die das und ist nicht ein eine den dem des zu mit von auf für sich im auch es wurde sind bei aus nach "
          "wie oder werden hat dass sie er",
    "nl": "de het een en van is dat niet op te in zijn met voor die aan er ook als bij maar om door naar wordt hij "
          "werd zij heeft nog zei volgens hebben werden zijn door bij",
    "tr": "ve bir bu da de için ile olarak olan gibi daha çok ne ki en ama veya sonra kadar şu değil tarafından ise "
          "oldu olduğu günü açıkladı dedi göre",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena oleh ada adalah sebagai telah "
          "bahwa mereka atau kata menurut hari orang pihak tersebut",
    "sw": "na ya wa kwa ni za katika la kuwa hiyo huo hii kama lakini pia baada watu wakati alisema amesema ambao "
          "hakuna sana siku walisema alisema mnamo",
    "pl": "i w nie na się z że do jest to jak po o przez od za ale co dla jego tak są być został już oraz które który",
    "sv": "och att det som en på är av för med till den inte har de om ett var han men från sig vid också efter",
    "ro": "și în de la cu pe că din nu este o un care a pentru mai au fost sunt se ca lui prin acest această",
    "ha": "da na a ta ya wanda kuma ba su shi ne ce wani cikin daga domin amma sun an za mai ranar ji jihar 'yan sanda",
    "so": "iyo ee ka ku oo ay waxa in uu la waa ah aan u ayaa si kale waxaa",
    "tl": "ang mga ng sa na at ay ni si para hindi ito kay mula nang siya",
    "vi": "và của là có các được trong cho không những một với người này đã đến khi cũng",
    "cs": "a se na je že v to s z do o jako ale jsou pro který jeho být také",
    "hu": "a az és hogy nem is egy meg de már csak van volt ez mint el",
}  # fmt: skip
_PROFILES = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
# A word shared by n profiles is weak evidence for each of them.
_WEIGHTS: dict[str, dict[str, float]] = {}
for _lang, _profile in _PROFILES.items():
    for _w in _profile:
        _WEIGHTS.setdefault(_w, {})[_lang] = 1.0
for _w, _langs in _WEIGHTS.items():
    for _lang in _langs:
        _langs[_lang] = 1.0 / len(_langs)

# (first code point, last code point, script) for scripts that identify a language on their own.
_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "el"), (0x0400, 0x052F, "cyrillic"), (0x0530, 0x058F, "hy"), (0x0590, 0x05FF, "he"),
    (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"), (0x08A0, 0x08FF, "arabic"), (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"), (0x0900, 0x097F, "hi"), (0x0980, 0x09FF, "bn"), (0x0A00, 0x0A7F, "pa"),
    (0x0A80, 0x0AFF, "gu"), (0x0B80, 0x0BFF, "ta"), (0x0C00, 0x0C7F, "te"), (0x0C80, 0x0CFF, "kn"),
    (0x0D00, 0x0D7F, "ml"), (0x0D80, 0x0DFF, "si"), (0x0E00, 0x0E7F, "th"), (0x1000, 0x109F, "my"),
    (0x10A0, 0x10FF, "ka"), (0x1200, 0x139F, "am"), (0x1780, 0x17FF, "km"), (0x3040, 0x30FF, "ja"),
    (0x1100, 0x11FF, "ko"), (0xAC00, 0xD7AF, "ko"), (0x4E00, 0x9FFF, "zh"), (0x3400, 0x4DBF, "zh"),
)  # fmt: skip
# Letters that belong to one language among the profiled ones: each word holding one is a vote.
# English text quoting names ("Erdoğan", "Peña Nieto") gets a vote or two, far below its own score.
_MARKS: dict[str, str] = {
    "tr": "ğış", "pt": "ãõ", "es": "ñ¿¡", "de": "ß", "pl": "łąęśźż", "ro": "șțş", "cs": "řěů", "hu": "őű",
    "vi": "ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
}
_MARK_OF = {ch: lang for lang, letters in _MARKS.items() for ch in letters}
_MIN_WORDS = 5
_SAMPLE = 20_000


def _script_of(ch: str) -> str | None:
    cp = ord(ch)
    if cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF:
        return "latin"
    for lo, hi, script in _SCRIPTS:
        if lo <= cp <= hi:
            return script
    return None


def detect_language(text: str) -> str | None:
    """Guess the language of a text from its script and function words.

    Non-Latin scripts decide on their own (Cyrillic -> ``ru`` or ``uk``, Arabic
    script -> ``ar``, ``fa`` or ``ur``, Han with kana -> ``ja`` ...); Latin
    text is scored against stop-word profiles of 19 languages, case-folded so
    that ALL-CAPS wire copy is recognised.

    Args:
        text: Any text; only its first 20,000 characters are looked at.

    Returns:
        An ISO 639-1 code, or None if the text is too short (fewer than five
        words) or shows no recognisable evidence.
    """
    original = unicodedata.normalize("NFC", text[:_SAMPLE])
    sample = original.lower()
    tokens = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", original)
    if len(tokens) < _MIN_WORDS:
        return None
    counts: dict[str, int] = {}
    for ch in sample:
        if ch.isalpha():
            script = _script_of(ch)
            if script:
                counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    script = max(counts, key=lambda s: counts[s])
    if script == "zh" and counts.get("ja", 0) > 0.05 * counts["zh"]:
        return "ja"
    if script == "cyrillic":
        return "uk" if re.search(r"[іїєґ]", sample) else "ru"
    if script == "arabic":
        if re.search(r"[ےٹڈڑں]", sample):
            return "ur"
        if re.search(r"[پچژگ]", sample) or sample.count("ی") > sample.count("ي"):
            return "fa"
        return "ar"
    if script != "latin":
        return script
    return _latin_language(original, tokens)


def _latin_language(original: str, tokens: list[str]) -> str | None:
    cased = [c for c in original if c.isalpha() and c.lower() != c.upper()]
    shouting = bool(cased) and sum(1 for c in cased if c.isupper()) > 0.7 * len(cased)
    # Capitalised words are mostly names ("Los Angeles", "El Hani"), which would
    # pass for Spanish articles; in ALL-CAPS wire copy every word counts.
    words = [t.lower() for t in tokens] if shouting else [t for t in tokens if t[0].islower()]
    scores: dict[str, float] = {}
    for token in tokens:
        marked = {_MARK_OF[ch] for ch in token.lower() if ch in _MARK_OF}
        for lang in marked:
            scores[lang] = scores.get(lang, 0.0) + 1.0
    for word in words:
        for lang, weight in _WEIGHTS.get(word.replace("’", "'"), {}).items():
            scores[lang] = scores.get(lang, 0.0) + weight
    if not scores:
        return None
    ranked = sorted(scores, key=lambda lang: scores[lang], reverse=True)
    best = ranked[0]
    top = scores[best]
    if best == "en":
        return "en" if top >= 0.5 else None
    # Only a clear lead names a foreign language: a skipped article is lost to the user.
    runner_up = scores[ranked[1]] if len(ranked) > 1 else 0.0
    if top >= 2.0 and top >= 2 * scores.get("en", 0.0) and top >= 1.5 * runner_up:
        return best
    # No clear foreign lead: English words, if any, decide (names with accents do not make a language).
    return "en" if scores.get("en", 0.0) >= 0.5 else None
