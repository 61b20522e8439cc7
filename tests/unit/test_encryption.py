"""The encrypted archive format (storage/encryption.py): keys and key files, round trips at every
chunk boundary, and every way of changing, cutting, reordering or moving the stored bytes."""

from __future__ import annotations

import base64
import io
import os
import stat
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from backup_api_server.errors import BackupCorrupted, BackupKeyMismatch
from backup_api_server.storage.encryption import (
    HEADER_BYTES,
    MAGIC,
    MAX_CHUNK_BYTES,
    MIN_CHUNK_BYTES,
    TAG_BYTES,
    ChunkDecryptor,
    ChunkEncryptor,
    EncryptionKey,
    KeyFileError,
    write_new_key_file,
)

KEY = EncryptionKey(bytes(range(32)))
BACKUP_ID = "1.0.0_1764253683123456"
CHUNK = MIN_CHUNK_BYTES
SEALED_CHUNK = CHUNK + TAG_BYTES


def encrypt(
    plaintext: bytes, *, key: EncryptionKey = KEY, backup_id: str = BACKUP_ID, writes: int = 7
) -> bytes:
    """`plaintext` encrypted in small chunks, handed to the encryptor in uneven pieces."""
    encryptor = ChunkEncryptor(key, backup_id, chunk_bytes=CHUNK)
    step = max(1, len(plaintext) // writes)
    out = [encryptor.update(plaintext[start : start + step]) for start in range(0, len(plaintext), step)]
    return b"".join([*out, encryptor.finalize()])


def decrypt(
    stored: bytes, *, key: EncryptionKey | None = KEY, backup_id: str = BACKUP_ID, read_size: int = 333
) -> bytes:
    decryptor = ChunkDecryptor(io.BytesIO(stored), key, backup_id)
    parts = []
    while part := decryptor.read(read_size):
        parts.append(part)
    return b"".join(parts)


# Keys and key files


def test_a_key_round_trips_through_its_file_text_and_keeps_its_id() -> None:
    text = KEY.to_text()

    assert text == base64.b64encode(bytes(range(32))).decode() + "\n"
    assert EncryptionKey.from_text(text).key_id == KEY.key_id
    assert len(KEY.key_id) == 16 and int(KEY.key_id, 16) >= 0
    assert EncryptionKey.generate().key_id != KEY.key_id


def test_a_key_never_shows_its_secret() -> None:
    assert repr(KEY) == f"EncryptionKey(key_id={KEY.key_id!r})"
    assert base64.b64encode(bytes(range(32))).decode() not in repr(KEY)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (base64.b64encode(os.urandom(16)), "holds 16 bytes, a key is 32"),
        (base64.b64encode(os.urandom(33)), "holds 33 bytes, a key is 32"),
        (b"", "holds 0 bytes, a key is 32"),
        (b"not base64 at all!", "is not base64 text"),
        (os.urandom(32).replace(b"\n", b"\x00") + b"\xff", "is not base64 text"),
        (base64.b64encode(os.urandom(32)) * 2, "is not base64 text"),
    ],
    ids=["short", "long", "empty", "not-base64", "raw-bytes", "two-keys"],
)
def test_a_key_file_that_does_not_hold_a_key_is_refused_naming_the_file_and_the_fix(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "key"
    path.write_bytes(content)

    with pytest.raises(KeyFileError) as raised:
        EncryptionKey.from_file(path)

    message = str(raised.value)
    assert message.startswith(f"key file {path} {reason}"), message
    assert "backup-api new-key" in message


def test_a_missing_or_unreadable_key_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="does not exist"):
        EncryptionKey.from_file(tmp_path / "missing")
    with pytest.raises(KeyFileError, match="is a directory"):
        EncryptionKey.from_file(tmp_path)


def test_new_key_file_is_private_and_never_overwrites_a_key(tmp_path: Path) -> None:
    path = tmp_path / "backup.key"

    key = write_new_key_file(path)

    assert EncryptionKey.from_file(path).key_id == key.key_id
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        write_new_key_file(path)
    assert EncryptionKey.from_file(path).key_id == key.key_id


# Round trips


