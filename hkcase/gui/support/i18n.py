"""The interface's language: English, Traditional Chinese (Hong Kong), Simplified Chinese.

Qt's own workflow (docs/translations.md): strings are marked with ``self.tr()`` or
``QCoreApplication.translate(context, …)``, ``pyside6-lupdate`` collects them into
``resources/translations/hkcase_<lang>.ts`` and ``pyside6-lrelease`` builds the ``.qm``
files at build time (``packaging/translations.py``). Designer forms loaded with QUiLoader
are translated by Qt at load time, under their ``<class>`` as context.

The language is the settings' ``language`` ("system" follows ``QLocale.system()``),
overridden by ``HKCASE_LANGUAGE`` (also ``pseudo``: every string 40 % longer and accented,
to find clipped labels). It is applied at start: a change in Settings shows after a restart.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hkcase.config.settings import LANGUAGES
from hkcase.domain.messages import set_language

log = logging.getLogger(__name__)

ENVIRONMENT = "HKCASE_LANGUAGE"
#: The interface languages besides English, as ``.qm`` files name them.
TRANSLATED = ("zh_HK", "zh_CN")
PSEUDO = "pseudo"
#: Qt's own strings (standard buttons, file dialogs): Qt ships Traditional as zh_TW.
_QTBASE = {"zh_HK": "qtbase_zh_TW", "zh_CN": "qtbase_zh_CN"}


def system_language(locale: QLocale | None = None) -> str:
    """The interface language for the system's locale: Chinese by script, else English."""
    locale = locale or QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    if locale.script() == QLocale.Script.SimplifiedChineseScript:
        return "zh_CN"
    if locale.script() == QLocale.Script.TraditionalChineseScript:
        return "zh_HK"
    simplified = (QLocale.Country.China, QLocale.Country.Singapore)
    return "zh_CN" if locale.territory() in simplified else "zh_HK"


def chosen_language(setting: str, locale: QLocale | None = None) -> str:
    """``en``, ``zh_HK``, ``zh_CN`` or ``pseudo``: the environment, else the setting."""
    wanted = os.environ.get(ENVIRONMENT, "").strip() or setting
    if wanted == PSEUDO or wanted in TRANSLATED or wanted == "en":
        return wanted
    if wanted not in LANGUAGES:
        log.warning("unknown interface language %r; following the system", wanted[:20])
    return system_language(locale)


def translations_dir() -> str:
    """The folder of the built ``.qm`` files (``resources/translations``)."""
    from hkcase.domain.resources import resource_path

    return str(resource_path("translations"))


# Placeholders a translation must keep: %1, %n, {name}, {0}, {:,}.
PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)|\{[A-Za-z_0-9]*(?:[:!][^{}]*)?\}")
_ACCENTED = str.maketrans("aeiouAEIOUcnyCNY", "àéîõüÀÉÎÕÜçñýÇÑÝ")


def pseudo(text: str) -> str:
    """``text`` accented and 40 % longer; placeholders, markup and ``&`` kept as they are."""
    if not text:
        return text
    parts: list[str] = []
    last = 0
    for match in re.finditer(PLACEHOLDER.pattern + r"|<[^>]*>|&\w+;|&", text):
        parts.append(text[last:match.start()].translate(_ACCENTED))
        parts.append(match.group())
        last = match.end()
    parts.append(text[last:].translate(_ACCENTED))
    body = "".join(parts)
    visible = len(re.sub(r"<[^>]*>", "", text))
    padding = "~" * max(1, round(visible * 0.4))
    return f"[{body}{padding}]"


class PseudoTranslator(QTranslator):
    """Every string of hkcase and of Qt lengthened by 40 %, accented (no file needed)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False


#: The language installed now (``install_translators``), and the labels' code for it.
_installed = ["en"]
_LABEL_LANGUAGE = {"zh_HK": "zh-hk", "zh_CN": "zh-cn"}


def current_language() -> str:
    """``en``, ``zh_HK``, ``zh_CN`` or ``pseudo``: what the interface shows now."""
    return _installed[0]


def label(value: object, lang: object = None, **options: Any) -> str:
    """``domain.labels.label`` in the interface's language unless ``lang`` is given: the
    vocabulary catalogue (resources/labels) has every value in English and both Chinese."""
    from hkcase.domain.labels import label as words

    chosen = lang if lang is not None else _LABEL_LANGUAGE.get(_installed[0], "en")
    return words(value, chosen, **options)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install hkcase's and Qt's translators for ``language``; returns them (keep them)."""
    _installed[0] = language
    # What the services and rules say (domain.messages.tr) follows the interface.
    set_language(_LABEL_LANGUAGE.get(language, "en"))
    for old in getattr(app, "_hkcase_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    if language == PSEUDO:
        installed.append(PseudoTranslator(app))
    elif language in TRANSLATED:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((_QTBASE[language], qt_dir),
                             (f"hkcase_{language}", translations_dir())):
            translator = QTranslator(app)
            if translator.load(name, folder):
                installed.append(translator)
            else:
                log.warning("translation %s not found in %s; that part stays English",
                            name, folder)
    for translator in installed:
        app.installTranslator(translator)
    app._hkcase_translators = installed  # type: ignore[attr-defined]
    return installed


def apply_language(app: QCoreApplication, setting: str) -> str:
    """Choose the language (environment, setting, system) and install it; returns it."""
    language = chosen_language(setting)
    install_translators(app, language)
    return language


def language_setting(data_dir: str | Path | None) -> str:
    """The saved ``language`` setting, read before the store opens (a bad file: "system";
    ``open_app`` reports and replaces it later)."""
    from hkcase.config.locations import LocationError, Locations

    try:
        raw = json.loads(Locations.resolve(data_dir).settings_file.read_text(encoding="utf-8"))
    except (LocationError, OSError, ValueError):
        return "system"
    if not isinstance(raw, dict):
        return "system"
    value = raw.get("language")
    if raw.get("version") == 1:  # version 1 saved "en" without asking (config.settings)
        return "system"
    return value if isinstance(value, str) and value in LANGUAGES else "system"


def install_for_start(app: QCoreApplication, data_dir: str | Path | None) -> str:
    """At start, before the first window: the language of the settings (or environment)."""
    return apply_language(app, language_setting(data_dir))


def error_text(exc: BaseException) -> str:
    """An error as a person reads it: a ``ValidationError``'s field in words ("簽發日期：…",
    "issue date: …"), not its identifier; any other error as it says itself."""
    from hkcase.domain.errors import ValidationError

    if isinstance(exc, ValidationError):
        return QCoreApplication.translate("Errors", "{field}: {reason}").format(
            field=label(exc.field), reason=exc.message)
    return str(exc)
