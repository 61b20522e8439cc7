"""Everything the pipeline takes from openapi-python-client beyond its command line, in one place.

The driver runs the generator through its public interface, the ``openapi-python-client generate``
command line. What else the pipeline relies on is not a documented interface of the generator, so
it lives here and nowhere else; ``tests/pipeline/test_generator_internals.py`` fails with a message
naming the piece when a generator upgrade changes one of them:

- ``UPSTREAM_TEMPLATES``: the installed version's own templates, which ``templates/`` overrides by
  file name (the template report diffs each override against its upstream file);
- ``field_prefix``, ``tag_identifier``, ``operation_identifier``, ``class_name``: how the generator
  names a tag's module (``api/backups/``), an operation's module (``backups_list``) and a tag's
  classes (``Backups``), so the driver can name the client's methods and match the ``*Custom``
  classes of ``overrides/_custom.py`` to the spec's tags.
"""

from __future__ import annotations

from importlib import metadata, resources
from pathlib import Path

from openapi_python_client import strings
from openapi_python_client.config import ConfigFile

__all__ = [
    "DISTRIBUTION",
    "UPSTREAM_TEMPLATES",
    "class_name",
    "field_prefix",
    "operation_identifier",
    "tag_identifier",
    "version",
]

DISTRIBUTION = "openapi-python-client"
UPSTREAM_TEMPLATES = Path(str(resources.files("openapi_python_client") / "templates"))
"""The installed version's templates: a folder of ``*.jinja`` files (the generator's package data)."""


def version() -> str:
    return metadata.version(DISTRIBUTION)


def field_prefix(config: Path) -> str:
    """The prefix the generator puts before a name that is not an identifier (config ``field_prefix``)."""
    return ConfigFile.load_from_path(config).field_prefix


def tag_identifier(tag: str) -> str:
    """A tag's Python name: its module ``api/<name>/`` and the client's attribute ``client.<name>``."""
    # As `EndpointCollection.from_data` names the collection of a tag.
    return str(strings.PythonIdentifier(tag, prefix="tag"))


def operation_identifier(operation_id: str, prefix: str) -> str:
    """An operationId's Python name: its module ``api/<tag>/<name>.py`` (``Endpoint.name``)."""
    return str(strings.PythonIdentifier(operation_id, prefix=prefix))


def class_name(identifier: str, prefix: str) -> str:
    """The templates' ``class_name(...)`` global: ``class_name(tag)`` names ``<Tag>Resource``."""
    return str(strings.ClassName(identifier, prefix))
