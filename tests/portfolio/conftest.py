"""The evidence importers' fake internet, shared with the portfolio and résumé tests."""

from __future__ import annotations

from tests.evidence_import.conftest import net  # noqa: F401  (a fixture)
