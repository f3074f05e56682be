"""The OpenAPI 3.1 document, built from the declared operations and their models."""

import re
from typing import Literal

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from ..errorcodes import Code, problem_codes
from .bounds import ID_MAX
from .registry import Operation, openapi_path

_REF = "#/components/schemas/{model}"


def build_document(operations: list[Operation], prefix: str) -> dict:
    """Describe every operation; schemas come from the very models that validate."""
    models: set[type[BaseModel]] = set()
    for op in operations:
        models.update(m for m in (op.body, op.response) if m is not None)
    keyed: list[tuple[type[BaseModel], Literal["validation"]]] = [
        (m, "validation") for m in sorted(models, key=lambda m: m.__name__)
    ]
    refs, defs = models_json_schema(keyed, ref_template=_REF) if keyed else ({}, {})
    schema_of = {model: refs[(model, mode)] for model, mode in keyed}

    paths: dict[str, dict] = {}
    query_defs: dict[str, dict] = {}  # the enums a query's filters refer to (Status, ...)
    for op in operations:
        entry: dict = {
            "summary": op.summary,
            "tags": op.tags,
            "operationId": _operation_id(op),
        }
        params = [_path_param(name) for name in _path_names(op.rule)]
        if op.query is not None:
            params += _query_params(op.query, query_defs)
        if params:
            entry["parameters"] = params
        if op.body is not None:
            entry["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": schema_of[op.body]}},
            }
        elif op.request_media:
            entry["requestBody"] = {"required": True, "content": op.request_media}
        ok: dict = {"description": "Succes"}
        if op.response is not None:
            # A JSON answer, and the other media the same operation may answer (the
            # validation of signatures: its ETSI report in XML).
            ok["content"] = {
                "application/json": {"schema": schema_of[op.response]},
                **(op.response_media or {}),
            }
        elif op.response_media:
            ok["content"] = op.response_media
        entry["responses"] = {
            str(op.status): ok,
            **{
                str(status): {**ok, "description": text}
                for status, text in op.extra_responses.items()
            },
            "4XX": {
                "description": "Eroare (RFC 9457)",
                "content": {
                    "application/problem+json": {
                        "schema": {"$ref": _REF.format(model="Problem")}
                    }
                },
            },
        }
        if op.auth:
            entry["security"] = [{"bearer": []}]
        else:
            entry["security"] = []
        paths.setdefault(prefix + openapi_path(op.rule), {})[op.method.lower()] = entry

    schemas = {**query_defs, **defs.get("$defs", {})}
    schemas["Problem"] = _problem_schema()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "filing_service API",
            "version": "1",
            "description": "Documente, termene și depunere la instanță pentru cauzele "
            "de protecție a copilului (Legea nr. 272/2004).",
        },
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


def _problem_schema() -> dict:
    """RFC 9457 problem+json, its codes from the catalogue (``errorcodes``): a problem's
    own ``code`` (the suffix of ``type``) and each ``errors[].code``."""
    top = problem_codes()
    listing = "; ".join(f"`{c}` ({c.status}): {c.label}" for c in top)
    return {
        "type": "object",
        "description": "Eroare RFC 9457. Codurile (`code`, sufixul lui `type`): "
        + listing
        + ". Lista completă, cu codurile câmpurilor: schemas/README.md.",
        "properties": {
            "type": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "code": {"type": "string", "enum": [str(c) for c in top]},
            "errors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "field": {"type": ["string", "null"]},
                        "code": {"type": "string", "enum": [str(c) for c in Code]},
                        "message": {"type": "string"},
                        "article": {"type": "string"},
                    },
                },
            },
        },
        "required": ["type", "title", "status", "detail", "code"],
    }


def _path_names(rule: str) -> list[str]:
    return re.findall(r"<(?:[a-z]+:)?([a-z_]+)>", rule)


def _path_param(name: str) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": (
            {"type": "integer", "minimum": 0, "maximum": ID_MAX}  # api.bounds.IdConverter
            if name.endswith("_id")
            else {"type": "string"}
        ),
    }


def _query_params(model: type[BaseModel], defs: dict[str, dict]) -> list[dict]:
    """The query's parameters; the schemas they refer to go into ``defs``."""
    schema = model.model_json_schema(ref_template=_REF)
    defs.update(schema.get("$defs", {}))
    required = set(schema.get("required", []))
    return [
        {"name": name, "in": "query", "required": name in required, "schema": prop}
        for name, prop in schema.get("properties", {}).items()
    ]


def _operation_id(op: Operation) -> str:
    return (
        f"{op.method.lower()}_{openapi_path(op.rule).strip('/').replace('/', '_')}".replace(
            "{", ""
        )
        .replace("}", "")
        .replace("-", "_")
        .replace(".", "_")
    )
