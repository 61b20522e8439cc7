"""What the client makes of each operation of the spec: its method names and its behaviour.

One walk of the spec's paths x methods (``spec_operations``) and one reading of each operation
(``operation_facts``), so that behaviour the spec describes is generated for every operation that
describes it, not written by hand per resource:

- **method names** come from the operation's ``x-method-name`` (else its operationId without its
  tag's name: ``labelsList`` under ``Labels`` -> ``list``);
- **a list** is an operation with a ``cursor`` query parameter, a ``Next-Cursor`` answer header and
  a body whose one array property holds the items: its method walks every page (``SyncCursorPage``
  / ``AsyncCursorPage`` of the runtime) and ``<method>_page`` asks for one page;
- **a stream** is an operation answering ``text/event-stream`` whose event schema's ``data`` names
  its JSON document (``contentSchema``): its ``x-stream-method-name`` (else its method name) yields
  one typed event each.
"""

from __future__ import annotations

import keyword
import textwrap
from collections.abc import Iterator, Mapping
from typing import Any

from . import _generator_internals as generator

__all__ = [
    "CURSOR_PARAMETER",
    "EVENT_STREAM",
    "NEXT_CURSOR_HEADER",
    "OperationError",
    "operation_facts",
    "spec_operations",
]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
CURSOR_PARAMETER = "cursor"
NEXT_CURSOR_HEADER = "next-cursor"
EVENT_STREAM = "text/event-stream"
EXTENSIONS = {
    "idempotent": "x-idempotent",
    "idempotency_key": "x-idempotency-key",
    "long_running": "x-long-running",
}


class OperationError(ValueError):
    """An operation the client cannot be generated for as the spec describes it."""


