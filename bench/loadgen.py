"""A minimal asyncio HTTP/1.1 load generator: keep-alive when the server allows it, one
coroutine per simulated client, bounded by a request budget and a deadline.

It exists for what `wrk` cannot do simply: a different body per request (form submissions) and
a callback per response (to record which submissions were acknowledged). For plain GETs the
harness prefers `wrk`, which costs the shared CPU less.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


RETRY_PAUSE = 0.1
RequestFactory = Callable[[int], Request]
ResponseCallback = Callable[[int, Request, Response], None]


@dataclass
class Outcome:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    failures: int = 0  # connection errors and responses >= 400
    seconds: float = 0.0


VISITORS = itertools.count(1)


def visitor_address() -> str:
    """A new visitor for every request of the process (measurements restart their indexes)."""
    number = next(VISITORS)
    return f"10.{(number >> 16) & 255}.{(number >> 8) & 255}.{number & 255}"


def encode(request: Request, host: str, index: int) -> bytes:
    headers = {
        "Host": host,
        "X-Forwarded-For": visitor_address(),
        "Content-Length": str(len(request.body)),
        **request.headers,
    }
    lines = [f"{request.method} {request.path} HTTP/1.1"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + request.body


async def read_response(reader: asyncio.StreamReader) -> tuple[Response, bool]:
    """Reads one response; the flag says whether the connection may be reused."""
    status_line = await reader.readuntil(b"\r\n")
    status = int(status_line.split()[1])
    headers: dict[str, str] = {}
    while (line := await reader.readuntil(b"\r\n")) != b"\r\n":
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        body = await read_chunked(reader)
    else:
        return Response(status, headers, await reader.read()), False
    keep_alive = headers.get("connection", "").lower() != "close"
    return Response(status, headers, body), keep_alive


async def read_chunked(reader: asyncio.StreamReader) -> bytes:
    parts = []
    while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)
    await reader.readuntil(b"\r\n")
    return b"".join(parts)


async def client(
    host: str,
    port: int,
    indexes: Iterator[int],
    factory: RequestFactory,
    deadline: float,
    outcome: Outcome,
    on_response: ResponseCallback | None,
) -> None:
    reader = writer = None
    for index in indexes:
        if time.monotonic() > deadline:
            break
        request = factory(index)
        started = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            assert reader is not None
            writer.write(encode(request, f"{host}:{port}", index))
            response, keep_alive = await read_response(reader)
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            outcome.failures += 1
            writer = close(writer)
            await asyncio.sleep(RETRY_PAUSE)  # a server that is down is not hammered in a loop
            continue
        outcome.latencies.append(time.perf_counter() - started)
        outcome.statuses[response.status] = outcome.statuses.get(response.status, 0) + 1
        outcome.failures += response.status >= 400
        if on_response is not None:
            on_response(index, request, response)
        if not keep_alive:
            writer = close(writer)
    close(writer)


def close(writer: asyncio.StreamWriter | None) -> None:
    if writer is not None:
        writer.close()


async def run_async(
    host: str,
    port: int,
    factory: RequestFactory,
    *,
    concurrency: int,
    requests: int,
    seconds: float,
    on_response: ResponseCallback | None = None,
) -> Outcome:
    outcome = Outcome()
    indexes = iter(range(requests))  # shared: the budget is global, not per client
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(
        *(
            client(host, port, indexes, factory, deadline, outcome, on_response)
            for _ in range(concurrency)
        )
    )
    outcome.seconds = time.monotonic() - started
    return outcome


def run(
    host: str,
    port: int,
    factory: RequestFactory,
    *,
    concurrency: int,
    requests: int,
    seconds: float,
    on_response: ResponseCallback | None = None,
) -> Outcome:
    return asyncio.run(
        run_async(
            host,
            port,
            factory,
            concurrency=concurrency,
            requests=requests,
            seconds=seconds,
            on_response=on_response,
        )
    )


# What every browser sends (and Python's requests and httpx): pages come compressed, as the
# 30 KB budget counts them (DESIGN.md §7). Before session 8 the benchmarks left it out, and the
# search page was measured uncompressed.
ACCEPT_ENCODING = "gzip, deflate, br"


def rotating_get(paths: list[str]) -> RequestFactory:
    cycle = itertools.cycle(paths)
    headers = {"Accept-Encoding": ACCEPT_ENCODING}
    return lambda index: Request("GET", next(cycle), dict(headers))
