#!/usr/bin/env bash
# Checks deploy/kubernetes/*.yaml with `kubectl apply --dry-run=client` where no cluster exists.
# kubectl still asks an API server which kinds exist (discovery), so this serves a minimal
# discovery document on loopback; --validate=false because there is no OpenAPI schema to fetch
# (the field-level check is DeployManifestsTest in providers/kubernetes).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port_file="$(mktemp)"
python3 - "$port_file" <<'PY' &
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

def res(name, kind, namespaced, verbs=("create", "get", "list", "patch", "update", "delete")):
    return {"name": name, "singularName": kind.lower(), "namespaced": namespaced, "kind": kind, "verbs": list(verbs)}

docs = {
    "/api": {"kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": []},
    "/apis": {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
        {"name": g, "versions": [{"groupVersion": g + "/v1", "version": "v1"}],
         "preferredVersion": {"groupVersion": g + "/v1", "version": "v1"}}
        for g in ("apps", "rbac.authorization.k8s.io", "networking.k8s.io")]},
    "/api/v1": {"kind": "APIResourceList", "groupVersion": "v1", "resources": [
        res("namespaces", "Namespace", False), res("serviceaccounts", "ServiceAccount", True),
        res("secrets", "Secret", True), res("services", "Service", True), res("configmaps", "ConfigMap", True)]},
    "/apis/apps/v1": {"kind": "APIResourceList", "groupVersion": "apps/v1", "resources": [
        res("deployments", "Deployment", True)]},
    "/apis/rbac.authorization.k8s.io/v1": {"kind": "APIResourceList", "groupVersion": "rbac.authorization.k8s.io/v1",
        "resources": [res("clusterroles", "ClusterRole", False), res("clusterrolebindings", "ClusterRoleBinding", False),
                      res("roles", "Role", True), res("rolebindings", "RoleBinding", True)]},
    "/apis/networking.k8s.io/v1": {"kind": "APIResourceList", "groupVersion": "networking.k8s.io/v1",
        "resources": [res("ingresses", "Ingress", True)]},
}

class Discovery(BaseHTTPRequestHandler):
    def do_GET(self):
        doc = docs.get(self.path.split("?")[0])
        body = json.dumps(doc if doc else {"kind": "Status", "code": 404}).encode()
        self.send_response(200 if doc else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

server = HTTPServer(("127.0.0.1", 0), Discovery)
open(sys.argv[1], "w").write(str(server.server_port))
server.serve_forever()
PY
stub=$!
trap 'kill "$stub" 2>/dev/null; rm -f "$port_file"' EXIT
for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
kubectl apply --dry-run=client --validate=false --server="http://127.0.0.1:$(cat "$port_file")" \
  --cache-dir="$(mktemp -d)" -f "$here/kubernetes/"
