"""Directorates (the tenants), their users and the API tokens of their case systems."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow


class Directorate(Base):
    """A DGASPC: one per county and per Bucharest sector. Every case belongs to one."""

    __tablename__ = "directorates"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(4), unique=True)  # plate code or B1-B6
    name: Mapped[str] = mapped_column(String(200))
    county: Mapped[str] = mapped_column(String(60))
    cnp_county_code: Mapped[str] = mapped_column(String(2))
    tribunal: Mapped[str] = mapped_column(String(120))  # competent under art. 133
    seat: Mapped[str] = mapped_column(String(300))
    legal_representative: Mapped[str | None] = mapped_column(String(200))  # director general
    # Settings that later capabilities read (signature profile, e-mail, closure days).
    settings: Mapped[dict] = mapped_column(JSON, default=dict)

    users: Mapped[list["User"]] = relationship(back_populates="directorate")


class User(Base):
    """A person of the directorate who uses the web forms."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    directorate_id: Mapped[int] = mapped_column(ForeignKey("directorates.id"), index=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    password_hash: Mapped[str] = mapped_column(String(255))  # argon2id
    role: Mapped[str] = mapped_column(String(30))  # see auth.roles.Role
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Every session cookie carries the generation it was made in; logging out, a new
    # password or a deactivation counts it up, so every copy of an older cookie ends.
    session_generation: Mapped[int] = mapped_column(default=0, server_default="0")

    directorate: Mapped[Directorate] = relationship(back_populates="users")


class ApiToken(Base):
    """A bearer token issued to one case system of one directorate.

    Only a SHA-256 digest of the token is kept: tokens are long random strings, so a fast
    digest is enough (unlike passwords), and the clear token is shown once, at issue.
    """

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    directorate_id: Mapped[int] = mapped_column(ForeignKey("directorates.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))  # first characters, to recognise it
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]

    directorate: Mapped[Directorate] = relationship()
