"""Client of Benchmarks/emulate.sh: runs bounded issue-a-change flows against a serve --emulate (or --mock) on loopback.

usage: emulate_flow.py BASE_URL TENANT TOKEN FLOWS WORKERS POLICY...
Each flow is create change -> price -> issue -> fetch, on the next policy of the list, over one keep-alive
connection per worker. Prints `FLOW flows=N requests=N seconds=S non200=N`.
"""
import http.client, json, sys, threading, time, urllib.parse

base, tenant, token, flows, workers = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
policies = sys.argv[6:]
url = urllib.parse.urlparse(base)
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
body = json.dumps([{"action": "params", "effectiveTime": "2024-11-01T00:00:00Z"},
                   {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "BENCH0000000000001"}}}])
counts = {"requests": 0, "non200": 0}
lock = threading.Lock()

def worker(first):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    requests = non200 = 0
    def send(method, path, payload=None):
        nonlocal requests, non200
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        data = response.read()
        requests += 1
        if response.status != 200:
            non200 += 1
        return data
    for index in range(first, flows, workers):
        policy = policies[index % len(policies)]
        created = json.loads(send("PATCH", f"/policy/{tenant}/policies/{policy}/change", body))
        # The mock answers an unspecified body without a locator: use a well-formed one, so it answers 200.
        locator = created.get("locator") if isinstance(created, dict) and created.get("locator") else "01J6A00000000000000000ZZ01"
        send("PATCH", f"/policy/{tenant}/transactions/{locator}/price")
        send("PATCH", f"/policy/{tenant}/transactions/{locator}/issue")
        send("GET", f"/policy/{tenant}/transactions/{locator}")
    with lock:
        counts["requests"] += requests
        counts["non200"] += non200

start = time.perf_counter()
threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
for thread in threads: thread.start()
for thread in threads: thread.join()
elapsed = time.perf_counter() - start
print(f"FLOW flows={flows} requests={counts['requests']} seconds={elapsed:.3f} non200={counts['non200']}")
