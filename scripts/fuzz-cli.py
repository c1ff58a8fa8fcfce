#!/usr/bin/env python3
"""Robustness sweep of the command line: runs the release `sparse-scaling` over every subcommand with edge
values for each number/list/path flag (one temporary folder per run, a timeout per run) and prints findings:
exit by signal or status other than 0/1/2, "Fatal error"/backtraces, NaN/inf on standard output or in written
CSV/JSON (review these: M = inf and echoed paths are legitimate), a refusal that is not one `error:` line naming
a flag, output on standard output or files changed by a refused command, and runs killed at the timeout.

    scripts/fuzz-cli.py [COMMAND]       # COMMAND: theory, point, sweep, ..., experiment (default: all)
    SS_BIN=path SS_TIMEOUT=20 SS_PAR=2 SS_ALL=1 scripts/fuzz-cli.py point

Takes about an hour for everything on 2 cores (the experiments dominate); run it with nice."""
import os, re, shutil, subprocess, sys, tempfile, json, signal
from concurrent.futures import ThreadPoolExecutor

BIN = os.path.abspath(os.environ.get("SS_BIN", os.path.join(os.path.dirname(__file__), "..", ".build", "release", "sparse-scaling")))
TIMEOUT = float(os.environ.get("SS_TIMEOUT", "20"))
WORK = tempfile.mkdtemp(prefix="fuzz-cli-")
FIX = os.path.join(WORK, "fixtures")
RUNS = os.path.join(WORK, "runs")
BIG = ",".join(str(8 + i) for i in range(15000))
EDGE = ["0", "-1", "1e308", "-1e308", "inf", "-inf", "nan", "1e-320", "", "1,,2", "8...4x2", "8...8x1",
        "8,8", "BIG", "1...1e15x1.0000001", "1", "2.5", "1e15", "9223372036854775807", "18446744073709551616"]

def fixtures():
    os.makedirs(FIX, exist_ok=True)
    if not os.path.exists(f"{FIX}/s.sqlite"):
        subprocess.run([BIN, "sweep", "--n", "8,16,32", "--d", "64", "--seeds", "2", "--store", f"{FIX}/s.sqlite", "--quiet"], check=True, capture_output=True)
    with open(f"{FIX}/runs.csv", "w") as f:
        f.write("n,d,loss\n")
        import random; r = random.Random(1)
        for n in [1e6, 3e6, 1e7, 3e7, 1e8]:
            for d in [1e8, 3e8, 1e9, 3e9, 1e10]:
                f.write(f"{n:g},{d:g},{1.7 + 400/n**0.34 + 410/d**0.28 + r.gauss(0,0.003)}\n")
    with open(f"{FIX}/bench.json", "w") as f: f.write("{}")
    with open(f"{FIX}/file", "w") as f: f.write("not a folder")

