"""Which `BackupStore` a data directory uses: `open_store(location, data_dir)`.

`location` is `--store` (else `BACKUP_API_STORE`): unset means the local directory
`<data dir>/backups`; `s3://bucket/prefix` means an S3-compatible object store (see `s3_store`),
whose ids carry this data directory's writer tag (kept in `<data dir>/store-tag`, made once).
"""

from __future__ import annotations

import secrets
import string
from pathlib import Path

from .store import BackupStore, LocalDirectoryStore, write_file_atomically

__all__ = ["WRITER_TAG_FILE", "open_store", "writer_tag"]

WRITER_TAG_FILE = "store-tag"
_TAG_ALPHABET = string.ascii_lowercase + string.digits
_TAG_LENGTH = 8


def open_store(location: str | None, data_dir: Path) -> BackupStore:
    """The store named by `location` for the engine on `data_dir`; `ValueError` for one it cannot name."""
    if not location:
        return LocalDirectoryStore(data_dir / "backups")
    if location.startswith("s3://"):
        from .s3_store import S3Store, parse_s3_url

        return S3Store(parse_s3_url(location), writer_tag=writer_tag(data_dir))
    raise ValueError(
        f"unknown store {location!r}: expected s3://bucket/prefix (or none, for the data directory)"
    )


def writer_tag(data_dir: Path) -> str:
    """This data directory's tag in the ids it makes in a shared store: random, made once, kept."""
    path = Path(data_dir) / WRITER_TAG_FILE
    try:
        tag = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        tag = ""
    if len(tag) == _TAG_LENGTH and all(character in _TAG_ALPHABET for character in tag):
        return tag
    tag = "".join(secrets.choice(_TAG_ALPHABET) for _ in range(_TAG_LENGTH))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file_atomically(path, tag.encode("ascii") + b"\n")
    return tag
