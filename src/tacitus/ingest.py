"""Input stage: files, directories, JSON Lines, HTML pages and stdin -> :class:`RawDocument`.

Takes paths (``"-"`` for stdin) and yields one :class:`~tacitus.models.RawDocument`
per article, or a :class:`~tacitus.models.Skipped` record for every input that
cannot be read. Nothing here raises for one bad input: a missing file, an
undecodable file, a bad JSON line or a record without ``text`` becomes a
``Skipped`` with a coded reason naming the path (and line), logged once at
WARNING, and the remaining inputs go on.

Supported inputs (CODEBOOK section 4): ``.txt`` (kind ``"text"``), ``.html`` /
``.htm`` (kind ``"html"``), ``.jsonl`` (one kind ``"record"`` per line), each
optionally gzip-compressed (``.txt.gz`` ...), and directories, walked
recursively in sorted order with hidden entries skipped.
"""

from __future__ import annotations

import codecs
import gzip
import json
import logging
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from tacitus.errors import InputError
from tacitus.models import RawDocument, Skipped

logger = logging.getLogger(__name__)


SUFFIX_KINDS: dict[str, str] = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
STDIN_ORIGIN = "<stdin>"

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_HTML_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section|main|\?xml)\b",
    re.IGNORECASE | re.DOTALL,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_RECORD_FIELDS = ("url", "title", "published", "source")


def iter_documents(
    paths: Iterable[str | Path], *, stdin: BinaryIO | None = None
) -> Iterator[RawDocument | Skipped]:
    """Read every input named in ``paths`` and yield its documents in a deterministic order.

    Args:
        paths: Files, directories, or ``"-"`` for standard input. A directory is
            walked recursively (sorted; hidden files and directories skipped;
            files of unsupported type silently ignored). An unsupported file
            named explicitly yields a ``Skipped`` (E009).
        stdin: Binary stream to read for ``"-"``; defaults to ``sys.stdin.buffer``.
            Its content is sniffed: JSON Lines if the first non-blank character
            is ``{``, HTML if it starts like markup, plain text otherwise.

    Yields:
        A ``RawDocument`` per article, or a ``Skipped`` per input (file or
        JSONL line) that could not be read.
    """
    for path in paths:
        if str(path) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stdin(stream)
            continue
        path = Path(path)
        if path.is_dir():
            for child in _walk(path):
                yield from _read_file(child)
        elif not path.exists():
            yield _skip(InputError("E008", path=path), origin=str(path))
        elif _kind_of(path) is None:
            yield _skip(InputError("E009", path=path, suffix="".join(path.suffixes) or "(none)"), origin=str(path))
        else:
            yield from _read_file(path)


def decode_bytes(data: bytes, *, origin: str) -> str:
    """Decode the bytes of one input to text with ``\\n`` newlines.

    Tries, in order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8,
    cp1252 (when the result looks like Western text), charset-normalizer's
    best guess, and latin-1 as a last resort.

    Args:
        data: Raw bytes of a file or of stdin.
        origin: Where the bytes came from, for the error message.

    Returns:
        The decoded text, newlines normalised to ``\\n``, without BOM.

    Raises:
        InputError: E004 if the bytes are binary data rather than text.
    """
    text = _decode(data, origin=origin)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text and len(_CONTROL.findall(text[:20_000])) > 0.01 * min(len(text), 20_000):
        raise InputError("E004", path=origin, reason="binary data (control characters)")
    return text


