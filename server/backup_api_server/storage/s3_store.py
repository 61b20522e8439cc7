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

`S3Objects` is the `ObjectStore` (see `objects`): put-if-absent is a conditional put or multipart
completion (`If-None-Match: *`, where the store supports it), a ranged get is a ranged GET, stat a
HEAD (its ETag is the object's version), list a LIST under the prefix, delete a DELETE. What a backup
is, the commit order, verification and the record cache are `store.BackupStore`'s, as for the local
directory: `S3Store` is that store over these objects. A failed `create` aborts its multipart upload.

Several machines may share one bucket and prefix. Their ids never collide: each data directory has a
tag (`writer_tag`, random, kept in the data directory), and its ids carry it as semver build metadata
in their version (`1.0.0+k3x9q2ab_1764253683123456`, which the spec's `BackupId` pattern admits).
`recover()` removes only leftovers of this writer's ids (interrupted multipart uploads, archives
without metadata): another machine's write in progress looks just like a leftover.

Records are kept keyed on the metadata object's ETag and the archive's size, which a LIST gives for a
thousand objects per request (a page of `GET /backups` costs the LIST, and a GET only for a record
new or changed) and a read of one backup asks with two HEADs; another machine's new backups appear
and its deleted ones disappear.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, cast

from .. import settings
from ..errors import BackupNotFound, StoreUnavailable
from .objects import ObjectInfo
from .s3_errors import error_code, is_missing, is_precondition_failed, request_errors
from .s3_streams import MultipartWriter, ObjectReader
from .store import BackupStore

logger = logging.getLogger("backup_api_server")

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = ["S3Location", "S3Objects", "S3Store", "make_client", "parse_s3_url"]


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


class S3Objects:
    """An `ObjectStore` under one bucket and prefix of an S3-compatible object store. Constructing
    one sends no request."""

    remote = True
    watched = False

    def __init__(self, location: S3Location, client: S3Client, *, part_bytes: int) -> None:
        if part_bytes < 5 * 1024 * 1024:
            raise ValueError("S3 multipart parts must be at least 5 MiB")
        self.location = location
        self._client = client
        self._part_bytes = part_bytes

    def changes(self) -> set[str] | None:
        return None  # other machines change the bucket: nothing tells this one

    def close(self) -> None:
        """Nothing to release: requests hold their connections only while they run."""

    @contextlib.contextmanager
    def create(self, name: str) -> Iterator[BinaryIO]:
        writer = MultipartWriter(
            self._client,
            self.location.bucket,
            self._key(name),
            part_bytes=self._part_bytes,
            put_new=self._put_new,
            abort=self._abort,
        )
        try:
            yield cast(BinaryIO, writer)
            writer.complete()
        except BaseException:
            writer.abort()
            raise

    def put_new(self, name: str, content: bytes) -> None:
        self._put_new(self._key(name), content)

    def open(self, name: str, start: int = 0) -> BinaryIO:
        if start and start >= self.stat(name).size:  # S3 answers 416 to a range past the end
            return io.BytesIO()
        raw = ObjectReader(self._client, self.location.bucket, self._key(name), start)
        try:
            raw.start()
        except BackupNotFound:
            raise FileNotFoundError(name) from None
        return cast(BinaryIO, io.BufferedReader(raw, 1 << 20))

    def stat(self, name: str) -> ObjectInfo:
        key = self._key(name)
        with self._request("head", key):
            try:
                answer = self._client.head_object(Bucket=self.location.bucket, Key=key)
            except Exception as error:
                if is_missing(error):
                    raise FileNotFoundError(name) from None
                raise
        return ObjectInfo(answer["ContentLength"], answer["ETag"])

    def list(self, prefix: str = "") -> dict[str, ObjectInfo]:
        listed = {}
        with self._request("list", self.location.prefix):
            paginator = self._client.get_paginator("list_objects_v2")
            pages = paginator.paginate(Bucket=self.location.bucket, Prefix=self._key(prefix), Delimiter="/")
            for page in pages:
                for item in page.get("Contents", []):
                    listed[item["Key"].removeprefix(self.location.prefix)] = ObjectInfo(
                        item["Size"], item["ETag"]
                    )
        return listed

    def delete(self, name: str) -> None:
        key = self._key(name)
        with self._request("delete", key):
            self._client.delete_object(Bucket=self.location.bucket, Key=key)

    def discard_incomplete(self, owned: Callable[[str], bool]) -> None:
        """Abort the multipart uploads a crash left open, of the names `owned` says are this
        writer's. Some S3-compatible stores do not implement ListMultipartUploads (they answer
        `NotImplemented`) while everything a backup needs works: there the clean-up is left to the
        bucket's lifecycle rule (AbortIncompleteMultipartUpload), with one warning, and the server
        starts."""
        try:
            with self._request("list multipart uploads", self.location.prefix):
                paginator = self._client.get_paginator("list_multipart_uploads")
                for page in paginator.paginate(Bucket=self.location.bucket, Prefix=self.location.prefix):
                    for upload in page.get("Uploads", []):
                        name = upload["Key"].removeprefix(self.location.prefix)
                        if upload["Key"].startswith(self.location.prefix) and "/" not in name and owned(name):
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

    def _put_new(self, key: str, body: bytes) -> None:
        with self._request("put", key):
            try:
                self._client.put_object(Bucket=self.location.bucket, Key=key, Body=body, IfNoneMatch="*")
            except Exception as error:
                if is_precondition_failed(error):
                    raise FileExistsError(f"{key} already exists") from None
                raise

    def _abort(self, key: str, upload_id: str) -> None:
        with self._request("abort multipart upload", key):
            try:
                self._client.abort_multipart_upload(Bucket=self.location.bucket, Key=key, UploadId=upload_id)
            except Exception as error:
                if not is_missing(error):  # already aborted or completed
                    raise

    def _request(self, what: str, key: str) -> contextlib.AbstractContextManager[None]:
        """Turn a failed request (after botocore's retries) into one short `ObjectStoreError`
        (see `s3_errors.request_errors`)."""
        return request_errors(what, f"{self.location.bucket}/{key}")

    def _key(self, name: str) -> str:
        # Names come from the backup store, which checks ids against the spec's rule (no "/",
        # "..", control characters): a key never leaves the prefix.
        return f"{self.location.prefix}{name}"


class S3Store(BackupStore):
    """The backup store under one bucket and prefix (see the module docstring)."""

    def __init__(
        self,
        location: S3Location,
        *,
        client: S3Client | None = None,
        writer_tag: str | None = None,
        part_bytes: int = settings.S3_PART_BYTES,
    ) -> None:
        self.location = location
        objects = S3Objects(location, client if client is not None else make_client(), part_bytes=part_bytes)
        super().__init__(objects, writer_tag=writer_tag)
