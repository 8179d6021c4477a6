"""Runs every outside judge over a generated site; called by Tests/Tools/judges.

Usage: judges.py ROOT SITE SCRATCH SCIM...

ROOT is the repository, SITE a folder 'scimgen generate --out' wrote, SCRATCH an empty folder for
nginx, each SCIM a folder 'scimgen generate --only scim --out' wrote. Each judge prints one line
'judge: NAME: N checked' or its findings; any finding, or a judge that checks nothing, exits 1.
Every judge first proves it can fail (a negative control), so that it cannot pass by checking nothing.
"""
import os
import subprocess
import sys
import time

TOOLS = os.path.dirname(os.path.abspath(__file__))


def files_under(folder, suffix):
    found = []
    for base, _, names in os.walk(folder):
        found += [os.path.join(base, name) for name in names if name.endswith(suffix)]
    return sorted(found)


def run_tool(script, arguments):
    """Runs a checker script with this interpreter; its output, or None when it failed."""
    result = subprocess.run(
        [sys.executable, os.path.join(TOOLS, script)] + arguments, capture_output=True, text=True
    )
    if result.returncode != 0:
        print(f"judge: {script} failed ({result.returncode}): {result.stderr.strip()}")
        return None
    return result.stdout


def judge_lines(name, script, arguments, expected):
    """Runs a checker whose output is 'FILE<TAB>verdict...' lines; expected maps FILE to the verdict."""
    output = run_tool(script, arguments)
    if output is None:
        return False
    verdicts = {}
    for line in output.splitlines():
        fields = line.split("\t")
        if len(fields) >= 2:
            verdicts[fields[0]] = (fields[1], "\t".join(fields[2:]))
    ok = True
    for path, want in expected.items():
        got, detail = verdicts.get(path, ("missing", "no verdict"))
        if got != want:
            print(f"judge: {name}: {path}: expected {want}, got {got} {detail}".rstrip())
            ok = False
    if not expected:
        print(f"judge: {name}: nothing to check")
        return False
    print(f"judge: {name}: {len(expected)} checked" + ("" if ok else ", FAILED"))
    return ok


def judge_nginx(scratch, sites):
    """nginx with each vendor's generated nginx.conf, scim2-client and scim2-tester against it."""
    started = time.monotonic()
    output = run_tool("check_nginx_scim.py", [scratch] + sites)
    if output is None:
        return False
    vendors = [name for site in sites for name in sorted(os.listdir(site)) if os.path.isdir(os.path.join(site, name, "scim"))]
    verdicts = {}
    for line in output.splitlines():
        fields = line.split("\t")
        if len(fields) >= 3:
            verdicts[fields[0]] = (fields[1], fields[2])
    ok = True
    for name in ["nginx -t", "negative control"] + vendors + ["scim2-tester checks"]:
        verdict, detail = verdicts.get(name, ("missing", "no verdict"))
        print(f"judge: nginx: {name}: {verdict}: {detail}")
        ok = ok and verdict == "ok"
    if not vendors:
        print("judge: nginx: nothing to check")
        return False
    print(f"judge: nginx: {len(vendors)} vendors checked in {time.monotonic() - started:.1f} s" + ("" if ok else ", FAILED"))
    return ok


def main():
    root, site, scratch, scim_sites = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    results = []

    # scim2-models: every SCIM discovery document with the model its name implies.
    documents = [path for path in files_under(site, ".json") if f"{os.sep}scim{os.sep}" in path
                 and os.path.basename(path) != "routes.json"]
    results.append(judge_lines("scim2-models", "check_scim.py", documents, {path: "ok" for path in documents}))

    # markdown-it-py: every generated Markdown file parses and its tables keep their width.
    pages = files_under(site, ".md")
    results.append(judge_lines("markdown-it-py", "check_markdown.py", pages, {path: "ok" for path in pages}))

    # PyYAML: the front matter of every tutorial and help page (generated, and the fixture vendors'
    # goldens, whose values hold every kind of text) loads as a mapping of strings.
    def has_front_matter(path):
        with open(path, encoding="utf-8") as handle:
            return handle.readline() == "---\n"
    fronted = [path for path in pages + files_under(os.path.join(root, "Tests", "Fixtures", "Golden"), ".md")
               if has_front_matter(path)]
    results.append(judge_lines("PyYAML front matter", "check_front_matter.py", fronted, {path: "ok" for path in fronted}))

    # jsonschema: Vendors/vendor.schema.json accepts the committed descriptors and the well-formed
    # broken fixtures (their faults are about SCIM, which only the Swift validator knows), and
    # refuses every structurally broken fixture.
    expected = {}
    for name in sorted(os.listdir(os.path.join(root, "Vendors"))):
        if os.path.isfile(os.path.join(root, "Vendors", name, "vendor.json")):
            expected[f"Vendors/{name}/vendor.json"] = "valid"
    for group, verdict in (("Structural", "invalid"), ("Semantic", "valid")):
        folder = os.path.join(root, "Tests", "Fixtures", "Broken", group)
        for name in sorted(os.listdir(folder)):
            expected[f"Tests/Fixtures/Broken/{group}/{name}/vendor.json"] = verdict
    results.append(judge_lines("jsonschema", "check_schema.py", [root] + list(expected), expected))

    # nginx serving each vendor's --only scim output with its generated nginx.conf, read by
    # scim2-client's discover() and scim2-tester's discovery checks, plus 404, 403 and 405 cases.
    results.append(judge_nginx(scratch, scim_sites))

    # actionlint (with shellcheck) over the README's GitHub Actions workflow, and pre-commit over
    # .pre-commit-hooks.yaml; each also over a broken copy, which must fail.
    expected = {
        "README.md workflow": "ok", "unknown key (control)": "invalid", "unquoted variable (control)": "invalid",
        ".pre-commit-hooks.yaml": "ok", "missing entry (control)": "invalid",
    }
    results.append(judge_lines("actionlint and pre-commit", "check_workflow.py", [root], expected))

    if not all(results):
        print("judges: FAILED")
        return 1
    print(f"judges: all {len(results)} passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