def _decode(data: bytes, *, origin: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError("E004", path=origin, reason=f"invalid {encoding} after byte-order mark: {exc}") from exc
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM shows as every other byte zero; anything else with NULs is binary.
        text = _bomless_utf16(data)
        if text is None:
            raise InputError("E004", path=origin, reason="binary data (NUL bytes)")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_western(text):
        return text
    guess = _charset_normalizer_guess(data)
    if guess is not None:
        return guess
    return text if text is not None else data.decode("latin-1")


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = max(len(sample) // 2, 1)
    if odd_zeros > 0.3 * half and even_zeros < 0.05 * half:
        encoding = "utf-16-le"
    elif even_zeros > 0.3 * half and odd_zeros < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_western(text: str) -> bool:
    """cp1252 decodes almost any bytes; accept it only when accented letters are a minority.

    Cyrillic or Greek single-byte text read as cp1252 turns into runs of
    accented Latin letters; real French or German text has a few per cent.
    """
    letters = [c for c in text[:20_000] if c.isalpha()]
    if not letters:
        return True
    non_ascii = sum(1 for c in letters if ord(c) > 127)
    return non_ascii <= 0.25 * len(letters)


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best)


def _kind_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return SUFFIX_KINDS.get(suffixes[-1]) if suffixes else None


def _stem(path: Path) -> str:
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem


def _walk(directory: Path, _seen: set[Path] | None = None) -> Iterator[Path]:
    seen = _seen if _seen is not None else set()
    real = directory.resolve()
    if real in seen:  # a symlink loop would otherwise recurse forever
        return
    seen.add(real)
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        logger.warning("cannot list directory %s: %s", directory, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif entry.is_file() and _kind_of(entry) is not None:
            yield entry


def _read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        data = gzip.decompress(data)
    return data


def _read_file(path: Path) -> Iterator[RawDocument | Skipped]:
    origin = str(path)
    try:
        data = _read_bytes(path)
    except (OSError, EOFError, zlib.error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield _skip(InputError("E001", path=path, reason=reason), origin=origin, doc_id=_stem(path))
        return
    try:
        text = decode_bytes(data, origin=origin)
    except InputError as exc:
        yield _skip(exc, origin=origin, doc_id=_stem(path))
        return
    kind = _kind_of(path)
    if kind == "jsonl":
        yield from _read_jsonl(text, origin=origin, stem=_stem(path))
    else:
        yield RawDocument(id=_stem(path), origin=origin, kind="html" if kind == "html" else "text", content=text)


def _read_stdin(stream: BinaryIO) -> Iterator[RawDocument | Skipped]:
    try:
        data = stream.read()
    except OSError as exc:
        yield _skip(InputError("E001", path=STDIN_ORIGIN, reason=str(exc)), origin=STDIN_ORIGIN, doc_id="stdin")
        return
    try:
        text = decode_bytes(data, origin=STDIN_ORIGIN)
    except InputError as exc:
        yield _skip(exc, origin=STDIN_ORIGIN, doc_id="stdin")
        return
    head = text.lstrip()
    if head.startswith("{"):
        yield from _read_jsonl(text, origin=STDIN_ORIGIN, stem="stdin")
    elif _HTML_START.match(text[:4096]):
        yield RawDocument(id="stdin", origin=STDIN_ORIGIN, kind="html", content=text)
    else:
        yield RawDocument(id="stdin", origin=STDIN_ORIGIN, kind="text", content=text)


def _read_jsonl(text: str, *, origin: str, stem: str) -> Iterator[RawDocument | Skipped]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_origin = f"{origin}:{number}"
        fallback_id = f"{stem}-{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _skip(InputError("E002", path=origin, line=number, reason=exc.msg), origin=line_origin, doc_id=fallback_id)
            continue
        if not isinstance(obj, dict):
            yield _skip(
                InputError("E002", path=origin, line=number, reason=f"got a JSON {type(obj).__name__}"),
                origin=line_origin,
                doc_id=fallback_id,
            )
            continue
        doc_id = str(obj["id"]) if obj.get("id") is not None else fallback_id
        content = obj.get("text")
        if not isinstance(content, str):
            yield _skip(InputError("E003", path=origin, line=number), origin=line_origin, doc_id=doc_id)
            continue
        meta = {key: _as_text(obj.get(key)) for key in _RECORD_FIELDS}
        yield RawDocument(id=doc_id, origin=line_origin, kind="record", content=content, **meta)


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text if text.strip() else None


def _skip(exc: InputError, *, origin: str, doc_id: str | None = None) -> Skipped:
    logger.warning("%s", exc)
    return Skipped(origin=origin, reason=exc.reason, code=exc.code, id=doc_id)
