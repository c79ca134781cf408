"""The product's gettext catalogues, with Babel's catalogue API (run by `make translations`).

    python scripts/translations.py            extract + update + compile (what make runs)
    python scripts/translations.py extract    sources -> resources/locale/cemassess.pot; moves
                                              any (en, ru[, uk]) tuple still in a source dict
                                              into the .po files, leaving the English
    python scripts/translations.py update     .pot -> every <lang>/LC_MESSAGES/cemassess.po
                                              (translations kept, changed English marked fuzzy)
    python scripts/translations.py compile    .po -> .mo (stamped with the .po's hash)
    python scripts/translations.py init LANG  a new language's .po from the .pot
    python scripts/translations.py import-json LANG FILE [--force]
                                              fill LANG's msgstr from {"CATALOGUE": {key: text}}
    python scripts/translations.py check      exit 1 when a catalogue is stale, untranslated or
                                              fuzzy (what the tests check too)

The sources are the catalogue dicts listed in SOURCES: each entry is `"key": "English"`, or
`"key": plural("one", "other")` for a count, or - a colleague's new string, not yet moved -
`"key": (en, ru[, uk])`, or for a count `"key": ((en_one, en_other), (ru forms...), ...)`.
msgctxt is the key, so one English word may carry two meanings. Re-running is safe: a
source with no tuples is left byte for byte as it was.
"""

from __future__ import annotations

import ast
import hashlib
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "cemassess"
POT = LOCALE / f"{DOMAIN}.pot"
SOURCE_HASH_CTX = "cemassess:po-sha256"  # cemassess.i18n.SOURCE_HASH_CTX
# Order of the languages in a tuple entry (cemassess.i18n._INDEX).
TUPLE_LANGS = ("en", "ru", "uk")

# (source file, dict name, catalogue name used by side files such as uk-product.json)
SOURCES: tuple[tuple[str, str, str], ...] = (
    ("cemassess/i18n.py", "COMMON", "COMMON"),
    ("cemassess/ui/strings.py", "UI", "UI"),
    ("cemassess/report/strings.py", "STRINGS", "STRINGS"),
    ("cemassess/report/room.py", "S", "cemassess.report.room.S"),
    ("cemassess/report/sections_trend.py", "S", "cemassess.report.sections_trend.S"),
    ("cemassess/exchange/export_tabular.py", "_STR", "cemassess.exchange.export_tabular._STR"),
    ("cemassess/explain.py", "S", "cemassess.explain.S"),
    ("cemassess/labels.py", "S", "cemassess.labels.S"),
    ("cemassess/store/report.py", "S", "cemassess.store.report.S"),
)


class CatalogueError(Exception):
    pass


@dataclass
class Entry:
    key: str
    en: str | tuple[str, str]  # a plural: (one, other)
    source: str
    catalogue: str
    # translations carried by a not-yet-moved tuple: {lang: text or plural forms}
    carried: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    count: str = "n"  # a plural's count placeholder

    @property
    def msgid(self) -> str | tuple[str, str]:
        return self.en


def _dict_node(tree: ast.Module, name: str) -> ast.Dict:
    for node in tree.body:
        target = None
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            target, value = node.target.id, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target, value = node.targets[0].id, node.value
        if target == name and isinstance(value, ast.Dict):
            return value
    raise CatalogueError(f"no dict {name} = {{...}} at the top level")


def _strings(node: ast.expr, where: str) -> tuple[str, ...]:
    v = ast.literal_eval(node)
    if isinstance(v, str):
        return (v,)
    if isinstance(v, tuple) and all(isinstance(x, str) for x in v):
        return v
    raise CatalogueError(f"{where}: expected text or a tuple of texts")


def _offsets(src: str) -> list[int]:
    out, pos = [0], 0
    for line in src.splitlines(keepends=True):
        pos += len(line.encode("utf-8"))
        out.append(pos)
    return out


