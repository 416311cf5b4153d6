"""Encryption at rest for files: the data folder's header, keys, AES-GCM streams.

One passphrase opens a data folder. scrypt turns it, with the salt kept in the
folder's header (``encryption.json``), into 64 bytes: the first 32 are the
SQLCipher database key (given raw, so SQLCipher's own slow key derivation does
not run at every connection), the last 32 the AES-256-GCM key of attachment,
backup and export files. The header also holds a check value (a constant
encrypted with the file key), so a wrong passphrase is told apart from damage
before any file is touched.

An encrypted file is ``MAGIC``, an 8-byte random nonce prefix and the chunk
size, then chunks of at most ``CHUNK`` plaintext bytes, each sealed with
AES-GCM under the nonce ``prefix + chunk number`` and with the file header, the
chunk number and a last-chunk flag as associated data: a changed, reordered,
dropped or truncated chunk fails authentication (``TamperedFileError``). Files
are streamed chunk by chunk, never held whole in memory.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, BinaryIO

from hkcase.store.errors import StoreError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"HKCENC1\n"
CHUNK = 1 << 20
_HEAD = struct.Struct(">8s8sI")  # magic, nonce prefix, chunk size
_TAG = 16
HEADER_FILENAME = "encryption.json"
#: ``state`` in the header: the database and every attachment are encrypted.
ENCRYPTED = "encrypted"
#: ``state`` while ``hkcase encrypt`` runs (or was interrupted): finish with it again.
CONVERTING = "converting"
_CHECK_PLAIN = b"hkcase encryption check"
# scrypt cost: 2**15 x 8 x 128 bytes = 32 MB of memory, ~0.1 s here.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**15, 8, 1


class WrongPassphraseError(StoreError):
    """The passphrase (or key) given does not open this data folder."""


class TamperedFileError(StoreError):
    """An encrypted file fails authentication: changed, truncated or damaged."""


class EncryptionUnavailableError(StoreError):
    """An encrypted folder or file met by an install without the ``encryption`` extra."""


def _aead(key: bytes) -> AESGCM:
    """AES-GCM under ``key``. ``cryptography`` comes with the ``encryption`` extra, imported
    only here: an install without it starts, reads plain folders and says what it lacks."""
    try:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    except ImportError:
        raise EncryptionUnavailableError(
            "this data is encrypted, and this installation has no encryption support: "
            "install hkcase with its encryption extra (pip install 'hkcase[encryption]')"
        ) from None
    return AESGCM(key)


def _invalid_tag() -> type[Exception]:
    from cryptography.exceptions import InvalidTag  # present: ``_aead`` ran first

    return InvalidTag


class NoKeyError(StoreError):
    """The data folder is encrypted and no passphrase was given."""


@dataclass(frozen=True)
class Keys:
    """The keys of one data folder."""

    database: bytes  # 32 bytes, SQLCipher raw key
    files: bytes  # 32 bytes, AES-256-GCM

    @property
    def sqlcipher_pragma(self) -> str:
        """The ``PRAGMA key`` statement for the database (a raw key, no KDF)."""
        return f"PRAGMA key = \"x'{self.database.hex()}'\""

    def to_secret(self) -> str:
        """The keys as one string, to keep in the system keyring."""
        return (self.database + self.files).hex()

    @classmethod
    def from_secret(cls, secret: str) -> Keys:
        raw = bytes.fromhex(secret)
        if len(raw) != 64:
            raise ValueError("not an hkcase key")
        return cls(raw[:32], raw[32:])


@dataclass(frozen=True)
class Header:
    """The data folder's encryption header (``encryption.json``)."""

    salt: bytes
    check_nonce: bytes
    check: bytes
    state: str
    n: int = _SCRYPT_N
    r: int = _SCRYPT_R
    p: int = _SCRYPT_P

    def derive(self, passphrase: str) -> Keys:
        """The folder's keys from ``passphrase``; ``WrongPassphraseError`` if it is not the one."""
        raw = hashlib.scrypt(passphrase.encode("utf-8"), salt=self.salt, n=self.n, r=self.r,
                             p=self.p, maxmem=256 * 1024 * 1024, dklen=64)
        keys = Keys(raw[:32], raw[32:])
        self.verify(keys)
        return keys

    def verify(self, keys: Keys) -> None:
        """Raise ``WrongPassphraseError`` unless ``keys`` are this folder's."""
        aead = _aead(keys.files)
        try:
            aead.decrypt(self.check_nonce, self.check, self.salt)
        except _invalid_tag():
            raise WrongPassphraseError("wrong passphrase") from None

    def with_state(self, state: str) -> Header:
        return Header(self.salt, self.check_nonce, self.check, state, self.n, self.r, self.p)


