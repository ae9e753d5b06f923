#!/usr/bin/env python3
"""Milliseconds from starting a server process to its first 200 answer on 127.0.0.1, best of several starts.

usage: first_answer.py ATTEMPTS PORT PATH COMMAND...   ({port} in COMMAND is replaced by PORT)

Refuses a port something already answers on. Polls every millisecond with a raw HTTP/1.1 GET of PATH (bounded: 120 s per attempt), stops the process with
SIGTERM after each attempt, and prints the best time, or `na` when no attempt got a 200.
"""
import socket, subprocess, sys, time

attempts, port, path, command = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
command = [part.replace("{port}", str(port)) for part in command]

def answers():
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


best = None
for attempt in range(attempts):
    if answers():
        sys.exit(f"first_answer.py: port {port} already answers; pick another")
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.monotonic() - start < 120 and process.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
                    connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
                    if connection.recv(16).startswith(b"HTTP/1.1 200"):
                        elapsed = (time.monotonic() - start) * 1000
                        best = elapsed if best is None else min(best, elapsed)
                        break
            except OSError:
                pass
            time.sleep(0.001)  # after a refused connection and after an answer other than 200 alike
    finally:
        process.terminate()
        process.wait(timeout=30)
print(f"{best:.1f}" if best is not None else "na")
