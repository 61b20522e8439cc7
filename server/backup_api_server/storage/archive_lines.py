"""An archive's JSON lines, decoded: the documents each decompressed chunk holds (what a restore
inserts) or just how many (what verification counts), within the bounds an untrusted archive is
held to. `archive.ArchiveReader` decompresses (and decrypts) the stream and hashes what it read;
this module is what it makes of the decompressed bytes, a line at a time.
"""

from __future__ import annotations

import collections
import json
import operator
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

import msgspec

from ..errors import BackupCorrupted
from .stream_check import checked_ahead, counted_chunks

__all__ = ["ArchivedDocument", "DecodedTooLarge", "DecodingBounds", "counted_documents", "decoded_documents"]


class ArchivedDocument(NamedTuple):
    """One document read back from an archive: its id and its JSON text exactly as archived."""

    id: str
    text: str


class DecodedTooLarge(BackupCorrupted):
    """The archive decompresses to more than its record says (a decompression bomb)."""


class DecodingBounds(NamedTuple):
    """What an untrusted archive may decompress to: in all (the size its record says, when it says
    one) and per line (the bound of a request body's document)."""

    total_bytes: int | None
    document_bytes: int


def decoded_documents(
    reader: BinaryIO, bounds: DecodingBounds, chunk_bytes: int
) -> Iterator[list[ArchivedDocument]]:
    """The documents of the decompressed stream `reader`, those on the whole lines of each chunk
    read at a time; `BackupCorrupted` for a line that is not an asset document or not whole, that
    is longer than a document may be, or once the stream holds more bytes than its record says
    (checked as it decompresses, so neither costs more memory than the bound)."""
    line_count = 0
    decoded = 0
    unfinished: list[bytes] = []  # the start of a line that continues in the next chunk
    unfinished_bytes = 0
    while chunk := reader.read(chunk_bytes):
        decoded += len(chunk)
        if bounds.total_bytes is not None and decoded > bounds.total_bytes:
            raise DecodedTooLarge(
                f"archive decompresses to more than the {bounds.total_bytes} bytes its metadata says"
            )
        lines = chunk.split(b"\n")
        unfinished_bytes += len(lines[0])
        if unfinished_bytes > bounds.document_bytes:
            raise BackupCorrupted(
                f"line {line_count + 1} is longer than the {bounds.document_bytes} bytes a document may have"
            )
        if len(lines) == 1:
            unfinished.append(chunk)
            continue
        if unfinished:
            lines[0] = b"".join([*unfinished, lines[0]])
        last = lines.pop()
        unfinished = [last] if last else []
        unfinished_bytes = len(last)
        yield _decode_lines(lines, line_count)
        line_count += len(lines)
    if unfinished:
        raise BackupCorrupted(f"line {line_count + 1} is truncated")
    if bounds.total_bytes is not None and decoded != bounds.total_bytes:
        raise BackupCorrupted(
            f"archive decompresses to {decoded} bytes, its metadata says {bounds.total_bytes}"
        )


def counted_documents(reader: BinaryIO, bounds: DecodingBounds, chunk_bytes: int) -> Iterator[int]:
    """How many documents each chunk of the decompressed stream `reader` holds, checked as
    `decoded_documents` checks them but kept by none (verification; see
    `stream_check.counted_chunks`), within the same bounds as a restore."""
    with checked_ahead(reader, chunk_bytes) as stream:
        yield from counted_chunks(
            stream,
            _asset_ids.decode_lines,
            _count_lines,
            max_line_bytes=bounds.document_bytes,
            max_total_bytes=bounds.total_bytes,
        )


class _AssetId(msgspec.Struct, gc=False):
    """What a restore needs of an archived line: the id (every other field is checked, not kept)."""

    id: str


_asset_ids = msgspec.json.Decoder(_AssetId)
_asset_id = _asset_ids.decode
_id_of = operator.attrgetter("id")


def _decode_lines(lines: list[bytes], line_count: int) -> list[ArchivedDocument]:
    """The documents on `lines` (without their line feeds), which follow `line_count` others.

    Each line must be a whole JSON object with a string id, in UTF-8. msgspec, decoding into a
    type with just the id, parses the whole line (the grammar of every value it skips: strings,
    escapes, numbers, nesting, nothing after the object) but builds only the id, ~5 times faster
    than `json.loads`; it does not check the UTF-8 of the strings it skips, which decoding the
    line into its text, the one inserted, does. Only C code runs per line (`map`). When any line
    fails there, every line is read again one at a time (`_decode_line`), the way the reader
    read before msgspec, to say which and why.
    """
    try:
        ids = list(map(_id_of, map(_asset_id, lines)))
        texts = list(map(bytes.decode, lines))
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
        return [_decode_line(line, line_count + offset) for offset, line in enumerate(lines, 1)]
    return list(map(ArchivedDocument, ids, texts))


def _count_lines(lines: list[bytes], line_count: int) -> int:
    """How many documents `lines` hold, each checked as `_decode_lines` checks it but kept by
    none, and their UTF-8 checked by the caller for the whole stream (`utf8_check`)."""
    try:
        collections.deque(map(_asset_id, lines), maxlen=0)
    except (msgspec.DecodeError, RecursionError):
        return len([_decode_line(line, line_count + offset) for offset, line in enumerate(lines, 1)])
    return len(lines)


def _decode_line(line: bytes, line_number: int) -> ArchivedDocument:
    """The document on one line; `BackupCorrupted` if it is not a JSON object with a string id.

    The standard library's reading: it takes what msgspec refuses but the reader before it took
    (documents nested deeper than msgspec's limit, which Python 3.12 and later encode; an id given
    twice, the last one a string), so every archive that was restorable stays so.
    """
    try:
        text = line.decode("utf-8")
        document = json.loads(text)
    except ValueError as error:
        raise BackupCorrupted(f"line {line_number} is not JSON: {error}") from error
    except RecursionError:  # nested deeper than the request bodies' parser (the same) takes
        raise BackupCorrupted(f"line {line_number} is nested too deep to decode") from None
    if not isinstance(document, dict) or not isinstance(document.get("id"), str):
        raise BackupCorrupted(f"line {line_number} is not an asset document with a string id")
    return ArchivedDocument(document["id"], text)
