"""`backup-api assets`: the local database's assets, and the assets file `backup create --assets` reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from backup_api_client.models import Asset, Assets

from .options import CommandError, JsonOption, TokenFile, Url, connected, target, wants_json

assets_app = typer.Typer(
    help="The local database's assets, and the assets file format.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@assets_app.command("list")
def assets_list(
    ctx: typer.Context, url: Url = None, token_file: TokenFile = None, as_json: JsonOption = False
) -> None:
    """List the assets of the server's local database (every page), one id and name a line."""
    with connected(target(ctx, url, token_file)) as client:
        assets = client.assets.list()
        if wants_json(ctx, as_json):
            typer.echo(json.dumps({"iterable": [asset.to_dict() for asset in assets]}))
            return
        if not assets.iterable:
            typer.echo("no assets")
        for asset in assets:
            name = asset.name if isinstance(asset.name, str) else ""
            typer.echo(f"{asset.id}  {name}".rstrip())


@assets_app.command("schema")
def assets_schema() -> None:
    """Print the JSON Schema of an assets file (for `backup create --assets`), made from the spec."""
    typer.echo(json.dumps(assets_file_schema(), indent=2))


def assets_file_schema() -> dict[str, Any]:
    """The spec's `Assets` (or a bare list of its `Asset`s, which the CLI also reads) as one
    self-contained JSON Schema: the components it refers to become `$defs`."""
    from backup_api_server.contract import spec_document

    components = spec_document()["components"]["schemas"]
    definitions: dict[str, Any] = {}
    pending = ["Assets"]
    while pending:
        name = pending.pop()
        if name not in definitions:
            definitions[name] = _relinked(components[name], pending)
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "backup-api assets file",
        "description": "The assets `backup-api backup create --assets FILE` backs up: an object whose "
        "`iterable` lists them (the body of POST /backup), or the list itself. Every asset needs a "
        "unique `id`; every other field, declared or not, is kept as sent.",
        "anyOf": [{"$ref": "#/$defs/Assets"}, {"type": "array", "items": {"$ref": "#/$defs/Asset"}}],
        "$defs": dict(sorted(definitions.items())),
    }


def _relinked(schema: Any, referenced: list[str]) -> Any:
    """`schema` with `#/components/schemas/X` references turned into `#/$defs/X` (X noted in
    `referenced`)."""
    if isinstance(schema, list):
        return [_relinked(item, referenced) for item in schema]
    if not isinstance(schema, dict):
        return schema
    copy = {key: _relinked(value, referenced) for key, value in schema.items()}
    reference = schema.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/components/schemas/"):
        name = reference.removeprefix("#/components/schemas/")
        referenced.append(name)
        copy["$ref"] = f"#/$defs/{name}"
    return copy


def read_assets(path: Path) -> Assets:
    """The assets in the file given with `--assets`, checked as the server would check them."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CommandError(f"cannot read --assets {path}: {error.strerror or error}") from None
    except ValueError as error:
        raise CommandError(f"--assets {path} is not JSON: {error}") from None
    if isinstance(document, list):
        document = {"iterable": document}
    if not isinstance(document, dict) or not isinstance(document.get("iterable"), list):
        raise CommandError(
            f"--assets {path} must hold a list of assets or an object with an `iterable` list "
            "(`backup-api assets schema` prints the format)"
        )
    first_of: dict[str, int] = {}
    for position, item in enumerate(document["iterable"], start=1):
        _check_asset(path, position, item)
        first = first_of.setdefault(item["id"], position)
        if first != position:
            raise CommandError(
                f"--assets {path}: asset {position} ({item['id']}): the id of asset {first} too; "
                "every asset needs an id of its own"
            )
    return Assets.from_dict(document)


def _check_asset(path: Path, position: int, item: Any) -> None:
    """One line naming the asset (its position, from 1) and what is wrong with it: the first way it
    breaks the spec's `Asset` schema (the server's own check), with the field it is about."""
    where = f"--assets {path}: asset {position}"
    if not isinstance(item, dict):
        raise CommandError(f"{where}: must be a JSON object, not {type(item).__name__}")
    if "id" not in item:
        raise CommandError(f"{where}: 'id' is required")
    if not isinstance(item["id"], str):
        raise CommandError(f"{where}: 'id' must be a string")
    # Imported here: the spec is parsed only when there is a file to check.
    from backup_api_server.contract import schema_validator

    error = next(iter(schema_validator("Asset").iter_errors(item)), None)
    if error is not None:
        problem = f"{_field(error.instance_path)}{error.message}"
        raise CommandError(f"{where} ({item['id']}): {problem}")
    try:
        Asset.from_dict(item)
    except (KeyError, TypeError, ValueError) as error:
        raise CommandError(f"{where} ({item['id']}): {error}") from None


def _field(location: list[str | int]) -> str:
    """`'formats.iterable[0].id': ` for a location in an asset, nothing for the asset itself."""
    if not location:
        return ""
    name = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location)
    return f"'{name.removeprefix('.')}': "
