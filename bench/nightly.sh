#!/usr/bin/env bash
# A night of the nightly scraper, simulated (issue 15): a few hundred good
# files (the fixtures and shared/corpus, plus copies under a 250-byte
# name, a name with a newline and a name that is not UTF-8) and the hostile
# ones (bench/hostile/make_hostile.py, a FIFO, a symlink to /dev/zero) in
# one folder, converted by one `plantab extract --jobs 2 -o DIR` run whose
# whole process tree is under `prlimit --as`. It checks:
#
#   1. the run exits 1 (some inputs failed, none took the batch down);
#   2. every input is in the manifest (the symlink leading outside the
#      folder is not an input: it is not followed, with a warning);
#   3. every good file's output (or error code) is byte for byte what the
#      same binary gives for it run alone;
#   4. the peak resident memory of every process (the parent and each
#      worker, sampled from /proc, and the largest one from wait4) stays
#      within the worker cap (--max-memory);
#   5. the wall time is about the good files' batch time plus the hostile
#      files' seconds (timeouts mostly) divided by the jobs: at most
#      1.3 x that + 10 s.
#
#   bench/nightly.sh [BINARY] [--jobs N] [--timeout-secs N] [--max-memory MB]
#                    [--as-gb N] [--good N] [--slow N] [--keep DIR]
#
# Defaults: target/release/plantab (built if missing), --jobs 2,
# --timeout-secs 20, --max-memory 3072 (plantab's default), the tree under
# prlimit --as 4 GiB, every good file found, 4 more copies of the slowest
# hostile file (49,000 pages: read in several seconds, or cut short by a
# low --timeout-secs). Exit 0 when every check
# holds, 1 when one fails, 2 when it cannot run. Needs python3, prlimit
# (util-linux), /usr/bin/time and Linux (/proc).
set -uo pipefail
cd "$(dirname "$0")/.."
exec python3 - "$@" <<'PY'
import argparse, json, os, shutil, subprocess, sys, tempfile, threading, time
from pathlib import Path

ap = argparse.ArgumentParser(prog="bench/nightly.sh")
ap.add_argument("binary", nargs="?", default="target/release/plantab")
ap.add_argument("--jobs", type=int, default=2)
ap.add_argument("--timeout-secs", type=int, default=20)
ap.add_argument("--max-memory", type=int, default=3072)
ap.add_argument("--as-gb", type=int, default=4)
ap.add_argument("--good", type=int, default=0, help="at most this many good files (0: all)")
ap.add_argument("--slow", type=int, default=4,
                help="copies of hostile/pages_edge.pdf (slow, valid) to add")
ap.add_argument("--keep", help="make the folders here and keep them")
a = ap.parse_args()

for tool in ["prlimit", "/usr/bin/time"]:
    if not shutil.which(tool):
        sys.exit(f"needs {tool}")
binary = Path(a.binary)
if not binary.exists() and a.binary == "target/release/plantab":
    if subprocess.run(["cargo", "build", "--release", "-q", "-p", "plantab-cli"]).returncode:
        sys.exit(2)
if not os.access(binary, os.X_OK):
    print(f"no binary at {binary}", file=sys.stderr)
    sys.exit(2)
binary = binary.resolve()

work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="plantab-nightly-"))
if a.keep:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
inp = work / "in"
good_dir, hostile_dir = inp / "good", inp / "hostile"
good_dir.mkdir(parents=True)
hostile_dir.mkdir(parents=True)

# --- the inputs --------------------------------------------------------
exts = {".pdf", ".txt", ".md", ".html", ".htm"}
sources = []
# The corpus kept out of the repository: shared/corpus beside the checkout
# or beside a folder above it (a git worktree).
corpus = next((p / "shared/corpus" for p in Path.cwd().resolve().parents
               if (p / "shared/corpus").is_dir()), None)
if corpus is None:
    print("note: no shared/corpus beside the checkout: fixtures only", file=sys.stderr)
for root in [Path("fixtures"), corpus]:
    if root is None:
        continue
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix.lower() in exts and "fuzz" not in p.parts \
                and p.name not in ("README.md", "MANIFEST.md", "SURVEY.md"):
            sources.append(p)
