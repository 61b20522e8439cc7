"""A third `ObjectStore`, in memory, for tests only: what a new backend costs (see `storage.objects`).

It passes the same suite as the local directory and S3 (`tests/unit/test_object_store.py`), and a
`BackupStore` over it passes the backup store's suite (`tests/unit/test_store.py`).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import threading
from collections.abc import Callable, Iterator
from typing import BinaryIO

from backup_api_server.storage.objects import ObjectInfo


class MemoryObjects:
    remote = False
    watched = False

    def __init__(self) -> None:
        self._objects: dict[str, tuple[bytes, int]] = {}
        self._versions = itertools.count()
        self._lock = threading.Lock()

    def changes(self) -> set[str] | None:
        return None

    def close(self) -> None:
        pass

    @contextlib.contextmanager
    def create(self, name: str) -> Iterator[BinaryIO]:
        buffer = io.BytesIO()
        yield buffer
        self.put_new(name, buffer.getvalue())

    def put_new(self, name: str, content: bytes) -> None:
        with self._lock:
            if name in self._objects:
                raise FileExistsError(name)
            self._objects[name] = (bytes(content), next(self._versions))

    def open(self, name: str, start: int = 0) -> BinaryIO:
        return io.BytesIO(self._get(name)[0][start:])

    def stat(self, name: str) -> ObjectInfo:
        content, version = self._get(name)
        return ObjectInfo(len(content), version)

    def list(self, prefix: str = "") -> dict[str, ObjectInfo]:
        with self._lock:
            listed = {name: (len(content), version) for name, (content, version) in self._objects.items()}
        return {name: ObjectInfo(*info) for name, info in listed.items() if name.startswith(prefix)}

    def delete(self, name: str) -> None:
        with self._lock:
            self._objects.pop(name, None)

    def discard_incomplete(self, owned: Callable[[str], bool]) -> None:
        pass  # an unfinished object lives only in its writer's buffer

    def _get(self, name: str) -> tuple[bytes, int]:
        with self._lock:
            if name not in self._objects:
                raise FileNotFoundError(name)
            return self._objects[name]
