"""The example app: a small HTTP server on $PORT that prints one line per request.

GET /        -> "Hello from <PS>" (PS is the instance id the runtime sets, e.g. web.1)
GET /config  -> the value of the config var GREETING
GET /db      -> counts this visit in the attached database (DATABASE_URL) and answers the count

Add a route by writing a function that returns the body and listing it in ROUTES.
Standard library only, so deploying it downloads nothing.
"""
import os
import subprocess
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def hello():
    return f"Hello from {os.environ.get('PS', 'unknown')}\n"


def config():
    return os.environ.get("GREETING", "(GREETING is not set)") + "\n"


class Unavailable(Exception):
    """Answered as 503: a backing service is missing or down."""


# psql is the PostgreSQL client on the machine; Python's standard library cannot speak PostgreSQL.
VISITS_SQL = [
    "CREATE TABLE IF NOT EXISTS visits (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())",
    "INSERT INTO visits DEFAULT VALUES",
    "SELECT count(*) FROM visits",
]


def db():
    url = os.environ.get("DATABASE_URL")
    if not url:
        raise Unavailable("DATABASE_URL is not set: attach a database with POST /v1/addons/database")
    command = ["psql", url, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1"]
    for sql in VISITS_SQL:
        command += ["-c", sql]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=15,
                              env={**os.environ, "PGCONNECT_TIMEOUT": "5"})
    except FileNotFoundError:
        raise Unavailable("psql is not installed on this machine")
    except subprocess.TimeoutExpired:
        raise Unavailable("the database did not answer within 15 s")
    if done.returncode != 0:
        # psql's messages name the host and role, never the password
        raise Unavailable("database error: " + (done.stderr.strip().splitlines() or ["unknown"])[-1])
    return f"visits: {done.stdout.strip()}\n"


ROUTES = {"/": hello, "/config": config, "/db": db}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        route = ROUTES.get(self.path.split("?", 1)[0])
        try:
            status, body = (200, route()) if route else (404, "not found\n")
        except Unavailable as e:
            status, body = 503, f"{e}\n"
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_request(self, code="-", size="-"):
        # One line per request on stdout: the runtime keeps it as the app's log.
        print(f'{os.environ.get("PS", "web")} "{self.requestline}" {code}', flush=True)


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "5000"))
    # The runtime's router on 127.0.0.1 is the way in; do not listen on other addresses.
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"listening on 127.0.0.1:{port}", flush=True)
    server.serve_forever()
