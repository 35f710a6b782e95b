"""The English catalog: complete, faithful to the placeholders, and used when a visitor switches language.

The UI's source strings are Chinese msgids; `locale/en/LC_MESSAGES/django.po` holds their English.
The .po is parsed here directly (no polib), so these checks need nothing beyond the standard library,
except the regeneration and rendering checks, which need GNU gettext like `make messages` does.
"""

import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent
CATALOG = Path("en") / "LC_MESSAGES" / "django.po"
COMMITTED_PO = ROOT / "locale" / CATALOG

# The same ignores as `make messages`; hidden directories (.git, .venv's dot-folders) are ignored by default.
IGNORE_PATTERNS = [".venv", "node_modules", "var"]
# The files makemessages reads for the "django" domain.
SOURCE_SUFFIXES = {".py", ".html", ".txt"}

# Python %-format directives (named or positional, "%%" included), and str.format fields.
_PERCENT = re.compile(r"%(?:%|(?:\(\w+\))?[#0 +-]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa])")
_BRACE = re.compile(r"\{\w*(?:![rsa])?(?::[^{}]*)?\}")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


@dataclass
class Entry:
    """One message of a .po file."""

    msgid: str
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return f"[{self.msgctxt}] {self.msgid}" if self.msgctxt else self.msgid

    @property
    def untranslated(self) -> bool:
        return "fuzzy" in self.flags or not self.msgstr or any(not text for text in self.msgstr.values())


def _unquote(line: str) -> str:
    """The text of one quoted .po string, with its C escapes resolved."""
    body = line.strip()
    assert body.startswith('"') and body.endswith('"'), f"not a quoted .po string: {line!r}"
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes[m.group(1)], body[1:-1])


def _parse_block(block: str) -> Entry | None:
    """One blank-line separated block of a .po file; obsolete (#~) blocks give None."""
    fields: dict[str, str] = {}
    flags: set[str] = set()
    current = None
    for line in block.splitlines():
        if line.startswith("#~"):
            return None
        if line.startswith("#,"):
            flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            fields[current] += _unquote(line)
        else:
            current, _, value = line.partition(" ")
            fields[current] = _unquote(value)
    if "msgid" not in fields:
        return None
    forms = {int(key[7:-1]): text for key, text in fields.items() if key.startswith("msgstr[")}
    if "msgstr" in fields:
        forms[0] = fields["msgstr"]
    return Entry(fields["msgid"], fields.get("msgid_plural"), fields.get("msgctxt"), forms, flags)


def parse_po(path: Path) -> list[Entry]:
    """Every live entry of a .po file, the header (msgid "") first."""
    blocks = re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8"))
    return [entry for entry in map(_parse_block, blocks) if entry is not None]


def _placeholders(text: str) -> Counter:
    return Counter(_PERCENT.findall(text) + _BRACE.findall(text))


def _tags(text: str) -> Counter:
    return Counter(_TAG.findall(text))


def _require(*programs: str) -> None:
    missing = [program for program in programs if shutil.which(program) is None]
    if missing:
        pytest.skip(f"GNU gettext is not installed ({', '.join(missing)} not found); apt-get install gettext")


# --- the parser itself -------------------------------------------------------------------------


def test_parser_reads_plural_context_escapes_and_flags(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#, fuzzy, python-format\nmsgctxt "brand mark"\nmsgid "政"\nmsgstr "G"\n\n'
        '#, python-format\nmsgid "%(n)s 次"\nmsgid_plural "%(n)s 次"\nmsgstr[0] "%(n)s visit"\nmsgstr[1] ""\n\n'
        'msgid ""\n"说\\"明\\"\\n"\n"第二行"\nmsgstr "Say \\"it\\"\\nline two"\n\n'
        '#~ msgid "旧"\n#~ msgstr "Old"\n',
        encoding="utf-8",
    )

    header, brand, visits, multiline = parse_po(po)

    assert header.msgid == "" and header.msgstr == {0: "Language: en\n"}
    assert (brand.msgctxt, brand.label, brand.untranslated) == ("brand mark", "[brand mark] 政", True)
    assert brand.flags == {"fuzzy", "python-format"}
    assert visits.msgid_plural == "%(n)s 次" and visits.msgstr == {0: "%(n)s visit", 1: ""} and visits.untranslated
    assert multiline.msgid == '说"明"\n第二行' and multiline.msgstr == {0: 'Say "it"\nline two'}
    assert not multiline.untranslated


def test_placeholder_and_tag_extraction():
    assert _placeholders("共%(n)d项,%s,{name},100%%") == Counter(["%(n)d", "%s", "{name}", "%%"])
    assert _placeholders("30%的事项") == Counter()
    assert _tags('修改<span class="visually-hidden">“%(phrase)s”</span>') == Counter(['<span class="visually-hidden">', "</span>"])


