"""Lints the docs team's tooling: the GitHub Actions workflow printed in the README (actionlint, with
shellcheck for its scripts) and .pre-commit-hooks.yaml (pre-commit's own manifest check).

Usage: check_workflow.py ROOT
Prints one line per subject: 'NAME<TAB>ok' or 'NAME<TAB>invalid<TAB>first finding'. Each tool also
judges a broken copy (a control), which must come out invalid, so that a tool that checks nothing
cannot pass.
"""
import os
import subprocess
import sys
import tempfile

BIN = os.path.dirname(sys.executable)
MARKER = "<!-- .github/workflows/scimgen.yml -->\n```yaml\n"


def workflow(root):
    """The workflow block of the README, as the Swift test reads it."""
    with open(os.path.join(root, "README.md"), encoding="utf-8") as handle:
        readme = handle.read()
    start = readme.index(MARKER) + len(MARKER)
    return readme[start:readme.index("\n```\n", start)] + "\n"


def verdict(name, command, cwd):
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    findings = (result.stdout + result.stderr).strip()
    if result.returncode == 0:
        print(f"{name}\tok")
    else:
        print(f"{name}\tinvalid\t{findings.splitlines()[0] if findings else result.returncode}")


def lint_workflow(name, text, scratch):
    folder = os.path.join(scratch, name.replace(" ", "-"), ".github", "workflows")
    os.makedirs(folder)
    path = os.path.join(folder, "scimgen.yml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    actionlint = os.path.join(BIN, "actionlint")
    shellcheck = os.path.join(BIN, "shellcheck")
    verdict(name, [actionlint, "-no-color", "-shellcheck", shellcheck, path], os.path.dirname(os.path.dirname(folder)))


def main():
    root = sys.argv[1]
    text = workflow(root)
    with tempfile.TemporaryDirectory() as scratch:
        lint_workflow("README.md workflow", text, scratch)
        lint_workflow("unknown key (control)", text.replace("    runs-on:", "    bogus-key: 1\n    runs-on:", 1), scratch)
        lint_workflow("unquoted variable (control)", text.replace('--base "$BASE"', "--base $BASE", 1), scratch)

        pre_commit = os.path.join(BIN, "pre-commit")
        verdict(".pre-commit-hooks.yaml", [pre_commit, "validate-manifest", os.path.join(root, ".pre-commit-hooks.yaml")], root)
        with open(os.path.join(root, ".pre-commit-hooks.yaml"), encoding="utf-8") as handle:
            manifest = handle.read()
        broken = os.path.join(scratch, "broken-hooks.yaml")
        with open(broken, "w", encoding="utf-8") as handle:
            handle.write(manifest.replace("  entry: scimgen check\n", "", 1))
        verdict("missing entry (control)", [pre_commit, "validate-manifest", broken], scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
