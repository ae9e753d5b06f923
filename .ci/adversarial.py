"""A small, bounded adversarial run against `surety serve` over raw sockets on 127.0.0.1 (issue 21).

Run as: python3 adversarial.py SURETY_BINARY CONTRACTS_DIR. Starts `surety serve --mock --no-auth --quiet --port 0`
with a 64 KiB body limit, then:
  - each HTTP limit at its value and one over: the request line (8 KiB -> 414), the header block (64 KiB -> 431), the
    header count (100 -> 431), the body (64 KiB here -> 413) and a chunk-size line (4 KiB -> 400);
  - a fuzz run of a fixed seed and count: valid requests with bytes flipped, cut, repeated or inserted;
and after every case a fresh client must get 200 from GET /__surety/health. Exits 1 on the first case that breaks a
rule or when the server stops answering; every socket has a 5 s deadline and the whole run stops after 120 s.
"""
import random
import re
import socket
import subprocess
import sys
import time

BINARY, CONTRACTS = sys.argv[1], sys.argv[2]
SEED, FUZZ_COUNT, DEADLINE = 20261205, 400, time.monotonic() + 120
BODY_LIMIT = 64 * 1024
PATH = "/policy/5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001/transactions/01J6A00000000000000000PA01"

server = subprocess.Popen([BINARY, "serve", "--mock", "--no-auth", "--quiet", "--port", "0", "--max-body-bytes", str(BODY_LIMIT),
                           "--contracts", CONTRACTS], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
port = int(re.search(r":(\d+)\s*$", server.stdout.readline()).group(1))


def exchange(raw, read_all=False):
    """Sends raw bytes, returns the status of the first answer (0 when the server closed without one)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        try:
            connection.sendall(raw)
            connection.shutdown(socket.SHUT_WR)  # nothing more is coming: a cut request is answered or closed at once
        except OSError:
            pass  # the server may close as soon as it has answered an oversized request
        data = b""
        try:
            while b"\r\n" not in data:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                data += chunk
        except (socket.timeout, ConnectionResetError):
            pass
    match = re.match(rb"HTTP/1\.1 (\d{3})", data)
    return int(match.group(1)) if match else 0


def alive(case):
    if time.monotonic() > DEADLINE:
        fail(f"the run passed its 120 s deadline at {case}")
    status = exchange(b"GET /__surety/health HTTP/1.1\r\nHost: x\r\n\r\n")
    if status != 401 and status != 200:
        fail(f"after {case}, a fresh client got {status} from /__surety/health")


def fail(message):
    print(f"adversarial: {message}")
    server.kill()
    sys.exit(1)


def expect(case, raw, status=None, not_status=None):
    got = exchange(raw)
    if status is not None and got != status:
        fail(f"{case}: expected {status}, got {got}")
    if not_status is not None and got == not_status:
        fail(f"{case}: expected anything but {not_status}, got it")
    alive(case)


def request_line(length):
    prefix, suffix = b"GET /", b" HTTP/1.1"
    return prefix + b"a" * (length - len(prefix) - len(suffix)) + suffix + b"\r\nHost: x\r\n\r\n"


cases = 0
for length, check in ((8 * 1024, {"not_status": 414}), (8 * 1024 + 1, {"status": 414})):
    expect(f"request line of {length} bytes", request_line(length), **check); cases += 1

for count, check in ((100, {"not_status": 431}), (101, {"status": 431})):
    headers = b"Host: x\r\n" + b"".join(b"X-F%d: v\r\n" % i for i in range(count - 1))
    expect(f"{count} header fields", b"GET " + PATH.encode() + b" HTTP/1.1\r\n" + headers + b"\r\n", **check); cases += 1

for size, check in ((64 * 1024 - 100, {"not_status": 431}), (64 * 1024 + 100, {"status": 431})):
    filler = b"X-Big: " + b"b" * (size - len(b"Host: x\r\nX-Big: \r\n\r\n")) + b"\r\n"
    expect(f"a header block of about {size} bytes", b"GET " + PATH.encode() + b" HTTP/1.1\r\nHost: x\r\n" + filler + b"\r\n", **check)
    cases += 1

for size, check in ((BODY_LIMIT, {"not_status": 413}), (BODY_LIMIT + 1, {"status": 413})):
    body = b"[" + b" " * (size - 2) + b"]"
    raw = (b"PATCH /policy/5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001/policies/01J6A00000000000000000PA01/change HTTP/1.1\r\n"
           b"Host: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % size) + body
    expect(f"a body of {size} bytes", raw, **check); cases += 1

for length, check in ((4 * 1024, {"not_status": 431}), (4 * 1024 + 1, {"status": 400})):
    size_line = b"1" + b";e=" + b"x" * (length - 4)  # a chunk size with an extension, `length` bytes long
    raw = (b"PATCH /policy/5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001/policies/01J6A00000000000000000PA01/change HTTP/1.1\r\n"
           b"Host: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + size_line + b"\r\n[\r\n0\r\n\r\n")
    if length > 4 * 1024:
        expect(f"a chunk-size line of {length} bytes", raw, **check)
    else:
        expect(f"a chunk-size line of {length} bytes", raw, not_status=0)
    cases += 1

random.seed(SEED)
valid = (b"GET " + PATH.encode() + b"?extended=true HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n"
         b"X-Trace: abc\r\nContent-Length: 2\r\n\r\n{}")
for index in range(FUZZ_COUNT):
    raw = bytearray(valid)
    for _ in range(random.randint(1, 6)):
        kind, at = random.randint(0, 3), random.randrange(len(raw))
        if kind == 0:
            raw[at] = random.randrange(256)
        elif kind == 1:
            del raw[at:at + random.randint(1, 20)]
        elif kind == 2:
            raw[at:at] = bytes(random.randrange(256) for _ in range(random.randint(1, 40)))
        else:
            raw[at:at] = raw[at:at + random.randint(1, 30)] * random.randint(2, 50)
    exchange(bytes(raw))
    if index % 50 == 49:
        alive(f"fuzz request {index + 1}")
alive("the fuzz run")
if server.poll() is not None:
    fail(f"the server exited with {server.returncode}")
server.terminate()
server.wait(timeout=20)
print(f"adversarial: {cases} limit cases at and over their limit, {FUZZ_COUNT} fuzz requests (seed {SEED}); the server answered after each")
