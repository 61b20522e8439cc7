"""Everything the pipeline takes from openapi-python-client beyond its command line, in one place.

The driver runs the generator through its public interface, the ``openapi-python-client generate``
command line. What else the pipeline relies on is not a documented interface of the generator, so
it lives here and nowhere else; ``tests/pipeline/test_generator_internals.py`` fails with a message
naming the piece when a generator upgrade changes one of them, and so does ``codegen generate``
(``GeneratorInternalsChanged``):

- ``UPSTREAM_TEMPLATES``: the installed version's own templates, which ``templates/`` overrides by
  file name (the template report diffs each override against its upstream file);
- ``field_prefix``, ``tag_identifier``, ``operation_identifier``, ``class_name``: how the generator
  names a tag's module (``api/backups/``), an operation's module (``backups_list``) and a tag's
  classes (``Backups``), so the driver can name the client's methods and match the ``*Custom``
  classes of ``overrides/_custom.py`` to the spec's tags.
"""

from __future__ import annotations

import importlib
from importlib import metadata, resources
from pathlib import Path
from typing import Any

__all__ = [
    "DISTRIBUTION",
    "UPSTREAM_TEMPLATES",
    "GeneratorInternalsChanged",
    "class_name",
    "field_prefix",
    "operation_identifier",
    "tag_identifier",
    "version",
]

DISTRIBUTION = "openapi-python-client"
UPSTREAM_TEMPLATES = Path(str(resources.files("openapi_python_client") / "templates"))
"""The installed version's templates: a folder of ``*.jinja`` files (the generator's package data)."""
# Where the generator keeps what we use (module, names).
NAMING = ("openapi_python_client.strings", "PythonIdentifier", "ClassName")
CONFIG_FILE = ("openapi_python_client.config", "ConfigFile")


class GeneratorInternalsChanged(RuntimeError):
    """The installed openapi-python-client no longer has something this module relies on."""


def version() -> str:
    return metadata.version(DISTRIBUTION)


def field_prefix(config: Path) -> str:
    """The prefix the generator puts before a name that is not an identifier (config ``field_prefix``)."""
    (config_file,) = _internal(*CONFIG_FILE)
    return str(config_file.load_from_path(path=config).field_prefix)


def tag_identifier(tag: str) -> str:
    """A tag's Python name: its module ``api/<name>/`` and the client's attribute ``client.<name>``."""
    python_identifier, _ = _internal(*NAMING)
    # As `EndpointCollection.from_data` names the collection of a tag.
    return str(python_identifier(tag, prefix="tag"))


def operation_identifier(operation_id: str, prefix: str) -> str:
    """An operationId's Python name: its module ``api/<tag>/<name>.py`` (``Endpoint.name``)."""
    python_identifier, _ = _internal(*NAMING)
    return str(python_identifier(operation_id, prefix=prefix))


def class_name(identifier: str, prefix: str) -> str:
    """The templates' ``class_name(...)`` global: ``class_name(tag)`` names ``<Tag>Resource``."""
    _, class_name_type = _internal(*NAMING)
    return str(class_name_type(identifier, prefix))


def _internal(module: str, *names: str) -> list[Any]:
    try:
        loaded = importlib.import_module(module)
        return [getattr(loaded, name) for name in names]
    except (ImportError, AttributeError) as error:
        raise GeneratorInternalsChanged(
            f"openapi-python-client {version()} has no {module}.{'/'.join(names)} ({error}): adapt "
            f"{Path(__file__).name} (codegen/README.md, 'Upgrading the generator')"
        ) from error
