"""A real S3 HTTP endpoint on 127.0.0.1 (moto's server) for the object-store tests, and helpers."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

# Credentials moto accepts; never real ones (the tests set them, so no user's AWS set-up is read).
S3_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
    "AWS_CONFIG_FILE": "/nonexistent/aws-config",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/aws-credentials",
}


@dataclass
class S3Server:
    endpoint_url: str
    _clients: dict[str, S3Client] = field(default_factory=dict)

    def client(self, endpoint_url: str | None = None) -> S3Client:
        """A client of this server (or of `endpoint_url`, e.g. a proxy in front of it), made once."""
        url = endpoint_url or self.endpoint_url
        if url not in self._clients:
            self._clients[url] = self._new_client(url)
        return self._clients[url]

    def _new_client(self, url: str) -> S3Client:
        import boto3
        from botocore.config import Config

        return boto3.session.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1"
        ).client(
            "s3",
            endpoint_url=url,
            config=Config(retries={"mode": "standard", "total_max_attempts": 3}, read_timeout=5),
        )

    def new_bucket(self) -> str:
        name = f"backups-{secrets.token_hex(6)}"
        self.client().create_bucket(Bucket=name)
        return name

    def keys(self, bucket: str) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def open_uploads(self, bucket: str) -> list[str]:
        uploads = self.client().list_multipart_uploads(Bucket=bucket)
        return sorted(upload["Key"] for upload in uploads.get("Uploads", []))


@contextmanager
def running_s3_server() -> Iterator[S3Server]:
    """moto's S3 server on 127.0.0.1 and a free port, stopped on exit."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield S3Server(f"http://{host}:{port}")
    finally:
        server.stop()
