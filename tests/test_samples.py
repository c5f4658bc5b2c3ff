"""The bundled sample articles and their README expectations table.

Checks the files themselves (present, readable, of a supported format, with a
publication date a pipeline can find) and that `samples/README.md` lists each
one with a well-formed expected coding. Extraction quality on the samples is
tested in test_samples_gate.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib.resources import files
from pathlib import Path

import lxml.html
import pycountry
import pytest

from tacitus.models import EVENT_TYPES

SAMPLES = Path(str(files("tacitus").joinpath("samples")))
README = SAMPLES / "README.md"
SUPPORTED_SUFFIXES = {".txt", ".html", ".jsonl"}
MIN_WORDS, MAX_WORDS = 120, 350
NULL = "—"
FILE_COLUMNS = ["file", "format", "published", "headline"]
EVENT_COLUMNS = [
    "file", "event", "date", "event_type", "sub_event_type", "country",
    "location", "actor1", "actor2", "fatalities", "required",
]
JSONL_FIELDS = {"id", "text", "url", "title", "published", "source"}
NUMBER_WORDS = dict(enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split()
))
MONTHS = {dt.date(2000, m, 1).strftime("%B"): m for m in range(1, 13)}


def read_tables(markdown: str) -> list[list[dict[str, str]]]:
    """Every pipe table of a markdown text, as lists of row dicts keyed by header."""
    tables: list[list[dict[str, str]]] = []
    block: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        if line.lstrip().startswith("|"):
            block.append(line.strip())
            continue
        if block:
            tables.append(_parse_block(block))
            block = []
    return tables


def _parse_block(lines: list[str]) -> list[dict[str, str]]:
    def cells(line: str) -> list[str]:
        return [cell.strip() for cell in line.strip("|").split("|")]

    header = cells(lines[0])
    assert len(lines) >= 2 and set(lines[1]) <= set("|-: "), f"no separator row under {header}"
    rows = []
    for line in lines[2:]:
        values = cells(line)
        assert len(values) == len(header), f"row has {len(values)} cells, header {len(header)}: {line}"
        rows.append(dict(zip(header, values)))
    return rows


def table_with(columns: list[str]) -> list[dict[str, str]]:
    for table in read_tables(README.read_text(encoding="utf-8")):
        if table and list(table[0]) == columns:
            return table
    raise AssertionError(f"README has no table with columns {columns}")


def sample_files() -> list[Path]:
    return sorted(path for path in SAMPLES.iterdir() if path.is_file() and path.name != "README.md")


def jsonl_articles() -> dict[str, dict]:
    articles = {}
    for path in SAMPLES.glob("*.jsonl"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                article = json.loads(line)
                assert article["id"] not in articles, f"{path.name}:{number} repeats id {article['id']}"
                articles[article["id"]] = article
    return articles


def html_charset(raw: bytes) -> str | None:
    match = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", raw[:2048], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


def body_text(key: str) -> str:
    """The article text of a README `file` key (`name` or `name#id`)."""
    name, _, article_id = key.partition("#")
    path = SAMPLES / name
    if article_id:
        return jsonl_articles()[article_id]["text"]
    if path.suffix == ".html":
        raw = path.read_bytes()
        tree = lxml.html.fromstring(raw.decode(html_charset(raw) or "utf-8"))
        return " ".join(p.text_content() for p in tree.xpath("//article//p"))
    return path.read_text(encoding="utf-8")


def published_in_file(key: str) -> dt.date:
    """The publication date as a pipeline would find it in the sample itself."""
    name, _, article_id = key.partition("#")
    path = SAMPLES / name
    if article_id:
        return dt.date.fromisoformat(jsonl_articles()[article_id]["published"])
    if path.suffix == ".html":
        tree = lxml.html.fromstring(path.read_bytes())
        (stamp,) = tree.xpath('//meta[@property="article:published_time"]/@content')
        return dt.datetime.fromisoformat(stamp).date()
    match = re.search(r"Published (\d{1,2}) ([A-Z][a-z]+) (\d{4})", path.read_text(encoding="utf-8"))
    assert match, f"{name} has no 'Published DD Month YYYY' line"
    day, month, year = match.groups()
    return dt.date(int(year), MONTHS[month], int(day))


FILE_ROWS = table_with(FILE_COLUMNS)
EVENT_ROWS = table_with(EVENT_COLUMNS)
FILE_KEYS = [row["file"] for row in FILE_ROWS]


def test_readme_marks_provenance_and_licence():
    readme = README.read_text(encoding="utf-8")
    assert "Written for Tacitus" in readme
    assert "MIT" in readme
    assert "public" in readme.lower() or "widely reported" in readme


def test_samples_number_twelve_to_fourteen_articles():
    assert 12 <= len(FILE_KEYS) <= 14
    assert len(set(FILE_KEYS)) == len(FILE_KEYS)


def test_every_sample_file_has_a_supported_type_and_a_readme_row():
    listed = {key.partition("#")[0] for key in FILE_KEYS}
    for path in sample_files():
        assert path.suffix in SUPPORTED_SUFFIXES, path.name
        assert path.name in listed, f"{path.name} is not listed in README.md"


def test_every_readme_row_names_an_existing_sample():
    articles = jsonl_articles()
    for key in FILE_KEYS + [row["file"] for row in EVENT_ROWS]:
        name, _, article_id = key.partition("#")
        assert (SAMPLES / name).is_file(), f"README lists missing file {name}"
        if article_id:
            assert article_id in articles, f"README lists missing JSONL article {article_id}"
    assert {key.partition("#")[2] for key in FILE_KEYS if "#" in key} == set(articles)


def test_file_names_follow_the_numbered_slug_pattern():
    for path in sample_files():
        if path.suffix != ".jsonl":
            assert re.fullmatch(r"\d\d_[a-z0-9]+(-[a-z0-9]+)*\.(txt|html)", path.name), path.name


def test_text_and_jsonl_files_are_utf8():
    for path in sample_files():
        if path.suffix in {".txt", ".jsonl"}:
            raw = path.read_bytes()
            assert not raw.startswith(b"\xef\xbb\xbf"), f"{path.name} starts with a BOM"
            raw.decode("utf-8")


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.html")), ids=lambda path: path.name)
def test_html_pages_declare_charset_and_look_like_articles(path: Path):
    raw = path.read_bytes()
    charset = html_charset(raw)
    assert charset, f"{path.name} declares no charset"
    tree = lxml.html.fromstring(raw.decode(charset))
    assert tree.xpath("//head/title/text()")
    assert tree.xpath('//meta[@property="article:published_time"]/@content')
    assert len(tree.xpath("//article//p")) >= 4
    # Boilerplate outside the article is the point of these pages: the cleaner must drop it.
    assert tree.xpath("//nav") and tree.xpath("//footer")


def test_jsonl_articles_follow_the_codebook_format():
    articles = jsonl_articles()
    assert 2 <= len(articles) <= 3
    for article_id, article in articles.items():
        assert set(article) == JSONL_FIELDS, article_id
        assert all(isinstance(article[field], str) and article[field] for field in JSONL_FIELDS)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", article["published"])
        dt.date.fromisoformat(article["published"])
        assert article["url"].startswith("https://example.org/")


@pytest.mark.parametrize("key", FILE_KEYS)
def test_article_length_is_within_bounds(key: str):
    words = len(body_text(key).split())
    assert MIN_WORDS <= words <= MAX_WORDS, f"{key}: {words} words"


@pytest.mark.parametrize("row", FILE_ROWS, ids=lambda row: row["file"])
def test_publication_date_in_sample_matches_readme(row: dict[str, str]):
    assert published_in_file(row["file"]) == dt.date.fromisoformat(row["published"])


def test_expectations_table_parses_into_codebook_values():
    assert EVENT_ROWS
    for row in EVENT_ROWS:
        where = f"{row['file']} / {row['event']}"
        dt.date.fromisoformat(row["date"])
        assert row["event_type"] in EVENT_TYPES, where
        assert row["sub_event_type"] == NULL or row["sub_event_type"] in EVENT_TYPES[row["event_type"]], where
        assert row["country"] == NULL or pycountry.countries.get(alpha_3=row["country"]), where
        assert row["fatalities"] == NULL or (row["fatalities"].isdigit()), where
        assert row["required"] in {"yes", "no"}, where
        assert row["actor1"] and row["actor2"] and row["location"] and row["event"], where


def test_expected_events_precede_publication():
    published = {row["file"]: dt.date.fromisoformat(row["published"]) for row in FILE_ROWS}
    for row in EVENT_ROWS:
        assert dt.date.fromisoformat(row["date"]) <= published[row["file"]], row["event"]


def test_every_article_has_a_required_event_and_together_they_cover_every_event_type():
    required = [row for row in EVENT_ROWS if row["required"] == "yes"]
    assert {row["file"] for row in required} == set(FILE_KEYS)
    assert {row["event_type"] for row in required} == set(EVENT_TYPES)


def test_expected_places_and_fatalities_appear_in_the_text():
    for row in EVENT_ROWS:
        if row["required"] != "yes":
            continue
        text = body_text(row["file"])
        if row["location"] != NULL:
            assert row["location"] in text, f"{row['file']}: {row['location']} not in text"
        if row["fatalities"] not in {NULL, "0", "1"}:
            toll = row["fatalities"]
            spelled = NUMBER_WORDS.get(int(toll), toll)
            found = re.search(rf"\b({toll}|{spelled})\b", text, re.IGNORECASE)
            assert found, f"{row['file']}: toll {toll} not in text"


def test_some_samples_carry_web_boilerplate_for_the_cleaner():
    with_boilerplate = [
        path.name for path in sample_files()
        if "Sign up for our" in path.read_text(encoding="utf-8") and "Related" in path.read_text(encoding="utf-8")
    ]
    assert len(with_boilerplate) >= 2
