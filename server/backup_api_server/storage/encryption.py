"""Encryption at rest: archives encrypted with AES-256-GCM, in chunks, before they reach the store.

Optional (`backup-api serve --encryption-key-file PATH`, or `BACKUP_API_ENCRYPTION_KEY_FILE`). The
layer sits between the zstd stream and the store: a creation compresses, encrypts and stores as it
goes, and a restoration verifies the stored bytes' sha256 (no key needed), then decrypts and
decompresses as it goes. Memory holds one chunk whatever the archive's size.

The key file
    One line: 32 random bytes in standard base64 (44 characters), as `backup-api new-key PATH` or
    `openssl rand -base64 32` write it. Anything else (another length, not base64, several keys)
    is refused (`KeyFileError`).

Key id
    `hex(HMAC-SHA256(key, "backup-api key id v1")[:8])`, 16 hex digits. Stored in each encrypted
    archive's header and its metadata record, so a restoration tells "wrong key" (or "no key")
    from "corrupted" before it decrypts anything. It reveals nothing usable about the key.

An encrypted archive (all integers big-endian)::

    offset  size  field
    0       8     magic b"BKAPIENC"
    8       1     format version: 1
    9       4     plaintext chunk size C (1 MiB when written; readers accept 1 KiB to 16 MiB)
    13      8     key id (above)
    21      16    salt: random, new for every archive
    37      ...   chunks: AES-256-GCM(plaintext of C bytes) + 16-byte tag, the last one shorter

Every chunk holds C plaintext bytes but the last, which holds 1 to C (0 only when the whole
plaintext is empty, then it is the only chunk); it is the last because the stored bytes end
after it. The construction is age's STREAM (Hoang, Reyhanitabar, Rogaway and Vizár, 2015):

- archive key = HKDF-SHA256(key, salt, info "backup-api archive key v1"), 32 bytes: a fresh
  key per archive, so nonces never repeat under one key however many archives a key makes,
  and the key itself encrypts nothing;
- nonce of chunk i = i as 11 bytes || 0x01 for the last chunk, else 0x00: reordered, dropped,
  or duplicated chunks, and an archive cut at a chunk boundary (its new last chunk was
  encrypted as "not last"), fail authentication;
- associated data = the 37-byte header || the backup id (UTF-8): the header cannot be altered
  (another chunk size, salt or key id), and an archive cannot pass for another backup's.

The metadata record says which archives are encrypted, and with which key id (`metadata`): the
sha256 there covers the stored, encrypted bytes, so the checksum is verified before anything is
decrypted, with or without the key. A restoration refuses, before it touches the database:
without a key, or with another key than the archive's (`BackupKeyMismatch`); a chunk that does
not authenticate (`BackupCorrupted`: the bytes were changed, also by someone who recomputed the
sha256). Ids, sizes, timestamps and the rest of the metadata are not encrypted.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
import struct
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..errors import BackupCorrupted, BackupKeyMismatch, BackupUnencrypted

__all__ = [
    "CHUNK_BYTES",
    "HEADER_BYTES",
    "KEY_BYTES",
    "MAGIC",
    "ChunkDecryptor",
    "ChunkEncryptor",
    "EncryptionKey",
    "KeyFileError",
    "check_key",
    "write_new_key_file",
]

KEY_BYTES = 32
MAGIC = b"BKAPIENC"
FORMAT_VERSION = 1
CHUNK_BYTES = 1 << 20
MIN_CHUNK_BYTES = 1 << 10
MAX_CHUNK_BYTES = 16 << 20
TAG_BYTES = 16
SALT_BYTES = 16
KEY_ID_BYTES = 8
_HEADER = struct.Struct(f">{len(MAGIC)}sBI{KEY_ID_BYTES}s{SALT_BYTES}s")
HEADER_BYTES = _HEADER.size
_KEY_ID_LABEL = b"backup-api key id v1"
_ARCHIVE_KEY_LABEL = b"backup-api archive key v1"
_COUNTER_BYTES = 11
_MAX_CHUNKS = 1 << (8 * _COUNTER_BYTES)


class KeyFileError(ValueError):
    """The key file cannot be read or does not hold a key; the message says which and how to fix it."""


class EncryptionKey:
    """A 256-bit key and its id. Never shown: `repr` names the id only.

    A server with a key restores only archives it encrypted (`BackupUnencrypted` otherwise): the
    key is the only proof of who wrote a backup, and anyone who can write to the store (a shared
    bucket or folder) can plant an unencrypted one. `restores_unencrypted` (`serve
    --allow-unencrypted-restore`) lifts that, for backups made before the key was configured."""

    __slots__ = ("_secret", "key_id", "restores_unencrypted")

    def __init__(self, secret: bytes, *, restores_unencrypted: bool = False) -> None:
        if len(secret) != KEY_BYTES:
            raise ValueError(f"a key is {KEY_BYTES} bytes, not {len(secret)}")
        self._secret = bytes(secret)
        self.key_id = hmac.new(self._secret, _KEY_ID_LABEL, hashlib.sha256).digest()[:KEY_ID_BYTES].hex()
        self.restores_unencrypted = restores_unencrypted

    def restoring_unencrypted(self) -> EncryptionKey:
        """This key, on a server that also restores backups that are not encrypted."""
        return EncryptionKey(self._secret, restores_unencrypted=True)

    @classmethod
    def generate(cls) -> EncryptionKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    @classmethod
    def from_text(cls, text: str) -> EncryptionKey:
        """The key in a key file's text (see the module's docstring); `KeyFileError` otherwise."""
        encoded = text.strip()
        try:
            secret = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise KeyFileError("is not base64 text") from None
        if len(secret) != KEY_BYTES:
            raise KeyFileError(f"holds {len(secret)} bytes, a key is {KEY_BYTES}")
        return cls(secret)

    @classmethod
    def from_file(cls, path: Path) -> EncryptionKey:
        """The key kept in `path`; `KeyFileError` naming the file and what is wrong with it."""
        try:
            text = Path(path).read_text(encoding="ascii")
        except FileNotFoundError:
            raise KeyFileError(f"key file {path} does not exist") from None
        except IsADirectoryError:
            raise KeyFileError(f"key file {path} is a directory") from None
        except OSError as error:
            raise KeyFileError(f"cannot read key file {path}: {error.strerror or error}") from None
        except UnicodeDecodeError:
            text = "\x00"  # binary content: not base64 (below)
        try:
            return cls.from_text(text)
        except KeyFileError as error:
            raise KeyFileError(
                f"key file {path} {error}: it must hold {KEY_BYTES} random bytes as one line of base64 "
                "(make one with `backup-api new-key PATH`)"
            ) from None

    def to_text(self) -> str:
        """The key file's content."""
        return base64.b64encode(self._secret).decode("ascii") + "\n"

    def archive_key(self, salt: bytes) -> AESGCM:
        """The cipher of the archive whose header holds `salt`."""
        derived = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=_ARCHIVE_KEY_LABEL)
        return AESGCM(derived.derive(self._secret))

    def __repr__(self) -> str:
        return f"EncryptionKey(key_id={self.key_id!r})"


