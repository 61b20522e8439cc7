"""A backup's metadata, the commit record of a stored backup: sealed when written, verified when read.

Metadata is verified like archives. The record holds the wire `Backup` fields and the engine's own
(the archive's `sha256`, `asset_count` and `format`), plus `metadata_sha256`: the sha256 of the
canonical JSON of every other field, so any change that still parses is caught (a record written
before the seal existed has none and passes on the other checks alone). A record that
does not parse, is not an object, lacks or adds a field, does not match the spec's `Backup`
exactly (the answer sent is then the file's, and valid), names another backup than its file,
disagrees with its own id, or fails its checksum is a corrupted backup (`BackupCorrupted`).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import ValidationError

from backup_api_server_models import Backup

from .. import contract
from ..errors import BackupCorrupted
from .archive import ARCHIVE_FORMAT

__all__ = [
    "ENGINE_FIELDS",
    "METADATA_SHA256",
    "PUBLIC_BACKUP_FIELDS",
    "created_value",
    "encode_metadata",
    "public_backup",
    "seal_metadata",
    "verify_metadata",
]

# The wire `Backup` fields the engine writes: the model's required ones (the spec's one home).
PUBLIC_BACKUP_FIELDS = tuple(
    field.alias or name for name, field in Backup.model_fields.items() if field.is_required()
)
# The engine's own fields, with what makes each one valid.
ENGINE_FIELDS = ("sha256", "asset_count", "format")
METADATA_SHA256 = "metadata_sha256"
_ALL_FIELDS = (*PUBLIC_BACKUP_FIELDS, *ENGINE_FIELDS, METADATA_SHA256)
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def created_value(timestamp: int) -> str:
    """The `created.value` of a backup made `timestamp` microseconds after the epoch (as in its id)."""
    moment = _EPOCH + timedelta(microseconds=timestamp)
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def public_backup(metadata: dict[str, Any]) -> dict[str, Any]:
    """The wire `Backup` part of a metadata record."""
    return {field: metadata[field] for field in PUBLIC_BACKUP_FIELDS if field in metadata}


def seal_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    """`metadata` with its `metadata_sha256` (over every other field) set."""
    fields = {key: value for key, value in metadata.items() if key != METADATA_SHA256}
    return {**fields, METADATA_SHA256: _checksum(fields)}


def encode_metadata(metadata: dict[str, Any]) -> bytes:
    """The stored form of a sealed record: indented, sorted JSON (readable; the checksum does not
    depend on the layout)."""
    return json.dumps(metadata, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8") + b"\n"


def verify_metadata(backup_id: str, stored: bytes, *, archive_bytes: int | None = None) -> dict[str, Any]:
    """The record stored for `backup_id`, checked; raises `BackupCorrupted` naming the first problem.

    `archive_bytes`, if given, is the archive's real size, which must be the record's `bytes`.
    """
    try:
        record = _parse(stored)
        _check(backup_id, record, archive_bytes)
    except _Corrupt as problem:
        raise BackupCorrupted(f"metadata of backup {backup_id}: {problem}") from None
    return record


class _Corrupt(Exception):
    """One reason a record cannot be trusted."""


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


def _check(backup_id: str, record: dict[str, Any], archive_bytes: int | None) -> None:
    # Records written before the seal existed have no checksum: every other check still applies.
    missing = [field for field in _ALL_FIELDS if field not in record and field != METADATA_SHA256]
    if missing:
        raise _Corrupt(f"lacks {', '.join(missing)}")
    unknown = sorted(set(record).difference(_ALL_FIELDS))
    if unknown:
        raise _Corrupt(f"has unknown fields {', '.join(map(repr, unknown))}")
    backup = public_backup(record)
    _check_wire_shape(backup)
    if backup["id"] != backup_id:
        raise _Corrupt(f"names backup {backup['id']!r}")
    if backup["id"] != f"{backup['version']}_{backup['timestamp']}":
        raise _Corrupt(
            f"version {backup['version']!r} and timestamp {backup['timestamp']!r} do not make its id"
        )
    try:
        expected_created = created_value(int(backup["timestamp"]))
    except OverflowError:
        raise _Corrupt(f"timestamp {backup['timestamp']} is beyond any date") from None
    if backup["created"]["value"] != expected_created:
        raise _Corrupt(
            f"created.value {backup['created']['value']!r} is not its timestamp's {expected_created!r}"
        )
    _check_engine_fields(record)
    expected_checksum = _checksum({key: value for key, value in record.items() if key != METADATA_SHA256})
    if METADATA_SHA256 in record and record[METADATA_SHA256] != expected_checksum:
        raise _Corrupt(f"{METADATA_SHA256} does not match its content (expected {expected_checksum})")
    if archive_bytes is not None and archive_bytes != backup["bytes"]:
        raise _Corrupt(f"says the archive has {backup['bytes']} bytes, it has {archive_bytes}")


def _check_wire_shape(backup: dict[str, Any]) -> None:
    """The `Backup` answered is exactly the stored one, and valid: the spec's schema holds, the
    model takes it without coercing anything, and it keeps every field and value."""
    errors = contract.schema_errors("Backup", backup, limit=1)
    if errors:
        raise _Corrupt(errors[0].removeprefix("body"))
    try:
        model = Backup.model_validate_json(json.dumps(backup), strict=True)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"])
        raise _Corrupt(f"{location}: {first['msg']}") from None
    answered = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    # The date-time is re-rendered (same instant); it is checked against the timestamp instead.
    if isinstance(answered.get("created"), dict) and isinstance(backup.get("created"), dict):
        answered["created"]["value"] = backup["created"].get("value")
    if answered != backup:
        raise _Corrupt("holds fields or values the Backup model does not keep")


def _check_engine_fields(record: dict[str, Any]) -> None:
    sha256 = record["sha256"]
    if not (isinstance(sha256, str) and _SHA256_HEX.fullmatch(sha256)):
        raise _Corrupt("sha256 is not 64 lowercase hex digits")
    asset_count = record["asset_count"]
    if type(asset_count) is not int or asset_count < 0:
        raise _Corrupt("asset_count is not an integer >= 0")
    if record["format"] != ARCHIVE_FORMAT:
        raise _Corrupt(f"format is {record['format']!r}, not {ARCHIVE_FORMAT!r}")
    checksum = record.get(METADATA_SHA256, "0" * 64)
    if not (isinstance(checksum, str) and _SHA256_HEX.fullmatch(checksum)):
        raise _Corrupt(f"{METADATA_SHA256} is not 64 lowercase hex digits")


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
