"""Paging, the same for every listing of the API: the query's ``page`` and ``per_page``,
the answer's ``items`` with ``total``, and the query that cuts one page out of a select."""

from pydantic import BaseModel, Field, create_model
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .fields import Strict


class Paging(Strict):
    """The paging part of a listing's query (its filters subclass it)."""

    page: int = Field(1, ge=1)
    per_page: int = Field(20, ge=1, le=100)


class Page(BaseModel):
    page: int
    per_page: int
    total: int


def page_model(item: type[BaseModel], name: str) -> type[BaseModel]:
    """The answer model of a listing of ``item``: one page of items and the total."""
    return create_model(name, __base__=Page, items=(list[item], ...))  # type: ignore[valid-type]


def page_json(page_model, items, total, query: Paging) -> dict:
    """One page of ``items`` as the JSON answer ``page_model`` describes."""
    return page_model(
        items=items, total=total, page=query.page, per_page=query.per_page
    ).model_dump(mode="json")


def paginate(session: Session, stmt, paging: Paging):
    """The page ``paging`` asks for of ``stmt``'s rows, and how many rows there are."""
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    items = session.scalars(
        stmt.limit(paging.per_page).offset((paging.page - 1) * paging.per_page)
    ).all()
    return items, total