# (base command, {flag: extra values}); each flag gets EDGE + extras substituted (or appended).
S = ["--store", "s.sqlite"]
BASES = [
    (["theory", "--n", "100", "--d", "1000"], ["--alpha", "--beta", "--n", "--d", "--m", "--compute-a", "--compute-b", "--noise", "--out"]),
    (["point", "--n", "8", "--d", "16"], ["--alpha", "--beta", "--n", "--d", "--m", "--ridge", "--tolerance", "--noise", "--seed", "--max-memory", "--out"]),
    (["point", "--n", "8", "--d", "16", "--solver", "gd"], ["--eta", "--gradient-tolerance", "--max-iterations"]),
    (["point", "--n", "8", "--d", "16", "--solver", "sgd"], ["--eta", "--batch-size", "--max-iterations"]),
    (["point", "--n", "8", "--d", "16", "--solver", "online"], ["--eta", "--eta-decay", "--d"]),
    (["point", "--n", "8", "--d", "16", "--features", "relu", "--solver", "direct"], ["--test-samples", "--ridge", "--tolerance"]),
    (["point", "--n", "8", "--d", "16", "--data", "dense", "--m", "32"], ["--m", "--ridge", "--n", "--d"]),
    (["sweep", "--n", "8,16", "--d", "32", "--seeds", "2"] + S, ["--alpha", "--beta", "--n", "--d", "--m", "--ridge", "--noise", "--store", "--shard", "--threads", "--max-memory", "--seeds", "--first-seed", "--fit-tail", "--out", "--plot", "--tag"]),
    (["sweep", "--d", "32,64", "--n-per-d", "0.5", "--seeds", "2"] + S, ["--n-per-d"]),
    (["export", "--n", "8", "--d", "16", "--out", "out"], ["--alpha", "--beta", "--n", "--d", "--m", "--ridge", "--noise", "--seed", "--max-export-mb", "--max-memory", "--out"]),
    (["plot", "--n", "8,16,32", "--d", "64", "--store", "s.sqlite", "--out", "p.svg"], ["--alpha", "--beta", "--n", "--d", "--seeds", "--first-seed", "--fit-tail", "--store", "--out", "--ridge", "--noise"]),
    (["results", "--store", "s.sqlite"], ["--store", "--out", "--format"]),
    (["merge", "s.sqlite", "--into", "t.sqlite"], ["--into", "--prefer"]),
    (["calibrate", "--data", "runs.csv", "--bootstrap", "0", "--folds", "0", "--quiet"], ["--data", "--bootstrap", "--seed", "--compute", "--folds", "--drop-highest-losses", "--out", "--n-column"]),
    (["calibrate-coverage", "--tables", "1", "--bootstrap", "20", "--quiet"], ["--tables", "--alpha", "--beta", "--seed", "--bootstrap"]),
    (["bench", "--render", "bench.json"], ["--render"]),
    (["reproduce", "--out", "r", "--max-memory", "1"], ["--alpha", "--beta", "--gd-alpha", "--threads", "--max-memory", "--out", "--profile"]),
]
EXP = {
    "linear-sweeps": ["--n", "--d", "--alpha", "--beta", "--seeds", "--noise", "--shard", "--threads", "--max-memory", "--out"],
    "collapse": ["--d", "--alpha", "--beta", "--seeds", "--noise", "--max-memory"],
    "frontier": ["--n", "--d", "--alpha", "--beta", "--seeds", "--noise"],
    "model-rich-loss": ["--d", "--alpha", "--beta", "--seeds", "--noise"],
    "relu-sweeps": ["--n", "--d", "--alpha", "--beta", "--seeds", "--noise"],
    "observed-coordinates": ["--d", "--alpha", "--beta", "--seeds", "--max-memory"],
    "gd-failure": ["--n", "--d", "--alpha", "--beta", "--replicates", "--eta", "--threshold", "--seed", "--max-memory"],
    "curve": ["--settings", "--seeds", "--under-seeds", "--max-memory"],
    "label-noise": ["--n", "--d", "--alpha", "--beta", "--seeds"],
    "online": ["--n", "--steps", "--eta", "--alpha", "--beta", "--seeds", "--max-memory"],
}
EXPBASE = {
    "linear-sweeps": ["--n", "8,16", "--d", "32,64", "--seeds", "1"],
    "collapse": ["--d", "32,64", "--seeds", "1"],
    "frontier": ["--n", "8,16", "--d", "32,64", "--seeds", "1"],
    "model-rich-loss": ["--d", "32,64", "--seeds", "1"],
    "relu-sweeps": ["--n", "8,16", "--d", "32,64", "--seeds", "1"],
    "observed-coordinates": ["--d", "32,64", "--seeds", "1"],
    "gd-failure": ["--d", "100,200", "--replicates", "5"],
    "curve": ["--settings", "0:2:64", "--seeds", "2"],
    "label-noise": ["--n", "8,16", "--d", "32,64", "--seeds", "1"],
    "online": ["--n", "8,16", "--steps", "100", "--seeds", "1"],
}
for e, flags in EXP.items():
    extra = [] if e == "gd-failure" else ["--out", "out"]
    BASES.append((["experiment", e] + EXPBASE[e] + extra + ["--quiet"], flags))

def substitute(base, flag, value):
    args = list(base)
    if flag in args:
        i = args.index(flag); args[i + 1] = value
    else:
        args += [flag, value]
    return args

