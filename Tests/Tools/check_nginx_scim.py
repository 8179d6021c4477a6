"""Serves each vendor's SCIM discovery documents with nginx and the generated nginx.conf, and
points SCIM clients nobody here wrote at it: scim2-client's discover() and every scim2-tester
checker tagged 'discovery', plus requests of our own.

Usage: check_nginx_scim.py SCRATCH SITE...

Each SITE is a folder 'scimgen generate --only scim --out' wrote; SCRATCH an empty folder for the
wrapper configuration, nginx's pid, logs and temporary files (the caller's trap reads
SCRATCH/nginx.pid to stop nginx if this script is killed). One nginx serves every vendor, each on
its own free port of 127.0.0.1, in a server block whose root is that vendor's scim/ folder, which
routes <base>/Users to a stand-in for the live service (as an operator would) and then includes
the vendor's nginx.conf. For every vendor:

- every route of routes.json answers GET and HEAD with 200, exactly the file's bytes (GET) and
  Content-Type as the route says (application/scim+json); every JSON document under scim/ is some
  route's file;
- a schema's URL with its URN in other letter cases (upper, lower, swapped, percent-encoded) answers
  the same bytes, and routes.json's rule (caseInsensitiveSuffix) picks that route for it; the
  endpoint name in another case, a URN naming no schema and a URN with more after it answer 404;
- meta.location of every document, and of every resource inside a ListResponse, is the URL it is
  served at (RFC 7643 section 3.1): the route's path, or https://host plus that path;
- a filter query parameter in any spelling a server would decode (any letter case, letters
  percent-encoded, after '&' or ';') answers 403; the other query parameters of RFC 7644 section
  3.4.2 (attributes, excludedAttributes, sortBy, sortOrder, startIndex, count) and look-alikes
  ('filterx', 'a=filter', a double-encoded name) answer 200 with the whole document;
- POST <base>/Schemas/.search and <base>/ResourceTypes/.search answer 403, GET there 405; another
  method on a route 405 with 'Allow'; paths that are not routes (unknown ids, raw file names, the
  base itself, dot-files, routes.json, nginx.conf) 404; each with Content-Type
  application/scim+json and a body scim2-models reads as a SCIM Error of that status (RFC 7644
  section 3.12);
- <base>/Users/... and POST <base>/Users/.search reach the live service's stand-in;
- scim2-client's discover() reads the service; every checker of the pinned scim2-tester tagged
  'discovery' (found in its source, each called on its own, core_schemas_validation included) and
  its random-URL check pass, and so does check_server() with those tags.

A negative control first serves a copy of one vendor whose nginx.conf lost its empty types block
(so files go out as application/json), its case-insensitive schema locations and the encoded
spellings of its filter rule: all three must be found, or this checker checks nothing.
Prints 'VENDOR<TAB>ok<TAB>figures' or 'VENDOR<TAB>failed<TAB>findings' per vendor; exits 2 when
it cannot run (no nginx, nginx -t refuses the configuration, the negative control passes, no
discovery checker found in scim2-tester).
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

import importlib
import inspect
import pkgutil
import re

import httpx2
import scim2_tester.checkers
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_models import Context, Error
from scim2_tester import Status, check_server
from scim2_tester.utils import CheckConfig, CheckContext

SCIM_JSON = "application/scim+json"
TESTER_TAGS = {"discovery", "misc"}
LIVE = "live service stand-in"
# Query strings a server decodes to a 'filter' parameter: each must answer 403.
FILTERS = [
    "filter=userName%20eq%20%22bjensen%22", "FILTER=x", "Filter=x", "count=1&filter=", "filter",
    "%66ilter=x", "%46ILTER=x", "fil%74er=x", "%66%69%6C%74%65%72=x", "%66%69%6c%74%65%72",
    "count=1&%66ilter=x", "a=1;filter=x", "filter=a&filter=b",
]
# Query strings RFC 7644 section 4 says SHALL be ignored, and look-alikes: the whole document answers.
IGNORED = [
    "attributes=id", "excludedAttributes=meta", "sortBy=name&sortOrder=descending",
    "startIndex=2&count=1", "count=0", "count=10&filterx=1", "xfilter=1", "filter_=1", "a=filter",
    "a=%26filter%3Dx", "%2566ilter=x", "filte=x",
]


def discovery_checkers():
    """Every checker function of the installed scim2-tester tagged 'discovery', plus its random-URL
    check ('misc'), found in its source rather than listed here, so that a new one is run too."""
    found = {}
    for module in pkgutil.iter_modules(scim2_tester.checkers.__path__):
        loaded = importlib.import_module(f"scim2_tester.checkers.{module.name}")
        for name, function in vars(loaded).items():
            tags = getattr(function, "tags", None)
            if callable(function) and tags is not None and tags & TESTER_TAGS:
                found[name] = function
    return found


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
            # The operator routes the live service's endpoints with longer prefixes (README).
            f"        location {base_of(folder)}/Users {{ default_type text/plain; return 200 \"{LIVE}\\n\"; }}",
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


def base_of(folder):
    """The base path of the vendor served from `folder`, from its routes.json."""
    with open(os.path.join(folder, "routes.json"), encoding="utf-8") as handle:
        routes = json.load(handle)["routes"]
    return routes[0]["path"][: -len("/ServiceProviderConfig")]


def route_for(routes, path):
    """The route routes.json's rule gives `path` (percent-decoded): the route whose path it is, or
    whose path it is with the caseInsensitiveSuffix in another ASCII letter case."""
    for route in routes:
        if route["path"] == path:
            return route
    for route in routes:
        suffix = route.get("caseInsensitiveSuffix")
        if suffix and route["path"].endswith(suffix):
            prefix = route["path"][: -len(suffix)]
            rest = path[len(prefix):]
            if path.startswith(prefix) and len(rest) == len(suffix) and rest.lower() == suffix.lower():
                return route
    return None


def case_variants(path, suffix):
    """`path` with its URN `suffix` written upper, lower and with swapped letter cases."""
    prefix = path[: -len(suffix)]
    return sorted({prefix + variant for variant in (suffix.upper(), suffix.lower(), suffix.swapcase())} - {path})


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

    # Schema URNs in any letter case answer the same document, as routes.json's rule says.
    variants = 0
    for route in routes:
        suffix = route.get("caseInsensitiveSuffix")
        if not suffix:
            continue
        with open(os.path.join(folder, route["file"]), "rb") as handle:
            expected = handle.read()
        for variant in case_variants(route["path"], suffix):
            variants += 1
            for target in (variant, urllib.parse.quote(variant, safe="/")):
                response = request("GET", target) if target == variant else http.get(target)
                if response.status_code != 200 or response.content != expected:
                    findings.append(f"GET {target}: status {response.status_code}; a schema URL in another letter case "
                                    f"must answer {route['file']}")
            if route_for(routes, variant) is not route:
                findings.append(f"routes.json's rule does not give {variant} the route {route['path']}")
            problem = scim_error(request("GET", f"{variant}?FiLtEr=x"), 403)
            if problem:
                findings.append(f"GET {variant}?FiLtEr=x: {problem}")
        # A final line feed (%0A) too: PCRE's '$' matches before one, so a pattern must end in '\z'.
        unknown = [route["path"].replace("/Schemas/", "/SCHEMAS/"), route["path"] + "x", route["path"] + "/",
                   route["path"][: -len(suffix)] + suffix.upper() + "x", route["path"] + "\n",
                   route["path"][: -len(suffix)] + suffix.upper() + "\n"]
        for path in unknown:
            problem = scim_error(request("GET", path), 404)
            if problem:
                findings.append(f"GET {path}: {problem}")
            if route_for(routes, path) is not None:
                findings.append(f"routes.json's rule gives {path} a route")
    figures["case variants"] = variants

    # Errors: 403 for filters, 405 for other methods, 404 for everything else.
    for route in routes:
        path = route["path"]
        with open(os.path.join(folder, route["file"]), "rb") as handle:
            expected = handle.read()
        for query in FILTERS:
            problem = scim_error(request("GET", f"{path}?{query}"), 403)
            if problem:
                findings.append(f"GET {path}?{query}: {problem}")
        head = request("HEAD", f"{path}?%66ilter=x")
        if head.status_code != 403:
            findings.append(f"HEAD {path}?%66ilter=x: status {head.status_code}, expected 403")
        for query in IGNORED:
            response = request("GET", f"{path}?{query}")
            if response.status_code != 200 or response.content != expected:
                findings.append(f"GET {path}?{query}: status {response.status_code}; a query parameter other "
                                "than 'filter' must be ignored (RFC 7644 section 4)")
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            response = request(method, path, content=b"{}", headers={"Content-Type": SCIM_JSON})
            problem = scim_error(response, 405)
            if problem:
                findings.append(f"{method} {path}: {problem}")
            elif "GET" not in response.headers.get("allow", ""):
                findings.append(f"{method} {path}: 405 without 'Allow: GET, HEAD'")
    # A query in the body (RFC 7644 section 3.4.3) on the two collections: 403, like a filter.
    search = {"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], "filter": 'name eq "User"'}
    for collection in ("Schemas", "ResourceTypes"):
        target = f"{base}/{collection}/.search"
        problem = scim_error(request("POST", target, json=search, headers={"Content-Type": SCIM_JSON}), 403)
        if problem:
            findings.append(f"POST {target}: {problem}")
        response = request("GET", target)
        problem = scim_error(response, 405)
        if problem or response.headers.get("allow") != "POST":
            findings.append(f"GET {target}: {problem or 'no Allow: POST'}")
    # The live service behind the same server keeps its own endpoints, '.search' included.
    for method, target in (("GET", f"{base}/Users/2819c223"), ("POST", f"{base}/Users/.search"), ("GET", f"{base}/Users")):
        response = request(method, target, json=search)
        if response.status_code != 200 or LIVE not in response.text:
            findings.append(f"{method} {target}: status {response.status_code}; the live service's endpoint is taken")
    missing = [
        f"{base}/Nothing", f"{base}/Groups", f"{base}/", base or "/", f"{base}/Schemas/", f"{base}/Schemas/urn:example:unknown",
        f"{base}/ResourceTypes/Nobody", f"{base}/ResourceTypes/user", f"{base}/Schemas.json", f"{base}/ServiceProviderConfig.json",
        f"{base}/ServiceProviderConfig/.search", f"{base}/.scimgen-manifest", "/.scimgen-manifest", "/.git/config",
        "/routes.json", "/nginx.conf",
    ]
    missing += [f"{base}/{route['file']}" for route in routes if "/" in route["file"]]
    for path in missing:
        problem = scim_error(request("GET", path), 404)
        if problem:
            findings.append(f"GET {path}: {problem}")
    figures["errors"] = len(missing) + len(routes) * (len(FILTERS) + 5) + 4

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

    # scim2-tester: every discovery checker on its own, then check_server() with those tags.
    checkers = discovery_checkers()
    tester = SyncSCIMClient(httpx2.Client(base_url=origin + base, timeout=10))
    tester.discover()
    results, ran = [], set()
    for name, function in sorted(checkers.items()):
        context = CheckContext(tester, CheckConfig())
        if "resource_type" in inspect.signature(function).parameters:
            for resource_type in tester.provider.resource_types:
                results += function(context, resource_type)
        else:
            results += function(context)
        ran.add(name)
    results += check_server(SyncSCIMClient(httpx2.Client(base_url=origin + base, timeout=10)), include_tags=TESTER_TAGS)
    passed = [result for result in results if result.status == Status.SUCCESS]
    # check_server() skips the checks outside its tags (the 'crud' ones on discovered resources).
    outside = [result for result in results
               if result.status == Status.SKIPPED and not ((result.tags or set()) & TESTER_TAGS)]
    for result in results:
        if result.status != Status.SUCCESS and not any(result is skipped for skipped in outside):
            findings.append(f"scim2-tester {result.title}: {result.status.name}: {result.reason}")
    if ran != set(checkers) or not passed:
        findings.append(f"scim2-tester ran {sorted(ran)} of {sorted(checkers)}")
    figures["tester"] = (f"{len(checkers)} checkers, {len(passed)} results passed, "
                         f"{len(results) - len(passed) - len(outside)} failed, {len(outside)} crud checks outside the tags skipped")
    figures["tester checks"] = ", ".join(sorted(ran))
    return findings, figures


def negative_control(folder, scratch):
    """A copy of `folder` whose nginx.conf lost its empty types block, its case-insensitive schema
    locations and the percent-encoded spellings of its filter rule."""
    copy = os.path.join(scratch, "control", "scim")
    shutil.copytree(folder, copy)
    config = os.path.join(copy, "nginx.conf")
    with open(config, encoding="utf-8") as handle:
        text = handle.read()
    broken = re.sub(r'if \(\$args ~\* "[^"]*"\)', 'if ($args ~* "(?:^|&)filter(?:=|&|$)")', text)
    broken = re.sub(r'location ~ "\^[^"]*\(\?i:[^"]*" \{\n    rewrite [^\n]*\n\}\n\n', "", broken)
    broken = broken.replace("    types { }\n", "")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(broken)
    edited = "%66" in text and "%66" not in broken and "(?i:" in text and "(?i:" not in broken and "types { }" not in broken
    return copy, edited


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
        print("negative control: the filter rule, the schema patterns or the types block were not found in nginx.conf",
              file=sys.stderr)
        return 2
    checkers = discovery_checkers()
    if "core_schemas_validation" not in checkers or len([name for name in checkers if name != "random_url"]) < 12:
        print(f"scim2-tester's discovery checkers were not found: {sorted(checkers)}", file=sys.stderr)
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
        wanted = ("?%66ilter=x: status 200", "Content-Type 'application/json'", "in another letter case")
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
                print(f"{vendor}\tok\t{figures['routes']} routes, {figures['case variants']} case variants, "
                      f"{figures['errors']} error cases, {figures['requests']} requests; discover(): {figures['discover']}; "
                      f"scim2-tester: {figures['tester']}")
        print(f"scim2-tester checks\t{'ok' if checks else 'failed'}\t{' | '.join(sorted(checks)) or 'no vendor passed them'}")
    finally:
        nginx.stop()
        for _, folder in servers:
            os.remove(os.path.join(folder, ".scimgen-manifest"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
