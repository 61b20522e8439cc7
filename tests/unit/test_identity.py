"""Backup ids and new backups: made by the spec's rules, shaped like the spec's examples, and every
field of `Backup` either set by the engine or named here with why it is not."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from backup_api_server import contract
from backup_api_server.api.deps import checked_backup_id
from backup_api_server.engine.identity import BackupIds, current_platform, new_backup, readable, timestamp_of
from backup_api_server.problems import Problem
from backup_api_server.storage.metadata import BACKUP_FIELDS, backup_json
from backup_api_server_models import GroupedTimestamp, PlatformEnum

# The `Backup` fields a new backup leaves unset, each with why. A field the spec adds to `Backup`
# must be set by `identity.new_backup` (then it reaches every answer) or be listed here.
NOT_SET_BY_THE_ENGINE = {
    "schema": "the embedded model schema describes a client's models; the server sends none",
}


def spec_example(component: str) -> dict[str, Any]:
    example: dict[str, Any] = copy.deepcopy(
        contract.spec_document()["components"]["schemas"][component]["examples"][0]
    )
    return example


def test_readable_renders_a_time_as_the_specs_example_does() -> None:
    example = spec_example("GroupedTimestamp")
    moment = GroupedTimestamp.model_validate(example).value

    assert readable(moment) == example["readable"] == "2025-11-27 14:28:03 UTC"
    assert readable(datetime(2025, 1, 2, 3, 4, 5, 678, tzinfo=UTC)) == "2025-01-02 03:04:05 UTC"


def test_a_new_backup_is_the_specs_example_but_for_its_size_and_platform() -> None:
    example = spec_example("Backup")

    backup = new_backup(example["id"], device_name=example["device_name"])

    assert backup_json(backup) == {**example, "bytes": 0, "platform": current_platform().value}


def test_every_backup_field_is_set_by_the_engine_or_said_why_not() -> None:
    backup = new_backup("1.0.0_1764253683123456", device_name="workstation")

    unset = set(BACKUP_FIELDS) - set(backup_json(backup))

    assert unset == set(NOT_SET_BY_THE_ENGINE), (
        f"Backup fields left unset without a reason: {sorted(unset - set(NOT_SET_BY_THE_ENGINE))}; "
        "set them in server/backup_api_server/engine/identity.py (new_backup), or add each to "
        "NOT_SET_BY_THE_ENGINE in tests/unit/test_identity.py with why the server leaves it unset"
    )


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", PlatformEnum.LINUX),
        ("linux2", PlatformEnum.LINUX),
        ("darwin", PlatformEnum.MACOS),
        ("win32", PlatformEnum.WINDOWS),
        ("cygwin", PlatformEnum.WINDOWS),
        ("ios", PlatformEnum.IOS),
        ("android", PlatformEnum.ANDROID),
        ("emscripten", PlatformEnum.WEB),
        ("wasi", PlatformEnum.WEB),
        ("fuchsia", PlatformEnum.FUCHSIA),
        ("freebsd14", PlatformEnum.UNKNOWN),
        ("aix", PlatformEnum.UNKNOWN),
    ],
)
def test_the_platform_is_a_member_of_the_specs_enum(platform: str, expected: PlatformEnum) -> None:
    assert current_platform(platform) is expected


def test_every_platform_of_the_spec_is_reachable() -> None:
    # A platform the spec adds fails here until `identity` maps a `sys.platform` to it.
    reachable = {current_platform(name) for name in ("linux", "darwin", "win32", "ios", "android", "wasi")}
    reachable |= {current_platform("fuchsia"), current_platform("anything else")}

    assert reachable == set(PlatformEnum)


def test_ids_follow_the_specs_rule_and_say_when_they_were_made() -> None:
    ids = BackupIds("1.0.0", time_ns=lambda: 1_764_253_683_123_456_789)
    ids.seen(["1.0.0_5", "0.9.0_7", "not-an-id"])

    backup_id = ids.next()

    assert backup_id == "1.0.0_1764253683123456"
    assert contract.backup_id_is_valid(backup_id)
    assert timestamp_of(backup_id) == 1_764_253_683_123_456
    assert timestamp_of("not-an-id") == 0


@pytest.mark.parametrize("api_version", ["", "1_0", "1..0", "1/0", "v" * 44])
def test_an_api_version_that_cannot_prefix_ids_is_refused(api_version: str) -> None:
    with pytest.raises(ValueError, match="cannot prefix backup ids"):
        BackupIds(api_version, time_ns=lambda: 0)


def test_a_refused_id_is_told_the_specs_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    # The rule's length bounds come from the spec too, so a tightened rule is what the answer says.
    document = copy.deepcopy(contract.spec_document())
    rule = document["components"]["schemas"]["BackupId"]
    rule["minLength"], rule["maxLength"] = 5, 40
    monkeypatch.setattr(contract, "spec_document", lambda: document)

    with pytest.raises(Problem) as refused:
        checked_backup_id("1_1")

    assert refused.value.status == 422
    assert refused.value.detail.endswith(f"(pattern {rule['pattern']}, 5 to 40 characters)")
