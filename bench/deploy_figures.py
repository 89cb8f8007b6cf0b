"""Deploy figures against a running server (called by bench/deploy.sh; Python standard library only).

  BENCH_TOKEN=… deploy_figures.py API TARBALL DEPLOYS RESTARTS   (the token in the environment, not in ps)

1. first deploys: for DEPLOYS new apps, the time from POST /v1/apps/:id/deploys (the .tar.gz) to
   the first 200 from the app's web_url;
2. redeploys: DEPLOYS more releases of one app, the time from the POST to the new release being
   current and web_url answering 200;
3. rolling restarts under load: web scaled to 2, then RESTARTS times POST /v1/apps/:id/restart
   while wrk (keep-alive connections) and a client opening a new connection per request send GETs
   to web_url; prints both clients' failed-request counts.
"""
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

API, TARBALL = sys.argv[1], sys.argv[2]
DEPLOYS, RESTARTS = int(sys.argv[3]), int(sys.argv[4])
TOKEN = os.environ["BENCH_TOKEN"]
ARTIFACT = open(TARBALL, "rb").read()


def call(method, path, body=None, content_type="application/json", expect=(200, 201, 202)):
    request = urllib.request.Request(API + path, data=body, method=method,
                                     headers={"Authorization": "Bearer " + TOKEN, "Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, text = response.status, response.read()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read()
    if status not in expect:
        sys.exit(f"{method} {path}: HTTP {status}: {text.decode()[:300]}")
    return json.loads(text) if text else None


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def wait_for(what, probe, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.01)
    sys.exit(f"timed out waiting for {what}")


def deploy(app):
    return call("POST", f"/v1/apps/{app}/deploys", ARTIFACT, "application/gzip")


def ms(seconds):
    return round(seconds * 1000)


def summary(label, times):
    print(f"{label}: median {ms(statistics.median(times))} ms (runs: {' '.join(str(ms(t)) for t in times)})")


def first_deploys():
    times = []
    for i in range(DEPLOYS):
        app = f"first-{i}"
        call("POST", "/v1/apps", json.dumps({"name": app}).encode())
        start = time.monotonic()
        deploy(app)
        url = wait_for("a web_url", lambda: call("GET", f"/v1/apps/{app}")["web_url"])
        wait_for("a 200 from " + url, lambda: answers(url + "/"))
        times.append(time.monotonic() - start)
    summary("deploy_to_web_answering (new app, v1)", times)


def redeploys():
    app = "redeploy"
    call("POST", "/v1/apps", json.dumps({"name": app}).encode())
    deploy(app)
    url = wait_for("v1 serving", lambda: current(app, 1))
    times = []
    for version in range(2, DEPLOYS + 2):
        start = time.monotonic()
        deploy(app)
        wait_for(f"v{version} current", lambda: current(app, version))
        wait_for("a 200", lambda: answers(url + "/"))
        times.append(time.monotonic() - start)
    summary("redeploy_to_new_release_serving (v2..)", times)


def current(app, version):
    a = call("GET", f"/v1/apps/{app}")
    return a["web_url"] if (a.get("current_release") or {}).get("version") == version and a["web_url"] else None


def web_instances(app):
    for t in call("GET", f"/v1/apps/{app}/processes")["types"]:
        if t["type"] == "web":
            return t["instances"]
    return []


def restarts_under_load():
    app = "restarts"
    call("POST", "/v1/apps", json.dumps({"name": app}).encode())
    deploy(app)
    url = wait_for("v1 serving", lambda: current(app, 1))
    call("PATCH", f"/v1/apps/{app}/processes/web", json.dumps({"replicas": 2}).encode())
    wait_for("2 web instances up", lambda: len(web_instances(app)) == 2 and all(i["state"] == "up" for i in web_instances(app)))

    stop = threading.Event()
    fresh = {"ok": 0, "failed": 0}

    def new_connection_per_request():  # urllib opens a new connection for every request
        while not stop.is_set():
            fresh["ok" if answers(url + "/") else "failed"] += 1

    client = threading.Thread(target=new_connection_per_request)
    client.start()
    wrk = subprocess.Popen(["wrk", "-t1", "-c8", "-d600s", url + "/"], stdout=subprocess.PIPE, text=True)
    time.sleep(3)
    took = []
    for _ in range(RESTARTS):
        before = {i["started_at"] for i in web_instances(app)}
        start = time.monotonic()
        call("POST", f"/v1/apps/{app}/restart?type=web")
        wait_for("both web instances replaced", lambda: replaced(app, before))
        took.append(time.monotonic() - start)
    time.sleep(3)
    wrk.send_signal(2)  # SIGINT: wrk prints its figures for the time it ran
    out = wrk.communicate()[0]
    stop.set()
    client.join()
    summary(f"rolling_restart_web_x2 ({RESTARTS} restarts)", took)
    requests = next((l.split()[0] for l in out.splitlines() if "requests in" in l), "?")
    non2xx = next((l.split()[-1] for l in out.splitlines() if "Non-2xx" in l), "0")
    socket = next((l.strip() for l in out.splitlines() if "Socket errors" in l), "Socket errors: none")
    print(f"restart_errors wrk (keep-alive, 8 connections): {requests} requests, non-2xx {non2xx}, {socket}")
    print(f"restart_errors new connection per request: {fresh['ok'] + fresh['failed']} requests, failed {fresh['failed']}")


def replaced(app, before):
    instances = web_instances(app)
    return len(instances) == 2 and all(i["state"] == "up" and i["started_at"] not in before for i in instances)


first_deploys()
redeploys()
restarts_under_load()