def spec_operations(document: Mapping[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every operation of the spec as (method, path, operation), in the spec's order."""
    for path, item in (document.get("paths") or {}).items():
        for method in HTTP_METHODS:
            operation = (item or {}).get(method)
            if isinstance(operation, dict):
                yield method, path, operation


def resolve(document: Mapping[str, Any], node: Any) -> Any:
    """``node`` with its ``$ref`` (to this document) followed, as often as it takes."""
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def schema_class(reference: Any, prefix: str) -> dict[str, str] | None:
    """The generated model of a ``$ref`` to a named schema: its class and its module."""
    if not isinstance(reference, Mapping) or not isinstance(reference.get("$ref"), str):
        return None
    name = generator.class_name(reference["$ref"].rpartition("/")[2], prefix)
    return {"class": name, "module": generator.operation_identifier(name, prefix)}


def operation_facts(
    document: Mapping[str, Any], method: str, path: str, operation: Mapping[str, Any], prefix: str
) -> dict[str, Any]:
    """The facts the templates need of one operation (see the module's docstring)."""
    where = f"{method.upper()} {path}"
    operation_id = operation.get("operationId")
    if not isinstance(operation_id, str):
        raise OperationError(f"{where} has no operationId; the client names its method after it")
    tag = generator.tag_identifier((operation.get("tags") or ["default"])[0])
    name = operation.get("x-method-name")
    if name is None:
        name = generator.operation_identifier(operation_id, prefix)
        name = name.removeprefix(tag + "_") or name
    facts: dict[str, Any] = {"operation_id": operation_id, "tag": tag, "method_name": public(name, where)}
    for key, extension in EXTENSIONS.items():
        value = operation.get(extension, False)
        if not isinstance(value, bool):
            raise OperationError(f"{where}: {extension} must be true or false, not {value!r}")
        facts[key] = value
    if facts["idempotency_key"] and facts["idempotent"]:
        raise OperationError(
            f"{where}: x-idempotency-key marks an operation that is not idempotent; this one is "
            "x-idempotent: true already"
        )
    responses = {
        str(code): resolve(document, answer) for code, answer in (operation.get("responses") or {}).items()
    }
    successes = [answer for code, answer in responses.items() if code.startswith("2")]
    facts.update(answers_facts(responses, prefix))
    facts["list"] = list_facts(document, operation, successes, prefix)
    facts["stream"] = stream_facts(document, operation, successes, prefix, where)
    if facts["list"]:
        facts["list"]["page_method"] = public(f"{name}_page", where)
    if facts["stream"] and not facts["stream"]["name"]:
        facts["stream"]["name"] = facts["method_name"]
    plain = None if facts["stream"] and facts["stream"]["only"] else facts["method_name"]
    names = [plain, (facts["list"] or {}).get("page_method"), (facts["stream"] or {}).get("name")]
    facts["method_names"] = [each for each in names if each]
    # The method answering the operation's parsed body (a list's one page); none for a stream only.
    facts["plain"] = facts["list"]["page_method"] if facts["list"] else plain
    return facts


def answers_facts(responses: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    """The success answers (``answers``, by status), the type a call returns (``returns``) and the
    documented errors with their first sentence (``errors``)."""
    answers = {code: answer_facts(answer, prefix) for code, answer in responses.items() if code < "4"}
    return {
        "answers": answers,
        "returns": " | ".join(dict.fromkeys(answer["type"] for answer in answers.values())) or "None",
        "errors": [(code, first_sentence(answer)) for code, answer in responses.items() if code >= "4"],
    }


def first_sentence(answer: Mapping[str, Any]) -> str:
    """An answer's description up to its first full stop: the docstring's line for that status."""
    text = " ".join(str(answer.get("description") or "").split())
    head, stop, _ = text.partition(". ")
    return textwrap.shorten(head + "." if stop else text, 80, placeholder=" …")


JSON_TYPES = {"integer": "int", "number": "float", "string": "str", "boolean": "bool"}


def answer_facts(answer: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    """What a success answer gives the caller: ``created`` (an empty answer naming a new resource
    in an ``...-Id`` or ``Location`` header: its identifier, a str), ``none``, or its JSON body."""
    headers = list(answer.get("headers") or {})
    identifier = next((name for name in headers if name.lower().endswith("-id")), None)
    content = answer.get("content") or {}
    description = " ".join(str(answer.get("description") or "").split())
    if not content and (identifier or any(name.lower() == "location" for name in headers)):
        return {"kind": "created", "type": "str", "header": identifier, "description": description}
    schema = (content.get("application/json") or {}).get("schema")
    if schema is None:
        return {"kind": "none", "type": "None", "header": None, "description": description}
    model = schema_class(schema, prefix)
    python_type = model["class"] if model else JSON_TYPES.get(str(schema.get("type")), "Any")
    return {"kind": "body", "type": python_type, "header": None, "description": description}


def public(name: str, where: str) -> str:
    if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
        raise OperationError(f"{where}: {name!r} cannot be the name of a public method")
    return name


def list_facts(
    document: Mapping[str, Any], operation: Mapping[str, Any], successes: list[Any], prefix: str
) -> dict[str, Any] | None:
    """A list: a ``cursor`` query parameter, a ``Next-Cursor`` header, a body with one array."""
    parameters = [resolve(document, each) for each in operation.get("parameters") or []]
    query = [each["name"] for each in parameters if each.get("in") == "query"]
    required = {each["name"] for each in parameters if each.get("in") == "query" and each.get("required")}
    if CURSOR_PARAMETER not in query:
        return None
    for answer in successes:
        headers = {name.lower(): name for name in (answer.get("headers") or {})}
        body = (answer.get("content") or {}).get("application/json", {}).get("schema")
        model = schema_class(body, prefix)
        properties = (resolve(document, body) or {}).get("properties") or {}
        arrays = [
            (field, value)
            for field, value in properties.items()
            if resolve(document, value).get("type") == "array"
        ]
        if NEXT_CURSOR_HEADER not in headers or model is None or len(arrays) != 1:
            continue
        field, array = arrays[0]
        item = schema_class(resolve(document, array).get("items"), prefix)
        if item is None:
            continue
        return {
            "next_cursor_header": headers[NEXT_CURSOR_HEADER],
            "items_field": field,
            "body": model,
            "item": item,
            # The list's own arguments: (Python name, required); an optional one defaults to None.
            "parameters": [
                [generator.operation_identifier(each, prefix), each in required]
                for each in query
                if each != CURSOR_PARAMETER
            ],
        }
    return None


def stream_facts(
    document: Mapping[str, Any],
    operation: Mapping[str, Any],
    successes: list[Any],
    prefix: str,
    where: str,
) -> dict[str, Any] | None:
    """A stream: a ``text/event-stream`` answer whose events' ``data`` has a ``contentSchema``."""
    for answer in successes:
        media = (answer.get("content") or {}).get(EVENT_STREAM)
        if media is None:
            continue
        schema = media.get("itemSchema") or media.get("schema")
        data = ((resolve(document, schema) or {}).get("properties") or {}).get("data") or {}
        event = schema_class(resolve(document, data).get("contentSchema"), prefix)
        if event is None:
            raise OperationError(
                f"{where}: its text/event-stream schema must give its events' data a contentSchema "
                "($ref to the event's model), so the client can type the stream"
            )
        only_stream = set(answer.get("content") or {}) == {EVENT_STREAM}
        name = operation.get("x-stream-method-name") or operation.get("x-method-name")
        model = resolve(document, resolve(document, data).get("contentSchema"))
        status = resolve(document, (model.get("properties") or {}).get("status")) or {}
        return {
            "name": public(name, where) if name else None,
            "event": event,
            "only": only_stream,
            # The statuses after which the stream ends (the spec's `x-terminal` of its status enum).
            "terminal": list(status.get("x-terminal") or []),
        }
    return None
