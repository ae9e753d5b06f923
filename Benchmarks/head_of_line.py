# Head-of-line benchmark (issue 21): the latency of small GETs to a running `surety serve`, unloaded for 5 s and then
# for 10 s while UPLOADERS clients stream valid 16 MiB JSON bodies (PUT addElements, about 16.6 MB each).
# usage: python3 Benchmarks/head_of_line.py HOST PORT [UPLOADERS]   (start the server with --no-auth --quiet)
import http.client, sys, threading, time
host, port = sys.argv[1], int(sys.argv[2]); uploaders = int(sys.argv[3]) if len(sys.argv) > 3 else 1
T = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
small = f'/policy/{T}/policies/01HZY3K5Q8M2N4P6R8T0V2X4Z6/terms/list?count=1'
big_path = f'/policy/{T}/transactions/01HZY3K5Q8M2N4P6R8T0V2X4Z7/elements'
import json
big = json.dumps([{'type': 'Vehicle', 'data': {'vin': 'V%d' % i}} for i in range(380000)], separators=(',', ':')).encode()
assert len(big) < 16 << 20
def measure(seconds):
    c = http.client.HTTPConnection(host, port); out = []; end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        t = time.perf_counter(); c.request('GET', small); r = c.getresponse(); r.read(); out.append(time.perf_counter() - t)
    c.close(); out.sort(); print(f'  max {out[-1]*1000:.1f} ms, samples over 100 ms: {sum(1 for x in out if x > 0.1)}'); return out[len(out)//2] * 1000, out[int(len(out)*0.99)-1] * 1000, len(out)
stop = False; uploads = [0]
def upload():
    c = http.client.HTTPConnection(host, port, timeout=120)
    while not stop:
        c.request('PUT', big_path, body=big, headers={'Content-Type': 'application/json'}); c.getresponse().read(); uploads[0] += 1
measure(1)
p50, p99, n = measure(5); print(f'unloaded: {n} GETs, p50 {p50:.1f} ms, p99 {p99:.1f} ms')
threads = [threading.Thread(target=upload, daemon=True) for _ in range(uploaders)]
for t in threads: t.start()
time.sleep(1)
p50l, p99l, nl = measure(10); stop = True
print(f'loaded ({nl} GETs, {uploaders} uploader(s), {uploads[0]} uploads done): p50 {p50l:.1f} ms, p99 {p99l:.1f} ms, p99 ratio {p99l/p99:.1f}x')
