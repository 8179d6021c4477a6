"""Serves each vendor's SCIM discovery documents with nginx and the generated nginx.conf, and
points SCIM clients nobody here wrote at it: scim2-client's discover() and scim2-tester's
discovery checks, plus requests of our own.

Usage: check_nginx_scim.py SCRATCH SITE...

Each SITE is a folder 'scimgen generate --only scim --out' wrote; SCRATCH an empty folder for the
wrapper configuration, nginx's pid, logs and temporary files (the caller's trap reads
SCRATCH/nginx.pid to stop nginx if this script is killed). One nginx serves every vendor, each on
its own free port of 127.0.0.1, in a server block whose root is that vendor's scim/ folder and
which includes its nginx.conf. For every vendor:

- every route of routes.json answers GET and HEAD with 200, exactly the file's bytes (GET) and
  Content-Type as the route says (application/scim+json); every JSON document under scim/ is some
  route's file;
- meta.location of every document, and of every resource inside a ListResponse, is the URL it is
  served at (RFC 7643 section 3.1): the route's path, or https://host plus that path;
- a filter query on every route answers 403, another method 405 with 'Allow', and paths that are
  not routes (unknown ids, raw file names, the base itself, dot-files, routes.json, nginx.conf)
  answer 404; each with Content-Type application/scim+json and a body scim2-models reads as a
  SCIM Error of that status (RFC 7644 section 3.12);
- scim2-client's discover() reads the service, and every scim2-tester check tagged 'discovery'
  or 'misc' passes.

A negative control first serves a copy of one vendor whose nginx.conf lost its filter rule and its
empty types block (so files go out as application/json): both must be found, or this checker
checks nothing.
Prints 'VENDOR<TAB>ok<TAB>figures' or 'VENDOR<TAB>failed<TAB>findings' per vendor; exits 2 when
it cannot run (no nginx, nginx -t refuses the configuration, the negative control passes).
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse

import httpx2
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_models import Context, Error
from scim2_tester import Status, check_server

SCIM_JSON = "application/scim+json"
TESTER_TAGS = {"discovery", "misc"}


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_binary():
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if not found:
        raise SystemExit("nginx is not installed; Tests/Tools/judges installs it with apt-get")
    return found


def wrapper_config(scratch, servers):
    """The whole nginx configuration: one server per (port, scim folder)."""
    mime = "/etc/nginx/mime.types"
    lines = [
        "worker_processes 1;",
        "daemon off;",
        f"pid {scratch}/nginx.pid;",
        f"error_log {scratch}/error.log warn;",
        "events { worker_connections 64; }",
        "http {",
        # The usual extension mapping, so the test shows the generated types { } overrides it.
        f"    include {mime};" if os.path.exists(mime) else "    types { application/json json; text/html html; }",
        "    default_type application/octet-stream;",
        "    access_log off;",
    ]
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        lines.append(f"    {kind}_temp_path {scratch}/{kind};")
    for port, folder in servers:
        lines += [
            "    server {",
            f"        listen 127.0.0.1:{port};",
            f"        root {folder};",
            f"        include {folder}/nginx.conf;",
            "    }",
        ]
    lines.append("}")
    return "\n".join(lines) + "\n"


class Nginx:
    """nginx in the foreground as a child process, stopped by stop() whatever happens."""

    def __init__(self, binary, scratch, servers):
        self.binary, self.scratch, self.servers, self.process = binary, scratch, servers, None
        self.config = os.path.join(scratch, "nginx.conf")
        with open(self.config, "w", encoding="utf-8") as handle:
            handle.write(wrapper_config(scratch, servers))

    def test(self):
        """nginx -t: the generated blocks are accepted inside a server block."""
        result = subprocess.run(
            [self.binary, "-t", "-q", "-p", self.scratch, "-e", f"{self.scratch}/error.log", "-c", self.config],
            capture_output=True, text=True)
        return result.returncode == 0, (result.stderr + result.stdout).strip()

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "-p", self.scratch, "-e", f"{self.scratch}/error.log", "-c", self.config],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 15
        pending = [port for port, _ in self.servers]
        while pending and time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.process.stderr.read().decode(errors='replace').strip()}")
            try:
                socket.create_connection(("127.0.0.1", pending[0]), timeout=0.5).close()
                pending.pop(0)
            except OSError:
                time.sleep(0.05)
        if pending:
            raise RuntimeError(f"nginx did not listen on port {pending[0]} within 15 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def scim_error(response, status):
    """Why `response` is not a SCIM Error of `status` served as application/scim+json, or None."""
    if response.status_code != status:
        return f"status {response.status_code}, expected {status}"
    content_type = response.headers.get("content-type", "")
    if content_type != SCIM_JSON:
        return f"Content-Type '{content_type}', expected '{SCIM_JSON}'"
    try:
        error = Error.model_validate(response.json(), scim_ctx=Context.RESOURCE_QUERY_RESPONSE)
    except Exception as problem:  # noqa: BLE001 - any rejection is a finding
        return f"body is not a SCIM Error: {str(problem).splitlines()[0]}"
    if error.status != status:
        return f"Error status {error.status}, expected {status}"
    return None


def location_problem(location, path):
    """Why meta.location `location` is not the URL served at `path`, or None."""
    if location == path:
        return None
    parts = urllib.parse.urlsplit(location or "")
    if parts.scheme == "https" and parts.netloc and parts.path == path and not parts.query and not parts.fragment:
        return None
    return f"meta.location '{location}' is not the URL it is served at, '{path}'"


def check_vendor(folder, port):
    """Findings (strings) and figures (dict) for one vendor's folder served on `port`."""
    findings, figures = [], {"requests": 0}
    origin = f"http://127.0.0.1:{port}"
    with open(os.path.join(folder, "routes.json"), encoding="utf-8") as handle:
        routes = json.load(handle)["routes"]
    figures["routes"] = len(routes)
    by_path = {route["path"]: route for route in routes}
    config_paths = [route["path"] for route in routes if route["path"].endswith("/ServiceProviderConfig")]
    if not config_paths:
        return ["routes.json has no /ServiceProviderConfig route"], figures
    base = config_paths[0][: -len("/ServiceProviderConfig")]
    http = httpx2.Client(base_url=origin, timeout=10)

    def request(method, target, **options):
        figures["requests"] += 1
        path, _, query = target.partition("?")
        url = urllib.parse.quote(path, safe="/:@") + ("?" + query if "?" in target else "")
        return http.request(method, url, **options)

    # Every document is reachable through a route, and every route answers with its file.
    documents = set()
    for base_dir, _, names in os.walk(folder):
        documents |= {os.path.relpath(os.path.join(base_dir, name), folder) for name in names
                      if name.endswith(".json") and name != "routes.json"}
    unrouted = documents - {route["file"] for route in routes}
    if unrouted:
        findings.append(f"no route serves {sorted(unrouted)}")
    served = {}
    for route in routes:
        path, file = route["path"], route["file"]
        with open(os.path.join(folder, file), "rb") as handle:
            expected = handle.read()
        response = request("GET", path)
        content_type = response.headers.get("content-type", "")
        if response.status_code != 200:
            findings.append(f"GET {path}: status {response.status_code}")
            continue
        if content_type != route["contentType"]:
            findings.append(f"GET {path}: Content-Type '{content_type}', expected '{route['contentType']}'")
        if response.content != expected:
            findings.append(f"GET {path}: the body differs from {file}")
        if ":" in path:
            # A client may percent-encode the URN's colons; nginx decodes before it matches.
            figures["requests"] += 1
            encoded = http.get(urllib.parse.quote(path, safe="/"))
            if encoded.status_code != 200 or encoded.content != expected:
                findings.append(f"GET {urllib.parse.quote(path, safe='/')}: status {encoded.status_code}")
        head = request("HEAD", path)
        if head.status_code != 200 or head.headers.get("content-type") != route["contentType"]:
            findings.append(f"HEAD {path}: {head.status_code} {head.headers.get('content-type')}")
        document = json.loads(response.content)
        served[path] = document
        if "Resources" not in document:
            problem = location_problem(document.get("meta", {}).get("location"), path)
            if problem:
                findings.append(f"GET {path}: {problem}")
    # Each resource of a ListResponse names the URL that serves it alone, with the same content.
    for path, document in served.items():
        for resource in document.get("Resources", []):
            location = resource.get("meta", {}).get("location", "")
            resource_path = urllib.parse.urlsplit(location).path if location.startswith("https://") else location
            if resource_path not in by_path:
                findings.append(f"GET {path}: a resource's meta.location '{location}' is no route")
            elif served.get(resource_path) != resource:
                findings.append(f"GET {path}: the resource at '{location}' differs from GET {resource_path}")

    # Errors: 403 for filters, 405 for other methods, 404 for everything else.
    for route in routes:
        path = route["path"]
        for query in ("filter=userName%20eq%20%22bjensen%22", "FILTER=x", "count=1&filter=", "filter"):
            problem = scim_error(request("GET", f"{path}?{query}"), 403)
            if problem:
                findings.append(f"GET {path}?{query}: {problem}")
        if request("GET", f"{path}?count=10&filterx=1").status_code != 200:
            findings.append(f"GET {path}?count=10&filterx=1: a query without 'filter' is refused")
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            response = request(method, path, content=b"{}", headers={"Content-Type": SCIM_JSON})
            problem = scim_error(response, 405)
            if problem:
                findings.append(f"{method} {path}: {problem}")
            elif "GET" not in response.headers.get("allow", ""):
                findings.append(f"{method} {path}: 405 without 'Allow: GET, HEAD'")
    missing = [
        f"{base}/Nothing", f"{base}/Users", f"{base}/", base or "/", f"{base}/Schemas/", f"{base}/Schemas/urn:example:unknown",
        f"{base}/ResourceTypes/Nobody", f"{base}/Schemas.json", f"{base}/ServiceProviderConfig.json",
        f"{base}/.scimgen-manifest", "/.scimgen-manifest", "/.git/config", "/routes.json", "/nginx.conf",
    ]
    missing += [f"{base}/{route['file']}" for route in routes if "/" in route["file"]]
    for path in missing:
        problem = scim_error(request("GET", path), 404)
        if problem:
            findings.append(f"GET {path}: {problem}")
    figures["errors"] = len(missing) + len(routes) * 9

    # scim2-client: discover() reads the service as any SCIM client would.
    client = SyncSCIMClient(httpx2.Client(base_url=origin + base, timeout=10))
    try:
        client.discover()
        figures["discover"] = (f"{len(client.provider.resource_types)} resource types, "
                               f"{len(client.provider.models)} models")
        if not client.provider.resource_types or not client.provider.config:
            findings.append("scim2-client discover() found no resource types or no ServiceProviderConfig")
    except Exception as problem:  # noqa: BLE001 - any failure is a finding
        findings.append(f"scim2-client discover(): {type(problem).__name__}: {problem}")

    # scim2-tester: every discovery check (and the random-URL one) passes.
    tester = SyncSCIMClient(httpx2.Client(base_url=origin + base, timeout=10))
    results = check_server(tester, include_tags=TESTER_TAGS)
    passed = [result for result in results if result.status == Status.SUCCESS]
    skipped = [result for result in results if result.status == Status.SKIPPED]
    for result in results:
        if result.status not in (Status.SUCCESS, Status.SKIPPED):
            findings.append(f"scim2-tester {result.title}: {result.status.name}: {result.reason}")
    if not passed:
        findings.append("scim2-tester ran no check")
    figures["tester"] = f"{len(passed)} passed, {len(results) - len(passed) - len(skipped)} failed, {len(skipped)} skipped"
    titles = sorted({result.title for result in passed})
    figures["tester checks"] = ", ".join(titles)
    return findings, figures


