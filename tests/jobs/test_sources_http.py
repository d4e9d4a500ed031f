"""The shared HTTP client: retries, rate limits, clear errors that never leak credentials."""

from __future__ import annotations

import email.utils

import httpx
import pytest

from hireable.config import Settings
from hireable.errors import RateLimited, SourceError
from hireable.sources.http import RemoteNotFound, get_json, make_client

URL = "https://api.example.test/v1/things"


def client_for(replies: list, sleeps: list[float], now: float = 1_000_000.0, **kw) -> httpx.Client:
    """A client whose transport serves `replies` in order (exceptions are raised)."""
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        reply = replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return reply

    client = make_client(
        Settings(http_retries=3, http_backoff=0.5),
        httpx.MockTransport(handle),
        sleep=sleeps.append,
        **kw,
    )
    client.policy.clock = lambda: now
    client.seen = seen  # type: ignore[attr-defined]
    return client


def test_429_with_retry_after_seconds_is_retried_and_succeeds() -> None:
    sleeps: list[float] = []
    replies = [
        httpx.Response(429, headers={"Retry-After": "7"}),
        httpx.Response(200, json={"a": 1}),
    ]
    with client_for(replies, sleeps) as client:
        assert get_json(client, URL, what="thing") == {"a": 1}
    assert sleeps == [7.0]


def test_retry_after_as_http_date_is_honoured() -> None:
    sleeps: list[float] = []
    date = email.utils.formatdate(1_000_030.0, usegmt=True)
    replies = [httpx.Response(503, headers={"Retry-After": date}), httpx.Response(200, json=[])]
    with client_for(replies, sleeps) as client:
        assert get_json(client, URL) == []
    assert sleeps == [30.0]


def test_exhausted_ratelimit_budget_waits_until_reset() -> None:
    sleeps: list[float] = []
    headers = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1000012"}
    replies = [httpx.Response(403, headers=headers), httpx.Response(200, json={"ok": True})]
    with client_for(replies, sleeps) as client:
        assert get_json(client, URL) == {"ok": True}
    assert sleeps == [12.0]


def test_a_wait_beyond_the_cap_raises_rate_limited_with_resume_time() -> None:
    headers = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1003600"}
    with client_for([httpx.Response(403, headers=headers)], [], max_wait=60) as client:
        with pytest.raises(RateLimited) as info:
            get_json(client, URL, what="github user 'octo'")
    assert info.value.resume_at == 1_003_600.0
    assert "github user 'octo'" in str(info.value) and "3600 s" in str(info.value)


def test_5xx_and_connection_errors_back_off_exponentially() -> None:
    sleeps: list[float] = []
    replies = [
        httpx.ConnectError("boom"),
        httpx.Response(502),
        httpx.ReadTimeout("slow"),
        httpx.Response(200, json={"done": 1}),
    ]
    with client_for(replies, sleeps) as client:
        assert get_json(client, URL) == {"done": 1}
    assert sleeps == [0.5, 1.0, 2.0]


def test_persistent_5xx_is_a_source_error_after_the_retries() -> None:
    sleeps: list[float] = []
    with client_for([httpx.Response(500)] * 4, sleeps) as client:
        with pytest.raises(SourceError, match=r"HTTP 500 after 4 attempts"):
            get_json(client, URL, what="thing")
    assert len(sleeps) == 3


def test_timeouts_to_the_end_name_the_host() -> None:
    with client_for([httpx.ConnectTimeout("t")] * 4, []) as client:
        with pytest.raises(SourceError, match=r"api.example.test/v1/things timed out"):
            get_json(client, URL)


def test_a_host_name_that_does_not_resolve_fails_after_one_retry() -> None:
    sleeps: list[float] = []
    failure = httpx.ConnectError("[Errno -2] Name or service not known")
    with client_for([failure, failure], sleeps) as client:
        with pytest.raises(SourceError) as info:
            get_json(client, URL, what="greenhouse board 'acme'")
        assert len(client.seen) == 2  # type: ignore[attr-defined]
    assert sleeps == [0.5]
    assert str(info.value) == (
        "greenhouse board 'acme': cannot reach api.example.test: the name does not resolve "
        "(no network connection, or a wrong address?)"
    )


def test_a_resolver_hiccup_is_retried() -> None:
    replies = [
        httpx.ConnectError("[Errno -3] Temporary failure in name resolution"),
        httpx.Response(200, json={"ok": 1}),
    ]
    with client_for(replies, []) as client:
        assert get_json(client, URL) == {"ok": 1}


def test_404_names_the_missing_thing() -> None:
    with client_for([httpx.Response(404, json={"error": "x"})], []) as client:
        with pytest.raises(RemoteNotFound, match=r"greenhouse board 'nope' does not exist"):
            get_json(client, URL, what="greenhouse board 'nope'")


def test_malformed_json_is_a_source_error() -> None:
    with client_for([httpx.Response(200, content=b"<html>oops")], []) as client:
        with pytest.raises(SourceError, match="malformed JSON"):
            get_json(client, URL, what="thing")


def test_errors_never_show_tokens_or_query_strings() -> None:
    replies = [httpx.Response(401)]
    with client_for(replies, []) as client:
        with pytest.raises(SourceError) as info:
            get_json(
                client,
                URL,
                params={"api_key": "sekrit"},
                headers={"Authorization": "Bearer sekrit-token"},
            )
    assert "sekrit" not in str(info.value)
    assert "access denied" in str(info.value)


def test_client_sends_user_agent_and_follows_redirects() -> None:
    replies = [
        httpx.Response(301, headers={"Location": URL + "/new"}),
        httpx.Response(200, json={"moved": True}),
    ]
    with client_for(replies, []) as client:
        assert get_json(client, URL) == {"moved": True}
        assert client.seen[0].headers["User-Agent"].startswith("hireable/")  # type: ignore[attr-defined]


def test_a_plain_httpx_client_works_with_the_default_policy() -> None:
    transport = httpx.MockTransport(lambda r: httpx.Response(200, json={"plain": True}))
    with httpx.Client(transport=transport) as client:
        assert get_json(client, URL) == {"plain": True}


def test_secondary_rate_limit_403_with_retry_after_is_retried() -> None:
    sleeps: list[float] = []
    replies = [httpx.Response(403, headers={"Retry-After": "2"}), httpx.Response(200, json=1)]
    with client_for(replies, sleeps) as client:
        assert get_json(client, URL) == 1
    assert sleeps == [2.0]


def test_send_posts_with_the_same_policy_and_returns_the_response() -> None:
    from hireable.sources.http import decode_json, send

    sleeps: list[float] = []
    replies = [httpx.Response(503), httpx.Response(200, json={"data": 1}, headers={"Link": "x"})]
    with client_for(replies, sleeps) as client:
        response = send(client, URL, method="POST", json_body={"query": "{ viewer }"})
        assert client.seen[-1].method == "POST"  # type: ignore[attr-defined]
        assert client.seen[-1].content == b'{"query":"{ viewer }"}'  # type: ignore[attr-defined]
    assert response.headers["Link"] == "x" and decode_json(response, URL, "q") == {"data": 1}
    assert sleeps == [0.5]
