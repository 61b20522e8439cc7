"""A backup's metadata record, the commit record of a stored backup: sealed when written, verified when read.

In the engine a record is a `BackupRecord`: the wire `Backup` (the generated model, all of it) and
what the engine keeps beside it to verify and decode the archive (`sha256`, `asset_count`,
`format`, and for an encrypted archive `encryption_key_id`, stored only then). Stored, it is one
JSON object holding the backup's wire fields and the engine's side by side, plus
`metadata_sha256`: the sha256 of the canonical JSON of every other field, so any change that
still parses is caught (a record written before the seal existed has none and passes on the other
checks alone).

Metadata is verified like archives. A record that does not parse, is not an object, lacks a field
`Backup` requires or one of the engine's, has a field neither declares, does not match the spec's
`Backup` exactly (the answer sent is then the file's, and valid), names another backup than its
file, disagrees with its own id, or fails its checksum is a corrupted backup (`BackupCorrupted`).

Which fields there are comes from the model and from `BackupRecord`, never from a list kept here:
an optional field the spec adds to `Backup` is stored, verified and read back with no edit here.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import ValidationError

from backup_api_server_models import Backup

from .. import contract, wire
from ..errors import BackupCorrupted
from .archive import ARCHIVE_FORMAT, ENCRYPTED_ARCHIVE_FORMAT

__all__ = [
    "BACKUP_FIELDS",
    "ENGINE_FIELDS",
    "METADATA_SHA256",
    "OPTIONAL_ENGINE_FIELDS",
    "REQUIRED_BACKUP_FIELDS",
    "BackupRecord",
    "backup_json",
    "created_value",
    "decode_record",
    "encode_metadata",
    "encode_record",
    "seal_metadata",
    "verify_metadata",
]


@dataclasses.dataclass(frozen=True)
class BackupRecord:
    """A committed backup's metadata: the wire `Backup`, and the engine's facts about its archive."""

    backup: Backup
    # The sha256 of the archive as stored (compressed), as lowercase hex.
    sha256: str
    # How many asset documents the archive holds.
    asset_count: int
    format: str = ARCHIVE_FORMAT
    # The id of the key that encrypted the archive (format ENCRYPTED_ARCHIVE_FORMAT); None for one
    # not encrypted, whose stored record has no such field (as records written before encryption).
    encryption_key_id: str | None = None
    # How many bytes the archive decompresses to (its JSON lines); a restore refuses an archive that
    # decompresses to more (a decompression bomb) or fewer. None in records written before it was
    # kept, which are bounded per document only.
    decoded_bytes: int | None = None

    @property
    def backup_id(self) -> str:
        return self.backup.id.root

    @functools.cached_property
    def wire_json(self) -> bytes:
        """The backup as answered (`wire.wire_json`), rendered once per record: records are kept
        (see `record_cache`), so a list answers each backup without rendering it again."""
        return wire.wire_json(self.backup)

    def to_json(self) -> dict[str, Any]:
        """The stored JSON object, unsealed: the backup's wire fields beside the engine's."""
        engine = {name: getattr(self, name) for name in ENGINE_FIELDS}
        stored = {
            name: value
            for name, value in engine.items()
            if value is not None or name not in OPTIONAL_ENGINE_FIELDS
        }
        return {**backup_json(self.backup), **stored}


# The wire `Backup` fields by their JSON names (the spec's one home), and the ones it requires.
BACKUP_FIELDS = tuple(field.alias or name for name, field in Backup.model_fields.items())
REQUIRED_BACKUP_FIELDS = tuple(
    field.alias or name for name, field in Backup.model_fields.items() if field.is_required()
)
# The engine's own fields: every field of `BackupRecord` but the backup itself.
ENGINE_FIELDS = tuple(field.name for field in dataclasses.fields(BackupRecord) if field.name != "backup")
# Engine fields stored only when set (so records of archives not encrypted read as they always did).
OPTIONAL_ENGINE_FIELDS = ("encryption_key_id", "decoded_bytes")
_REQUIRED_ENGINE_FIELDS = tuple(name for name in ENGINE_FIELDS if name not in OPTIONAL_ENGINE_FIELDS)
METADATA_SHA256 = "metadata_sha256"
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_KEY_ID_HEX = re.compile(r"[0-9a-f]{16}")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def created_value(timestamp: int) -> str:
    """The `created.value` of a backup made `timestamp` microseconds after the epoch (as in its id)."""
    return _render(_EPOCH + timedelta(microseconds=timestamp))


def backup_json(backup: Backup) -> dict[str, Any]:
    """`backup` as records (and the engine's journal) keep it: its wire JSON, unset optional fields
    left out, and `created.value` in UTC with microseconds, as `created_value` renders it."""
    fields: dict[str, Any] = backup.model_dump(mode="json", by_alias=True, exclude_none=True)
    fields["created"]["value"] = _render(backup.created.value)
    return fields


def encode_record(record: BackupRecord) -> bytes:
    """The stored form of `record`, sealed."""
    return encode_metadata(seal_metadata(record.to_json()))


def decode_record(backup_id: str, stored: bytes, *, archive_bytes: int | None = None) -> BackupRecord:
    """The record stored for `backup_id`, verified (see `verify_metadata`)."""
    fields, backup = _verified(backup_id, stored, archive_bytes)
    return BackupRecord(backup, **{name: fields[name] for name in ENGINE_FIELDS if name in fields})


def seal_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    """`metadata` (a stored JSON object) with its `metadata_sha256` (over every other field) set."""
    fields = {key: value for key, value in metadata.items() if key != METADATA_SHA256}
    return {**fields, METADATA_SHA256: _checksum(fields)}


def encode_metadata(metadata: dict[str, Any]) -> bytes:
    """The stored form of a sealed record: indented, sorted JSON (readable; the checksum does not
    depend on the layout)."""
    return json.dumps(metadata, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8") + b"\n"


def verify_metadata(backup_id: str, stored: bytes, *, archive_bytes: int | None = None) -> dict[str, Any]:
    """The JSON object stored for `backup_id`, checked; raises `BackupCorrupted` naming the first problem.

    `archive_bytes`, if given, is the archive's real size, which must be the record's `bytes`.
    """
    return _verified(backup_id, stored, archive_bytes)[0]


class _Corrupt(Exception):
    """One reason a record cannot be trusted."""


def _verified(backup_id: str, stored: bytes, archive_bytes: int | None) -> tuple[dict[str, Any], Backup]:
    try:
        record = _parse(stored)
        backup = _check(backup_id, record, archive_bytes)
    except _Corrupt as problem:
        raise BackupCorrupted(f"metadata of backup {backup_id}: {problem}") from None
    return record, backup


def _parse(stored: bytes) -> dict[str, Any]:
    try:
        record = json.loads(
            stored.decode("utf-8"),
            object_pairs_hook=_without_duplicate_keys,
            parse_constant=_no_constant,
        )
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError too
        raise _Corrupt(f"does not parse: {error}") from None
    if not isinstance(record, dict):
        raise _Corrupt(f"is not a JSON object but {type(record).__name__}")
    return record


def _check(backup_id: str, record: dict[str, Any], archive_bytes: int | None) -> Backup:
    """The record's `Backup`, once every rule holds."""
    # Records written before the seal existed have no checksum: every other check still applies.
    missing = [field for field in (*REQUIRED_BACKUP_FIELDS, *_REQUIRED_ENGINE_FIELDS) if field not in record]
    if missing:
        raise _Corrupt(f"lacks {', '.join(missing)}")
    unknown = sorted(set(record).difference(BACKUP_FIELDS, ENGINE_FIELDS, (METADATA_SHA256,)))
    if unknown:
        raise _Corrupt(f"has unknown fields {', '.join(map(repr, unknown))}")
    backup = _check_wire_shape({field: value for field, value in record.items() if field in BACKUP_FIELDS})
    _check_identity(backup_id, backup)
    _check_engine_fields(record)
    expected_checksum = _checksum({key: value for key, value in record.items() if key != METADATA_SHA256})
    if METADATA_SHA256 in record and record[METADATA_SHA256] != expected_checksum:
        raise _Corrupt(f"{METADATA_SHA256} does not match its content (expected {expected_checksum})")
    if archive_bytes is not None and archive_bytes != backup.bytes:
        raise _Corrupt(f"says the archive has {backup.bytes} bytes, it has {archive_bytes}")
    return backup


def _check_wire_shape(stored: dict[str, Any]) -> Backup:
    """The `Backup` answered is exactly the stored one, and valid: the spec's schema holds, the
    model takes it without coercing anything, and it keeps every field and value (as
    `backup_json` writes them: the date-time in UTC with microseconds)."""
    errors = contract.schema_errors("Backup", stored, limit=1)
    if errors:
        raise _Corrupt(errors[0].removeprefix("body"))
    try:
        backup = Backup.model_validate_json(json.dumps(stored), strict=True)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"])
        raise _Corrupt(f"{location}: {first['msg']}") from None
    if backup_json(backup) != stored:
        raise _Corrupt("holds fields or values the Backup model does not keep (or not as written)")
    return backup


def _check_identity(backup_id: str, backup: Backup) -> None:
    """The record names `backup_id`, which its version and timestamp make, created at that time."""
    if backup.id.root != backup_id:
        raise _Corrupt(f"names backup {backup.id.root!r}")
    if backup.id.root != f"{backup.version}_{backup.timestamp}":
        raise _Corrupt(f"version {backup.version!r} and timestamp {backup.timestamp!r} do not make its id")
    try:
        expected_created = created_value(int(backup.timestamp))
    except OverflowError:
        raise _Corrupt(f"timestamp {backup.timestamp} is beyond any date") from None
    created = _render(backup.created.value)  # as stored (checked above)
    if created != expected_created:
        raise _Corrupt(f"created.value {created!r} is not its timestamp's {expected_created!r}")


def _check_engine_fields(record: dict[str, Any]) -> None:
    sha256 = record["sha256"]
    if not (isinstance(sha256, str) and _SHA256_HEX.fullmatch(sha256)):
        raise _Corrupt("sha256 is not 64 lowercase hex digits")
    asset_count = record["asset_count"]
    if type(asset_count) is not int or asset_count < 0:
        raise _Corrupt("asset_count is not an integer >= 0")
    decoded_bytes = record.get("decoded_bytes", 0)
    if type(decoded_bytes) is not int or decoded_bytes < 0:
        raise _Corrupt("decoded_bytes is not an integer >= 0")
    archive_format = record["format"]
    if archive_format not in (ARCHIVE_FORMAT, ENCRYPTED_ARCHIVE_FORMAT):
        raise _Corrupt(
            f"format is {archive_format!r}, not {ARCHIVE_FORMAT!r} or {ENCRYPTED_ARCHIVE_FORMAT!r}"
        )
    key_id = record.get("encryption_key_id")
    if archive_format == ENCRYPTED_ARCHIVE_FORMAT:
        if not (isinstance(key_id, str) and _KEY_ID_HEX.fullmatch(key_id)):
            raise _Corrupt("encryption_key_id of an encrypted archive is not 16 lowercase hex digits")
    elif "encryption_key_id" in record:
        raise _Corrupt(f"has an encryption_key_id but its format is {archive_format!r}")
    checksum = record.get(METADATA_SHA256, "0" * 64)
    if not (isinstance(checksum, str) and _SHA256_HEX.fullmatch(checksum)):
        raise _Corrupt(f"{METADATA_SHA256} is not 64 lowercase hex digits")


def _render(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _checksum(fields: dict[str, Any]) -> str:
    canonical = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _without_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record = dict(pairs)
    if len(record) != len(pairs):
        raise ValueError("an object holds a key twice")
    return record


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")