def snapshot(d):
    out = {}
    for root, _, files in os.walk(d):
        for f in files:
            p = os.path.join(root, f)
            try: out[os.path.relpath(p, d)] = (os.path.getsize(p), open(p, "rb").read())
            except Exception: out[p] = None
    for root, dirs, _ in os.walk(d):
        for x in dirs: out[os.path.relpath(os.path.join(root, x), d) + "/"] = 0
    return out

NONFINITE = re.compile(r"(?<![a-z_])(-?nan|[-+]?inf|infinity)(?![a-z_])", re.I)

def run(args):
    tmp = tempfile.mkdtemp(prefix="fz", dir=RUNS)
    for f in os.listdir(FIX): shutil.copy(os.path.join(FIX, f), tmp)
    args = [BIG if a == "BIG" else a for a in args]
    before = snapshot(tmp)
    p = subprocess.Popen([BIN] + args, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = p.communicate(timeout=TIMEOUT); timed = False
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL); out, err = p.communicate(); timed = True
    out = out.decode(errors="replace"); err = err.decode(errors="replace")
    rc = p.returncode
    after = snapshot(tmp)
    finds = []
    shown = " ".join(a if len(a) < 60 else a[:20] + "…(big list)" for a in args)
    if timed: finds.append("TIMEOUT" + (" (progress)" if err.strip() else " (silent)"))
    elif rc < 0: finds.append(f"SIGNAL {-rc}")
    elif rc not in (0, 1, 2): finds.append(f"EXIT {rc}")
    if "Fatal error" in err or "Backtrace" in err or "Crash" in err: finds.append("FATAL")
    if not timed and rc in (1, 2):
        lines = [l for l in err.splitlines() if l.strip()]
        errlines = [l for l in lines if l.startswith("error:")]
        if len(lines) != 1 or not lines[0].startswith("error:"): finds.append(f"MULTILINE/NOERR({len(lines)})")
        if errlines and "--" not in errlines[0] and "sqlite" not in errlines[0]: finds.append("NOFLAG")
        if before != after: finds.append("FILES CHANGED: " + ",".join(sorted(set(after) ^ set(before)) or ["(content)"]))
        if out.strip(): finds.append("STDOUT ON REFUSAL")
    if rc == 0:
        # nan/inf in stdout results; ignore m column 'inf' as echo
        for line in out.splitlines():
            l = line.strip()
            if re.match(r'^("m"\s*:|m\s|\|\s*m\s)', l, re.I): continue
            m = NONFINITE.search(l.replace('M = inf', 'M'))
            if m and not re.search(r'"m"\s*:\s*"inf"', l):
                finds.append("NONFINITE: " + l[:160]); break
        # nan in written files
        for f in set(after) - set(before):
            if f.endswith((".csv", ".json")):
                txt = open(os.path.join(tmp, f), errors="replace").read()
                if re.search(r"(?<![a-z_])(nan|NaN)(?![a-z_])", txt): finds.append(f"NAN IN FILE {f}")
    shutil.rmtree(tmp, ignore_errors=True)
    first = err.strip().splitlines()[0][:200] if err.strip() else ""
    return shown, rc, finds, first, out[:300]

def main():
    fixtures(); os.makedirs(RUNS, exist_ok=True)
    jobs = []
    only = sys.argv[1] if len(sys.argv) > 1 else None
    for base, flags in BASES:
        if only and base[0] != only and (len(base) < 2 or base[1] != only): continue
        jobs.append(base)
        for flag in flags:
            for v in EDGE: jobs.append(substitute(base, flag, v))
    for extra in EXTRA:
        if not only or extra[0] == only: jobs.append(extra)
    print(f"{len(jobs)} runs", flush=True)
    with ThreadPoolExecutor(int(os.environ.get("SS_PAR", "2"))) as ex:
        for shown, rc, finds, first, out in ex.map(run, jobs):
            tag = "FIND" if finds else "ok  "
            if finds or os.environ.get("SS_ALL"):
                print(f"{tag} rc={rc} {shown}\n     {finds}\n     err: {first}", flush=True)

