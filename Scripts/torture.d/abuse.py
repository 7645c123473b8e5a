"""Abusive clients on asyncio: each coroutine is one hostile connection, bounded in time.

Every function returns plain figures; the scenarios in load.py judge them.
"""
import asyncio
import os
import random
import socket
import struct
import time

from harness import request

TCP_ESTABLISHED = 1


async def read_response(reader, is_head=False, with_close=False):
    """Reads one response: (status, body), or with `with_close` (status, body, whether it
    says `Connection: close`). Raises on EOF or malformed bytes."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    length = 0
    closes = False
    for line in lines[1:]:
        name, _, value = line.partition(":")
        name = name.strip().lower()
        if name == "content-length":
            length = int(value.strip())
        elif name == "connection":
            closes = "close" in value.lower()
    body = b"" if is_head or status in (204, 304) else await reader.readexactly(length)
    return (status, body, closes) if with_close else (status, body)


async def read_until_closed(reader, limit):
    """Reads until EOF (or `limit` seconds); returns (first status or None, closed?)."""
    data = b""
    try:
        async with asyncio.timeout(limit):
            while True:
                chunk = await reader.read(65536)
                if not chunk:
                    break
                if len(data) < 4096:
                    data += chunk
    except TimeoutError:
        return status_of(data), False
    except (ConnectionError, OSError):
        pass
    return status_of(data), True


def status_of(data):
    if data.startswith(b"HTTP/1.1 ") and len(data) >= 12:
        try:
            return int(data[9:12])
        except ValueError:
            return None
    return None


def reset(writer_or_sock):
    """Closes with SO_LINGER 0, so the kernel sends RST instead of FIN."""
    sock = writer_or_sock if isinstance(writer_or_sock, socket.socket) else writer_or_sock.get_extra_info("socket")
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    if isinstance(writer_or_sock, socket.socket):
        writer_or_sock.close()
    else:
        writer_or_sock.transport.abort()


def tcp_state(sock):
    """The kernel's TCP state (first byte of TCP_INFO): 1 established, 7 closed, 8 close-wait."""
    try:
        return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 8)[0]
    except OSError:
        return 7


async def keepalive_round(port, streams, path, expected_body, concurrency=2000, limit=60):
    """Sends one request on each open connection and checks its answer; returns (ok, failed)."""
    gate = asyncio.Semaphore(concurrency)
    ok = failed = 0

    async def one(reader, writer):
        nonlocal ok, failed
        async with gate:
            try:
                writer.write(request(path))
                async with asyncio.timeout(limit):
                    status, body = await read_response(reader)
                if status == 200 and body == expected_body:
                    ok += 1
                else:
                    failed += 1
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ValueError):
                failed += 1

    await asyncio.gather(*(one(r, w) for r, w in streams))
    return ok, failed


async def open_many(port, count, concurrency=500, limit=30, first=None):
    """Opens `count` connections (at most `concurrency` connecting at once); returns the
    streams and the number that failed. With `first` = (path, expected body), each connection
    asks for it as soon as it is open (a silent connection is cut off at the header timeout)
    and only those answered correctly are returned."""
    gate = asyncio.Semaphore(concurrency)
    streams = []
    errors = 0

    async def one():
        nonlocal errors
        async with gate:
            try:
                async with asyncio.timeout(limit):
                    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 20)
                    if first is not None:
                        writer.write(request(first[0]))
                        status, body = await read_response(reader)
                        if status != 200 or body != first[1]:
                            writer.close()
                            raise ValueError(f"answered {status}")
                    streams.append((reader, writer))
            except (OSError, TimeoutError, ValueError, asyncio.IncompleteReadError):
                errors += 1

    await asyncio.gather(*(one() for _ in range(count)))
    return streams, errors


async def trickle(port, kind, interval, limit):
    """One slow client. kind: 'silent' sends nothing, 'line' trickles the request line,
    'header' sends the line at once and trickles a header. Returns (status, seconds to close)."""
    started = time.monotonic()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    payload = b"GET /v1/summit HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 4000
    if kind == "header":
        writer.write(payload[:26])
        payload = payload[26:]

    async def drip():
        if kind == "silent":
            return
        for byte in payload:
            writer.write(bytes([byte]))
            await asyncio.sleep(interval)

    dripping = asyncio.create_task(drip())
    status, closed = await read_until_closed(reader, limit)
    dripping.cancel()
    elapsed = time.monotonic() - started
    writer.transport.abort()
    return status, (elapsed if closed else None)


