# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RetentionPolicy")


@_attrs_define
class RetentionPolicy:
    """Which backups to keep, as restic's `forget` options; a policy without any rule above 0 (or -1) removes nothing.

    Attributes:
        keep_last (int | Unset): How many of the newest backups to keep (0, the default, turns the rule off; -1 keeps
            every one). Default: 0.
        keep_hourly (int | Unset): For how many of the last hours to keep the newest backup of the hour (0, the default,
            turns the rule off; -1 keeps every one). Default: 0.
        keep_daily (int | Unset): For how many of the last days to keep the newest backup of the day (0, the default,
            turns the rule off; -1 keeps every one). Default: 0.
        keep_weekly (int | Unset): For how many of the last ISO weeks to keep the newest backup of the week (0, the
            default, turns the rule off; -1 keeps every one). Default: 0.
        keep_monthly (int | Unset): For how many of the last months to keep the newest backup of the month (0, the
            default, turns the rule off; -1 keeps every one). Default: 0.
        keep_yearly (int | Unset): For how many of the last years to keep the newest backup of the year (0, the default,
            turns the rule off; -1 keeps every one). Default: 0.
        dry_run (bool | Unset): Say what would be removed, and remove nothing. Default: False.
    """

    keep_last: int | Unset = 0
    keep_hourly: int | Unset = 0
    keep_daily: int | Unset = 0
    keep_weekly: int | Unset = 0
    keep_monthly: int | Unset = 0
    keep_yearly: int | Unset = 0
    dry_run: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        """This `RetentionPolicy` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        keep_last = self.keep_last

        keep_hourly = self.keep_hourly

        keep_daily = self.keep_daily

        keep_weekly = self.keep_weekly

        keep_monthly = self.keep_monthly

        keep_yearly = self.keep_yearly

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if keep_last is not UNSET:
            field_dict["keep_last"] = keep_last
        if keep_hourly is not UNSET:
            field_dict["keep_hourly"] = keep_hourly
        if keep_daily is not UNSET:
            field_dict["keep_daily"] = keep_daily
        if keep_weekly is not UNSET:
            field_dict["keep_weekly"] = keep_weekly
        if keep_monthly is not UNSET:
            field_dict["keep_monthly"] = keep_monthly
        if keep_yearly is not UNSET:
            field_dict["keep_yearly"] = keep_yearly
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `RetentionPolicy` read from a decoded JSON object."""
        d = dict(src_dict)
        keep_last = d.pop("keep_last", UNSET)

        keep_hourly = d.pop("keep_hourly", UNSET)

        keep_daily = d.pop("keep_daily", UNSET)

        keep_weekly = d.pop("keep_weekly", UNSET)

        keep_monthly = d.pop("keep_monthly", UNSET)

        keep_yearly = d.pop("keep_yearly", UNSET)

        dry_run = d.pop("dry_run", UNSET)

        retention_policy = cls(
            keep_last=keep_last,
            keep_hourly=keep_hourly,
            keep_daily=keep_daily,
            keep_weekly=keep_weekly,
            keep_monthly=keep_monthly,
            keep_yearly=keep_yearly,
            dry_run=dry_run,
        )

        return retention_policy
