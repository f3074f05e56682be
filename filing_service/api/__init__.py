"""The HTTP API under /api/v1: case systems talk to the service here.

Each capability declares its routes on its own ``ApiRoutes``; ``init_app`` mounts them all
on one blueprint and serves the OpenAPI document built from the same declarations.
"""

from flask import Blueprint, Flask, jsonify

from .openapi import build_document
from .registry import ApiRoutes

PREFIX = "/api/v1"


def init_app(app: Flask, areas: list[ApiRoutes]) -> None:
    """Register the API blueprints of ``areas`` and the OpenAPI document."""
    operations = [op for area in areas for op in area.operations]
    document = build_document(operations, PREFIX)
    meta = Blueprint("api_meta", __name__, url_prefix=PREFIX)

    @meta.get("/openapi.json")
    def openapi_document():
        """The OpenAPI 3.1 description of this API."""
        return jsonify(document)

    app.register_blueprint(meta)
    for area in areas:
        app.register_blueprint(area.blueprint, url_prefix=PREFIX)
