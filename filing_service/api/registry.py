"""API routes that describe themselves: the same declaration parses the request and
feeds the OpenAPI document, so the document cannot drift from what is validated."""

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Blueprint, request
from pydantic import BaseModel, ValidationError

from ..errorcodes import Code
from .auth import current_actor
from .body import parse_json
from .problems import ApiProblem, validation_errors


@dataclass
class Operation:
    rule: str
    method: str
    summary: str
    tags: list[str]
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    status: int = 200
    auth: bool = True
    request_media: dict | None = None  # non-JSON bodies: {"application/xml": {...}}
    response_media: dict | None = None
    extra_responses: dict[int, str] = field(default_factory=dict)  # status: description


class ApiRoutes:
    """Collects the operations of one area of the API on its blueprint."""

    def __init__(self, blueprint: Blueprint, tag: str):
        self.blueprint = blueprint
        self.tag = tag
        self.operations: list[Operation] = []

    def route(
        self,
        rule: str,
        method: str = "GET",
        *,
        summary: str,
        body: type[BaseModel] | None = None,
        query: type[BaseModel] | None = None,
        response: type[BaseModel] | None = None,
        status: int = 200,
        auth: bool = True,
        request_media: dict | None = None,
        response_media: dict | None = None,
        extra_responses: dict[int, str] | None = None,
    ) -> Callable:
        """Declare an operation; the view gets ``body=`` and ``query=`` parsed models.
        ``extra_responses`` documents the other successes the view answers (status:
        description), with the same body as ``status``."""
        operation = Operation(
            rule,
            method,
            summary,
            [self.tag],
            body,
            query,
            response,
            status,
            auth,
            request_media,
            response_media,
            extra_responses or {},
        )
        self.operations.append(operation)

        def decorator(view: Callable) -> Callable:
            @functools.wraps(view)
            def wrapper(*args, **kwargs):
                if auth:
                    current_actor()  # 401 before anything else is read
                if query is not None:
                    kwargs["query"] = parse_query(query)
                if body is not None:
                    kwargs["body"] = parse_json(body)
                return view(*args, **kwargs)

            endpoint = f"{view.__name__}"
            self.blueprint.add_url_rule(rule, endpoint, wrapper, methods=[method])
            return wrapper

        return decorator


def parse_query(model: type[BaseModel]) -> BaseModel:
    """Validate the query string against ``model``; unknown parameters are refused."""
    values = {
        key: request.args.getlist(key)
        if len(request.args.getlist(key)) > 1
        else request.args[key]
        for key in request.args
    }
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        errors = validation_errors(exc, prefix=("query",))
        raise ApiProblem(
            400,
            "Parametri invalizi",
            "; ".join(f"{e['field']}: {e['message']}" for e in errors),
            code=Code.INVALID_PARAMETERS,
            errors=errors,
        ) from None


def openapi_path(rule: str) -> str:
    """``/cases/<int:case_id>`` -> ``/cases/{case_id}``."""
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule)
