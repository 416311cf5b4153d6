"""Sentences the services and rules say, in English, Traditional (HK) and Simplified Chinese.

``tr("Limit of stay {day} ({when}).", day=limit, when=relative_day(limit, today))`` returns a
``Message``: a ``str`` in the process's language (``set_language``; English unless the
desktop chose Chinese) that remembers its template and values, so a PDF in another
language says it again with ``message.into("zh-hk")`` or ``labels.label(message, lang)``.
Like Qt's ``tr`` and gettext, the English template is the key: the words are data in
``resources/messages/*.toml`` (see its README), one ``[[message]]`` per template with
``en``, ``zh_HK`` and ``zh_CN``. A template with no entry says its English (the catalogue
test names it).

Values are said in the message's language: an enum member through the label catalogue, a
``Message`` again, a ``Term`` (a plain identifier of a vocabulary) through the labels, a
``date`` as ISO (``{day:long}``: ``2 December 2026`` / ``2026年12月2日``), a list or tuple
each item so and joined (``, `` / ``、``), an amount with ``{fee:hkd}`` as Hong Kong dollars;
anything else with ``format``.

Nothing stored is built with ``tr``: a stored text would then depend on the language of
the desktop that wrote it. Stored values are said at display time.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import lru_cache

from hkcase.domain.resources import resource

#: The languages a message is said in (the label catalogue's codes).
LANGS = ("en", "zh-hk", "zh-cn")
_COLUMN = {"en": "en", "zh-hk": "zh_HK", "zh-cn": "zh_CN"}
_SEPARATOR = {"en": ", ", "zh-hk": "、", "zh-cn": "、"}
_KEYS = {"en", "zh_HK", "zh_CN", "review", "zh_CN_edited", "context", "data"}
#: The process's language: the desktop sets it once at start (``set_language``).
_current = ["en"]


class MessageDataError(ValueError):
    """A messages file that breaks the format; the message names the file and the entry."""


def language_code(lang: object) -> str:
    """``en``, ``zh-hk`` or ``zh-cn`` for a ``Lang``, ``zh_HK``, ``zh-hk`` …; others: ``en``."""
    code = str(lang.value if isinstance(lang, Enum) else lang).lower().replace("_", "-")
    return code if code in _COLUMN else "en"


def set_language(lang: object) -> None:
    """Say every later ``tr`` in ``lang`` (an interface language; unknown ones: English)."""
    _current[0] = language_code(lang)


def current_language() -> str:
    """The language ``tr`` says its messages in now: ``en``, ``zh-hk`` or ``zh-cn``."""
    return _current[0]


@dataclass(frozen=True, slots=True)
class Term:
    """A plain identifier said through the label catalogue's ``vocab`` (``ProfileFact``)."""

    value: str
    vocab: str


class StoredText(str):
    """A stored English sentence (``stored``) given to ``tr`` as a value: said in the
    message's language through ``said_again``."""


@dataclass(frozen=True, slots=True)
class Template:
    """One template's words."""

    en: str
    zh_hk: str
    zh_cn: str
    review: bool = False  # the Chinese was not checked against ImmD's Chinese pages
    zh_cn_edited: bool = False  # zh_CN differs from OpenCC hk2s of zh_HK on purpose
    file: str = ""
    data: str = ""  # the shipped data file the English comes from (a rule's note), if not code

    def template(self, code: str) -> str:
        return self.en if code == "en" else self.zh_hk if code == "zh-hk" else self.zh_cn


def _entry(file: str, index: int, raw: object) -> Template:
    where = f"resources/messages/{file}: message {index + 1}"
    if not isinstance(raw, dict):
        raise MessageDataError(f"{where} is not a table")
    unknown = set(raw) - _KEYS
    if unknown:
        raise MessageDataError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    words: dict[str, str] = {}
    for key in ("en", "zh_HK", "zh_CN"):
        text = raw.get(key)
        if not isinstance(text, str) or not text.strip():
            raise MessageDataError(f"{where}: {key} must be a non-empty string")
        words[key] = text
    data = raw.get("data", "")
    if not isinstance(data, str):
        raise MessageDataError(f"{where}: data must name a file under resources/")
    return Template(words["en"], words["zh_HK"], words["zh_CN"],
                    bool(raw.get("review", False)), bool(raw.get("zh_CN_edited", False)), file,
                    data)


