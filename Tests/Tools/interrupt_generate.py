"""Kills 'scimgen generate' at random moments and checks that no file is ever half-written.

Usage: interrupt_generate.py SCIMGEN WORKDIR ROUNDS SEED

WORKDIR holds Vendors/ and Templates/. Two input states alternate: A (as given) and B (one vendor
renamed, which changes all its files, and one vendor removed, which makes generate delete files).
Reference outputs of A and B are generated first. Then each round switches the inputs, starts
generate into WORKDIR/Site, kills it with SIGKILL after a random delay, and checks:
  - every file in Site has exactly its content under A or under B (never a mix or a truncation);
  - every generated file present is listed in the manifest (kept beside Site, as .Site.scimgen-manifest)
    with the SHA-256 of the bytes it holds, so the next run owns it and may remove it;
  - no temporary file or folder is left but a run's own, named with the token of a run the manifest marks
    unfinished.
Finally a run completes and Site must equal the reference of the final state, with no temporary
files left, and 'scimgen check' must pass. Prints a summary; exits 1 on the first violation.
"""
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time

TEMP_SUFFIX = ".scimgen-tmp"
TEMPORARY = re.compile(r"^\..*\.([0-9a-f]{16})\.scimgen-tmp$")


def tree(root):
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                files[os.path.relpath(path, root)] = handle.read()
    return files


def manifest_path(root):
    """The manifest of an output folder is kept beside it: Site -> .Site.scimgen-manifest."""
    parent, name = os.path.split(os.path.normpath(root))
    return os.path.join(parent, "." + name + ".scimgen-manifest")


def manifest(root):
    """Each listed path with the set of hashes listed for it, and the tokens of unfinished runs."""
    path = manifest_path(root)
    entries, unfinished = {}, set()
    if not os.path.exists(path):
        return entries, unfinished
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    for line in lines[:-1]:  # a half-written last line does not count
        if line.startswith("# unfinished run "):
            unfinished.add(line[len("# unfinished run "):])
        elif line and not line.startswith("#"):
            digest, listed = line[:64], line[66:]
            entries.setdefault(listed, set()).add(digest)
    return entries, unfinished


def main():
    scimgen, work, rounds, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    vendors = os.path.join(work, "Vendors")
    state_a = os.path.join(work, "state-a")
    state_b = os.path.join(work, "state-b")
    shutil.copytree(vendors, state_a)
    shutil.copytree(vendors, state_b)
    ids = sorted(d for d in os.listdir(state_b) if os.path.isdir(os.path.join(state_b, d)))
    renamed, removed = ids[0], ids[-1]
    descriptor = os.path.join(state_b, renamed, "vendor.json")
    with open(descriptor, encoding="utf-8") as handle:
        text = handle.read()
    marker = '"name": "'
    index = text.index(marker) + len(marker)
    with open(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text[:index] + "Renamed " + text[index:])
    shutil.rmtree(os.path.join(state_b, removed))

    def use(state):
        shutil.rmtree(vendors)
        shutil.copytree(state, vendors)

    def generate(out, check=True):
        result = subprocess.run([scimgen, "generate", "--out", out, "--quiet"], cwd=work, capture_output=True)
        if check and result.returncode != 0:
            sys.exit(f"generate failed: {result.stderr.decode()}")
        return result

    references = {}
    durations = []
    for name, state in (("a", state_a), ("b", state_b)):
        use(state)
        start = time.monotonic()
        generate(f"ref-{name}")
        durations.append(time.monotonic() - start)
        references[name] = tree(os.path.join(work, f"ref-{name}"))
    longest = max(durations)

    site = os.path.join(work, "Site")
    kills = 0
    current = "a"
    for number in range(rounds):
        current = "b" if current == "a" else "a"
        use(state_a if current == "a" else state_b)
        process = subprocess.Popen([scimgen, "generate", "--out", "Site", "--quiet"], cwd=work,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, longest * 1.2))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait()
        present = tree(site) if os.path.isdir(site) else {}
        owned, unfinished = manifest(site)
        for path, content in present.items():
            # A run writes a changed file to a temporary file, and a new folder's files into a temporary folder.
            temporary = [TEMPORARY.match(part) for part in path.split(os.sep) if part.endswith(TEMP_SUFFIX)]
            if temporary:
                if not all(match and match.group(1) in unfinished for match in temporary):
                    sys.exit(f"round {number}: {path} is a temporary file of no unfinished run")
                continue
            candidates = [references[s][path] for s in ("a", "b") if path in references[s]]
            if content not in candidates:
                sys.exit(f"round {number}: {path} is neither its old nor its new content ({len(content)} bytes)")
            if path not in owned:
                sys.exit(f"round {number}: {path} exists but the manifest does not list it")
            if hashlib.sha256(content).hexdigest() not in owned[path]:
                sys.exit(f"round {number}: {path} is listed without the hash of the bytes it holds")

    generate("Site")
    present = tree(site)
    if present != references[current]:
        extra = sorted(set(present) - set(references[current]))
        missing = sorted(set(references[current]) - set(present))
        sys.exit(f"after a completed run Site differs from the reference: extra {extra[:5]}, missing {missing[:5]}")
    owned, unfinished = manifest(site)
    expected = {path: {hashlib.sha256(content).hexdigest()} for path, content in references[current].items()}
    if owned != expected or unfinished:
        sys.exit("after a completed run the manifest does not list exactly the generated files and their hashes")
    check = subprocess.run([scimgen, "check", "--out", "Site"], cwd=work, capture_output=True)
    if check.returncode != 0:
        sys.exit(f"check failed after recovery: {check.stderr.decode()[:2000]}")
    print(f"{rounds} rounds, {kills} killed mid-run, every file old or new, manifest consistent, recovered")


if __name__ == "__main__":
    main()