if a.good:
    sources = sources[: a.good]
good = []
for i, p in enumerate(sources):
    dst = good_dir / f"g{i:03d}-{p.name}"
    shutil.copyfile(p, dst)
    good.append(dst)
# Names the issue found breaking a night: copies of a small text fixture.
small = Path("fixtures/text/003_c94608ba926f5920.txt")
long_stem = "l" * (250 - len(".txt"))
for name in [long_stem + ".txt", "n\nplantab: forged: timeout: x.txt"]:
    shutil.copyfile(small, good_dir / name)
    good.append(good_dir / name)
raw = os.fsdecode(b"u-\xff\xfe.txt")
shutil.copyfile(small, good_dir / raw)
good.append(good_dir / raw)

made = subprocess.run([sys.executable, "bench/hostile/make_hostile.py", str(hostile_dir)],
                      stdout=subprocess.DEVNULL)
if made.returncode:
    sys.exit(2)
# Slow but valid: copies of the 49,000-page case (several seconds each),
# the files a low --timeout-secs cuts short.
for i in range(a.slow):
    shutil.copyfile(hostile_dir / "pages_edge.pdf", hostile_dir / f"slow-{i}.pdf")
os.mkfifo(hostile_dir / "fifo.txt")
os.symlink("/dev/zero", hostile_dir / "zero.txt")
hostile = sorted(p for p in hostile_dir.iterdir() if not p.is_symlink())
print(f"{len(good)} good files, {len(hostile)} hostile files (+ a symlink to /dev/zero) in {inp}")

def flags(out, jobs=a.jobs):
    return ["extract", "-q", "--jobs", str(jobs), "--timeout-secs", str(a.timeout_secs),
            "--max-memory", str(a.max_memory), "-o", str(out)]

def manifest(out):
    return json.loads((out / "manifest.json").read_text())

def key(e):
    return bytes.fromhex(e["path_hex"]) if "path_hex" in e else os.fsencode(e["path"])