EXTRA = [
    ["point", "--n", "1", "--d", "1"], ["point", "--n", "1", "--d", "1", "--m", "1", "--beta", "0.5"],
    ["point", "--n", "8", "--d", "16", "--alpha", "-1.999999", "--beta", "2"],
    ["point", "--n", "8", "--d", "16", "--alpha", "0", "--beta", "1", "--m", "100"],
    ["point", "--n", "8", "--d", "16", "--alpha", "0", "--beta", "1.0000001"],
    ["point", "--n", "8", "--d", "16", "--alpha", "0", "--beta", "0", "--m", "10"],
    ["point", "--n", "8", "--d", "16", "--alpha", "1e300", "--beta", "2"],
    ["point", "--n", "8", "--d", "16", "--noise", "1e300"], ["point", "--n", "8", "--d", "16", "--noise", "1e-300"],
    ["point", "--n", "8", "--d", "16", "--ridge", "1e300"], ["point", "--n", "8", "--d", "16", "--ridge", "1e-300"],
    ["point", "--n", "8", "--d", "16", "--solver", "gd", "--eta", "1e300"],
    ["point", "--n", "8", "--d", "16", "--solver", "nesterov", "--eta", "1e300"],
    ["point", "--n", "8", "--d", "16", "--solver", "sgd", "--eta", "1e300"],
    ["point", "--n", "8", "--d", "16", "--solver", "online", "--eta", "1e300"],
    ["point", "--n", "8", "--d", "16", "--solver", "online", "--eta", "1e-300"],
    ["point", "--n", "8", "--d", "1e15", "--solver", "online"],
    ["point", "--n", "8", "--d", "16", "--data", "dense", "--m", "1"],
    ["point", "--n", "8", "--d", "16", "--data", "dense", "--m", "1", "--noise", "1e300"],
    ["sweep", "--n", "8", "--d", "16", "--seeds", "100000", "--store", "s.sqlite"],
    ["sweep", "--n", "8", "--d", "16", "--threads", "1000", "--store", "s.sqlite"],
    ["sweep", "--n", "8", "--d", "16", "--max-memory", "1", "--store", "s.sqlite"],
    ["sweep", "--n", "8", "--d", "16", "--shard", "0/1", "--store", "s.sqlite"],
    ["sweep", "--n", "8", "--d", "16", "--shard", "1/0", "--store", "s.sqlite"],
    ["sweep", "--n", "8", "--d", "16", "--store", "/proc/x.sqlite"],
    ["sweep", "--n", "8", "--d", "16", "--store", "."],
    ["sweep", "--n", "8", "--d", "16", "--store", "nodir/x.sqlite"],
    ["sweep", "--n", "8", "--d", "16", "--store", "s.sqlite", "--out", "/proc/x"],
    ["sweep", "--n", "8", "--d", "16", "--store", "s.sqlite", "--plot", "/proc/x.svg"],
    ["sweep", "--n", "8", "--d", "16", "--store", "s.sqlite", "--plot", "."],
    ["sweep", "--n", "8...8x1", "--d", "16", "--store", "s.sqlite"],
    ["sweep", "--n", "8...8x2", "--d", "16", "--store", "s.sqlite"],
    ["sweep", "--n", "8", "--d", "16", "--store", "s.sqlite", "--solver", "online", "--eta", "1e300"],
    ["sweep", "--n", "8", "--d", "16", "--store", "s.sqlite", "--solver", "gd", "--eta", "1e300"],
    ["sweep", "--n", "8", "--d", "16", "--store", "s.sqlite", "--noise", "1e300"],
    ["sweep", "--n", "8,16,32", "--d", "16", "--store", "s.sqlite", "--ridge", "1e300"],
    ["theory", "--alpha", "-1.9999999999", "--beta", "2"], ["theory", "--alpha", "0", "--beta", "1", "--m", "100"],
    ["theory", "--noise", "1e300"], ["theory", "--noise", "1e-320"], ["theory", "--n", "1", "--d", "1"],
    ["theory", "--compute-a", "1e308", "--compute-b", "1e308"],
    ["export", "--n", "1", "--d", "1", "--out", "out"], ["export", "--n", "8", "--d", "16", "--out", "/proc/x"],
    ["export", "--n", "8", "--d", "16", "--out", "."],
    ["results", "--store", "."], ["results", "--store", "s.sqlite", "--out", "."], ["results", "--store", "s.sqlite", "--out", "/proc/x"],
    ["merge", "s.sqlite", "--into", "s.sqlite"], ["merge", ".", "--into", "t.sqlite"], ["merge", "s.sqlite", "--into", "."],
    ["merge", "s.sqlite", "--into", "/proc/t.sqlite"], ["merge", "--into", "t.sqlite"],
    ["merge", "s.sqlite", "runs.csv", "--into", "t.sqlite"],
    ["plot", "--n", "8,16,32", "--d", "64", "--store", "s.sqlite", "--out", "."],
    ["plot", "--n", "8,16,32", "--d", "64", "--store", "s.sqlite", "--out", "/proc/p.svg"],
    ["plot", "--n", "8,16,32", "--d", "128", "--store", "s.sqlite", "--out", "p.svg"],
    ["plot", "--n", "8", "--d", "64", "--store", "s.sqlite", "--out", "p.svg"],
    ["calibrate", "--data", "."], ["calibrate", "--data", "s.sqlite"], ["calibrate", "--data", "/dev/null"],
    ["calibrate", "--data", "runs.csv", "--out", "/proc/x"], ["calibrate", "--data", "runs.csv", "--out", "file"],
    ["calibrate", "--data", "runs.csv", "--n-column", "loss"], ["calibrate", "--data", "runs.csv", "--d-column", "n"],
    ["calibrate", "--data", "runs.csv", "--drop-highest-losses", "24"],
    ["bench", "--render", "."], ["bench", "--render", "/dev/null"], ["bench", "--render", "nothere.json"], ["bench", "--render", "s.sqlite"],
    ["bench", "--render", "runs.csv"],
    ["reproduce", "--out", "file", "--max-memory", "1"], ["reproduce", "--out", "/proc/x"],
    ["reproduce", "--threads", "0"], ["reproduce", "--threads", "1000"],
    ["experiment", "gd-failure", "--d", "1", "--replicates", "2"], ["experiment", "gd-failure", "--d", "2", "--replicates", "2"],
    ["experiment", "gd-failure", "--d", "100", "--replicates", "2", "--eta", "1e300"],
    ["experiment", "gd-failure", "--d", "100", "--replicates", "2", "--eta", "1e-300"],
    ["experiment", "gd-failure", "--d", "100", "--n", "1", "--replicates", "2"],
    ["experiment", "online", "--n", "1", "--steps", "100", "--seeds", "1", "--out", "out"],
    ["experiment", "online", "--n", "8", "--steps", "1e15", "--seeds", "1", "--out", "out"],
    ["experiment", "online", "--n", "8", "--steps", "100", "--eta", "1e300", "--seeds", "1", "--out", "out"],
    ["experiment", "curve", "--settings", "0:2:1", "--seeds", "2", "--out", "out"],
    ["experiment", "curve", "--settings", "0:1:64", "--seeds", "2", "--out", "out"],
    ["experiment", "curve", "--settings", "-1.99:2:64", "--seeds", "2", "--out", "out"],
    ["experiment", "curve", "--settings", "nan:2:64", "--seeds", "2", "--out", "out"],
    ["experiment", "curve", "--settings", "", "--seeds", "2", "--out", "out"],
    ["experiment", "curve", "--settings", "0:2:64,0:2:64", "--seeds", "2", "--out", "out"],
    ["experiment", "collapse", "--d", "1", "--seeds", "1", "--out", "out"],
    ["experiment", "linear-sweeps", "--n", "1", "--d", "1", "--seeds", "1", "--out", "out"],
    ["experiment", "observed-coordinates", "--d", "1", "--seeds", "1", "--out", "out"],
    ["experiment", "label-noise", "--n", "1", "--d", "1", "--seeds", "1", "--out", "out"],
    ["experiment", "frontier", "--n", "8", "--d", "64", "--seeds", "1", "--out", "out"],
    ["experiment", "model-rich-loss", "--d", "1", "--seeds", "1", "--out", "out"],
]

if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
