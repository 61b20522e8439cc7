"""Backups in an S3-compatible object store (AWS S3, Cloudflare R2, MinIO, Backblaze B2): `S3Store`.

Chosen with `backup-api serve --store s3://bucket/prefix` (or `BACKUP_API_STORE`). Endpoint, region
and credentials come from where every AWS tool reads them: `AWS_ENDPOINT_URL` (R2, MinIO, B2),
`AWS_REGION`/`AWS_DEFAULT_REGION`, `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`,
`AWS_PROFILE`, `~/.aws/config` and `~/.aws/credentials`, SSO and instance roles.

Why boto3 (and not obstore, the binding of Rust's `object_store`, the other candidate):

- credentials and endpoints: boto3 *is* the reference for the AWS configuration chain (profiles,
  config files, SSO, `AWS_ENDPOINT_URL`); obstore reads environment variables only and needs
  boto3 anyway (its `Boto3CredentialProvider`) for config files and profiles;
- retries: botocore's "standard" mode retries 500/502/503/504, throttling, connection errors and
  read timeouts with capped exponential backoff and jitter, per request, and tells how many
  attempts it made (`settings.S3_MAX_ATTEMPTS`, `S3_*_TIMEOUT_SECONDS`); what a request that still
  fails means (an outage, or a refusal such as bad credentials) is decided in `s3_errors`;
- streaming and multipart: `s3_streams` drives the multipart upload itself (`create` / `upload_part`
  / `complete` / `abort`), so it decides when an upload is aborted and that memory holds one part
  (`settings.S3_PART_BYTES`) whatever the archive size; downloads read the response body in chunks
  and resume with a ranged GET (pinned to the object's ETag) when a read fails mid-way;
- maintenance: AWS's own SDK, released several times a week, with typed stubs (`boto3-stubs`).
- The cost is import time (~0.3-1 s): it is imported only when an `s3://` store is chosen.

Layout under the prefix: `<id>.jsonl.zst` (archive) and `<id>.json` (the sealed record), as in the
local store. The commit rule is the same: the archive object is complete (its multipart upload
completed) before the metadata object is put, and a backup is listed only when both exist; a write
that fails aborts its multipart upload and deletes what it put, the metadata first. Both puts are
conditional (`If-None-Match: *`) where the store supports it, so a backup is never overwritten.

Several machines may share one bucket and prefix. Their ids never collide: each data directory has a
tag (`writer_tag`, random, kept in the data directory), and its ids carry it as semver build metadata
in their version (`1.0.0+k3x9q2ab_1764253683123456`, which the spec's `BackupId` pattern admits).
`recover()` removes only leftovers of this writer's ids (interrupted multipart uploads, archives
without metadata): another machine's write in progress looks just like a leftover.

Verified records are kept in memory (`record_cache`), keyed on the metadata object's ETag and the
archive's size: reading a record asks the store for both (two HEADs, as another machine may have
deleted or replaced it) but fetches and verifies the metadata only when either changed. The list
of ids always comes from the store (a LIST), so another machine's new backups appear and its
deleted ones disappear.
"""

from __future__ import annotations

import contextlib
import io
import logging
import threading
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, cast

from .. import settings
from ..contract import backup_id_is_valid
from ..errors import BackupCorrupted, BackupNotFound, StoreUnavailable
from .metadata import BackupRecord, decode_record, encode_record
from .record_cache import RecordCache
from .s3_errors import error_code, is_missing, is_precondition_failed, request_errors
from .s3_streams import MultipartWriter, ObjectReader
from .store import ARCHIVE_SUFFIX, METADATA_SUFFIX, PendingBackup

logger = logging.getLogger("backup_api_server")

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import HeadObjectOutputTypeDef

__all__ = ["S3Location", "S3Store", "make_client", "parse_s3_url"]


