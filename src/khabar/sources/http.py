"""Fetch http(s) URLs through httpx: timeouts, redirects, a user agent and a streamed size cap."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from .base import SourceError, SourceOptions


@dataclass(frozen=True)
class Fetched:
    """A successful response body and what the server said about it."""

    url: str
    """The final URL, after redirects."""
    body: bytes
    content_type: str | None
    charset: str | None


def is_url(text: str) -> bool:
    """Whether an input names an http(s) URL."""
    return text.lower().startswith(("http://", "https://"))


def make_client(options: SourceOptions) -> httpx.Client:
    """An httpx client configured from ``options`` (the caller closes it)."""
    return httpx.Client(
        transport=options.transport,
        timeout=options.timeout,
        follow_redirects=True,
        max_redirects=options.max_redirects,
        headers={"User-Agent": options.user_agent},
    )


def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise SourceError(f"response larger than {max_bytes} bytes")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise SourceError(f"response larger than {max_bytes} bytes")
    return bytes(body)


def fetch(client: httpx.Client, url: str, max_bytes: int) -> Fetched:
    """GET ``url``; raise SourceError with the HTTP status or the connection error when it fails."""
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise SourceError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
            body = _read_capped(response, max_bytes)
            mime = response.headers.get("content-type")
            return Fetched(str(response.url), body, mime, response.charset_encoding)
    except httpx.TooManyRedirects:
        raise SourceError(f"too many redirects (more than {client.max_redirects})") from None
    except httpx.TimeoutException:
        raise SourceError(f"timed out after {client.timeout.read}s") from None
    except httpx.InvalidURL as exc:
        raise SourceError(f"invalid URL: {exc}") from None
    except httpx.HTTPError as exc:
        raise SourceError(f"connection failed: {exc or type(exc).__name__}") from None
