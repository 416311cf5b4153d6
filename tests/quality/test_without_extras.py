"""An install without the optional extras (``scripts/run``, ``pip install hkcase``) starts:
the encryption libraries are imported only when encrypted data is met, and then the user
is told what is missing in one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

#: Runs hkcase with the encryption extra's libraries unimportable, as a plain install has it.
BLOCKED = """
import sys
for name in ("cryptography", "sqlcipher3", "keyring"):
    sys.modules[name] = None  # ``import name`` now raises ImportError
sys.argv = ["hkcase", *{argv!r}]
from hkcase.__main__ import main
raise SystemExit(main())
"""


def _hkcase(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HKCASE_DATA_DIR": str(tmp_path)}
    return subprocess.run([sys.executable, "-c", BLOCKED.format(argv=list(argv))], env=env,
                          capture_output=True, text=True, timeout=180)


@pytest.mark.slow
def test_the_window_opens_without_the_encryption_extra(tmp_path: Path) -> None:
    made = _hkcase(tmp_path, "demo", "--clients", "5")
    assert made.returncode == 0, made.stderr
    shown = _hkcase(tmp_path, "--smoke-test")
    assert shown.returncode == 0, shown.stderr
    assert "Traceback" not in shown.stderr
    report = json.loads(shown.stdout.strip().splitlines()[-1])
    assert report["painted"] and report["dashboard_loaded"], report


def test_encrypted_data_without_the_extra_says_what_is_missing(tmp_path: Path) -> None:
    from hkcase.store import crypto

    sealed = tmp_path / "scan.pdf.enc"
    crypto.encrypt_file(_plain(tmp_path), sealed, bytes(32))
    probe = (
        "import sys\n"
        "sys.modules['cryptography'] = None\n"
        "from pathlib import Path\n"
        "from hkcase.store import crypto\n"
        "try:\n"
        f"    crypto.decrypt_file(Path({str(sealed)!r}), Path({str(tmp_path / 'out')!r}),"
        " bytes(32))\n"
        "except crypto.EncryptionUnavailableError as exc:\n"
        "    print(exc)\n"
    )
    said = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60)
    assert said.returncode == 0, said.stderr
    assert said.stdout.strip().splitlines() == [
        "this data is encrypted, and this installation has no encryption support: install "
        "hkcase with its encryption extra (pip install 'hkcase[encryption]')"]
    assert not (tmp_path / "out").exists()  # nothing written


def _plain(tmp_path: Path) -> Path:
    plain = tmp_path / "scan.pdf"
    plain.write_bytes(b"%PDF-1.4 test")
    return plain