def read_source(path: str, name: str, catalogue: str, migrate: bool) -> list[Entry]:
    """The entries of one catalogue dict; with `migrate`, the source with its tuples rewritten
    to English is queued in PENDING (written only once the .po files are)."""
    file = ROOT / path
    src = file.read_text(encoding="utf-8")
    tree = ast.parse(src)
    d = _dict_node(tree, name)
    entries: list[Entry] = []
    edits: list[tuple[int, int, str]] = []  # byte offsets in the UTF-8 source
    raw = src.encode("utf-8")
    offs = _offsets(src)

    def span(node: ast.expr) -> tuple[int, int]:
        return (offs[node.lineno - 1] + node.col_offset, offs[node.end_lineno - 1] + node.end_col_offset)

    def text_of(node: ast.expr) -> str:
        a, b = span(node)
        return raw[a:b].decode("utf-8")

    for k, v in zip(d.keys, d.values, strict=True):
        if not (isinstance(k, ast.Constant) and isinstance(k.value, str)):
            raise CatalogueError(f"{path}:{v.lineno}: {name} keys must be plain strings")
        key = k.value
        where = f"{path}:{v.lineno} {key!r}"
        if isinstance(v, ast.Constant) and isinstance(v.value, str):
            entries.append(Entry(key, v.value, path, catalogue))
        elif isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == "plural":
            one, other = (ast.literal_eval(a) for a in v.args[:2])
            count = next((ast.literal_eval(kw.value) for kw in v.keywords if kw.arg == "count"), "n")
            entries.append(Entry(key, (one, other), path, catalogue, count=count))
        elif isinstance(v, ast.Tuple) and v.elts and isinstance(v.elts[0], ast.Tuple):
            forms = [_strings(e, where) for e in v.elts]
            if len(forms[0]) != 2:
                raise CatalogueError(f"{where}: a plural's English is (one, other)")
            count = infer_count(forms[0][0], forms[0][1]) or "n"
            e = Entry(key, (forms[0][0], forms[0][1]), path, catalogue, count=count)
            e.carried = {lang: f for lang, f in zip(TUPLE_LANGS[1:], forms[1:], strict=False)}
            entries.append(e)
            col = v.col_offset + len("plural(")
            one, other = (_literal(x, col) for x in forms[0])
            sep = ",\n" + " " * col if "\n" in one + other or len(one + other) > 70 else ", "
            tail = f', count="{count}"' if count != "n" else ""
            edits.append((*span(v), f"plural({one}{sep}{other}{tail})"))
        elif isinstance(v, ast.Tuple):
            texts = _strings(v, where)
            e = Entry(key, texts[0], path, catalogue)
            e.carried = {lang: x for lang, x in zip(TUPLE_LANGS[1:], texts[1:], strict=False)}
            entries.append(e)
            first = text_of(v.elts[0])
            edits.append((*span(v), f"({first})" if "\n" in first else first))
        else:
            raise CatalogueError(f"{where}: an entry is a string, plural(...) or an (en, ru[, uk]) tuple")
    if migrate and edits:
        out = raw
        for a, b, new in sorted(edits, reverse=True):
            out = out[:a] + new.encode("utf-8") + out[b:]
        text = out.decode("utf-8")
        if "plural(" in text and not _imports_plural(text):
            raise CatalogueError(f"{path}: uses plural(...) but does not import it from cemassess.i18n")
        ast.parse(text)
        PENDING.append((file, text, f"moved {len(edits)} entries of {path} {name} into the catalogues"))
    return entries


PENDING: list[tuple[Path, str, str]] = []


def _write_pending() -> None:
    while PENDING:
        file, text, note = PENDING.pop(0)
        file.write_text(text, encoding="utf-8")
        print(note)


