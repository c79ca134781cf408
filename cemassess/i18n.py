"""Product strings shared by every face (CLI, app, PDF), looked up by key in any language.

Python holds only {key: English}; the translations live in gettext catalogues,
resources/locale/<lang>/LC_MESSAGES/cemassess.po (msgctxt = the key, msgid = the English,
msgstr = the translation), compiled to .mo by `make translations` (scripts/translations.py).
Faces keep their own catalogues (ui/strings.py, report/strings.py, ...) built the same way.

An entry is an English string, a `plural(one, other)` for a count `n` (each language's own
plural rules, ngettext), or - until `make translations` moves it into the catalogues - a
tuple (en, ru[, uk]) as colleagues add new strings.

Frameworks bring their own texts in any language (cemassess/domain/text.py); a language the
product has catalogues for is a folder under resources/locale/ (see README, "Adding a
language").
"""

from __future__ import annotations

import gettext
import hashlib
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DOMAIN = "cemassess"
SOURCE_LANG = "en"
# The .mo carries the sha256 of the .po it was compiled from under this context; a .mo that
# does not match its .po (an edited catalogue, a fresh clone) is compiled again in memory.
SOURCE_HASH_CTX = "cemassess:po-sha256"


@dataclass(frozen=True)
class Plural:
    """An entry that depends on a count: `tr(key, lang, n=3)` picks the form by n (by the
    placeholder named `count` when the count is another one)."""

    one: str
    other: str
    count: str = "n"


def plural(one: str, other: str, count: str = "n") -> Plural:
    return Plural(one, other, count)


Entry = str | Plural | tuple[str, ...]
Catalogue = Mapping[str, Entry]

# Order of the languages in a not-yet-migrated tuple entry: (en, ru) or (en, ru, uk).
_INDEX = {"en": 0, "ru": 1, "uk": 2}


def pick(entry: tuple[str, ...], lang: str) -> str:
    i = _INDEX.get(lang, 0)
    return entry[i] if i < len(entry) else entry[0]


def locale_dir() -> Path:
    from cemassess.resources import resource

    return resource("locale")


def po_path(lang: str) -> Path:
    return locale_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def shipped_languages() -> tuple[str, ...]:
    """English (the source) and every language with a catalogue, in code order."""
    d = locale_dir()
    found = sorted(p.name for p in d.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()) \
        if d.is_dir() else []
    return (SOURCE_LANG, *[x for x in found if x != SOURCE_LANG])


