"""The GUI's passphrase dialog for an encrypted data folder: real clicks on the real
dialog, a wrong passphrase said in plain words and asked again, Cancel quits cleanly,
and the user is told where the key is kept (the system keyring, or nowhere)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QWidget

from hkcase.gui.dialogs import passphrase as passphrase_dialog
from hkcase.store import StoreError, crypto
from tests.gui_support import ScriptedPrompts

pytest.importorskip("sqlcipher3")

PASSPHRASE = "open sesame 42"


class PassphrasePrompts(ScriptedPrompts):
    """Scripts the passphrase dialog: each answer goes through the dialog's own check."""

    def __init__(self, answers: list[str]) -> None:
        super().__init__()
        self.answers = answers
        self.problems: list[str] = []

    def passphrase(self, parent: QWidget | None, title: str, text: str,
                   check: Callable[[str], str | None]) -> str | None:
        self.asked.append((title, text))
        while self.answers:
            answer = self.answers.pop(0)
            problem = check(answer)
            if problem is None:
                return answer
            self.problems.append(problem)
        return None  # the user pressed Cancel


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("gui") / "data"
    env = {**os.environ, "HKCASE_KEY": PASSPHRASE}
    for args in (["demo", "--clients", "5"], ["encrypt"]):
        done = subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", str(data), *args],
                              env=env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=180)
        assert done.returncode == 0, done.stderr
    return data


@pytest.fixture
def data(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    monkeypatch.delenv("HKCASE_KEY", raising=False)
    yield folder
    crypto.forget_keys(folder)


class MemoryKeyring:
    """A keyring backend kept in memory (the test machine has no desktop keyring)."""

    def __init__(self) -> None:
        import keyring.backend

        class Backend(keyring.backend.KeyringBackend):
            priority = 1  # type: ignore[assignment]
            store: dict[tuple[str, str], str] = {}

            def get_password(self, service: str, username: str) -> str | None:
                return self.store.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                self.store[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                self.store.pop((service, username), None)

        self.backend = Backend()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    import keyring
    from keyring.backends import fail

    ring = MemoryKeyring()
    keyring.set_keyring(ring.backend)
    yield ring
    keyring.set_keyring(fail.Keyring())


def test_the_dialog_says_a_wrong_passphrase_and_asks_again(qtbot: object) -> None:
    """The real dialog, through the real ``Prompts``: typed and clicked like a user."""
    from hkcase.gui.support.prompts import Prompts

    header, _keys = crypto.new_header(PASSPHRASE)
    seen: list[str] = []

    def check(given: str) -> str | None:
        try:
            header.derive(given)
        except crypto.WrongPassphraseError:
            return passphrase_dialog.WRONG
        return None

    def user() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, passphrase_dialog.PassphraseDialog)
        field = dialog.findChild(QLineEdit, "passphrase")
        assert field is not None and field.echoMode() == QLineEdit.EchoMode.Password
        open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.keyClicks(field, "guess")  # type: ignore[attr-defined]
        qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        assert dialog.isVisible()  # asked again
        assert dialog.problem.isVisible()
        seen.append(dialog.problem.text())
        assert field.text() == ""
        qtbot.keyClicks(field, PASSPHRASE)  # type: ignore[attr-defined]
        qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    QTimer.singleShot(50, user)
    answer = Prompts().passphrase(None, passphrase_dialog.TITLE, "Type it", check)
    assert answer == PASSPHRASE
    assert seen == [passphrase_dialog.WRONG]
    assert "does not open this data folder" in seen[0]

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, passphrase_dialog.PassphraseDialog)
        qtbot.mouseClick(dialog.buttons.button(  # type: ignore[attr-defined]
            QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, cancel)
    assert Prompts().passphrase(None, passphrase_dialog.TITLE, "Type it", check) is None


def test_the_gui_opens_an_encrypted_folder_after_a_wrong_passphrase(
        data: Path, memory_keyring: MemoryKeyring) -> None:
    from hkcase.gui.launch import open_for_gui

    prompts = PassphrasePrompts(["wrong one", PASSPHRASE])
    ctx = open_for_gui(data, prompts, daily_backup=False)
    try:
        assert prompts.problems == [passphrase_dialog.WRONG]
        assert prompts.asked[0][0] == passphrase_dialog.TITLE
        assert str(data) in prompts.asked[0][1]
        # the user is told where the key is kept, and the keyring holds it
        assert any("kept in this computer's system keyring" in n for n in ctx.notices)
        assert memory_keyring.backend.store
        stored = next(iter(memory_keyring.backend.store.values()))
        assert PASSPHRASE not in stored  # the derived keys, never the passphrase
    finally:
        ctx.close()
    crypto.forget_keys(data)
    # the next start finds the key in the keyring: no dialog
    again = PassphrasePrompts([])
    ctx = open_for_gui(data, again, daily_backup=False)
    ctx.close()
    assert again.asked == []


def test_without_a_keyring_the_user_is_told_and_cancel_quits_cleanly(data: Path) -> None:
    from hkcase.gui.launch import open_for_gui

    prompts = PassphrasePrompts([PASSPHRASE])
    ctx = open_for_gui(data, prompts, daily_backup=False)
    try:
        assert any("No system keyring" in n for n in ctx.notices)
    finally:
        ctx.close()
    crypto.forget_keys(data)
    before = sorted(p.name for p in data.rglob("*"))
    with pytest.raises(StoreError, match="no passphrase was given"):
        open_for_gui(data, PassphrasePrompts(["still wrong"]), daily_backup=False)
    assert sorted(p.name for p in data.rglob("*")) == before