# --- the good files alone, and as a batch of their own --------------------
print("each good file alone ...", flush=True)
alone = {}
t0 = time.monotonic()
for i, f in enumerate(good):
    out = work / "alone" / str(i)
    subprocess.run([str(binary)] + flags(out, 1) + [str(f)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    m = manifest(out)
    e = m["inputs"][0]
    body = (out / e["output"]).read_bytes() if e.get("output") else None
    alone[os.fsencode(str(f))] = (e["status"], e.get("error_code"), e.get("output"), body)
alone_secs = time.monotonic() - t0
print("the good files as a batch ...", flush=True)
t0 = time.monotonic()
subprocess.run([str(binary)] + flags(work / "out-good") + [str(good_dir)],
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
good_wall = time.monotonic() - t0

# --- the night ----------------------------------------------------------
out = work / "out"
tv = work / "time.txt"
cmd = ["/usr/bin/time", "-v", "-o", str(tv), "prlimit", f"--as={a.as_gb << 30}", "--",
       str(binary)] + flags(out) + [str(inp)]
print("the night:", " ".join(cmd[4:]), flush=True)
peaks = {}  # pid -> (role, VmHWM kB, VmPeak kB)
done = threading.Event()

def tree(root):
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                ppid = int(open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(d))
    seen, todo = [], [root]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(kids.get(p, []))
    return seen

def sample(root):
    while not done.is_set():
        for pid in tree(root):
            try:
                status = open(f"/proc/{pid}/status").read()
                cmdline = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")
            except OSError:
                continue
            if not cmdline or not cmdline[0].endswith(b"plantab"):
                continue
            vals = {l.split(":")[0]: int(l.split()[1]) for l in status.splitlines()
                    if l.startswith(("VmHWM", "VmPeak"))}
            role = "worker" if b"__worker" in cmdline else "parent"
            old = peaks.get(pid, (role, 0, 0))
            peaks[pid] = (role, max(old[1], vals.get("VmHWM", 0)), max(old[2], vals.get("VmPeak", 0)))
        time.sleep(0.1)

t0 = time.monotonic()
err_path = work / "stderr.txt"
with open(err_path, "wb") as err:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
    sampler = threading.Thread(target=sample, args=(proc.pid,), daemon=True)
    sampler.start()
    rc = proc.wait()
wall = time.monotonic() - t0
done.set()
sampler.join()
stderr_text = err_path.read_text(errors="replace")
tree_max_kb = 0
for line in tv.read_text().splitlines():
    if "Maximum resident set size" in line:
        tree_max_kb = int(line.split(":")[1])

# --- the checks ----------------------------------------------------------
failures = []
def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)

check(rc == 1, f"exit {rc} (1 expected)")
m = manifest(out)
entries = {key(e): e for e in m["inputs"]}
expected = {os.fsencode(str(p)) for p in good + hostile}
missing = expected - set(entries)
extra = set(entries) - expected
check(m["complete"] and not missing and not extra and len(m["inputs"]) == len(expected),
      f"every input in the manifest: {len(m['inputs'])} entries for {len(expected)} inputs"
      + (f"; missing {sorted(missing)[:5]}" if missing else "")
      + (f"; unexpected {sorted(extra)[:5]}" if extra else ""))
check("zero.txt: symlink leads outside the folders named" in stderr_text,
      "the symlink to /dev/zero not followed (warned)")
differ = []
for f, (status, code, name, body) in alone.items():
    e = entries.get(f)
    if e is None:
        differ.append((f, "not in the manifest"))
        continue
    got = (out / e["output"]).read_bytes() if e.get("output") else None
    if (e["status"], e.get("error_code"), e.get("output")) != (status, code, name) or got != body:
        differ.append((f, f"batch {e['status']}/{e.get('error_code')}, alone {status}/{code}"))
check(not differ, f"every good file as it is alone ({len(alone) - len(differ)}/{len(alone)})"
      + "".join(f"\n        {os.fsdecode(f)}: {w}" for f, w in differ[:10]))
cap_kb = a.max_memory * 1024
workers = [v for v in peaks.values() if v[0] == "worker"]
parent = [v for v in peaks.values() if v[0] == "parent"]
w_rss = max((v[1] for v in workers), default=0)
w_vm = max((v[2] for v in workers), default=0)
p_rss = max((v[1] for v in parent), default=0)
check(max(tree_max_kb, w_rss, p_rss) <= cap_kb,
      f"peak RSS within {a.max_memory} MiB: largest process {tree_max_kb // 1024} MiB (wait4), "
      f"parent {p_rss // 1024} MiB, workers {w_rss // 1024} MiB (peak address space "
      f"{w_vm // 1024} MiB, {len(workers)} worker processes seen)")
good_keys = {os.fsencode(str(p)) for p in good}
hostile_entries = [e for k, e in entries.items() if k not in good_keys]
hostile_secs = sum(e["seconds"] for e in hostile_entries)
timeouts = sum(1 for e in hostile_entries if e.get("error_code") == "timeout")
expect = good_wall + hostile_secs / a.jobs
check(wall <= 1.3 * expect + 10,
      f"wall {wall:.1f} s against the good files' batch {good_wall:.1f} s + hostile "
      f"{hostile_secs:.1f} s / {a.jobs} jobs = {expect:.1f} s (ratio {wall / expect:.2f}); "
      f"{timeouts} timeouts at {a.timeout_secs} s")

t = m["totals"]
print(f"\ninputs {t['inputs']}: ok {t['ok']}, failed {t['failed']}, skipped {t.get('skipped', 0)}; "
      f"good files alone one after another: {alone_secs:.1f} s")
codes = {}
for e in hostile_entries:
    codes.setdefault(e.get("error_code") or e["status"], []).append(
        (os.path.basename(e["path"]), e["seconds"]))
print("hostile outcomes:")
for c, fs in sorted(codes.items()):
    print(f"  {c:16} {len(fs):3}  " + ", ".join(f"{n} {s:.1f}s" for n, s in sorted(fs)))
good_failed = {}
for k in good_keys:
    e = entries.get(k)
    if e and e["status"] != "ok":
        good_failed.setdefault(e.get("error_code"), []).append(os.path.basename(e["path"]))
if good_failed:
    print("good files that fail (alone too):",
          "; ".join(f"{c}: {len(v)}" for c, v in sorted(good_failed.items(), key=str)))
if not a.keep:
    shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if failures else 0)
PY
