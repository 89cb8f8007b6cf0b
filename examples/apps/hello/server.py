"""The example app: a small HTTP server on $PORT that prints one line per request.

GET /        -> "Hello from <PS>" (PS is the instance id the runtime sets, e.g. web.1)
GET /config  -> the value of the config var GREETING

Add a route by writing a function that returns the body and listing it in ROUTES.
Standard library only, so deploying it downloads nothing.
"""
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def hello():
    return f"Hello from {os.environ.get('PS', 'unknown')}\n"


def config():
    return os.environ.get("GREETING", "(GREETING is not set)") + "\n"


ROUTES = {"/": hello, "/config": config}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        route = ROUTES.get(self.path.split("?", 1)[0])
        status, body = (200, route()) if route else (404, "not found\n")
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
