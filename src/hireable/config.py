"""Settings, read from the environment (prefix HIREABLE_) through a factory, never at import."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from hireable.errors import ConfigError, shown


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("hireable", appauthor=False))


# The base addresses of the services hireable fetches from (each overridable, e.g. for a mirror).
URL_SETTINGS = (
    "greenhouse_url", "lever_url", "lever_eu_url", "ashby_url", "workable_url",
    "smartrecruiters_url", "hn_url", "github_url", "hf_url", "kaggle_url", "openalex_url",
    "semanticscholar_url", "arxiv_url",
)  # fmt: skip


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HIREABLE_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    # Any SQLAlchemy URL; empty means SQLite in data_dir.
    database_url: str = ""

    # HTTP behaviour shared by every source; the bounds keep a typo from hanging or spinning.
    http_timeout: float = Field(default=20.0, gt=0, le=600, allow_inf_nan=False)  # per read
    http_deadline: float = Field(default=120.0, gt=0, le=3600, allow_inf_nan=False)  # in all
    http_retries: int = Field(default=4, ge=0, le=20)
    http_backoff: float = Field(default=1.0, ge=0, le=300, allow_inf_nan=False)
    # How long a write waits for another hireable's write to finish (SQLite; PostgreSQL's locks).
    db_busy_timeout: float = Field(default=15.0, gt=0, le=3600, allow_inf_nan=False)
    user_agent: str = "hireable/0.1 (+local-first career tool)"
    # `hireable serve` fetches the followed boards in the background this often ('' = never).
    fetch_every: str = ""

    @field_validator("fetch_every")
    @classmethod
    def _interval(cls, value: str) -> str:
        from hireable.errors import UsageError
        from hireable.intervals import parse_interval

        if value.strip():
            try:
                parse_interval(value, what="interval")
            except UsageError as exc:
                raise ValueError(str(exc)) from None
        return value.strip()

    @field_validator("user_agent")
    @classmethod
    def _header_text(cls, value: str) -> str:
        if not value.isascii() or not value.isprintable():
            raise ValueError("must be plain printable characters (every request sends it)")
        return value

    @field_validator(*URL_SETTINGS)
    @classmethod
    def _web_base(cls, value: str) -> str:
        from urllib.parse import urlsplit

        try:
            url = urlsplit(value)
            url.port  # noqa: B018 - raises ValueError on a port out of range or not a number
        except ValueError as exc:
            raise ValueError(f"is not a usable address ({exc})") from None
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError("must be an http:// or https:// address")
        return value

    # Job boards (paths are appended exactly as the real services expose them).
    greenhouse_url: str = "https://boards-api.greenhouse.io"
    lever_url: str = "https://api.lever.co"
    lever_eu_url: str = "https://api.eu.lever.co"
    ashby_url: str = "https://api.ashbyhq.com"
    workable_url: str = "https://apply.workable.com"
    smartrecruiters_url: str = "https://api.smartrecruiters.com"
    hn_url: str = "https://hn.algolia.com"

    # Evidence sources.
    github_url: str = "https://api.github.com"
    github_token: SecretStr | None = None
    hf_url: str = "https://huggingface.co"
    kaggle_url: str = "https://www.kaggle.com"
    openalex_url: str = "https://api.openalex.org"
    openalex_api_key: SecretStr | None = None
    semanticscholar_url: str = "https://api.semanticscholar.org"
    arxiv_url: str = "https://export.arxiv.org"

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'hireable.db'}"


def get_settings() -> Settings:
    """The settings from the environment; a bad value is one ConfigError naming its variable."""
    from pydantic import ValidationError

    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "HIREABLE_" + "_".join(str(part) for part in first["loc"]).upper()
        reason = first["msg"].removeprefix("Value error, ").lower().removeprefix("input ")
        raise ConfigError(f"{name}: {reason} (got {shown(first['input'])})") from None