def message_files() -> list[str]:
    """The catalogue's files, by name, under ``resources/messages/``."""
    folder = resource("messages")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Template]:
    """Every template's words by its English, read once from ``resources/messages/``."""
    found: dict[str, Template] = {}
    for file in message_files():
        try:
            data = tomllib.loads(resource(f"messages/{file}").read_text("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise MessageDataError(f"resources/messages/{file}: {exc}") from None
        entries = data.get("message", [])
        if set(data) - {"message"} or not isinstance(entries, list):
            raise MessageDataError(f"resources/messages/{file}: only [[message]] tables")
        for index, raw in enumerate(entries):
            item = _entry(file, index, raw)
            # A template in two files keeps its first words (the catalogue test names it).
            found.setdefault(item.en, item)
    return found


class _Said:
    """A value in a template, said in the message's language when ``format`` reaches it
    (``str.format_map`` does the template in C; only the values go through ``say``)."""

    __slots__ = ("code", "value")

    def __init__(self, value: object, code: str) -> None:
        self.value, self.code = value, code

    def __format__(self, spec: str) -> str:
        return say(self.value, self.code, spec)


def say(value: object, lang: object = None, spec: str = "") -> str:
    """``value`` in words in ``lang`` (the current language if None), as a message says it."""
    code = _current[0] if lang is None else language_code(lang)
    if isinstance(value, Message):
        return value.into(code)
    if isinstance(value, StoredText):
        return said_again(str(value), code)
    said_in = getattr(value, "said_in", None)
    if callable(said_in):  # a value that knows its words (``countries.Country``)
        return str(said_in(code))
    if isinstance(value, Term):
        from hkcase.domain.labels import label

        return label(value.value, code, vocab=value.vocab)
    if isinstance(value, Enum):
        from hkcase.domain.labels import label

        return label(value, code, long=spec == "long")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        if spec == "long":
            from hkcase.domain.locale_format import long_date

            return long_date(value, code)
        return value.isoformat()
    if spec == "hkd" and isinstance(value, int | float | Decimal):
        from hkcase.domain.locale_format import money_hkd

        return money_hkd(value, code)
    if isinstance(value, list | tuple):
        return _SEPARATOR[code].join(say(item, code, spec) for item in value)
    return format(value, spec)


def _render(template: str, params: Mapping[str, object], code: str) -> str:
    found = None  # English is the template itself: no catalogue read (the CLI never reads it)
    if code != "en":
        try:
            found = catalogue().get(template)
        except MessageDataError as exc:  # a damaged install: say English rather than fail
            _warn_once(str(exc))
    words = found.template(code) if found is not None else template
    # A plain string needs no saying (most values): it goes to ``format`` as it is.
    values = {name: value if type(value) is str else _Said(value, code)
              for name, value in params.items()}
    try:
        return words.format_map(values)
    except (KeyError, IndexError, ValueError):
        # A translation naming a value the template lacks: the English is still right.
        return template.format_map(values)


@lru_cache(maxsize=1)
def _warn_once(problem: str) -> None:
    logging.getLogger(__name__).warning("messages catalogue unreadable, English used: %s",
                                        problem)


class Message(str):
    """A sentence in the language current when it was made, that can be said again in
    another: ``into(lang)``. Equal to (and hashed as) its text, like any ``str``."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, params: Mapping[str, object] | None = None) -> Message:
        values = dict(params or {})
        self = super().__new__(cls, _render(template, values, _current[0]))
        self.template = template
        self.params = values
        return self

    def __getnewargs__(self) -> tuple[str, dict[str, object]]:  # type: ignore[override]
        return (self.template, self.params)

    def into(self, lang: object) -> str:
        """The same sentence in ``lang``."""
        return _render(self.template, self.params, language_code(lang))


def tr(template: str, /, **params: object) -> Message:
    """``template`` (English, ``{name}`` placeholders) in the current language, with
    ``params`` said in it; the template must be a literal, so the catalogue test sees it."""
    return Message(template, params)


def stored(template: str, /, **params: object) -> str:
    """``template`` in English, always: a sentence kept in the database (a reminder's title).
    The reader's language comes when it is shown: ``said_again(text, lang)``."""
    return _render(template, params, "en")


_FIELD = re.compile(r"\{[^{}]*\}")


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    names: tuple[str, ...]
    prefix: str
    longest: str  # the longest literal piece: a text without it cannot match
    literal: int  # characters outside the placeholders: the more, the surer the match
    entry: Template


@lru_cache(maxsize=1)
def _patterns() -> tuple[_Pattern, ...]:
    found = []
    for entry in catalogue().values():
        pieces = _FIELD.split(entry.en)
        names = tuple(m.group()[1:-1].split(":")[0].split("!")[0]
                      for m in _FIELD.finditer(entry.en))
        literal = sum(len(p.strip()) for p in pieces)
        # Too little fixed text to tell the template from any sentence: not matched.
        if not names or literal < 3 or len(set(names)) != len(names):
            continue
        body = "(.+?)".join(re.escape(p) for p in pieces)
        found.append(_Pattern(re.compile(f"^{body}$", re.S), names, pieces[0],
                              max(pieces, key=len), literal, entry))
    found.sort(key=lambda p: -p.literal)
    return tuple(found)


@lru_cache(maxsize=1)
def _english_labels() -> dict[str, tuple[str, str]]:
    """A label's English words, and a stored value as English sentences quote it
    (``sub_degree``, ``same sex spouse``) → its Chinese, the labels' own search order first."""
    from hkcase.domain.labels import SEARCH_ORDER
    from hkcase.domain.labels import catalogue as labels

    words: dict[str, tuple[str, str]] = {}
    tables = labels()
    for name in (*SEARCH_ORDER, *tables):
        for value, item in tables.get(name, {}).items():
            chinese = (item.zh_hk, item.zh_cn)
            words.setdefault(item.en, chinese)
            words.setdefault(item.en[:1].upper() + item.en[1:], chinese)
            if value.islower() and value.isidentifier():
                words.setdefault(value, chinese)
                words.setdefault(value.replace("_", " "), chinese)
    return words


def said_again(text: str, lang: object, _depth: int = 0) -> str:
    """An English sentence the code once said (``stored``, ``tr`` in English, a label) in
    ``lang``: the catalogue's template it matches, its values said again in turn. A text
    the catalogue does not know (a name, a consultant's note) stays as it is."""
    code = language_code(lang)
    if isinstance(text, Message):
        return text.into(code)
    if code == "en" or not text:
        return text
    return _said_again(str(text), code, _depth)


#: Names no catalogue holds, each said by its own module as ``function(english, code)``
#: (None: not one of its names): a country code, a gazetted holiday, a shipped checklist
#: item's title. Imported when first needed (they import this module).
_NAMERS = (("hkcase.domain.countries", "said_country"),
           ("hkcase.domain.holidays_hk", "holiday_words"),
           ("hkcase.domain.checklists", "title_words"))


@lru_cache(maxsize=1)
def _namers() -> tuple[Callable[[str, str], str | None], ...]:
    import importlib

    return tuple(getattr(importlib.import_module(module), name) for module, name in _NAMERS)


_PLAIN = re.compile(r"[\d\s:./,+()-]*")  # dates, times, numbers, amounts: said as they are


@lru_cache(maxsize=1 << 15)
def _said_again(text: str, code: str, _depth: int) -> str:
    if _PLAIN.fullmatch(text):
        return text
    exact = catalogue().get(text)
    if exact is not None and not _FIELD.search(text):
        return exact.template(code)
    label_words = _english_labels().get(text)
    if label_words is not None:
        return label_words[0] if code == "zh-hk" else label_words[1]
    for lookup in _namers():
        named = lookup(text, code)
        if named is not None:
            return named
    if _depth > 4:
        return text
    for pattern in _patterns():
        if not text.startswith(pattern.prefix) or pattern.longest not in text:
            continue
        match = pattern.regex.match(text)
        if match is None:
            continue
        values = {name: _said_again(value, code, _depth + 1)
                  for name, value in zip(pattern.names, match.groups(), strict=True)}
        words = _FIELD.sub(lambda m: "{" + m.group()[1:-1].split(":")[0].split("!")[0] + "}",
                           pattern.entry.template(code))
        try:
            return words.format(**values)
        except (KeyError, IndexError, ValueError):
            return text
    if ", " in text:  # a list the English joined: each item said, joined as the language does
        items = [_said_again(item, code, _depth + 1) for item in text.split(", ")]
        return _SEPARATOR[code].join(items) if any(
            a != b for a, b in zip(items, text.split(", "), strict=True)) else text
    return text