async def garbage(port, limit, rng):
    """One connection of random bytes. Returns (status or None, closed?)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    kind = rng.randrange(6)
    size = rng.randrange(1, 16384)
    noise = rng.randbytes(size)
    if kind == 0:
        payload = noise
    elif kind == 1:
        payload = b"GET /v1/summit HTTP/1.1\r\n" + noise
    elif kind == 2:
        payload = noise + b"\r\n\r\n"
    elif kind == 3:
        payload = rng.choice([b"GET ", b"POST ", b"\x16\x03\x01", b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"]) + noise
    elif kind == 4:
        payload = bytes(rng.choice(b"GET /:HTTP1.\r\n ") for _ in range(size))
    else:
        # Behind answers large enough to pause the batch, so the noise is parsed later from
        # the connection's buffer rather than from the read.
        payload = request("/openapi.json") * 10 + noise
    try:
        writer.write(payload)
        if rng.random() < 0.25:
            writer.write_eof()
    except OSError:
        pass
    result = await read_until_closed(reader, limit)
    writer.transport.abort()
    return result


async def reset_midway(port, kind, limit):
    """A client that resets: 'response' after the first bytes of a large answer, 'request'
    right after asking, 'partial' halfway through a request line. Returns True if it ran."""
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        async with asyncio.timeout(limit):
            await loop.sock_connect(sock, ("127.0.0.1", port))
            if kind == "partial":
                await loop.sock_sendall(sock, b"GET /v1/timeline?li")
            else:
                await loop.sock_sendall(sock, request("/openapi.json") * 10)
                if kind == "response":
                    await loop.sock_recv(sock, 4096)
    except (OSError, TimeoutError):
        sock.close()
        return False
    reset(sock)
    return True


async def non_reader(port, requests, small_buffer, limit):
    """Sends `requests` pipelined requests for a large answer and never reads. Returns the
    seconds from the last request sent until the server dropped the connection (None if it
    did not within `limit`)."""
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if small_buffer:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setblocking(False)
    try:
        await loop.sock_connect(sock, ("127.0.0.1", port))
        async with asyncio.timeout(limit):
            await loop.sock_sendall(sock, request("/openapi.json") * requests)
    except (OSError, TimeoutError):
        pass  # the server stopped reading, or dropped us already: both are what it should do
    sent = time.monotonic()
    while time.monotonic() - sent < limit:
        if tcp_state(sock) != TCP_ESTABLISHED:
            sock.close()
            return time.monotonic() - sent
        await asyncio.sleep(0.1)
    sock.close()
    return None


def seeded_random():
    seed = int.from_bytes(os.urandom(4), "big")
    return seed, random.Random(seed)


def pipeline_mix(rng):
    """A random run of pipelined requests: small and large answers, HEAD, bodies by length
    and chunked, Expect: 100-continue, a malformed one, Connection: close, HTTP/1.0. Returns
    (bytes, [is_head per request])."""
    parts, heads = [], []
    for _ in range(rng.randint(5, 40)):
        kind = rng.randrange(10)
        if kind == 0:
            parts.append(request("/openapi.json"))
        elif kind == 1:
            parts.append(request("/v1/statements", "HEAD"))
        elif kind == 2:
            body = rng.randbytes(rng.randint(0, 3000))
            parts.append(request("/v1/timeline", "POST", [("Content-Type", "application/json")], body=body))
        elif kind == 3:
            chunks = b"".join(b"%x\r\n%s\r\n" % (n, b"x" * n) for n in (rng.randint(1, 500) for _ in range(3)))
            parts.append(request("/v1/timeline", "POST", [("Transfer-Encoding", "chunked")]) + chunks + b"0\r\n\r\n")
        elif kind == 4:
            parts.append(request("/v1/timeline", "POST", [("Expect", "100-continue")], body=b"{}"))
        elif kind == 5 and rng.random() < 0.3:
            parts.append(rng.choice([b"GET / HTTP/1.1\r\nBad Header\r\n\r\n", b"GET / HTTP/7.0\r\n\r\n",
                                     b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\n\r\n"]))
        elif kind == 6 and rng.random() < 0.2:
            parts.append(request("/v1/summit", close=True))
        elif kind == 7 and rng.random() < 0.2:
            parts.append(b"GET /v1/summit HTTP/1.0\r\n\r\n")
        else:
            parts.append(request(rng.choice(["/healthz", "/v1/summit", "/v1/people?limit=2", "/nope"])))
        heads.append(kind == 1)
    return b"".join(parts), heads


async def pipeline_client(port, rng, limit):
    """Sends a random pipelined mix in random slices and reads at a random pace. Returns
    (answers, statuses seen, whether the stream parsed, closed or reached the last answer)."""
    from harness import ResponseParser
    payload, heads = pipeline_mix(rng)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    parser = ResponseParser()
    for is_head in heads:
        parser.expect_head(is_head)

    async def send():
        offset = 0
        try:
            while offset < len(payload):
                size = rng.choice([1, 7, 100, 4096, 65536])
                writer.write(payload[offset:offset + size])
                offset += size
                await writer.drain()
                if rng.random() < 0.05:
                    await asyncio.sleep(0.05)
        except (OSError, ConnectionError):
            pass

    sending = asyncio.create_task(send())
    statuses, parsed, finished = [], True, False
    try:
        async with asyncio.timeout(limit):
            while len(statuses) < len(heads):
                data = await reader.read(rng.choice([512, 65536]))
                if not data:
                    finished = True
                    break
                statuses += [r.status for r in parser.feed(data)]
                if rng.random() < 0.02:
                    await asyncio.sleep(0.3)
            else:
                finished = True
    except ValueError:
        parsed = False
    except (TimeoutError, OSError, ConnectionError):
        pass
    sending.cancel()
    writer.transport.abort()
    return statuses, parsed, finished