def new_header(passphrase: str) -> tuple[Header, Keys]:
    """A fresh header (new salt) for ``passphrase``, in the ``converting`` state."""
    salt = secrets.token_bytes(16)
    raw = hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R,
                         p=_SCRYPT_P, maxmem=256 * 1024 * 1024, dklen=64)
    keys = Keys(raw[:32], raw[32:])
    nonce = secrets.token_bytes(12)
    check = _aead(keys.files).encrypt(nonce, _CHECK_PLAIN, salt)
    return Header(salt, nonce, check, CONVERTING), keys


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def read_header(data_dir: Path) -> Header | None:
    """The folder's header, or None if the folder is not encrypted."""
    path = data_dir / HEADER_FILENAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}") from None
    try:
        return _header_from(json.loads(text))
    except (ValueError, KeyError, TypeError):
        raise StoreError(f"{path} is damaged: hkcase cannot tell how this data folder is "
                         "encrypted; restore it from a backup of the data folder") from None


def _header_body(header: Header) -> dict[str, object]:
    return {"format": 1, "state": header.state, "cipher": "AES-256-GCM; SQLCipher 4 raw key",
            "kdf": {"name": "scrypt", "salt": _b64(header.salt), "n": header.n,
                    "r": header.r, "p": header.p},
            "check_nonce": _b64(header.check_nonce), "check": _b64(header.check)}


def _header_from(raw: dict[str, object]) -> Header:
    """``ValueError``, ``KeyError`` or ``TypeError`` for a damaged header."""
    kdf = raw["kdf"]
    if not isinstance(kdf, dict):
        raise TypeError("kdf")
    return Header(base64.b64decode(kdf["salt"]), base64.b64decode(str(raw["check_nonce"])),
                  base64.b64decode(str(raw["check"])), str(raw["state"]),
                  int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))


def write_header(data_dir: Path, header: Header) -> None:
    """Write the header atomically (temporary file, fsync, rename)."""
    body = _header_body(header)
    target = data_dir / HEADER_FILENAME
    partial = data_dir / f".{HEADER_FILENAME}.{secrets.token_hex(4)}"
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(body, out, indent=2)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, target)
    _fsync_folder(data_dir)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- streams ---------------------------------------------------------------------------

def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def _aad(head: bytes, index: int, last: bool) -> bytes:
    return head + struct.pack(">I?", index, last)


def encrypt_stream(source: IO[bytes], target: IO[bytes], key: bytes, *,
                   chunk: int = CHUNK) -> int:
    """Encrypt ``source`` into ``target`` chunk by chunk; returns the plaintext size."""
    aead = _aead(key)
    prefix = secrets.token_bytes(8)
    head = _HEAD.pack(MAGIC, prefix, chunk)
    target.write(head)
    size, index = 0, 0
    block = source.read(chunk)
    while True:
        following = source.read(chunk) if len(block) == chunk else b""
        last = not following
        target.write(aead.encrypt(_nonce(prefix, index), block, _aad(head, index, last)))
        size += len(block)
        if last:
            return size
        block, index = following, index + 1


def iter_decrypted(source: BinaryIO, key: bytes) -> Iterator[bytes]:
    """The plaintext of an encrypted stream, chunk by chunk, each authenticated first.

    Raises ``TamperedFileError`` for any change, truncation or a file that is not
    an hkcase encrypted file.
    """
    head = source.read(_HEAD.size)
    if len(head) != _HEAD.size:
        raise TamperedFileError("the encrypted file is truncated")
    magic, prefix, chunk = _HEAD.unpack(head)
    if magic != MAGIC or not 0 < chunk <= 64 * CHUNK:
        raise TamperedFileError("not an hkcase encrypted file")
    aead = _aead(key)
    index = 0
    sealed = source.read(chunk + _TAG)
    while True:
        following = source.read(chunk + _TAG) if len(sealed) == chunk + _TAG else b""
        last = not following
        try:
            yield aead.decrypt(_nonce(prefix, index), sealed, _aad(head, index, last))
        except _invalid_tag():
            raise TamperedFileError("the encrypted file has been changed or damaged "
                                    "(authentication failed)") from None
        if last:
            return
        sealed, index = following, index + 1


