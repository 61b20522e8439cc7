"""overrides/ ships byte for byte, so a traceback's line numbers in the installed client are its lines."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from backup_api_codegen.driver import RUFF_CONFIG, GenerationError, generate_into, shipped_overrides

from ._support import CLIENT_PACKAGE, OVERRIDES, REPO, copy_repo

# What decides how a module is laid out: an override must not set its own.
FORMAT_SETTINGS = ("line-length", "indent-width", "target-version", "format", "src", "preview")


def test_each_override_is_its_shipped_copy_byte_for_byte() -> None:
    modules = shipped_overrides(OVERRIDES)
    assert Path("_base_client.py") in modules
    different = [
        relative.as_posix()
        for relative in modules
        if (CLIENT_PACKAGE / relative).read_bytes() != (OVERRIDES / relative).read_bytes()
    ]
    assert different == [], f"stale copies of overrides/ (run `./dev gen`): {different}"


def test_overrides_are_formatted_with_the_generated_packages_settings() -> None:
    """overrides/ruff.toml extends the one configuration codegen formats generated/ with, and adds
    lint rules only."""
    settings = tomllib.loads((OVERRIDES / "ruff.toml").read_text(encoding="utf-8"))
    assert (OVERRIDES / settings["extend"]).resolve() == (REPO / RUFF_CONFIG).resolve()
    assert [key for key in FORMAT_SETTINGS if key in settings] == []
    assert "isort" not in settings.get("lint", {})


@pytest.mark.slow
def test_an_override_laid_out_otherwise_stops_the_generation(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    retries = repo / "overrides" / "_retries.py"
    text = retries.read_text(encoding="utf-8")
    # Laid out for a wider line than the package's: ruff would rewrap it on the way in.
    wrapped = "should_retry(\n    *, status_code: int | None, retries_taken: int, max_retries: int\n)"
    assert wrapped in text
    one_line = wrapped.replace("\n    ", "").replace("\n", "")
    retries.write_text(text.replace(wrapped, one_line), encoding="utf-8")

    with pytest.raises(GenerationError, match=r"changes overrides/_retries\.py, which must ship byte"):
        generate_into(tmp_path / "generated", repo)


def test_an_override_without_its_first_line_stops_the_generation(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    types = repo / "overrides" / "_types.py"
    types.write_text(types.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")

    with pytest.raises(GenerationError, match=r"overrides/_types\.py must start with: # Hand-written in"):
        generate_into(tmp_path / "generated", repo)