@dataclass(frozen=True)
class S3Location:
    bucket: str
    # "" or ending in "/".
    prefix: str

    @property
    def url(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"


def parse_s3_url(url: str) -> S3Location:
    """`s3://bucket/some/prefix` → its bucket and its prefix ("" or ending in "/")."""
    if not url.startswith("s3://"):
        raise ValueError(f"not an s3:// URL: {url!r}")
    bucket, _, prefix = url.removeprefix("s3://").partition("/")
    if not bucket:
        raise ValueError(f"no bucket in {url!r}")
    prefix = prefix.strip("/")
    if any(part in ("", ".", "..") for part in prefix.split("/")) and prefix:
        raise ValueError(f"prefix {prefix!r} has an empty, '.' or '..' segment")
    return S3Location(bucket, prefix + "/" if prefix else "")


def make_client(
    endpoint_url: str | None = None,
    *,
    max_attempts: int = settings.S3_MAX_ATTEMPTS,
    read_timeout: float = settings.S3_READ_TIMEOUT_SECONDS,
) -> S3Client:
    """An S3 client configured from the standard AWS sources, with this server's retries and timeouts."""
    import boto3  # here: ~0.3-1 s to import, paid only when an S3 store is used
    from botocore.config import Config

    config = Config(
        retries={"mode": "standard", "total_max_attempts": max_attempts},
        connect_timeout=settings.S3_CONNECT_TIMEOUT_SECONDS,
        read_timeout=read_timeout,
        # R2 and some MinIO set-ups refuse the newer default integrity headers on uploads.
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
    )
    return boto3.session.Session().client("s3", endpoint_url=endpoint_url, config=config)


class S3Store:
    """A `BackupStore` under one bucket and prefix of an S3-compatible object store.

    `writer_tag`, when set, is this writer's tag in the ids it makes (see the module docstring) and
    limits `recover()` to those ids; without one the store assumes it is the prefix's only writer,
    as `LocalDirectoryStore` assumes of its directory. Constructing one sends no request.
    """

    remote = True

    def __init__(
        self,
        location: S3Location,
        *,
        client: S3Client | None = None,
        writer_tag: str | None = None,
        part_bytes: int = settings.S3_PART_BYTES,
    ) -> None:
        if part_bytes < 5 * 1024 * 1024:
            raise ValueError("S3 multipart parts must be at least 5 MiB")
        self.location = location
        self.writer_tag = writer_tag
        self._client = client if client is not None else make_client()
        self._part_bytes = part_bytes
        self._writing: set[str] = set()
        self._writing_lock = threading.Lock()
        self._records = RecordCache()

    # BackupStore

    def recover(self) -> None:
        self._abort_interrupted_uploads()
        names = self._names()
        for name in names:
            if name.endswith(ARCHIVE_SUFFIX):
                backup_id = name.removesuffix(ARCHIVE_SUFFIX)
                if f"{backup_id}{METADATA_SUFFIX}" not in names and self._is_mine(backup_id):
                    self._delete_key(self._key(name))

    def _abort_interrupted_uploads(self) -> None:
        """Abort this writer's multipart uploads a crash left open. Some S3-compatible stores do not
        implement ListMultipartUploads (they answer `NotImplemented`) while everything a backup needs
        works: there the clean-up is left to the bucket's lifecycle rule (AbortIncompleteMultipartUpload),
        with one warning, and the server starts."""
        try:
            with self._request("list multipart uploads", self.location.prefix):
                paginator = self._client.get_paginator("list_multipart_uploads")
                for page in paginator.paginate(Bucket=self.location.bucket, Prefix=self.location.prefix):
                    for upload in page.get("Uploads", []):
                        backup_id = self._id_of(upload["Key"], ARCHIVE_SUFFIX)
                        if backup_id is not None and self._is_mine(backup_id):
                            self._abort(upload["Key"], upload["UploadId"])
        except StoreUnavailable as error:
            cause = error.__cause__
            if not isinstance(cause, Exception) or error_code(cause) != "NotImplemented":
                raise
            logger.warning(
                "warning: %s does not implement ListMultipartUploads, so uploads a crash left open are "
                "not aborted at start-up; give the bucket a lifecycle rule that aborts incomplete "
                "multipart uploads (AbortIncompleteMultipartUpload) instead",
                self.location.url,
            )

    def list_ids(self) -> list[str]:
        names = self._names()
        ids = []
        for name in names:
            if name.endswith(METADATA_SUFFIX):
                backup_id = name.removesuffix(METADATA_SUFFIX)
                if backup_id_is_valid(backup_id) and f"{backup_id}{ARCHIVE_SUFFIX}" in names:
                    ids.append(backup_id)
        return ids

    def open_archive(self, backup_id: str) -> BinaryIO:
        self._require_committed(backup_id)
        raw = ObjectReader(self._client, self.location.bucket, self._archive_key(backup_id))
        return cast(BinaryIO, io.BufferedReader(raw, 1 << 20))

    @contextlib.contextmanager
    def write(self, backup_id: str) -> Iterator[PendingBackup]:
        if not backup_id_is_valid(backup_id):
            raise ValueError(f"invalid backup id {backup_id!r}")
        with self._writing_lock:
            if backup_id in self._writing:
                raise FileExistsError(f"backup {backup_id} is being written")
            self._writing.add(backup_id)
        try:
            if self._exists(self._archive_key(backup_id)) or self._exists(self._metadata_key(backup_id)):
                raise FileExistsError(f"backup {backup_id} already exists")
            with self._write_new(backup_id) as pending:
                yield pending
        finally:
            with self._writing_lock:
                self._writing.discard(backup_id)

    def read_record(self, backup_id: str) -> BackupRecord:
        if not backup_id_is_valid(backup_id):
            raise BackupNotFound(f"backup {backup_id} not found")
        metadata_etag = self._head(self._metadata_key(backup_id), backup_id)["ETag"]
        archive_bytes = self._size(self._archive_key(backup_id), backup_id)
        record = self._records.get(backup_id, (metadata_etag, archive_bytes))
        if record is not None:
            return record
        stored, metadata_etag = self._get_small(self._metadata_key(backup_id), backup_id)
        record = decode_record(backup_id, stored, archive_bytes=archive_bytes)
        self._records.put(backup_id, record, (metadata_etag, archive_bytes))
        return record

    def delete(self, backup_id: str) -> None:
        self._require_committed(backup_id)
        self._records.drop(backup_id)
        self._delete_key(self._metadata_key(backup_id))
        self._delete_key(self._archive_key(backup_id))

    def close(self) -> None:
        """Nothing to release: requests hold their connections only while they run."""

    def listing_version(self) -> Hashable:
        return None  # other machines change the bucket: every list asks it

    # Writing

    @contextlib.contextmanager
    def _write_new(self, backup_id: str) -> Iterator[PendingBackup]:
        archive_key = self._archive_key(backup_id)
        metadata_key = self._metadata_key(backup_id)
        writer = MultipartWriter(
            self._client,
            self.location.bucket,
            archive_key,
            part_bytes=self._part_bytes,
            put_new=self._put_new,
            abort=self._abort,
        )
        archive_put = metadata_put = False
        try:
            pending = PendingBackup(cast(BinaryIO, writer))
            yield pending
            record = pending.committed_record(backup_id)
            encoded = encode_record(record)
            try:
                decode_record(backup_id, encoded, archive_bytes=writer.size)
            except BackupCorrupted as error:
                raise ValueError(f"refusing to commit metadata that does not verify: {error}") from None
            archive_put = True  # from here on, the archive may exist even if completing it fails
            writer.complete()
            metadata_put = True
            self._put_new(metadata_key, encoded)
        except BaseException:
            # Take back all of it, the commit record first: a failed write is never listed. What a
            # failure here leaves (an archive without metadata) `recover()` removes.
            writer.abort()
            for key, put in ((metadata_key, metadata_put), (archive_key, archive_put)):
                if put:
                    with contextlib.suppress(Exception):
                        self._delete_key(key)
            raise

    def _put_new(self, key: str, body: bytes) -> None:
        with self._request("put", key):
            try:
                self._client.put_object(Bucket=self.location.bucket, Key=key, Body=body, IfNoneMatch="*")
            except Exception as error:
                if is_precondition_failed(error):
                    raise FileExistsError(f"{key} already exists") from None
                raise

    # Requests

    def _request(self, what: str, key: str) -> contextlib.AbstractContextManager[None]:
        """Turn a failed request (after botocore's retries) into one short `ObjectStoreError`
        (see `s3_errors.request_errors`)."""
        return request_errors(what, f"{self.location.bucket}/{key}")

    def _names(self) -> set[str]:
        """Names (keys without the prefix) directly under the prefix."""
        names: set[str] = set()
        with self._request("list", self.location.prefix):
            paginator = self._client.get_paginator("list_objects_v2")
            pages = paginator.paginate(
                Bucket=self.location.bucket, Prefix=self.location.prefix, Delimiter="/"
            )
            for page in pages:
                for item in page.get("Contents", []):
                    names.add(item["Key"].removeprefix(self.location.prefix))
        return names

    def _exists(self, key: str) -> bool:
        with self._request("head", key):
            try:
                self._client.head_object(Bucket=self.location.bucket, Key=key)
            except Exception as error:
                if is_missing(error):
                    return False
                raise
        return True

    def _size(self, key: str, backup_id: str) -> int:
        return self._head(key, backup_id)["ContentLength"]

    def _head(self, key: str, backup_id: str) -> HeadObjectOutputTypeDef:
        with self._request("head", key):
            try:
                return self._client.head_object(Bucket=self.location.bucket, Key=key)
            except Exception as error:
                if is_missing(error):
                    raise BackupNotFound(f"backup {backup_id} not found") from None
                raise

    def _get_small(self, key: str, backup_id: str) -> tuple[bytes, str]:
        """The object's content and its ETag."""
        with self._request("get", key):
            try:
                answer = self._client.get_object(Bucket=self.location.bucket, Key=key)
                return answer["Body"].read(), answer["ETag"]
            except Exception as error:
                if is_missing(error):
                    raise BackupNotFound(f"backup {backup_id} not found") from None
                raise

    def _delete_key(self, key: str) -> None:
        with self._request("delete", key):
            self._client.delete_object(Bucket=self.location.bucket, Key=key)

    def _abort(self, key: str, upload_id: str) -> None:
        with self._request("abort multipart upload", key):
            try:
                self._client.abort_multipart_upload(Bucket=self.location.bucket, Key=key, UploadId=upload_id)
            except Exception as error:
                if not is_missing(error):  # already aborted or completed
                    raise

    def _require_committed(self, backup_id: str) -> None:
        if not (
            backup_id_is_valid(backup_id)
            and self._exists(self._metadata_key(backup_id))
            and self._exists(self._archive_key(backup_id))
        ):
            raise BackupNotFound(f"backup {backup_id} not found")

    # Names

    def _is_mine(self, backup_id: str) -> bool:
        if self.writer_tag is None:
            return True
        return backup_id.rpartition("_")[0].endswith(f"+{self.writer_tag}")

    def _id_of(self, key: str, suffix: str) -> str | None:
        name = key.removeprefix(self.location.prefix)
        if not (key.startswith(self.location.prefix) and name.endswith(suffix)):
            return None
        backup_id = name.removesuffix(suffix)
        return backup_id if backup_id_is_valid(backup_id) else None

    def _key(self, name: str) -> str:
        # Ids are checked against the spec's rule (no "/", "..", control characters) before they
        # get here, so a key never leaves the prefix.
        return f"{self.location.prefix}{name}"

    def _archive_key(self, backup_id: str) -> str:
        return self._key(f"{backup_id}{ARCHIVE_SUFFIX}")

    def _metadata_key(self, backup_id: str) -> str:
        return self._key(f"{backup_id}{METADATA_SUFFIX}")