def infer_count(one: str, other: str) -> str | None:
    """The placeholder a plural counts by: the nearest one before the first word that differs
    between the English forms ("{k} practice is" / "{k} practices are" -> "k")."""
    a, b = one.split(), other.split()
    i = next((j for j, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    for tok in reversed(a[max(0, i - 3):i + 1]):
        m = re.search(r"\{(\w+)\}", tok)
        if m:
            return m.group(1)
    return None


def _literal(s: str, col: int, width: int = 96) -> str:
    """A string literal, split over lines (implicit concatenation) that start at `col`."""
    words = s.split(" ")
    chunks, cur = [], ""
    for i, w in enumerate(words):
        piece = w + (" " if i < len(words) - 1 else "")
        if cur and col + len(repr(cur + piece)) > width:
            chunks.append(cur)
            cur = ""
        cur += piece
    chunks.append(cur)
    lits = [json.dumps(c, ensure_ascii=False) for c in chunks]
    return ("\n" + " " * col).join(lits)


def _imports_plural(text: str) -> bool:
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and any(a.name == "plural" for a in node.names):
            return True
        if isinstance(node, ast.FunctionDef) and node.name == "plural":
            return True
    return False


def collect(migrate: bool = False) -> list[Entry]:
    PENDING.clear()
    entries: list[Entry] = []
    seen: dict[tuple[str, str | tuple[str, str]], Entry] = {}
    for path, name, catalogue in SOURCES:
        for e in read_source(path, name, catalogue, migrate):
            other = seen.get((e.key, e.en))
            if other is not None:
                for lang, x in e.carried.items():
                    if other.carried.get(lang, x) != x:
                        raise CatalogueError(
                            f"key {e.key!r} with the same English in {other.source} and {e.source} "
                            f"has two {lang} translations; give one of them another key")
                    other.carried[lang] = x
                continue
            seen[(e.key, e.en)] = e
            entries.append(e)
    return entries


def languages() -> list[str]:
    if not LOCALE.is_dir():
        return []
    return sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file())


def po_file(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _catalog(locale: str | None) -> Catalog:
    return Catalog(locale=locale, domain=DOMAIN, project="cemassess", version="",
                   copyright_holder="cemassess developers", charset="utf-8", fuzzy=False,
                   header_comment="# Translations of cemassess (Customer Experience Management maturity "
                                  "assessment).\n# msgctxt is the key the code looks a text up by; "
                                  "msgid is the English.\n#")


def template(entries: list[Entry]) -> Catalog:
    cat = _catalog(None)
    for e in entries:
        cat.add(e.en, locations=[(e.source, None)], context=e.key,
                flags=["python-brace-format"] if "{" in (e.en if isinstance(e.en, str) else e.en[0] + e.en[1]) else [])
    return cat


def _write(cat: Catalog, path: Path) -> bool:
    buf = io.BytesIO()
    write_po(buf, cat, width=100, include_lineno=False, omit_header=False, ignore_obsolete=True)
    data = buf.getvalue()
    # the dates in the header change on every run; keep the file as it was when nothing else did
    if path.is_file() and _strip_dates(path.read_bytes()) == _strip_dates(data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _strip_dates(data: bytes) -> bytes:
    return b"\n".join(x for x in data.splitlines()
                      if not x.startswith((b'"POT-Creation-Date:', b'"PO-Revision-Date:')))


def _read(path: Path, lang: str | None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def _nplurals(cat: Catalog) -> int:
    return cat.num_plurals


def extract(migrate: bool = True) -> list[Entry]:
    entries = collect(migrate=migrate)
    LOCALE.mkdir(parents=True, exist_ok=True)
    if _write(template(entries), POT):
        print(f"wrote {POT.relative_to(ROOT)} ({len(entries)} messages)")
    carried = {lang for e in entries for lang in e.carried}
    for lang in sorted(carried):
        po = po_file(lang)
        if not po.is_file():
            init(lang)
        cat = _read(po, lang)
        cat.update(template(entries), update_creation_date=False)
        n = 0
        for e in entries:
            x = e.carried.get(lang)
            if x is None:
                continue
            m = cat.get(e.en, context=e.key)
            if m is None:
                raise CatalogueError(f"{e.key}: not in {po} after update")
            if isinstance(e.en, tuple):
                forms = tuple(x) if isinstance(x, tuple) else (x,)
                if len(forms) != _nplurals(cat):
                    raise CatalogueError(f"{e.key}: {lang} needs {_nplurals(cat)} plural forms, got {len(forms)}")
                m.string = forms
            else:
                if isinstance(x, tuple):
                    raise CatalogueError(f"{e.key}: a plural translation for a text that is not plural")
                m.string = x
            m.flags.discard("fuzzy")
            n += 1
        _write(cat, po)
        print(f"{po.relative_to(ROOT)}: {n} translations moved in from the sources")
    _write_pending()
    return entries


def update() -> None:
    tmpl = _read(POT, None)
    for lang in languages():
        po = po_file(lang)
        cat = _read(po, lang)
        cat.update(tmpl, update_creation_date=False)
        if _write(cat, po):
            print(f"updated {po.relative_to(ROOT)}")


def init(lang: str) -> Path:
    po = po_file(lang)
    if po.is_file():
        raise CatalogueError(f"{po} exists already")
    tmpl = _read(POT, None)
    cat = _catalog(lang)
    for m in tmpl:
        if m.id:
            cat.add(m.id, None, locations=m.locations, flags=m.flags - {"fuzzy"}, context=m.context)
    _write(cat, po)
    print(f"created {po.relative_to(ROOT)}: translate it (Poedit, Weblate, Qt Linguist, any text editor)")
    return po


def compile_all() -> None:
    for lang in languages():
        po = po_file(lang)
        data = po.read_bytes()
        cat = read_po(io.BytesIO(data), locale=lang, domain=DOMAIN)
        cat.add("sha256", hashlib.sha256(data).hexdigest(), context=SOURCE_HASH_CTX)
        buf = io.BytesIO()
        write_mo(buf, cat, use_fuzzy=False)
        mo = po.with_suffix(".mo")
        if not mo.is_file() or mo.read_bytes() != buf.getvalue():
            mo.write_bytes(buf.getvalue())
            print(f"compiled {mo.relative_to(ROOT)}")


def import_json(lang: str, file: Path, force: bool = False) -> None:
    """Fill LANG's translations from a side file {"CATALOGUE": {key: text or [forms]}}."""
    data = json.loads(file.read_text(encoding="utf-8-sig"))
    entries = collect(migrate=False)
    by_cat = {(e.catalogue, e.key): e for e in entries}
    by_key: dict[str, Entry] = {}
    for e in entries:
        by_key.setdefault(e.key, e)
    po = po_file(lang)
    cat = _read(po, lang)
    filled = skipped = unknown = 0
    for catalogue, texts in data.items():
        if not isinstance(texts, dict):
            continue
        for key, text in texts.items():
            e = by_cat.get((catalogue, key)) or by_key.get(key)
            m = cat.get(e.en, context=e.key) if e else None
            if m is None:
                unknown += 1
                continue
            if isinstance(e.en, tuple):
                forms = tuple(text) if isinstance(text, list) else None
                if forms is None or len(forms) != _nplurals(cat):
                    skipped += 1
                    continue
                value: str | tuple[str, ...] = forms
                done = all(m.string) if isinstance(m.string, tuple) else bool(m.string)
            else:
                if not isinstance(text, str) or not text.strip():
                    skipped += 1
                    continue
                value, done = text, bool(m.string)
            if done and not force and "fuzzy" not in m.flags:
                skipped += 1
                continue
            m.string = value
            m.flags.discard("fuzzy")
            filled += 1
    _write(cat, po)
    print(f"{po.relative_to(ROOT)}: {filled} filled, {skipped} kept, {unknown} keys not in the sources")


def problems() -> list[str]:
    """Everything that makes the catalogues unfit to ship (also what tests check)."""
    out: list[str] = []
    entries = collect(migrate=False)
    for e in entries:
        if e.carried:
            out.append(f"{e.source}: {e.key!r} still carries its translations in the source "
                       "(run `make translations`)")
        if isinstance(e.en, tuple):
            guess = infer_count(*e.en)
            if guess and guess != e.count:
                out.append(f"{e.source}: plural {e.key!r} counts by {{{e.count}}} but its English "
                           f"changes with {{{guess}}}: write plural(..., count=\"{guess}\")")
    want = {(e.key, e.en if isinstance(e.en, str) else e.en[0]) for e in entries}
    for lang in languages():
        cat = _read(po_file(lang), lang)
        have = set()
        for m in cat:
            if not m.id:
                continue
            mid = m.id if isinstance(m.id, str) else m.id[0]
            have.add((m.context, mid))
            out.extend(_message_problems(lang, cat, m))
        for key, en in sorted(want - have):
            out.append(f"{lang}: {key!r} ({en[:40]!r}) is not in the catalogue (run `make translations`)")
        for key, en in sorted(have - want):
            out.append(f"{lang}: {key!r} ({en[:40]!r}) is in the catalogue but not in the sources")
    return out


def _fields(s: str) -> list[str]:
    import string

    try:
        return sorted({f for _, f, _, _ in string.Formatter().parse(s) if f is not None})
    except ValueError as exc:
        return [f"<malformed: {exc}>"]


def _message_problems(lang: str, cat: Catalog, m: Message) -> list[str]:
    out = []
    ctx = m.context
    if "fuzzy" in m.flags:
        out.append(f"{lang}: {ctx!r} is fuzzy (the English changed): check the translation, "
                   "remove the fuzzy flag")
    ids = m.id if isinstance(m.id, tuple) else (m.id,)
    strs = m.string if isinstance(m.string, tuple) else (m.string,)
    if isinstance(m.id, tuple) and len(strs) != cat.num_plurals:
        out.append(f"{lang}: {ctx!r} has {len(strs)} plural forms, {lang} needs {cat.num_plurals}")
    if not all(s and s.strip() for s in strs):
        out.append(f"{lang}: {ctx!r} is not translated")
        return out
    want = _fields(ids[-1])
    for s in strs:
        if _fields(s) != want:
            out.append(f"{lang}: {ctx!r} placeholders {_fields(s)} differ from the English {want}")
    return out


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "all"
    try:
        if cmd == "all":
            extract()
            update()
            compile_all()
        elif cmd == "extract":
            extract()
        elif cmd == "update":
            update()
        elif cmd == "compile":
            compile_all()
        elif cmd == "init" and len(argv) == 2:
            init(argv[1])
        elif cmd == "import-json" and len(argv) in (3, 4):
            import_json(argv[1], Path(argv[2]), force="--force" in argv[3:])
        elif cmd == "check":
            found = problems()
            for p in found:
                print(p)
            print(f"{len(found)} problem(s)" if found else "catalogues: complete")
            return 1 if found else 0
        else:
            print(__doc__)
            return 2
    except CatalogueError as exc:
        print(f"translations: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
