"""The byte streams of one object in an S3-compatible store: `MultipartWriter` (an archive being
uploaded, one part in memory at most) and `ObjectReader` (an archive being downloaded, resumed with a
ranged GET pinned to its ETag when a read fails mid-way). `S3Store` opens them; see `s3_store`.
"""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from .. import settings
from ..errors import BackupNotFound, StoreUnavailable
from .s3_errors import ObjectStoreError, is_missing, is_precondition_failed, request_errors

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = ["MultipartWriter", "ObjectReader"]


class MultipartWriter(io.RawIOBase):
    """A write-only stream into one object: parts are uploaded as they fill, so memory holds one
    part at most; an archive smaller than one part is put in a single request on `complete()`.

    `put_new(key, body)` puts a small object that must not exist yet; `abort(key, upload_id)`
    aborts a multipart upload (both the store's own, so they fail as its other requests do)."""

    def __init__(
        self,
        client: S3Client,
        bucket: str,
        key: str,
        *,
        part_bytes: int,
        put_new: Callable[[str, bytes], None],
        abort: Callable[[str, str], None],
    ) -> None:
        super().__init__()
        self._client = client
        self._bucket = bucket
        self._key = key
        self._part_bytes = part_bytes
        self._put_new = put_new
        self._abort = abort
        self._buffer = bytearray()
        self._upload_id: str | None = None
        self._parts: list[dict[str, Any]] = []
        self.size = 0

    def writable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.size

    def write(self, data: Any) -> int:
        chunk = memoryview(data).cast("B")
        part_bytes = self._part_bytes
        written = 0
        while written < len(chunk):
            # The buffer fills to exactly one part and is itself the part's body, never copied:
            # with boto3's own imports, what a creation through S3 adds to one through the data
            # directory stays near one part.
            room = part_bytes - len(self._buffer)
            self._buffer += chunk[written : written + room]
            written += min(room, len(chunk) - written)
            if len(self._buffer) == part_bytes:
                part, self._buffer = self._buffer, bytearray()
                self._upload_part(part)
        self.size += written
        return written

    def _request(self, what: str) -> contextlib.AbstractContextManager[None]:
        return request_errors(what, f"{self._bucket}/{self._key}")

    def _upload_part(self, body: bytes | bytearray) -> None:
        client, bucket = self._client, self._bucket
        if self._upload_id is None:
            with self._request("start multipart upload"):
                self._upload_id = client.create_multipart_upload(Bucket=bucket, Key=self._key)["UploadId"]
        number = len(self._parts) + 1
        with self._request(f"upload part {number}"):
            # botocore takes a bytearray as it takes bytes (its stubs name only bytes).
            answer = client.upload_part(
                Bucket=bucket,
                Key=self._key,
                UploadId=self._upload_id,
                PartNumber=number,
                Body=cast(bytes, body),
            )
        self._parts.append({"PartNumber": number, "ETag": answer["ETag"]})

    def complete(self) -> None:
        if self._upload_id is None:
            self._put_new(self._key, bytes(self._buffer))
        else:
            if self._buffer:
                self._upload_part(self._buffer)
            with self._request("complete multipart upload"):
                try:
                    self._client.complete_multipart_upload(
                        Bucket=self._bucket,
                        Key=self._key,
                        UploadId=self._upload_id,
                        MultipartUpload={"Parts": cast(Any, self._parts)},
                        IfNoneMatch="*",  # put-if-absent, as every object store's `create`
                    )
                except Exception as error:
                    if is_precondition_failed(error):
                        raise FileExistsError(f"{self._key} already exists") from None
                    raise
            self._upload_id = None
        self._buffer = bytearray()

    def abort(self) -> None:
        """Abort the multipart upload, if one is open (best effort: `recover()` retries it)."""
        self._buffer = bytearray()
        if self._upload_id is not None:
            upload_id, self._upload_id = self._upload_id, None
            with contextlib.suppress(Exception):
                self._abort(self._key, upload_id)


class ObjectReader(io.RawIOBase):
    """A read-only stream of one object's bytes, fetched as they are read; a read that fails
    mid-way resumes where it stopped (a ranged GET of the same ETag), with backoff."""

    def __init__(self, client: S3Client, bucket: str, key: str, start: int = 0) -> None:
        super().__init__()
        self._client = client
        self._bucket = bucket
        self._key = key
        self._position = start
        self._etag: str | None = None
        self._body: Any = None
        self._size: int | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        for attempt in range(settings.S3_MAX_ATTEMPTS):
            try:
                if self._body is None:
                    if self._size is not None and self._position >= self._size:
                        return 0
                    self._open()
                chunk = self._body.read(len(view))
            except (StoreUnavailable, BackupNotFound):
                raise  # its request was retried already (an outage), or retrying cannot help (a refusal)
            except Exception as error:
                self._close_body()
                if attempt + 1 >= settings.S3_MAX_ATTEMPTS:
                    raise ObjectStoreError(
                        f"object store: read {self._bucket}/{self._key} at byte "
                        f"{self._position} failed after {attempt + 1} attempts: {error}"
                    ) from error
                time.sleep(min(settings.S3_READ_RETRY_MAX_SECONDS, 0.2 * 2**attempt))
                continue
            view[: len(chunk)] = chunk
            self._position += len(chunk)
            return len(chunk)
        return 0  # pragma: no cover (the loop returns or raises)

    def start(self) -> None:
        """Send the first request now (a missing object is `BackupNotFound` here, not at the first read)."""
        if self._body is None:
            self._open()

    def _open(self) -> None:
        options: dict[str, Any] = {"Bucket": self._bucket, "Key": self._key}
        if self._position:
            options["Range"] = f"bytes={self._position}-"
        if self._etag is not None:
            options["IfMatch"] = self._etag  # never stitch two versions of the object together
        with request_errors("get", f"{self._bucket}/{self._key}"):
            try:
                answer = self._client.get_object(**options)
            except Exception as error:
                if is_missing(error):
                    raise BackupNotFound(f"{self._key} not found") from None
                raise
        self._etag = answer["ETag"]
        if self._size is None:
            self._size = answer["ContentLength"]
        self._body = answer["Body"]

    def _close_body(self) -> None:
        if self._body is not None:
            with contextlib.suppress(Exception):
                self._body.close()
            self._body = None

    def close(self) -> None:
        self._close_body()
        super().close()