def compile_po(po: bytes, lang: str) -> bytes:
    """The .mo for a .po (Babel), stamped with the .po's hash."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    cat = read_po(io.BytesIO(po), locale=lang, domain=DOMAIN)
    cat.add("sha256", hashlib.sha256(po).hexdigest(), context=SOURCE_HASH_CTX)
    buf = io.BytesIO()
    write_mo(buf, cat, use_fuzzy=False)
    return buf.getvalue()


class _Pseudo(gettext.NullTranslations):
    """The pseudo-locale: CEMASSESS_TRANS_SCALE=1.4 stretches every string of the language
    it wraps by 40% (Vorta's TRANS_SCALE trick), to see whether layouts survive a language
    that runs longer than Russian."""

    def __init__(self, inner: gettext.NullTranslations, scale: float) -> None:
        super().__init__()
        self.inner, self.scale = inner, scale

    def _s(self, text: str) -> str:
        if not text:
            return text
        extra = int(len(text) * (self.scale - 1))
        return text + " " + "~" * max(1, extra - 1)

    def gettext(self, message: str) -> str:
        return self._s(self.inner.gettext(message))

    def pgettext(self, context: str, message: str) -> str:
        return self._s(self.inner.pgettext(context, message))

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self._s(self.inner.npgettext(context, msgid1, msgid2, n))


def _pseudo_scale() -> float:
    return _scale_of(os.environ.get("CEMASSESS_TRANS_SCALE"))


@cache
def _scale_of(raw: str | None) -> float:
    try:
        return float(raw or 1)
    except ValueError:
        return 1.0


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    po = po_path(lang) if lang != SOURCE_LANG else None
    if po is None or not po.is_file():
        return gettext.NullTranslations()
    data = po.read_bytes()
    want = hashlib.sha256(data).hexdigest()
    mo = po.with_suffix(".mo")
    if mo.is_file():
        with mo.open("rb") as f:
            t = gettext.GNUTranslations(f)
        if t.pgettext(SOURCE_HASH_CTX, "sha256") == want:
            return t
    return gettext.GNUTranslations(io.BytesIO(compile_po(data, lang)))


def translations(lang: str) -> gettext.NullTranslations:
    """The gettext catalogue of a language (English: none), through the pseudo-locale when
    CEMASSESS_TRANS_SCALE is set."""
    t = _catalogue(lang)
    scale = _pseudo_scale()
    return _Pseudo(t, scale) if scale > 1 else t


def language_name(lang: str) -> str:
    """A language's own name for itself (English, Русский, Українська), what a language menu
    shows: its catalogue's translation of "language.name" (the translator writes it; cheap,
    where Babel's CLDR names would load every locale's data at start-up)."""
    entry = COMMON["language.name"]
    return translations(lang).pgettext("language.name", entry) if isinstance(entry, str) else lang


def languages_menu() -> list[tuple[str, str]]:
    """(code, own name) of every shipped language, for the language menus."""
    return [(code, language_name(code)) for code in shipped_languages()]


def warm_up(lang: str) -> None:
    """Import Babel and load `lang`'s locale data (about 0.1 s, once) so that the first number
    a GUI handler formats does not pay for it: run it on a worker thread at start."""
    import datetime as _dt

    num(1.5, lang)
    pct(0.5, lang)
    time_text(_dt.datetime(2000, 1, 1, 12, 0), lang)
    date_text(_dt.date(2000, 1, 1), lang)


def reload_catalogues() -> None:
    """Forget loaded catalogues and the language list (after `make translations`, in tests)."""
    _catalogue.cache_clear()
    shipped_languages.cache_clear()


def render(key: str, entry: Entry, lang: str, fmt: Mapping[str, object]) -> str:
    if isinstance(entry, tuple):
        text = pick(entry, lang)
        scale = _pseudo_scale()
        if scale > 1:
            text = _Pseudo(gettext.NullTranslations(), scale)._s(text)
    elif isinstance(entry, Plural):
        n = fmt.get(entry.count, 1)
        count = int(n) if isinstance(n, int | float) else 1
        text = translations(lang).npgettext(key, entry.one, entry.other, count)
    else:
        text = translations(lang).pgettext(key, entry)
    return text.format(**fmt) if fmt else text


COMMON: dict[str, Entry] = {
    "app_name": "CEM maturity assessment",
    "overall": "CEM index",
    "dimension": "Dimension",
    "score": "Score",
    "level": "Level",
    "phase": "Phase",
    "attained": "attained",
    "not_attained": "not attained",
    "current_phase": "Current phase",
    "progress": "progress",
    "no_phase_attained": "No phase attained yet",
    "all_phases_attained": "All three phases attained",
    "not_scored": "not scored",
    "na": "Not applicable",
    "dk": "Don't know",
    "unanswered": "Not answered",
    "role.management": "Management",
    "role.sales": "Sales",
    "role.marketing": "Marketing",
    "role.service": "Service",
    "role.other": "Other",
    "horizon.now": "Now (0-3 months)",
    "horizon.next": "Next (3-9 months)",
    "horizon.later": "Later (9-18 months)",
    "effort.S": "Small",
    "effort.M": "Medium",
    "effort.L": "Large",
    "perception_gaps": "Perception gaps",
    "nps": "Net Promoter Score",
    "retention_rate": "Customer retention rate",
    "churn_rate": "Churn rate",
    "illustrative": "ILLUSTRATIVE: generated, not measured",
    "too_few": "fewer than 5 assessments: not shown",
    "roadmap": "Roadmap",
    "why": "Why",
    "owner": "Owner",
    "kpi": "KPI",
    "effort": "Effort",
    "due": "Due",
    "priority": "Priority",
    "knowledge_gaps": "Knowledge gaps (\"don't know\")",
    "sample_data": "Sample data",
    "benchmark": "Benchmark",
    "best_across": "Where to look for examples (best industry median per dimension)",
    "median": "median",
    "attained_phase": "highest phase attained",
    # --- h14infra ---
    "roadmap.no_actions": "No actions: every practice is at its target.",
    # the language's own name, as its language menu entry shows it: translate "English" as
    # the name of the catalogue's language (Русский, Українська)
    "language.name": "English",
}


def tr(key: str, lang: str, catalogue: Catalogue = COMMON, **fmt: object) -> str:
    entry = catalogue.get(key)
    if entry is None:
        entry = COMMON.get(key)
    if entry is None:
        return key
    return render(key, entry, lang, fmt)


def role_name(role: str, lang: str) -> str:
    return tr(f"role.{role}", lang)


def effort_name(effort: str, lang: str) -> str:
    """S/M/L as the reader's word (Small, Малые...); an unknown code as it is."""
    key = f"effort.{effort}"
    return tr(key, lang) if key in COMMON else effort



# -- numbers, percentages and dates in the language's own way (Babel, CLDR) -----------------
# For text people read (the app, the PDF, the CLI's text output); data files (JSON, CSV)
# keep plain machine numbers.
NO_VALUE = "–"


@cache
def babel_locale(lang: str):  # -> babel.Locale
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE_LANG)


@cache
def _pattern(pattern: str):  # -> babel.numbers.NumberPattern, parsed once (30 µs a parse)
    from babel.numbers import parse_pattern

    return parse_pattern(pattern)


def num(x: float | None, lang: str, decimals: int = 1, sign: bool = False, none: str = NO_VALUE) -> str:
    """40.1 in English, 40,1 in Russian and Ukrainian; `sign` writes +3.5 / -3.5."""
    if x is None:
        return none
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    if sign:
        pattern = f"+{pattern};-{pattern}"
    return _pattern(pattern).apply(x, babel_locale(lang))


def pct(fraction: float | None, lang: str, decimals: int = 0, none: str = NO_VALUE) -> str:
    """A share (0.86) as the language writes a percentage: 86% in English, 86 % in Russian."""
    if fraction is None:
        return none
    pattern = babel_locale(lang).percent_formats[None].pattern
    if decimals > 0:
        head, _, tail = pattern.rpartition("0")
        pattern = f"{head}0.{'0' * decimals}{tail}"
    return _pattern(pattern).apply(fraction, babel_locale(lang))


def date_text(value: object, lang: str, style: str = "long") -> str:
    """A date (datetime.date or ISO text) as the language writes it; other text unchanged."""
    import datetime as _dt

    from babel.dates import format_date

    d = value
    if isinstance(value, str):
        try:
            d = _dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(d, _dt.datetime):
        d = d.date()
    if not isinstance(d, _dt.date):
        return str(value)
    return format_date(d, style, locale=babel_locale(lang))


def time_text(value: object, lang: str, style: str = "medium") -> str:
    """A clock time (datetime or time) as the language writes it (14:05:09, 2:05:09 PM)."""
    from babel.dates import format_time

    return format_time(value, style, locale=babel_locale(lang))  # type: ignore[arg-type]
