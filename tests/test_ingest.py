"""Tests for tacitus.ingest: files, directories, JSONL, HTML, stdin, encodings, bad input."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
from pathlib import Path

import pytest

from tacitus.errors import InputError
from tacitus.ingest import decode_bytes, iter_documents
from tacitus.models import RawDocument, Skipped

DATA = Path(__file__).parent / "data" / "ingest"

TEXT = "Gunmen killed 12 villagers in Burkina Faso on Saturday, officials said.\n"
ACCENTED = "Le café du côté de l'église à Saint-Étienne — « déjà » vu, naïve €5\n"


def docs(results: list[RawDocument | Skipped]) -> list[RawDocument]:
    return [r for r in results if isinstance(r, RawDocument)]


def skips(results: list[RawDocument | Skipped]) -> list[Skipped]:
    return [r for r in results if isinstance(r, Skipped)]


# ---------------------------------------------------------------- file kinds


def test_txt_file_is_text_kind_with_stem_id(tmp_path: Path) -> None:
    path = tmp_path / "report-1.txt"
    path.write_text(TEXT, encoding="utf-8")
    [doc] = list(iter_documents([path]))
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.kind, doc.origin, doc.content) == ("report-1", "text", str(path), TEXT)


@pytest.mark.parametrize("suffix", [".html", ".htm", ".HTML"])
def test_html_suffixes_are_html_kind(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_text("<html><body><p>Hello</p></body></html>", encoding="utf-8")
    [doc] = list(iter_documents([str(path)]))
    assert doc.kind == "html"
    assert doc.id == "page"


def test_gzipped_html_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress((DATA / "article.html").read_bytes()))
    [doc] = list(iter_documents([path]))
    assert doc.kind == "html"
    assert doc.id == "page"
    assert "Burkina Faso" in doc.content


def test_jsonl_lines_become_records_with_metadata(tmp_path: Path) -> None:
    rows = [
        {"id": 7, "text": "First.", "url": "https://x.test/1", "title": "T1", "published": "2023-04-09",
         "source": "Wire", "events": [{"event_type": "Battles"}]},
        {"text": "Second, without id."},
    ]  # fmt: skip
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    first, second = docs(list(iter_documents([path])))
    assert first == RawDocument(
        id="7", origin=f"{path}:1", kind="record", content="First.", url="https://x.test/1", title="T1",
        published="2023-04-09", source="Wire",
    )  # fmt: skip
    assert second.id == "batch-2"
    assert second.origin == f"{path}:2"
    assert second.url is None and second.published is None


def test_jsonl_record_text_is_kept_verbatim(tmp_path: Path) -> None:
    text = "Line one\r\nline two\twith tab  and \u00a0nbsp "
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text}) + "\r\n", encoding="utf-8")
    [doc] = list(iter_documents([path]))
    assert doc.content == text


# ---------------------------------------------------------------- directories


def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text(TEXT)
    (tmp_path / "a" / "y.txt").write_text(TEXT)
    (tmp_path / "c.htm").write_text("<p>x</p>")
    (tmp_path / "a" / "notes.md").write_text("ignored")  # unsupported inside a directory: silently ignored
    (tmp_path / ".secret.txt").write_text(TEXT)
    (tmp_path / ".hidden" / "x.txt").write_text(TEXT)
    results = list(iter_documents([tmp_path]))
    assert not skips(results)
    assert [d.id for d in docs(results)] == ["y", "z", "c"]


def test_symlink_loop_does_not_recurse_forever(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [d.id for d in docs(list(iter_documents([tmp_path])))] == ["a"]


def test_unsupported_file_named_explicitly_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("x")
    [skip] = list(iter_documents([path]))
    assert isinstance(skip, Skipped)
    assert skip.code == "E009"
    assert str(path) in skip.reason and ".md" in skip.reason


# ---------------------------------------------------------------- stdin


def test_stdin_text() -> None:
    [doc] = list(iter_documents(["-"], stdin=io.BytesIO(TEXT.encode())))
    assert (doc.id, doc.kind, doc.content) == ("stdin", "text", TEXT)


def test_stdin_sniffs_jsonl() -> None:
    data = b'\n  {"id": "x1", "text": "One."}\n{"text": "Two."}\n'
    results = docs(list(iter_documents(["-"], stdin=io.BytesIO(data))))
    assert [(d.id, d.kind) for d in results] == [("x1", "record"), ("stdin-3", "record")]


@pytest.mark.parametrize(
    "data",
    [b"<!DOCTYPE html><html><body><p>x</p></body></html>", b"  <html lang='en'><p>x</p></html>", b"<!-- c --><div>x</div>"],
)
def test_stdin_sniffs_html(data: bytes) -> None:
    [doc] = list(iter_documents(["-"], stdin=io.BytesIO(data)))
    assert doc.kind == "html"


def test_stdin_text_starting_with_angle_bracket_quote_is_text() -> None:
    [doc] = list(iter_documents(["-"], stdin=io.BytesIO(b"<<Breaking>> Rebels seized the town.")))
    assert doc.kind == "text"


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "data",
    [
        ACCENTED.encode("utf-8"),
        codecs.BOM_UTF8 + ACCENTED.encode("utf-8"),
        codecs.BOM_UTF16_LE + ACCENTED.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ACCENTED.encode("utf-16-be"),
        ACCENTED.encode("utf-16"),  # Python writes a BOM in native order
        ACCENTED.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16-native", "cp1252"],
)
def test_decode_bytes_encodings(data: bytes) -> None:
    assert decode_bytes(data, origin="x") == ACCENTED


def test_decode_latin1_accented_text() -> None:
    text = "Les forces de sécurité ont arrêté vingt manifestants à Niamey, a déclaré un témoin.\n"
    assert decode_bytes(text.encode("latin-1"), origin="x") == text


def test_decode_cyrillic_single_byte_is_not_read_as_cp1252() -> None:
    text = "Российские войска обстреляли город, погибли пять мирных жителей, сообщили местные власти.\n" * 3
    decoded = decode_bytes(text.encode("cp1251"), origin="x")
    assert "погибли" in decoded


def test_decode_normalises_newlines() -> None:
    assert decode_bytes(b"a\r\nb\rc\n", origin="x") == "a\nb\nc\n"


def test_decode_bytes_rejects_binary() -> None:
    garbage = bytes(range(256)) * 20
    with pytest.raises(InputError) as info:
        decode_bytes(garbage, origin="/data/blob.txt")
    assert info.value.code == "E004"
    assert "/data/blob.txt" in str(info.value)


def test_txt_file_in_cp1252_and_utf16_read_from_disk(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(ACCENTED.encode("cp1252"))
    (tmp_path / "b.txt").write_bytes(codecs.BOM_UTF16_LE + ACCENTED.replace("\n", "\r\n").encode("utf-16-le"))
    results = docs(list(iter_documents([tmp_path])))
    assert [d.content for d in results] == [ACCENTED, ACCENTED]


# ---------------------------------------------------------------- bad input never stops the batch


def test_bad_inputs_become_skipped_and_the_rest_goes_on(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text(
        '{"id": "ok1", "text": "Fine."}\n'
        '{"id": "broken", "text": \n'
        '{"id": "notext", "title": "Only a title"}\n'
        "[1, 2, 3]\n"
        '{"id": "ok2", "text": "Also fine."}\n',
        encoding="utf-8",
    )
    later = tmp_path / "later.txt"
    later.write_text(TEXT)
    with caplog.at_level(logging.WARNING, logger="tacitus.ingest"):
        results = list(iter_documents([good, missing, binary, jsonl, later]))

    assert [d.id for d in docs(results)] == ["good", "ok1", "ok2", "later"]
    by_origin = {s.origin: s for s in skips(results)}
    assert {o: s.code for o, s in by_origin.items()} == {
        str(missing): "E008",
        str(binary): "E004",
        f"{jsonl}:2": "E002",
        f"{jsonl}:3": "E003",
        f"{jsonl}:4": "E002",
    }
    assert str(missing) in by_origin[str(missing)].reason
    assert str(binary) in by_origin[str(binary)].reason
    assert f"{jsonl}: line 2" in by_origin[f"{jsonl}:2"].reason
    assert f"{jsonl}: line 3" in by_origin[f"{jsonl}:3"].reason and by_origin[f"{jsonl}:3"].id == "notext"
    # each skip logged once at WARNING
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == len(skips(results)) == 5


def test_unreadable_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(TEXT)
    other = tmp_path / "other.txt"
    other.write_text(TEXT)
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    # chmod does not stop root, so the refusal is simulated
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    skip, doc = list(iter_documents([path, other]))
    assert isinstance(skip, Skipped) and skip.code == "E001"
    assert str(path) in skip.reason and "Permission denied" in skip.reason
    assert isinstance(doc, RawDocument) and doc.id == "other"


def test_corrupt_gzip_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    [skip] = list(iter_documents([path]))
    assert isinstance(skip, Skipped) and skip.code == "E001"


def test_fixture_directory_reads_both_pages() -> None:
    results = list(iter_documents([DATA]))
    assert [d.id for d in docs(results)] == ["article", "related_dates"]