def negative_control(folder, scratch):
    """A copy of `folder` whose nginx.conf lost its filter rule and its empty types block."""
    copy = os.path.join(scratch, "control", "scim")
    shutil.copytree(folder, copy)
    config = os.path.join(copy, "nginx.conf")
    with open(config, encoding="utf-8") as handle:
        text = handle.read()
    broken = text.replace('if ($args ~* "(?:^|&)filter(?:=|&|$)")', 'if ($args ~* "^never-matches$")')
    broken = broken.replace("    types { }\n", "")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(broken)
    return copy, broken.count("filter") < text.count("filter") and "types { }" not in broken


def main():
    scratch, sites = os.path.abspath(sys.argv[1]), [os.path.abspath(site) for site in sys.argv[2:]]
    binary = nginx_binary()
    vendors, folders = [], []
    for site in sites:
        found = sorted(name for name in os.listdir(site) if os.path.isfile(os.path.join(site, name, "scim", "nginx.conf")))
        if not found:
            print(f"no vendor with scim/nginx.conf in {site}", file=sys.stderr)
            return 2
        vendors += found
        folders += [os.path.join(site, name, "scim") for name in found]
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        os.makedirs(os.path.join(scratch, kind), exist_ok=True)
    control, edited = negative_control(folders[0], scratch)
    if not edited:
        print("negative control: the filter rule was not found in nginx.conf", file=sys.stderr)
        return 2
    servers = [(free_port(), folder) for folder in folders]
    servers.append((free_port(), control))
    # A dot-file inside each served folder, which must never be served.
    for _, folder in servers:
        with open(os.path.join(folder, ".scimgen-manifest"), "w", encoding="utf-8") as handle:
            handle.write("decoy\n")
    nginx = Nginx(binary, scratch, servers)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        accepted, output = nginx.test()
        if not accepted:
            print(f"nginx -t refuses the generated configuration: {output}", file=sys.stderr)
            return 2
        print(f"nginx -t\tok\t{len(servers)} server blocks including the generated nginx.conf")
        nginx.start()
        control_findings, _ = check_vendor(control, servers[-1][0])
        wanted = ("?filter", "Content-Type 'application/json'")
        if not all(any(marker in finding for finding in control_findings) for marker in wanted):
            print(f"negative control passed: the checker checks nothing ({control_findings})", file=sys.stderr)
            return 2
        print(f"negative control\tok\t{len(control_findings)} findings on a broken copy")
        checks = set()
        for vendor, (port, folder) in zip(vendors, servers):
            findings, figures = check_vendor(folder, port)
            if findings:
                print(f"{vendor}\tfailed\t" + "; ".join(findings[:20]))
            else:
                checks.add(figures["tester checks"])
                print(f"{vendor}\tok\t{figures['routes']} routes, {figures['errors']} error cases, "
                      f"{figures['requests']} requests; discover(): {figures['discover']}; "
                      f"scim2-tester: {figures['tester']}")
        print(f"scim2-tester checks\tok\t{' | '.join(sorted(checks))}")
    finally:
        nginx.stop()
        for _, folder in servers:
            os.remove(os.path.join(folder, ".scimgen-manifest"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