def decrypt_stream(source: BinaryIO, target: BinaryIO, key: bytes) -> int:
    """Decrypt ``source`` into ``target``; returns the plaintext size.

    ``target`` may have received earlier chunks when ``TamperedFileError`` is raised:
    write to a temporary file and keep it only on success.
    """
    size = 0
    for block in iter_decrypted(source, key):
        target.write(block)
        size += len(block)
    return size


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` is an hkcase encrypted file (by its first bytes)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def encrypt_file(source: Path, target: Path, key: bytes) -> None:
    """Encrypt ``source`` to ``target`` atomically (temporary file, fsync, rename)."""
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.enc-partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            encrypt_stream(src, out, key)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
        _fsync_folder(target.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def decrypt_file(source: Path, target: Path, key: bytes) -> None:
    """Decrypt ``source`` to ``target`` atomically; nothing is left at ``target`` on failure."""
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.dec-partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            decrypt_stream(src, out, key)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def encrypt_in_place(path: Path, key: bytes) -> bool:
    """Encrypt a plaintext file where it lies (atomically); False if it already was."""
    if is_encrypted(path):
        return False
    encrypt_file(path, path, key)
    return True


# -- sealed archives (exports of an encrypted data folder) ---------------------------------

#: A sealed archive: this, a 4-byte length, the folder's header (JSON: the scrypt salt
#: and check, no key), then the archive as an encrypted stream under the file key.
SEALED_MAGIC = b"HKCARC1\n"
_LENGTH = struct.Struct(">I")


class SealedWriter:
    """A write-only stream that seals what is written, chunk by chunk, into ``target``.

    ``zipfile`` writes to it as to an unseekable file; ``close`` seals the last
    chunk (and must be called for the output to be complete).
    """

    def __init__(self, target: IO[bytes], header: Header, keys: Keys) -> None:
        body = json.dumps({**_header_body(header), "state": ENCRYPTED}).encode("utf-8")
        target.write(SEALED_MAGIC + _LENGTH.pack(len(body)) + body)
        self._target = target
        self._aead = _aead(keys.files)
        self._prefix = secrets.token_bytes(8)
        self._head = _HEAD.pack(MAGIC, self._prefix, CHUNK)
        target.write(self._head)
        self._buffer = bytearray()
        self._index = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK:  # more follows: not the last chunk
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def flush(self) -> None:
        self._target.flush()

    def _seal(self, block: bytes, *, last: bool) -> None:
        self._target.write(self._aead.encrypt(_nonce(self._prefix, self._index), block,
                                              _aad(self._head, self._index, last)))
        self._index += 1

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            self.closed = True


def sealed_header(path: Path) -> Header | None:
    """The header of a sealed archive, or None if ``path`` is not one."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(SEALED_MAGIC)) != SEALED_MAGIC:
                return None
            return _read_sealed_header(handle)
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}") from None


def _read_sealed_header(handle: BinaryIO) -> Header:
    raw = handle.read(_LENGTH.size)
    if len(raw) != _LENGTH.size or _LENGTH.unpack(raw)[0] > 65536:
        raise TamperedFileError("the encrypted archive is damaged (its header is unreadable)")
    try:
        return _header_from(json.loads(handle.read(_LENGTH.unpack(raw)[0])))
    except (ValueError, KeyError, TypeError):
        raise TamperedFileError("the encrypted archive is damaged (its header is "
                                "unreadable)") from None


def unseal(source: Path, target: Path, keys: Keys) -> None:
    """Decrypt the sealed archive ``source`` to ``target`` (0600; nothing left on failure)."""
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.dec-partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            if src.read(len(SEALED_MAGIC)) != SEALED_MAGIC:
                raise TamperedFileError("not an hkcase encrypted archive")
            _read_sealed_header(src)
            decrypt_stream(src, out, keys.files)
        os.replace(partial, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


# -- the keys of open data folders -----------------------------------------------------

_FOLDER_KEYS: dict[Path, Keys] = {}


def register_keys(data_dir: Path, keys: Keys) -> None:
    """Remember the keys of an opened data folder, for readers of its files."""
    _FOLDER_KEYS[data_dir.resolve()] = keys


def forget_keys(data_dir: Path) -> None:
    _FOLDER_KEYS.pop(data_dir.resolve(), None)


def registered_keys() -> list[Keys]:
    """The keys of every data folder opened in this process."""
    return list(_FOLDER_KEYS.values())


def keys_for(path: Path) -> Keys | None:
    """The keys of the opened data folder holding ``path``, if any."""
    resolved = path.resolve()
    for folder, keys in _FOLDER_KEYS.items():
        if resolved == folder or folder in resolved.parents:
            return keys
    return None


def _key_for_file(path: Path) -> bytes:
    keys = keys_for(path)
    if keys is None:
        raise NoKeyError(f"{path.name} is encrypted and its data folder is not open "
                         "with its passphrase")
    return keys.files


def iter_plain(path: Path, key: bytes | None = None) -> Iterator[bytes]:
    """The plaintext of a stored file, decrypted when it is encrypted (streamed)."""
    with open(path, "rb") as handle:
        if handle.read(len(MAGIC)) == MAGIC:
            handle.seek(0)
            yield from iter_decrypted(handle, key if key is not None else _key_for_file(path))
            return
        handle.seek(0)
        while block := handle.read(CHUNK):
            yield block


def plain_sha256(path: Path, key: bytes | None = None) -> str:
    """The sha256 of a stored file's plaintext (authenticated if it is encrypted)."""
    digest = hashlib.sha256()
    for block in iter_plain(path, key):
        digest.update(block)
    return digest.hexdigest()


def write_stored(path: Path, source: IO[bytes], *, data_dir: Path | None = None) -> None:
    """Write ``source`` to ``path``, encrypted if its data folder is open encrypted.

    For writers (attachments, exports) whose caller has already made ``path`` a
    temporary name: no rename here.
    """
    keys = keys_for(data_dir if data_dir is not None else path)
    with open(path, "xb") as out:
        if keys is None:
            while block := source.read(CHUNK):
                out.write(block)
        else:
            encrypt_stream(source, out, keys.files)
        out.flush()
        os.fsync(out.fileno())
