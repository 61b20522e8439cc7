"""A backup's metadata record is verified like its archive: each rule, and single-byte changes."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
from collections.abc import Callable
from typing import Any

import pytest

from backup_api_server import contract
from backup_api_server.errors import BackupCorrupted
from backup_api_server.storage.archive import ARCHIVE_FORMAT, ENCRYPTED_ARCHIVE_FORMAT
from backup_api_server.storage.metadata import (
    BACKUP_FIELDS,
    ENGINE_FIELDS,
    METADATA_SHA256,
    OPTIONAL_ENGINE_FIELDS,
    REQUIRED_BACKUP_FIELDS,
    BackupRecord,
    created_value,
    decode_record,
    encode_metadata,
    encode_record,
    seal_metadata,
    verify_metadata,
)
from backup_api_server_models import Backup

BACKUP_ID = "1.0.0_1764253683123456"
ARCHIVE = b"the archive's bytes"


def record() -> dict[str, Any]:
    """A record as the engine commits it (before sealing)."""
    return {
        "id": BACKUP_ID,
        "version": "1.0.0",
        "timestamp": "1764253683123456",
        "bytes": len(ARCHIVE),
        "created": {"value": created_value(1764253683123456), "readable": "2025-11-27 14:28:03 UTC"},
        "device_name": "workstation",
        "platform": "LINUX",
        "sha256": hashlib.sha256(ARCHIVE).hexdigest(),
        "asset_count": 3,
        "format": ARCHIVE_FORMAT,
    }


def encrypted_record() -> dict[str, Any]:
    """A record of an encrypted archive: every engine field set."""
    return {
        **record(),
        "format": ENCRYPTED_ARCHIVE_FORMAT,
        "encryption_key_id": "0123456789abcdef",
        "decoded_bytes": 12_345,
    }


def stored(fields: dict[str, Any]) -> bytes:
    return encode_metadata(seal_metadata(fields))


def test_the_required_fields_are_the_models_required_ones() -> None:
    assert REQUIRED_BACKUP_FIELDS == (
        "id",
        "version",
        "timestamp",
        "bytes",
        "created",
        "device_name",
        "platform",
    )


def test_the_fields_are_the_specs_and_the_records_and_never_collide() -> None:
    spec_fields = contract.spec_document()["components"]["schemas"]["Backup"]["properties"]
    record_fields = [field.name for field in dataclasses.fields(BackupRecord)]

    assert set(BACKUP_FIELDS) == set(spec_fields)
    assert (
        ENGINE_FIELDS
        == ("sha256", "asset_count", "format", "encryption_key_id", "decoded_bytes")
        == tuple(record_fields[1:])
    )
    assert OPTIONAL_ENGINE_FIELDS == ("encryption_key_id", "decoded_bytes")
    # Both kinds sit side by side at the top of a stored record.
    assert not set(BACKUP_FIELDS) & {*ENGINE_FIELDS, METADATA_SHA256}


def test_a_sealed_record_verifies_and_reads_back_as_written() -> None:
    verified = verify_metadata(BACKUP_ID, stored(record()), archive_bytes=len(ARCHIVE))

    assert verified == seal_metadata(record())
    assert set(verified) == {*record(), METADATA_SHA256}


def test_created_value_keeps_microseconds_also_when_they_are_zero() -> None:
    assert created_value(0) == "1970-01-01T00:00:00.000000Z"
    assert created_value(1764253683123456) == "2025-11-27T14:28:03.123456Z"


Change = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Change:
    def change(fields: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = fields
        for parent in parents:
            target = target[parent]
        target[last] = value

    return change


def _drop(field: str) -> Change:
    return lambda fields: fields.pop(field)


# Each change is resealed: the checksum holds, so only the rule named can catch it.
RESEALED_CHANGES: dict[str, tuple[Change, str]] = {
    "missing public field": (_drop("device_name"), "lacks device_name"),
    "missing sha256": (_drop("sha256"), "lacks sha256"),
    "missing asset_count": (_drop("asset_count"), "lacks asset_count"),
    "missing format": (_drop("format"), "lacks format"),
    "unknown top-level field": (_set("timestabp", "1764253683123456"), "unknown fields 'timestabp'"),
    "the model's optional schema, malformed": (_set("schema", {"migration": "1"}), "schema"),
    "id of another backup": (
        lambda fields: fields.update(id="1.0.0_1764253683123457", timestamp="1764253683123457"),
        "names backup '1.0.0_1764253683123457'",
    ),
    # The mutation that was listed under an id nothing answered for (404).
    "id mutated in place": (_set("id", "1.R.0_1764253683123456"), "names backup '1.R.0_1764253683123456'"),
    "id that breaks the id rule": (_set("id", "1..0_1764253683123456"), "does not match"),
    "version not the id's": (_set("version", "1.0.1"), "do not make its id"),
    "timestamp not the id's": (_set("timestamp", "1764253683123457"), "do not make its id"),
    "created not the timestamp's": (
        _set("created.value", "2025-11-27T14:28:03.123457Z"),
        "is not its timestamp's",
    ),
    "created without a time zone": (_set("created.value", "2025-11-27T14:28:03.123456"), "created"),
    "created as a number": (_set("created.value", 1764253683), "created"),
    "bytes as a string": (_set("bytes", "19"), "bytes"),
    "bytes as a float": (_set("bytes", 19.0), "bytes"),
    "bytes negative": (_set("bytes", -1), "bytes"),
    "timestamp as a number": (_set("timestamp", 1764253683123456), "timestamp"),
    "platform not in the enum": (_set("platform", "linux"), "platform"),
    "device_name null": (_set("device_name", None), "device_name"),
    "readable null": (_set("created.readable", None), "readable"),
    "unknown nested field": (_set("created.extra", "dropped from answers"), "does not keep"),
    "sha256 upper case": (
        lambda fields: fields.update(sha256=fields["sha256"].upper()),
        "sha256 is not 64 lowercase hex digits",
    ),
    "sha256 too short": (_set("sha256", "ab" * 31), "sha256 is not 64 lowercase hex digits"),
    "asset_count negative": (_set("asset_count", -1), "asset_count is not an integer >= 0"),
    "asset_count a boolean": (_set("asset_count", True), "asset_count is not an integer >= 0"),
    "asset_count a string": (_set("asset_count", "3"), "asset_count is not an integer >= 0"),
    "unknown format": (_set("format", "jsonl+gzip/1"), "format is 'jsonl+gzip/1'"),
    "encrypted without a key id": (
        _set("format", ENCRYPTED_ARCHIVE_FORMAT),
        "encryption_key_id of an encrypted archive is not 16 lowercase hex digits",
    ),
    "encrypted with a malformed key id": (
        lambda fields: fields.update(format=ENCRYPTED_ARCHIVE_FORMAT, encryption_key_id="0123"),
        "encryption_key_id of an encrypted archive is not 16 lowercase hex digits",
    ),
    "a key id on an archive not encrypted": (
        _set("encryption_key_id", "0123456789abcdef"),
        "has an encryption_key_id but its format is 'jsonl+zstd/1'",
    ),
    "a null key id on an archive not encrypted": (
        _set("encryption_key_id", None),
        "has an encryption_key_id but its format is 'jsonl+zstd/1'",
    ),
}


@pytest.mark.parametrize("name", sorted(RESEALED_CHANGES))
def test_a_record_that_breaks_a_rule_is_corrupted(name: str) -> None:
    change, reason = RESEALED_CHANGES[name]
    fields = record()
    change(fields)

    with pytest.raises(BackupCorrupted, match=rf"^metadata of backup {BACKUP_ID}: ") as raised:
        verify_metadata(BACKUP_ID, stored(fields), archive_bytes=len(ARCHIVE))
    assert reason in raised.value.detail


def spec_backup_with_every_field() -> dict[str, Any]:
    """The spec's `Backup` example, with each field it leaves out taken from that field's own
    schema's example: every field the spec declares, set. A field added to the spec without
    an example anywhere fails here, by name, until it has one."""
    schemas = contract.spec_document()["components"]["schemas"]
    example: dict[str, Any] = copy.deepcopy(schemas["Backup"]["examples"][0])
    for name, declared in schemas["Backup"]["properties"].items():
        if name in example:
            continue
        if "examples" in declared:  # an inline property with its own example
            example[name] = copy.deepcopy(declared["examples"][0])
            continue
        component = declared.get("$ref", "").rpartition("/")[2]
        assert "examples" in schemas.get(component, {}), (
            f"Backup.{name} has no example in the spec: give the property `examples: [...]` in "
            "components.schemas.Backup of spec/backup-api.yaml (or add it to Backup's example)"
        )
        example[name] = copy.deepcopy(schemas[component]["examples"][0])
    return example


def test_every_field_of_backup_is_stored_and_read_back_optional_ones_too() -> None:
    # An optional field the spec adds to Backup reaches the record, and from it the answers.
    engine_fields = encrypted_record()
    fields = {**spec_backup_with_every_field(), **{name: engine_fields[name] for name in ENGINE_FIELDS}}
    assert fields["id"] == BACKUP_ID

    read = decode_record(BACKUP_ID, stored(fields))

    assert read.backup.model_fields_set == set(Backup.model_fields)
    assert read.backup.model_dump(mode="json", by_alias=True, exclude_none=True) == {
        name: fields[name] for name in BACKUP_FIELDS
    }
    assert read.to_json() == fields
    assert encode_record(read) == stored(fields)


def test_a_record_reads_back_typed_and_encodes_to_the_same_bytes() -> None:
    read = decode_record(BACKUP_ID, stored(record()), archive_bytes=len(ARCHIVE))

    assert (read.backup_id, read.sha256, read.asset_count, read.format) == (
        BACKUP_ID,
        hashlib.sha256(ARCHIVE).hexdigest(),
        3,
        ARCHIVE_FORMAT,
    )
    assert read.backup == Backup.model_validate({name: record()[name] for name in REQUIRED_BACKUP_FIELDS})
    assert encode_record(read) == stored(record())


def test_a_timestamp_beyond_any_date_is_corrupted() -> None:
    backup_id = "1.0.0_99999999999999999999"
    fields = dict(record(), id=backup_id, timestamp="99999999999999999999")

    with pytest.raises(BackupCorrupted, match="timestamp 99999999999999999999 is beyond any date"):
        verify_metadata(backup_id, stored(fields))


def test_a_change_that_is_not_resealed_fails_the_checksum() -> None:
    sealed = seal_metadata(record())
    sealed["bytes"] += 1

    with pytest.raises(BackupCorrupted, match="metadata_sha256 does not match its content"):
        verify_metadata(BACKUP_ID, encode_metadata(sealed))


@pytest.mark.parametrize("checksum", ["", "AB" * 32, 7, None])
def test_a_checksum_that_is_not_64_lowercase_hex_digits_is_corrupted(checksum: Any) -> None:
    sealed = seal_metadata(record())
    sealed[METADATA_SHA256] = checksum

    with pytest.raises(BackupCorrupted, match="metadata_sha256 is not 64 lowercase hex digits"):
        verify_metadata(BACKUP_ID, encode_metadata(sealed))


def test_a_record_from_before_the_seal_is_verified_on_everything_else() -> None:
    unsealed = record()
    assert verify_metadata(BACKUP_ID, encode_metadata(unsealed)) == unsealed
    with pytest.raises(BackupCorrupted, match="names backup"):
        verify_metadata("1.0.0_1764253683123457", encode_metadata(unsealed))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "does not parse"),
        (b'{"id": ', "does not parse"),
        (b"\xff\xfe{}", "does not parse"),
        (b"[1, 2]", "is not a JSON object but list"),
        (b'"1.0.0_1764253683123456"', "is not a JSON object but str"),
        (b"null", "is not a JSON object but NoneType"),
        (b'{"bytes": NaN}', "NaN is not JSON"),
        (b'{"id": "a", "id": "b"}', "holds a key twice"),
    ],
)
def test_a_record_that_is_not_a_json_object_is_corrupted(content: bytes, reason: str) -> None:
    with pytest.raises(BackupCorrupted, match=rf"^metadata of backup {BACKUP_ID}: .*{reason}"):
        verify_metadata(BACKUP_ID, content)


@pytest.mark.parametrize("archive_bytes", [0, len(ARCHIVE) - 1, len(ARCHIVE) + 1])
def test_an_archive_of_another_size_than_the_record_says_is_corrupted(archive_bytes: int) -> None:
    with pytest.raises(BackupCorrupted, match=f"says the archive has {len(ARCHIVE)} bytes, it has"):
        verify_metadata(BACKUP_ID, stored(record()), archive_bytes=archive_bytes)


def test_every_single_byte_change_that_still_parses_is_caught_or_changes_nothing() -> None:
    original = stored(record())
    expected = json.loads(original)
    parsed_changes = 0
    for position in range(len(original)):
        for replacement in {original[position] ^ 0x01, original[position] ^ 0x20, ord("0"), ord(" ")}:
            mutated = bytearray(original)
            mutated[position] = replacement
            try:
                json.loads(bytes(mutated))
            except ValueError:
                continue
            parsed_changes += 1
            try:
                verified = verify_metadata(BACKUP_ID, bytes(mutated), archive_bytes=len(ARCHIVE))
            except BackupCorrupted:
                continue
            # Only layout changed (whitespace): the record read is the one written.
            assert verified == expected, (position, bytes(mutated))
    assert parsed_changes > 100


def test_a_verified_record_answers_exactly_what_is_stored() -> None:
    verified = verify_metadata(BACKUP_ID, stored(record()))
    public = {field: verified[field] for field in REQUIRED_BACKUP_FIELDS}

    answered = Backup.model_validate(public).model_dump(mode="json", by_alias=True, exclude_none=True)

    assert answered == public
    assert copy.deepcopy(public) == {field: record()[field] for field in REQUIRED_BACKUP_FIELDS}


def test_a_record_of_an_archive_not_encrypted_is_stored_as_before_encryption_existed() -> None:
    # No `encryption_key_id` at all: records written by earlier releases read the same, and
    # these read the same in earlier releases.
    read = decode_record(BACKUP_ID, stored(record()), archive_bytes=len(ARCHIVE))

    assert read.encryption_key_id is None
    assert "encryption_key_id" not in read.to_json()
    assert encode_record(read) == stored(record())


def test_a_record_of_an_encrypted_archive_names_its_key_id() -> None:
    read = decode_record(BACKUP_ID, stored(encrypted_record()), archive_bytes=len(ARCHIVE))

    assert (read.format, read.encryption_key_id) == (ENCRYPTED_ARCHIVE_FORMAT, "0123456789abcdef")
    assert read.to_json() == encrypted_record()
    assert encode_record(read) == stored(encrypted_record())
