"""Archives compressed by zstd's worker threads are the same format as single-threaded ones: one
ordinary zstd frame that the reader (unchanged since the first release) and the `zstd` tool read."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
import zstandard

from backup_api_server.storage import archive
from backup_api_server.storage.archive import ArchiveReader, ArchiveWriter

CODE = "select from where "
TEXTS = [f'{{"id":"asset-{index}","code":"{CODE * (index % 50)}"}}' for index in range(20_000)]


def written(threads: int, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, str]:
    monkeypatch.setattr(archive, "COMPRESSION_THREADS", threads)
    destination = io.BytesIO()
    with ArchiveWriter(destination) as writer:
        for start in range(0, len(TEXTS), 1000):
            writer.write_lines(TEXTS[start : start + 1000])
    return destination.getvalue(), writer.sha256


@pytest.mark.parametrize("threads", [0, 2, 4])
def test_an_archive_written_with_threads_reads_as_before(
    threads: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, sha256 = written(threads, monkeypatch)
    reader = ArchiveReader(lambda: io.BytesIO(data), expected_sha256=sha256, expected_count=len(TEXTS))
    reader.verify()
    assert [document.text for batch in reader.batches(500) for document in batch] == TEXTS
    frames = zstandard.get_frame_parameters(data)
    assert frames.has_checksum
    expected = "".join(text + "\n" for text in TEXTS).encode()
    assert zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)).read() == expected
    if shutil.which("zstd"):
        assert subprocess.run(["zstd", "-dc"], input=data, capture_output=True, check=True).stdout == expected