@pytest.mark.parametrize(
    "size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 17], ids=lambda size: f"{size}B"
)
def test_round_trip_at_every_chunk_boundary(size: int) -> None:
    plaintext = os.urandom(size)

    stored = encrypt(plaintext)

    chunks = max(1, -(-size // CHUNK))
    assert len(stored) == HEADER_BYTES + size + chunks * TAG_BYTES
    assert stored.startswith(MAGIC)
    assert decrypt(stored) == plaintext
    assert decrypt(stored, read_size=1) == plaintext
    assert ChunkDecryptor(io.BytesIO(stored), KEY, BACKUP_ID).read() == plaintext


def test_every_archive_has_its_own_salt_so_equal_plaintexts_never_encrypt_alike() -> None:
    plaintext = b"the same snippets" * 100

    first, second = encrypt(plaintext), encrypt(plaintext)

    assert first[:21] == second[:21]  # magic, version, chunk size, key id
    assert first[21:HEADER_BYTES] != second[21:HEADER_BYTES]
    assert first[HEADER_BYTES:] != second[HEADER_BYTES:]
    assert plaintext[:32] not in first


def test_memory_holds_about_one_chunk_whatever_the_archive_size(tmp_path: Path) -> None:
    # 32 MiB through the real 1 MiB chunks, fed and read in 64 KiB pieces (the stored bytes in a
    # file, out of Python's heap): the peak of Python's allocations stays a few chunks.
    piece = os.urandom(64 * 1024)
    pieces = 512
    encryptor = ChunkEncryptor(KEY, BACKUP_ID)
    path = tmp_path / "archive"
    tracemalloc.start()
    try:
        with open(path, "wb") as stored:
            for _ in range(pieces):
                stored.write(encryptor.update(piece))
            stored.write(encryptor.finalize())
        encrypt_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        total = 0
        with open(path, "rb") as stored:
            decryptor = ChunkDecryptor(stored, KEY, BACKUP_ID)
            while part := decryptor.read(64 * 1024):
                total += len(part)
        decrypt_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert total == len(piece) * pieces
    assert path.stat().st_size > 32 * 1024 * 1024
    assert encrypt_peak < 6 * 1024 * 1024, encrypt_peak
    assert decrypt_peak < 6 * 1024 * 1024, decrypt_peak


# Refusals


def test_no_key_or_another_key_is_a_key_mismatch_before_anything_is_decrypted() -> None:
    stored = encrypt(b"secret snippets" * 500)

    with pytest.raises(BackupKeyMismatch, match=rf"key id {KEY.key_id}\) and this server has no key"):
        decrypt(stored, key=None)
    other = EncryptionKey.generate()
    with pytest.raises(BackupKeyMismatch, match=f"encrypted with key id {KEY.key_id}, this server's key is"):
        decrypt(stored, key=other)


def _flip(offset: int) -> Callable[[bytes], bytes]:
    def change(stored: bytes) -> bytes:
        changed = bytearray(stored)
        changed[offset] ^= 0x01
        return bytes(changed)

    return change


def _swap_first_two_chunks(stored: bytes) -> bytes:
    header, body = stored[:HEADER_BYTES], stored[HEADER_BYTES:]
    return header + body[SEALED_CHUNK : 2 * SEALED_CHUNK] + body[:SEALED_CHUNK] + body[2 * SEALED_CHUNK :]


def _drop_last_chunk(stored: bytes) -> bytes:
    return stored[: HEADER_BYTES + 2 * SEALED_CHUNK]


def _drop_middle_chunk(stored: bytes) -> bytes:
    return stored[: HEADER_BYTES + SEALED_CHUNK] + stored[HEADER_BYTES + 2 * SEALED_CHUNK :]


# Three chunks: two full ones and a last one of 100 bytes.
TAMPERING: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "a byte of the first chunk": (_flip(HEADER_BYTES + 10), "fails authentication at chunk 0"),
    "a byte of the last chunk": (_flip(-30), "fails authentication at chunk 2"),
    "a byte of a tag": (_flip(HEADER_BYTES + SEALED_CHUNK - 1), "fails authentication at chunk 0"),
    "the chunk size in the header": (_flip(11), "fails authentication at chunk 0"),
    "the salt in the header": (_flip(30), "fails authentication at chunk 0"),
    "the magic": (_flip(0), "not an encrypted backup archive"),
    "the format version": (_flip(8), "format version 0"),
    "two chunks reordered": (_swap_first_two_chunks, "fails authentication at chunk 0"),
    "cut after a whole chunk": (_drop_last_chunk, "fails authentication at chunk 1"),
    "a chunk left out": (_drop_middle_chunk, "fails authentication at chunk 1"),
    "cut inside a chunk": (lambda stored: stored[:-5], "fails authentication at chunk 2"),
    "cut inside the last tag's first bytes": (
        lambda stored: stored[: HEADER_BYTES + 2 * SEALED_CHUNK + 3],
        "ends inside chunk 2",
    ),
    "cut inside the header": (lambda stored: stored[: HEADER_BYTES - 1], "not an encrypted backup archive"),
    "bytes appended": (lambda stored: stored + b"\x00", "fails authentication at chunk 2"),
}


@pytest.mark.parametrize("name", sorted(TAMPERING))
def test_changed_cut_or_reordered_archive_is_refused_as_corrupted(name: str) -> None:
    change, reason = TAMPERING[name]
    stored = encrypt(os.urandom(2 * CHUNK + 100))
    assert decrypt(stored) is not None

    with pytest.raises(BackupCorrupted) as raised:
        decrypt(change(stored))
    assert reason in raised.value.detail


def test_the_key_id_in_the_header_is_authenticated_too() -> None:
    # Rewritten to another key's id, the header names a key this reader does not have...
    other = EncryptionKey.generate()
    stored = bytearray(encrypt(b"x" * 100))
    stored[13:21] = bytes.fromhex(other.key_id)
    with pytest.raises(BackupKeyMismatch):
        decrypt(bytes(stored))
    # ...and read with that other key, nothing authenticates.
    with pytest.raises(BackupCorrupted, match="fails authentication at chunk 0"):
        decrypt(bytes(stored), key=other)


def test_an_archive_cannot_pass_for_another_backups() -> None:
    stored = encrypt(b"the snippets of one backup" * 100)

    with pytest.raises(BackupCorrupted, match="moved from another backup"):
        decrypt(stored, backup_id="1.0.0_1764253683123457")


def test_read_to_end_authenticates_every_chunk_left() -> None:
    stored = _flip(-1)(encrypt(os.urandom(3 * CHUNK)))
    decryptor = ChunkDecryptor(io.BytesIO(stored), KEY, BACKUP_ID)
    assert len(decryptor.read(10)) == 10

    with pytest.raises(BackupCorrupted, match="fails authentication at chunk 2"):
        decryptor.read_to_end()


# The reader's and writer's edges (found by the mutation run, `mutation/run.py`)


def test_the_format_is_the_one_the_docstring_describes() -> None:
    """An archive decrypted by hand from the module docstring alone: header fields, the archive key
    (HKDF-SHA256 of the key with the header's salt and the label), nonces and associated data.
    A reader and writer that agreed on another derivation (no salt: one key for every archive)
    would round-trip and pass every other test."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    plaintext = os.urandom(CHUNK + 100)
    stored = encrypt(plaintext)
    header = stored[:HEADER_BYTES]
    assert header[:8] == MAGIC and header[8] == 1
    assert int.from_bytes(header[9:13], "big") == CHUNK
    assert header[13:21].hex() == KEY.key_id
    salt = header[21:37]
    secret = base64.b64decode(KEY.to_text())
    archive_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"backup-api archive key v1")
    cipher = AESGCM(archive_key.derive(secret))
    associated = header + BACKUP_ID.encode()
    chunks = [stored[HEADER_BYTES : HEADER_BYTES + SEALED_CHUNK], stored[HEADER_BYTES + SEALED_CHUNK :]]
    opened = [
        cipher.decrypt(index.to_bytes(11, "big") + bytes([last]), chunk, associated)
        for index, (chunk, last) in enumerate(zip(chunks, (0, 1), strict=True))
    ]
    assert b"".join(opened) == plaintext


def test_the_largest_chunk_size_is_written_and_read() -> None:
    encryptor = ChunkEncryptor(KEY, BACKUP_ID, chunk_bytes=MAX_CHUNK_BYTES)
    stored = encryptor.update(b"snippets") + encryptor.finalize()
    assert ChunkDecryptor(io.BytesIO(stored), KEY, BACKUP_ID).read() == b"snippets"
    with pytest.raises(ValueError, match="outside"):
        ChunkEncryptor(KEY, BACKUP_ID, chunk_bytes=MAX_CHUNK_BYTES + 1)


def test_a_finalized_archive_takes_nothing_more_and_finalizes_once() -> None:
    encryptor = ChunkEncryptor(KEY, BACKUP_ID, chunk_bytes=CHUNK)
    stored = encryptor.update(b"snippets") + encryptor.finalize()
    assert encryptor.finalize() == b""
    with pytest.raises(ValueError, match=r"^the archive was finalized$"):
        encryptor.update(b"more")
    assert decrypt(stored) == b"snippets"


def test_reading_nothing_returns_nothing_and_read_to_end_counts_what_was_left() -> None:
    plaintext = os.urandom(3 * CHUNK + 5)
    assert ChunkDecryptor(io.BytesIO(encrypt(plaintext)), KEY, BACKUP_ID).read_to_end() == len(plaintext)
    decryptor = ChunkDecryptor(io.BytesIO(encrypt(plaintext)), KEY, BACKUP_ID)
    assert decryptor.read(0) == b""
    assert len(decryptor.read(10)) == 10
    assert decryptor.read_to_end() == len(plaintext) - 10
    assert decryptor.read(10) == b""


def test_a_source_that_returns_short_reads_is_read_whole() -> None:
    class Trickle(io.BytesIO):
        def read(self, size: int | None = -1, /) -> bytes:
            return super().read(min(7, size if size is not None and size >= 0 else 7))

    plaintext = os.urandom(2 * CHUNK + 3)
    assert ChunkDecryptor(Trickle(encrypt(plaintext)), KEY, BACKUP_ID).read() == plaintext


def test_a_key_mismatch_says_how_to_fix_it() -> None:
    stored = encrypt(b"secret snippets")
    for key in (None, EncryptionKey.generate()):
        with pytest.raises(BackupKeyMismatch, match="; restart it with --encryption-key-file naming the key"):
            decrypt(stored, key=key)