# --- (a) the committed catalog -----------------------------------------------------------------


def test_committed_catalog_has_an_english_header():
    header = parse_po(COMMITTED_PO)[0]

    assert header.msgid == ""
    assert "fuzzy" not in header.flags, "a fuzzy header is ignored by msgfmt, losing the plural rule"
    assert "Language: en\n" in header.msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header.msgstr[0]


def test_committed_catalog_translates_every_entry():
    entries = parse_po(COMMITTED_PO)[1:]

    missing = [entry.label for entry in entries if entry.untranslated]

    assert len(entries) > 100
    assert not missing, "untranslated or fuzzy entries in locale/en: " + "; ".join(missing)


def test_committed_catalog_keeps_placeholders_and_html_tags():
    problems = []
    for entry in parse_po(COMMITTED_PO)[1:]:
        sources = [entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural]
        for index, text in entry.msgstr.items():
            source = sources[min(index, len(sources) - 1)]
            if _placeholders(text) != _placeholders(source) or _tags(text) != _tags(source):
                problems.append(f"{entry.label!r} -> {text!r}")

    assert not problems, "translations that change placeholders or HTML tags:\n" + "\n".join(problems)


def test_committed_catalog_translates_into_english_not_chinese():
    han = re.compile(r"[\u4e00-\u9fff]")
    # Chinese may stay only as a gloss in parentheses or quotes (law names, notice numbers, input formats).
    gloss = re.compile(r"\([^()]*\)|“[^”]*”|（[^）]*）")
    leftovers = [
        f"{entry.label!r} -> {text!r}"
        for entry in parse_po(COMMITTED_PO)[1:]
        for text in entry.msgstr.values()
        if han.search(gloss.sub("", text))
    ]

    assert not leftovers, "untranslated Chinese in English msgstrs:\n" + "\n".join(leftovers)


# --- (b) the catalog is complete for the current code ------------------------------------------


def _copy_sources(destination: Path) -> None:
    """The files makemessages reads, and the committed catalog, copied so regeneration cannot touch the repository."""
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT)
        if any(part.startswith(".") or part in IGNORE_PATTERNS for part in relative.parts[:-1] + (relative.name,)):
            continue
        if path.is_file() and path.suffix in SOURCE_SUFFIXES and relative.parts[0] != "locale":
            (destination / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination / relative)
    shutil.copytree(ROOT / "locale", destination / "locale", ignore=shutil.ignore_patterns("*.mo"))


def test_catalog_is_complete_for_the_current_code(tmp_path, monkeypatch):
    _require("xgettext", "msguniq", "msgmerge", "msgattrib")
    sources = tmp_path / "src"
    _copy_sources(sources)
    # makemessages walks the working directory and writes beside the first locale/ it meets there.
    monkeypatch.chdir(sources)

    with override_settings(LOCALE_PATHS=[str(sources / "locale")]):
        call_command("makemessages", locale=["en"], no_location=True, no_obsolete=True, ignore_patterns=list(IGNORE_PATTERNS), verbosity=0)

    regenerated = parse_po(sources / "locale" / CATALOG)
    missing = [entry.label for entry in regenerated[1:] if entry.untranslated]
    assert len(regenerated) > 100
    assert not missing, (
        f"{len(missing)} message(s) in the code have no English translation; run `make messages`, "
        "translate them in locale/en/LC_MESSAGES/django.po and remove their fuzzy flags:\n" + "\n".join(missing)
    )


# --- (c) English is shown after switching language ---------------------------------------------


@pytest.fixture
def compiled_catalog(tmp_path):
    """The committed .po compiled into a temporary LOCALE_PATHS, so a stale or missing .mo cannot hide a problem."""
    _require("msgfmt")
    mo = tmp_path / "locale" / CATALOG.with_suffix(".mo")
    mo.parent.mkdir(parents=True)
    subprocess.run(["msgfmt", "--check", "-o", str(mo), str(COMMITTED_PO)], check=True, capture_output=True)
    with override_settings(LOCALE_PATHS=[str(tmp_path / "locale")]):
        yield


@pytest.mark.django_db
def test_home_page_is_chinese_by_default(client, compiled_catalog):
    page = client.get("/").content.decode()

    assert '<html lang="zh-hans"' in page
    assert "您要办什么事?" in page
    assert "What do you need to do?" not in page


@pytest.mark.django_db
def test_home_page_is_english_after_switching_language(client, compiled_catalog):
    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/").content.decode()

    assert switched.status_code == 302 and switched.headers["Location"] == "/"
    assert '<html lang="en"' in page
    assert "What do you need to do?" in page and "您要办什么事?" not in page
    assert "OneWindow" in page and "一窗通办" not in page
