"""Ids beyond what a database column holds are "not found", never a crash, on every backend."""

from __future__ import annotations

import pytest

from tests.web.conftest import Dashboard

BEYOND = ["2147483648", "9223372036854775808", "99999999999999999999"]


@pytest.mark.parametrize("value", BEYOND)
def test_pages_answer_404_for_ids_no_row_can_have(web: Dashboard, value: str) -> None:
    assert web.get(f"/evidence/{value}").status_code == 404
    assert web.post(f"/journal/{value}/remove", {}).status_code == 404
