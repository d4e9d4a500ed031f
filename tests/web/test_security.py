"""The dashboard's guards: Host allow-list, CSRF on every POST, headers, calm errors."""

from __future__ import annotations

import pytest

from hireable.web.security import CsrfGuard, HostPolicy, host_name
from tests.web.conftest import Dashboard


def test_pages_carry_the_security_headers(web: Dashboard) -> None:
    r = web.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-content-type-options"] == "nosniff"


def test_errors_and_static_files_carry_the_headers_too(web: Dashboard) -> None:
    for path in ("/no-such-page", "/static/hireable.css"):
        assert web.get(path).headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example"])
def test_an_unknown_host_is_refused(web: Dashboard, host: str) -> None:
    r = web.get("/", headers={"host": host})
    assert r.status_code == 400
    assert r.headers["content-security-policy"]


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "localhost"])
def test_local_hosts_are_served(web: Dashboard, host: str) -> None:
    assert web.get("/", headers={"host": host}).status_code == 200


def test_remote_mode_accepts_ip_literals_but_not_names() -> None:
    policy = HostPolicy.for_bind("0.0.0.0", remote=True)
    assert policy.allows("192.168.1.20:8000")
    assert policy.allows("[fe80::1]:8000")
    assert not policy.allows("rebind.example:8000")
    assert not HostPolicy.for_bind("127.0.0.1", remote=False).allows("192.168.1.20:8000")


def test_host_name_strips_the_port() -> None:
    assert host_name("[::1]:8000") == "::1"
    assert host_name("Example.org:80") == "example.org"
    assert host_name("::1") == "::1"


def test_a_post_without_a_token_is_forbidden(web: Dashboard) -> None:
    assert web.post("/", {}, token=False).status_code == 403


def test_a_post_with_a_wrong_token_is_forbidden(web: Dashboard) -> None:
    r = web.post("/", {"csrf_token": "0" * 64}, token=False)
    assert r.status_code == 403
    other = CsrfGuard().token()
    assert web.client.post("/", headers={"x-csrf-token": other}).status_code == 403


def test_the_token_in_the_htmx_header_is_accepted(web: Dashboard) -> None:
    # The status page takes no POST: past the guard, the router answers 405.
    r = web.client.post("/", headers={"x-csrf-token": web.token})
    assert r.status_code == 405


def test_other_methods_are_refused(web: Dashboard) -> None:
    for method in ("PUT", "DELETE", "PATCH"):
        assert web.client.request(method, "/", headers={"x-csrf-token": web.token}).status_code in (
            403,
            405,
        )


def test_the_token_is_per_process() -> None:
    assert CsrfGuard().token() != CsrfGuard().token()
    guard = CsrfGuard()
    assert guard.valid(guard.token()) and not guard.valid("") and not guard.valid(None)


def test_an_unknown_page_is_a_404_page(web: Dashboard) -> None:
    r = web.get("/no-such-page")
    assert r.status_code == 404
    assert "There is no page at this address." in r.text
    assert "<nav" in r.text


def test_an_unexpected_error_is_a_calm_page(
    web: Dashboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    from starlette.testclient import TestClient

    import hireable.web.routes.status as status

    def boom(*_: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(status, "get_profile", boom)
    client = TestClient(web.app, base_url="http://127.0.0.1", raise_server_exceptions=False)
    r = client.get("/")
    assert r.status_code == 500
    assert "nothing was changed" in r.text
    assert "secret internals" not in r.text and "Traceback" not in r.text


def test_vendored_assets_are_served_with_their_licences(web: Dashboard) -> None:
    for name in ("htmx.min.js", "uPlot.iife.min.js", "uPlot.min.css", "htmx.LICENSE", "README.md"):
        assert web.get(f"/static/vendor/{name}").status_code == 200
