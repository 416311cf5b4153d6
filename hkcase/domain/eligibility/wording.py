"""The eligibility explanation's words: reasons, needs, change effects, in the reader's language.

Built with ``tr`` (``domain.messages``): a ``Message`` is a ``str`` in the process's language,
so results and their JSON stay English in the CLI. A criterion's full ``text`` stays English;
in Chinese a criterion is named by its label (``resources/labels/criteria.toml``).

A result kept in the database is English (``stored_dict``); ``said_result`` says it again
in Chinese: the sentences whose shape this module knows (reasons, "needs …", change
effects) are rebuilt from their parts, every other one goes through ``said_again``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from hkcase.domain.labels import entry, label
from hkcase.domain.messages import (
    Message,
    StoredText,
    current_language,
    language_code,
    said_again,
    tr,
)


class Named(Message):
    """A value said as ``english`` in English and as its label (``code`` in ``vocab``) in
    Chinese: a criterion (its full text / its name), a fact, a status or a category."""

    code: str
    vocab: str | None

    def __new__(cls, english: str, code: str, vocab: str | None) -> Named:
        lang = current_language()
        self = str.__new__(cls, english if lang == "en" else label(code, lang, vocab=vocab))
        self.template, self.params = english, {}
        self.code, self.vocab = code, vocab
        return self

    def __getnewargs__(self) -> tuple[str, str, str | None]:  # type: ignore[override]
        return (self.template, self.code, self.vocab)

    def into(self, lang: object) -> str:
        code = language_code(lang)
        return self.template if code == "en" else label(self.code, code, vocab=self.vocab)


class RuleText(Message):
    """A sentence of the rule data (a rule set's note or caution): its catalogue entry, if
    any, in each language."""

    def __new__(cls, text: str) -> RuleText:
        self = str.__new__(cls, said_again(text, current_language()))
        self.template, self.params = text, {}
        return self

    def __getnewargs__(self) -> tuple[str]:  # type: ignore[override]
        return (self.template,)

    def into(self, lang: object) -> str:
        return said_again(self.template, lang)


@lru_cache(maxsize=256)
def _rule_texts(texts: tuple[str, ...], lang: str) -> tuple[str, ...]:
    return tuple(RuleText(t) for t in texts)


def rule_texts(texts: tuple[str, ...]) -> tuple[str, ...]:
    """A rule set's notes or cautions in the current language (kept per language)."""
    return texts if not texts else _rule_texts(texts, current_language())


def fact(name: str) -> Named:
    """A profile fact: its identifier in English (as the JSON has it), its label in Chinese."""
    return Named(name, name, "ProfileFact")


def criterion_name(text: str, cid: str) -> Named:
    """A criterion in a sentence: its full text in English, its name in Chinese."""
    return Named(text, cid, "Criterion")


def word(value: str, english: str | None = None, vocab: str | None = None) -> Named:
    """A vocabulary value: ``english`` (default: the value) in English, its label in Chinese."""
    return _word(value, value if english is None else english, vocab, current_language())


@lru_cache(maxsize=4096)
def _word(value: str, english: str, vocab: str | None, lang: str) -> Named:
    return Named(english, value, vocab)


@lru_cache(maxsize=4096)
def _needs(needs: tuple[str, ...], lang: str) -> Message:
    return tr("needs {facts}", facts=[fact(n) for n in needs])


def needs_text(needs: tuple[str, ...]) -> Message:
    """``needs job_offer, languages`` (the facts' names in Chinese)."""
    return _needs(needs, current_language())


@lru_cache(maxsize=16384)
def not_met_in(text: str, cid: str, detail: str, lang: str) -> Message:
    """``not_met_reason`` in ``lang``, the current language (for loops: looked up once)."""
    name = criterion_name(text, cid)
    if detail:
        return tr("not met: {criterion} ({detail})", criterion=name, detail=detail)
    return tr("not met: {criterion}", criterion=name)


def not_met_reason(text: str, cid: str, detail: str) -> Message:
    """Why a scheme fails: ``not met: <criterion> (<detail>)``."""
    return not_met_in(text, cid, detail, current_language())


@lru_cache(maxsize=16384)
def open_in(text: str, cid: str, review: str | None, needs: tuple[str, ...], lang: str
            ) -> Message:
    """``open_reason`` in ``lang``, the current language."""
    if review is not None:
        return tr("review: {criterion}: {review}", criterion=criterion_name(text, cid),
                  review=review)
    named = tuple(dict.fromkeys(needs))
    if not named:
        return tr("unknown: {criterion} (needs more facts)", criterion=criterion_name(text, cid))
    return tr("unknown: {criterion} (needs {facts})", criterion=criterion_name(text, cid),
              facts=[fact(n) for n in named])


def open_reason(text: str, cid: str, review: str | None, needs: tuple[str, ...]) -> Message:
    """Why a criterion needs a look: ``review: <criterion>: <why>`` or
    ``unknown: <criterion> (needs <facts>)``."""
    return open_in(text, cid, review, needs, current_language())


def category_reason(category: str, reason: str) -> Message:
    """``category A: <reason>`` (TTPS)."""
    return _category_reason(category, reason, current_language())


@lru_cache(maxsize=16384)
def _category_reason(category: str, reason: str, lang: str) -> Message:
    return tr("category {category}: {reason}",
              category=word(category, vocab="EligibilityCategory"), reason=reason)


def listed(items: list[str]) -> Message:
    """Items joined as the language joins a list (``A, B`` / ``A、B``)."""
    return Message("{items}", {"items": list(items)})


def years(value: float) -> Message:
    """``5 years`` / ``5年``."""
    return _years(value, current_language())


@lru_cache(maxsize=4096)
def _years(value: float, lang: str) -> Message:
    n = f"{value:g}"
    return tr("{n} years", n=n)


def joined(parts: list[Message]) -> Message:
    """Several labels of one date: ``a; b`` / ``a；b``."""
    return parts[0] if len(parts) == 1 else _joined(tuple(parts), current_language())


@lru_cache(maxsize=4096)
def _joined(parts: tuple[Message, ...], lang: str) -> Message:
    said = parts[0]
    for part in parts[1:]:
        said = tr("{first}; {then}", first=said, then=part)
    return said


_VOCAB = {"outcome": "EligibilityOutcome", "category": "EligibilityCategory"}


def change_effect(key: str, before: str, after: str, why: Message) -> Message:
    """``met → not_met: turns 51``: the state before and after (as the JSON has them in
    English, in words in Chinese) and what brings the change."""
    return _change_effect(_VOCAB.get(key, "EligibilityStatus"), before, after, why,
                          current_language())


@lru_cache(maxsize=16384)
def _change_effect(vocab: str, before: str, after: str, why: Message, lang: str) -> Message:
    return tr("{before} → {after}: {why}", before=_state(before, vocab),
              after=_state(after, vocab), why=why)


def _state(value: str, vocab: str) -> Message:
    return tr("none") if value == "none" else word(value, vocab=vocab)


@lru_cache(maxsize=8)
def _groups(lang: str) -> dict[str, Message]:
    return {
        "Category A": tr("Category A"),
        "Category B": tr("Category B"),
        "Category C": tr("Category C"),
        "All categories": tr("All categories"),
        "Achievement-based Points Test": tr("Achievement-based Points Test"),
        "Prerequisites": tr("Prerequisites"),
        "Returning graduates": tr("Returning graduates"),
        "Fresh graduates": tr("Fresh graduates"),
        "General Points Test: the 12 criteria": tr("General Points Test: the 12 criteria"),
        "General Points Test: points table": tr("General Points Test: points table"),
        "Result of the test": tr("Result of the test"),
        "Eligibility criteria": tr("Eligibility criteria"),
    }


def change_subject(key: str) -> str:
    """What a change is about when it is not a criterion: ``outcome`` or ``category``."""
    if key == "outcome":
        return tr("outcome")
    return tr("category") if key == "category" else key


def group_name(group: str) -> str:
    """ImmD's heading of a group of criteria (``model.group_for``) in the current language."""
    return _groups(current_language()).get(group, group)


# Kept (English) results said again ------------------------------------------------------

_CHANGE = re.compile(r"^(\w+) → (\w+): (.*)$", re.S)
_CATEGORY = re.compile(r"^category ([ABC]): (.*)$", re.S)


def _rules(value: str) -> Message:
    if value == "excluded nationalities":
        return Message("excluded nationalities")
    key = value.replace(" ", "_").upper()
    return word(key, value, "Scheme") if entry(key, "Scheme") is not None else Message(value)


#: Kept sentences whose values only their context can say (a category letter, a rule set's
#: scheme in lower case): their shape, their template and how each value is said. Codes,
#: facts and lists in any other kept sentence are said by ``messages.said_again``.
_KEPT: tuple[tuple[re.Pattern[str], str, tuple[Any, ...]], ...] = (
    (re.compile(r"^possible categories: (.+)$"), "possible categories: {categories}",
     (("categories", lambda v: [word(c, vocab="EligibilityCategory") for c in v.split(", ")]),)),
    (re.compile(r"^rules change \((.+)\)$"), "rules change ({rules})", (("rules", _rules),)),
)


def said_text(text: object, lang: object) -> str:
    """A sentence of a result (a ``Message``, or English read back from the database) in
    ``lang``."""
    if isinstance(text, Message):
        return text.into(lang)
    words = str(text or "")
    if language_code(lang) == "en" or not words:
        return words
    for shape, template, values in _KEPT:
        found = shape.match(words)
        if found is not None:
            params = {name: say_as(value) for (name, say_as), value
                      in zip(values, found.groups(), strict=True)}
            return Message(template, params).into(lang)
    return said_again(words, lang)


def _said_reason(reason: str, names: dict[str, str], lang: str) -> str:
    category = _CATEGORY.match(reason)
    if category is not None:
        inner = _said_reason(category.group(2), names, lang)
        return Message("category {category}: {reason}",
                       {"category": word(category.group(1), vocab="EligibilityCategory"),
                        "reason": StoredText(inner)}).into(lang)
    for text, cid in names.items():
        for prefix, rest in (("not met: ", None), ("review: ", ": "), ("unknown: ", " (needs ")):
            head = prefix + text
            if not reason.startswith(head):
                continue
            tail = reason[len(head):]
            name = criterion_name(text, cid)
            if rest is None and not tail:
                return Message("not met: {criterion}", {"criterion": name}).into(lang)
            if rest is None and tail.startswith(" (") and tail.endswith(")"):
                return Message("not met: {criterion} ({detail})",
                               {"criterion": name, "detail": _Kept(tail[2:-1])}).into(lang)
            if rest == ": " and tail.startswith(rest):
                return Message("review: {criterion}: {review}",
                               {"criterion": name, "review": _Kept(tail[2:])}).into(lang)
            if rest == " (needs " and tail.startswith(rest) and tail.endswith(")"):
                facts = tail[len(rest):-1]
                if facts == "more facts":
                    return Message("unknown: {criterion} (needs more facts)",
                                   {"criterion": name}).into(lang)
                return Message("unknown: {criterion} (needs {facts})",
                               {"criterion": name,
                                "facts": [fact(n) for n in facts.split(", ")]}).into(lang)
    return said_text(reason, lang)


def said_reason(reason: object, criteria: list[dict[str, Any]], lang: object) -> str:
    """A reason of a result in ``lang``; ``criteria`` (the result's) name the criteria a
    kept English reason quotes."""
    if isinstance(reason, Message):
        return reason.into(lang)
    code = language_code(lang)
    text = str(reason or "")
    if code == "en" or not text:
        return text
    names = {str(c.get("text")): str(c.get("id")) for c in criteria if c.get("text")}
    # the longest text first: one criterion's text may begin another's
    ordered = dict(sorted(names.items(), key=lambda item: -len(item[0])))
    return _said_reason(text, ordered, code)


def said_effect(effect: object, key: str, lang: object) -> str:
    """A change's effect (``met → not_met: turns 51``) in ``lang``."""
    if isinstance(effect, Message):
        return effect.into(lang)
    text = str(effect or "")
    found = _CHANGE.match(text)
    if language_code(lang) == "en" or found is None:
        return said_again(text, lang)
    before, after, why = found.groups()
    vocab = _VOCAB.get(key, "EligibilityStatus")
    parts = [_Kept(part) for part in why.split("; ")]
    reasons: Any = parts[0]
    for part in parts[1:]:
        reasons = Message("{first}; {then}", {"first": reasons, "then": part})
    return Message("{before} → {after}: {why}",
                   {"before": _kept_state(before, vocab), "after": _kept_state(after, vocab),
                    "why": reasons}).into(lang)


def _kept_state(value: str, vocab: str) -> Message:
    return Message("none") if value == "none" else word(value, vocab=vocab)


class _Kept(Message):
    """A kept English part of a sentence, said through ``said_text``."""

    def __new__(cls, text: str) -> _Kept:
        self = str.__new__(cls, text)
        self.template, self.params = text, {}
        return self

    def __getnewargs__(self) -> tuple[str]:  # type: ignore[override]
        return (self.template,)

    def into(self, lang: object) -> str:
        return said_text(self.template, lang)


class KeptEffect(Message):
    """A kept change's effect (English, ``met → not_met: turns 51``) in a sentence: said in
    each language through ``said_effect``."""

    key: str

    def __new__(cls, effect: str, key: str) -> KeptEffect:
        self = str.__new__(cls, said_effect(effect, key, current_language()))
        self.template, self.params, self.key = effect, {}, key
        return self

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return (self.template, self.key)

    def into(self, lang: object) -> str:
        return said_effect(self.template, self.key, lang)


def _english(value: Any) -> Any:
    if isinstance(value, Message):
        return value.into("en")
    if isinstance(value, dict):
        return {k: _english(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_english(v) for v in value]
    return value


def stored_dict(data: dict[str, Any]) -> dict[str, Any]:
    """``as_dict()`` with every sentence in English: what the database keeps, whatever the
    desktop's language."""
    return _english(data)  # type: ignore[no-any-return]