def write_new_key_file(path: Path) -> EncryptionKey:
    """Write a new random key to `path`, readable by its owner only (0600); never over an existing
    file (that would lose the key its backups need). Raises `FileExistsError` or `OSError`."""
    key = EncryptionKey.generate()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            descriptor = -1
            file.write(key.to_text())
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        if descriptor >= 0:
            os.close(descriptor)
        Path(path).unlink(missing_ok=True)
        raise
    return key


def _nonce(index: int, last: bool) -> bytes:
    if index >= _MAX_CHUNKS:
        raise OverflowError("archive has too many chunks")
    return index.to_bytes(_COUNTER_BYTES, "big") + (b"\x01" if last else b"\x00")


class ChunkEncryptor:
    """Encrypts one archive's bytes as they come: `update` and `finalize` return what to store next."""

    def __init__(self, key: EncryptionKey, backup_id: str, *, chunk_bytes: int = CHUNK_BYTES) -> None:
        if not MIN_CHUNK_BYTES <= chunk_bytes <= MAX_CHUNK_BYTES:
            raise ValueError(f"chunk size {chunk_bytes} is outside {MIN_CHUNK_BYTES}..{MAX_CHUNK_BYTES}")
        salt = secrets.token_bytes(SALT_BYTES)
        self._header = _HEADER.pack(MAGIC, FORMAT_VERSION, chunk_bytes, bytes.fromhex(key.key_id), salt)
        self._associated = self._header + backup_id.encode("utf-8")
        self._cipher = key.archive_key(salt)
        self._chunk_bytes = chunk_bytes
        self._pending = bytearray()
        self._index = 0
        self._header_sent = False
        self._finalized = False

    def update(self, data: bytes) -> bytes:
        """Take `data`; returns the stored bytes now complete (the header, then whole chunks). A
        chunk is sealed only once more data follows it, so the last one is sealed by `finalize`."""
        if self._finalized:
            raise ValueError("the archive was finalized")
        self._pending += data
        out = [self._take_header()]
        while len(self._pending) > self._chunk_bytes:
            out.append(self._seal(bytes(self._pending[: self._chunk_bytes]), last=False))
            del self._pending[: self._chunk_bytes]
        return b"".join(out)

    def finalize(self) -> bytes:
        """The last chunk (and the header, if nothing was written)."""
        if self._finalized:
            return b""
        self._finalized = True
        last = self._seal(bytes(self._pending), last=True)
        self._pending.clear()
        return self._take_header() + last

    def _take_header(self) -> bytes:
        if self._header_sent:
            return b""
        self._header_sent = True
        return self._header

    def _seal(self, plaintext: bytes, *, last: bool) -> bytes:
        sealed = self._cipher.encrypt(_nonce(self._index, last), plaintext, self._associated)
        self._index += 1
        return sealed


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class ChunkDecryptor:
    """A readable stream of the plaintext of the encrypted archive `source` holds.

    The header is checked on the first read: `BackupCorrupted` if it is not one, or of a format
    version this server does not read; `BackupKeyMismatch` if `key` is None or not the archive's.
    Each chunk is authenticated before any of its bytes are returned (`BackupCorrupted` if not);
    the stream ends only after the last chunk authenticated, and `read_to_end` makes sure of it.
    """

    def __init__(self, source: _Readable, key: EncryptionKey | None, backup_id: str) -> None:
        self._source = source
        self._key = key
        self._backup_id = backup_id
        self._cipher: AESGCM | None = None
        self._associated = b""
        self._chunk_bytes = 0
        self._index = 0
        self._plaintext = b""
        self._offset = 0
        self._lookahead = b""
        self._done = False

    def read(self, size: int = -1, /) -> bytes:
        """Up to `size` bytes (all that is left if negative); b"" at the end."""
        if size < 0:
            parts = []
            while part := self.read(CHUNK_BYTES):
                parts.append(part)
            return b"".join(parts)
        while self._offset >= len(self._plaintext):
            if self._done:
                return b""
            self._plaintext, self._offset = self._next_chunk(), 0
        start = self._offset
        self._offset = min(len(self._plaintext), start + size)
        return self._plaintext[start : self._offset]

    def read_to_end(self) -> int:
        """Decrypt (and authenticate) every chunk left; returns how many plaintext bytes were left."""
        left = len(self._plaintext) - self._offset
        self._offset = len(self._plaintext)
        while not self._done:
            left += len(self._next_chunk())
        return left

    def _next_chunk(self) -> bytes:
        if self._cipher is None:
            self._open()
        assert self._cipher is not None
        sealed = self._lookahead + self._read_exactly(self._chunk_bytes + TAG_BYTES - len(self._lookahead))
        self._lookahead = b""
        last = len(sealed) < self._chunk_bytes + TAG_BYTES
        if not last:
            self._lookahead = self._read_exactly(1)
            last = not self._lookahead
        if len(sealed) < TAG_BYTES:
            raise BackupCorrupted(f"encrypted archive ends inside chunk {self._index}")
        try:
            plaintext = self._cipher.decrypt(_nonce(self._index, last), sealed, self._associated)
        except InvalidTag:
            raise BackupCorrupted(
                f"encrypted archive fails authentication at chunk {self._index}: its bytes were changed, "
                "cut short or moved from another backup"
            ) from None
        self._index += 1
        self._done = last
        return plaintext

    def _open(self) -> None:
        header = self._read_exactly(HEADER_BYTES)
        if len(header) < HEADER_BYTES or not header.startswith(MAGIC):
            raise BackupCorrupted("archive is not an encrypted backup archive (no header)")
        _, version, chunk_bytes, key_id_bytes, salt = _HEADER.unpack(header)
        if version != FORMAT_VERSION:
            raise BackupCorrupted(
                f"archive is encrypted in format version {version}; this server reads {FORMAT_VERSION}"
            )
        if not MIN_CHUNK_BYTES <= chunk_bytes <= MAX_CHUNK_BYTES:
            raise BackupCorrupted(f"encrypted archive's chunk size {chunk_bytes} is out of bounds")
        key_id = key_id_bytes.hex()
        check_key(self._backup_id, key_id, self._key)
        assert self._key is not None
        self._cipher = self._key.archive_key(salt)
        self._associated = header + self._backup_id.encode("utf-8")
        self._chunk_bytes = chunk_bytes

    def _read_exactly(self, size: int) -> bytes:
        parts = []
        while size > 0:
            part = self._source.read(size)
            if not part:
                break
            parts.append(part)
            size -= len(part)
        return b"".join(parts)


def check_key(backup_id: str, archive_key_id: str | None, key: EncryptionKey | None) -> None:
    """Raise `BackupKeyMismatch` unless `key` is the one (of id `archive_key_id`) the archive needs,
    and `BackupUnencrypted` for an archive that is not encrypted (None) on a server with a key that
    does not restore those."""
    if archive_key_id is None:
        if key is not None and not key.restores_unencrypted:
            raise BackupUnencrypted(
                f"backup {backup_id} is not encrypted, and this server restores only backups encrypted "
                f"with its key (id {key.key_id}), the proof that it made them; restart it with "
                "--allow-unencrypted-restore to restore it anyway"
            )
        return
    if key is None:
        raise BackupKeyMismatch(
            f"backup {backup_id} is encrypted (key id {archive_key_id}) and this server has no key; "
            "restart it with --encryption-key-file naming the key file that made the backup"
        )
    if key.key_id != archive_key_id:
        raise BackupKeyMismatch(
            f"backup {backup_id} was encrypted with key id {archive_key_id}, this server's key is "
            f"{key.key_id}; restart it with --encryption-key-file naming the key file that made the backup"
        )
