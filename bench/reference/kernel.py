"""Vectorised numpy reference of chengzhen's kernel (model.md sections 1-3 and `n`).

Reads a `chengzhen-kernel/1` problem document, projects every year with whole-array numpy
operations on arrays shaped (R, 3, 2, A+1), times repeated projections with
time.perf_counter (warm-up, then several rounds) and prints one JSON object on stdout:
timings in seconds, the sparse scatter method used, numpy's version and its BLAS.

With --serve it times rounds on request instead (a line `run K` on stdin answers with the
seconds of K projections), so that the caller can interleave them with its own rounds.

With --out it also writes the final-year population followed by every flow (births, deaths,
ruralToUrban, reclassified, conversions, returns, netInternational, inMigrants, outMigrants,
netMigration; each years x R, step major) as little-endian float64, so that the caller can check agreement with the TypeScript
kernel before it reports any timing.

The arithmetic mirrors src/kernel/step.ts where it matters for agreement: stayers are
rural * (1 - m - c) and migrant * (1 - k - q) (a share <= 0 gives 0), hukou' is
S_hukou + (ins + conv), and the movers' sums are added to the population after the
transitions. Sums run in numpy's order, so agreement is to about 1e-15, not bit for bit.

Usage: python3 kernel.py PROBLEM.json [--out RESULT.f64] [--rounds 7] [--warmup 2] [--serve]
                         [--sparse-method auto|add.at|bincount|reduceat|scipy]
"""

import argparse
import json
import os
import statistics
import sys
import time

import numpy as np

FLOWS = [
    "births",
    "deaths",
    "ruralToUrban",
    "reclassified",
    "conversions",
    "returns",
    "netInternational",
    "inMigrants",
    "outMigrants",
    "netMigration",
]
SPARSE_METHODS = ["add.at", "bincount", "reduceat"]


# ---------------------------------------------------------------------------------------------
# loading


def is_per_year(value):
    """Same rule as the TypeScript parser: a list whose first entry is itself a list or object."""
    return isinstance(value, list) and len(value) > 0 and isinstance(value[0], (list, dict))


def arrays(value, shape):
    parts = value if is_per_year(value) else [value]
    return [np.asarray(v, dtype=np.float64).reshape(shape) for v in parts]


def matrix(value, R):
    if value is None:
        return {"kind": "identity"}
    if isinstance(value, dict):
        links = value["sparse"]
        return {
            "kind": "sparse",
            "from": np.asarray(links["from"], dtype=np.int64),
            "to": np.asarray(links["to"], dtype=np.int64),
            "share": np.asarray(links["share"], dtype=np.float64),
        }
    return {"kind": "dense", "values": np.asarray(value, dtype=np.float64).reshape(R, R)}


def matrices(value, R):
    if value is None:
        return [matrix(None, R)]
    if isinstance(value, list) and len(value) > 0 and isinstance(value[0], (list, dict)):
        return [matrix(v, R) for v in value]
    return [matrix(value, R)]


def load(path):
    with open(path, "r", encoding="utf-8") as f:
        doc = json.load(f)
    if doc.get("format") != "chengzhen-kernel/1":
        raise SystemExit(f"{path}: not a chengzhen-kernel/1 document")
    R = len(doc["dims"]["regions"])
    A = doc["dims"]["maxAge"]
    A1 = A + 1
    i = doc["inputs"]
    return {
        "R": R,
        "A": A,
        "years": doc["years"],
        "population": np.asarray(doc["population"], dtype=np.float64).reshape(R, 3, 2, A1),
        "sx": arrays(i["sx"], (R, 3, 2, A1)),
        "sb": arrays(i["sb"], (R, 3, 2)),
        "fx": arrays(i["fx"], (R, 3, A1)),
        "srb": arrays(i["srb"], (R,)),
        "m": arrays(i["m"], (R, 2, A1)),
        "c": arrays(i["c"], (R,)),
        "k": arrays(i["k"], (R, 2, A1)),
        "q": arrays(i["q"], (R, 2, A1)),
        "D": matrices(i.get("D"), R),
        "E": matrices(i.get("E"), R),
        "n": arrays(i["n"], (R, 3, 2, A1)) if "n" in i else [],
    }


# ---------------------------------------------------------------------------------------------
# moves between regions (model.md section 3 step 4)


class Moves:
    """One movers' matrix prepared for repeated use: `add(target, movers)` adds
    sum_i movers[i] * M[i][j] to target[j], both (R, block)."""

    def __init__(self, m, R, block, method):
        self.kind = m["kind"]
        self.method = method
        if self.kind == "dense":
            self.MT = np.ascontiguousarray(m["values"].T)
            # migration between regions: the shares to other regions (the diagonal stays home)
            self.away = m["values"].copy()
            np.fill_diagonal(self.away, 0.0)
            self.awaySum = self.away.sum(axis=1)
        elif self.kind == "sparse":
            frm, to, share = m["from"], m["to"], m["share"]
            other = frm != to
            self.linkFrom, self.linkTo, self.linkShare = frm[other], to[other], share[other]
            self.awaySum = np.bincount(self.linkFrom, weights=self.linkShare, minlength=R)
            self.R = R
            if method == "bincount":
                self.frm, self.w = frm, share[:, None]
                self.index = (to[:, None] * block + np.arange(block)[None, :]).ravel()
                self.size = R * block
            elif method == "reduceat":
                order = np.argsort(to, kind="stable")
                to_sorted = to[order]
                starts = np.flatnonzero(np.r_[True, to_sorted[1:] != to_sorted[:-1]])
                self.frm, self.w = frm[order], share[order][:, None]
                self.starts, self.dest = starts, to_sorted[starts]
            elif method == "scipy":
                from scipy.sparse import csr_matrix

                self.MT = csr_matrix((share, (to, frm)), shape=(R, R))
            else:  # add.at
                self.frm, self.to, self.w = frm, to, share[:, None]

    def add(self, target, movers):
        if self.kind == "identity":
            target += movers
        elif self.kind == "dense":
            target += self.MT @ movers
        elif self.method == "bincount":
            contrib = self.w * movers[self.frm]
            target += np.bincount(self.index, weights=contrib.ravel(), minlength=self.size).reshape(target.shape)
        elif self.method == "reduceat":
            contrib = self.w * movers[self.frm]
            target[self.dest] += np.add.reduceat(contrib, self.starts, axis=0)
        elif self.method == "scipy":
            target += self.MT @ movers
        else:
            np.add.at(target, self.to, self.w * movers[self.frm])

    def migration(self, x, inflow, outflow):
        """Adds the movers who change region, from the totals by origin `x` (R): in-migrants
        `sum_{i != j} x_i M[i][j]` to `inflow`, out-migrants `x_i sum_{j != i} M[i][j]` to `outflow`."""
        if self.kind == "identity":
            return
        outflow += x * self.awaySum
        if self.kind == "dense":
            inflow += x @ self.away
        else:
            inflow += np.bincount(self.linkTo, weights=x[self.linkFrom] * self.linkShare, minlength=self.R)


# ---------------------------------------------------------------------------------------------
# the projection


def pick(values, t):
    return values[0] if len(values) == 1 else values[t]


def prepare(prob, method):
    """Per-problem work that a careful numpy user hoists out of the year loop, done once for
    every distinct input array (constant inputs once, per-year inputs once a year)."""
    R, A1 = prob["R"], prob["A"] + 1
    block = 2 * A1
    cache = {}

    def once(key, make):
        if key not in cache:
            cache[key] = make()
        return cache[key]

    steps = []
    for t in range(prob["years"]):
        sx, sb, m, c, k, q = (pick(prob[name], t) for name in ("sx", "sb", "m", "c", "k", "q"))
        D, E = pick(prob["D"], t), pick(prob["E"], t)
        n = pick(prob["n"], t) if prob["n"] else None
        srb = pick(prob["srb"], t)
        steps.append(
            {
                "sx": sx,
                "qx": once(("qx", id(sx)), lambda: 1.0 - sx),
                "sb": sb,
                "qb": once(("qb", id(sb)), lambda: 1.0 - sb),
                "fx": pick(prob["fx"], t),
                "srb": srb[:, None],
                "srb1": once(("srb1", id(srb)), lambda: (1.0 + srb)[:, None]),
                "m": m,
                "c": c[:, None, None],
                "k": k,
                "q": q,
                # stayers' shares as src/kernel/step.ts takes them: (1 - m) - c, clipped at 0
                "ruralStay": once(("rs", id(m), id(c)), lambda: np.maximum((1.0 - m) - c[:, None, None], 0.0)),
                "migrantStay": once(("ms", id(k), id(q)), lambda: np.maximum((1.0 - k) - q, 0.0)),
                "D": once(("D", id(D)), lambda: Moves(D, R, block, method)),
                "E": once(("E", id(E)), lambda: Moves(E, R, block, method)),
                "n": n,
                "nSum": once(("n", id(n)), lambda: None if n is None else n.reshape(R, -1).sum(axis=1)),
            }
        )
    return steps


def project(prob, method, flows=None):
    """Runs every step and returns the final population; fills `flows` (7, years, R) if given."""
    R, A = prob["R"], prob["A"]
    A1 = A + 1
    block = 2 * A1
    steps = prepare(prob, method)
    P = prob["population"].copy()
    S = np.empty_like(P)
    for t, x in enumerate(steps):
        sx = x["sx"]
        # 1. survive and age
        np.multiply(P[..., : A - 1], sx[..., : A - 1], out=S[..., 1:A])
        S[..., A] = P[..., A - 1] * sx[..., A - 1] + P[..., A] * sx[..., A]
        deaths = np.einsum("ij,ij->i", P.reshape(R, -1), x["qx"].reshape(R, -1))
        # 2. births from the women at the start of the year; a child takes its mother's status
        B = np.einsum("rha,rha->rh", x["fx"], P[:, :, 0, :])
        girls = B / x["srb1"]
        boys = (B * x["srb"]) / x["srb1"]
        S[:, :, 0, 0] = girls * x["sb"][:, :, 0]
        S[:, :, 1, 0] = boys * x["sb"][:, :, 1]
        # 3. transitions inside each region, on the survivors at their new age
        rural = S[:, 0]
        migrant = S[:, 1]
        mig = rural * x["m"]
        ins = rural * x["c"]
        conv = migrant * x["k"]
        ret = migrant * x["q"]
        S[:, 2] += ins + conv
        rural *= x["ruralStay"]
        migrant *= x["migrantStay"]
        # 4. moves between regions
        S3 = S.reshape(R, 3, block)
        x["D"].add(S3[:, 1], mig.reshape(R, block))
        x["E"].add(S3[:, 0], ret.reshape(R, block))
        # 5. net international migrants
        if x["n"] is not None:
            S += x["n"]
        if flows is not None:
            qb = x["qb"]
            flows[0, t] = B.sum(axis=1)
            flows[1, t] = deaths + (girls * qb[:, :, 0] + boys * qb[:, :, 1]).sum(axis=1)
            flows[2, t] = mig.reshape(R, -1).sum(axis=1)
            flows[3, t] = ins.reshape(R, -1).sum(axis=1)
            flows[4, t] = conv.reshape(R, -1).sum(axis=1)
            flows[5, t] = ret.reshape(R, -1).sum(axis=1)
            flows[6, t] = 0.0 if x["nSum"] is None else x["nSum"]
            inflow, outflow = flows[7, t], flows[8, t]
            inflow[:] = 0.0
            outflow[:] = 0.0
            x["D"].migration(flows[2, t], inflow, outflow)
            x["E"].migration(flows[5, t], inflow, outflow)
            np.subtract(inflow, outflow, out=flows[9, t])
        P, S = S, P
    return P


# ---------------------------------------------------------------------------------------------
# timing and the machine


def time_runs(prob, method, warmup, rounds, flows):
    for _ in range(warmup):
        project(prob, method, flows)
    seconds = []
    for _ in range(rounds):
        start = time.perf_counter()
        project(prob, method, flows)
        seconds.append(time.perf_counter() - start)
    return seconds


def summary(seconds):
    ordered = sorted(seconds)
    q = statistics.quantiles(ordered, n=4) if len(ordered) >= 2 else [ordered[0]] * 3
    return {
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "p25": q[0],
        "p75": q[2],
        "samples": len(ordered),
    }


def blas_info():
    """Which BLAS numpy runs and, where it can be asked, which CPU kernel it picked."""
    info = {"numpy": np.__version__, "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"), "OPENBLAS_L2_SIZE": os.environ.get("OPENBLAS_L2_SIZE")}
    try:
        from threadpoolctl import threadpool_info

        pools = [p for p in threadpool_info() if p.get("user_api") == "blas"]
        if pools:
            info["source"] = "threadpoolctl"
            info["library"] = pools[0].get("internal_api")
            info["kernel"] = pools[0].get("architecture")
            info["threads"] = pools[0].get("num_threads")
            info["version"] = pools[0].get("version")
            return info
    except ImportError:
        pass
    try:
        config = np.show_config(mode="dicts")
        blas = config["Build Dependencies"]["blas"]
        info["source"] = "numpy.show_config"
        info["library"] = blas.get("name")
        info["version"] = blas.get("version")
    except Exception as error:  # noqa: BLE001 - reporting only
        info["library"] = f"unknown ({error})"
    info.update(openblas_runtime())
    info.setdefault("kernel", None)
    return info


def openblas_runtime():
    """The kernel OpenBLAS chose at run time and its thread count, asked through ctypes as
    threadpoolctl would; empty where that cannot be asked."""
    found = {}
    try:
        import ctypes
        import glob

        folder = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
        for lib_path in glob.glob(os.path.join(folder, "*openblas*.so*")):
            lib = ctypes.CDLL(lib_path)
            for prefix in ("scipy_openblas_", "openblas_"):
                for suffix in ("64_", ""):
                    corename = getattr(lib, f"{prefix}get_corename{suffix}", None)
                    threads = getattr(lib, f"{prefix}get_num_threads{suffix}", None)
                    if corename is not None and "kernel" not in found:
                        corename.restype = ctypes.c_char_p
                        found["kernel"] = corename().decode()
                    if threads is not None and "threads" not in found:
                        found["threads"] = int(threads())
    except Exception:  # noqa: BLE001 - reporting only
        pass
    return found


def sparse_methods_available():
    methods = list(SPARSE_METHODS)
    try:
        import scipy.sparse  # noqa: F401

        methods.append("scipy")
    except ImportError:
        pass
    return methods


def serve(prob, method, reported_method, trials, load_seconds, warmup, flows):
    """Answers `run K` lines on stdin with the seconds of K timed projections, one JSON line
    each, so that a caller can interleave these rounds with its own; `quit` ends."""
    time_runs(prob, method, warmup, 0, flows)
    print(json.dumps({"ready": True, "sparseMethod": reported_method, "sparseTrials": trials, "loadSeconds": load_seconds, "blas": blas_info(), "python": sys.version.split()[0]}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        if words[0] == "run":
            seconds = time_runs(prob, method, 0, int(words[1]), flows)
            print(json.dumps({"seconds": seconds}), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("problem")
    parser.add_argument("--out")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--trial-rounds", type=int, default=3, help="timed projections of each sparse method when choosing one")
    parser.add_argument("--sparse-method", default="auto", choices=["auto", *SPARSE_METHODS, "scipy"])
    parser.add_argument("--serve", action="store_true", help="after writing --out, time rounds on request (see serve)")
    args = parser.parse_args()

    started = time.perf_counter()
    prob = load(args.problem)
    load_seconds = time.perf_counter() - started
    flows = np.zeros((len(FLOWS), prob["years"], prob["R"]))
    has_sparse = any(m["kind"] == "sparse" for m in prob["D"] + prob["E"])

    trials = {}
    method = "add.at" if args.sparse_method == "auto" else args.sparse_method
    if has_sparse and args.sparse_method == "auto":
        # pick the fastest scatter-add among numpy's own; scipy.sparse is timed for the record
        for candidate in sparse_methods_available():
            trials[candidate] = summary(time_runs(prob, candidate, 1, args.trial_rounds, flows))
        numpy_only = {k: v for k, v in trials.items() if k in SPARSE_METHODS}
        method = min(numpy_only, key=lambda k: numpy_only[k]["median"])

    final = project(prob, method, flows)
    if args.out:
        with open(args.out, "wb") as f:
            f.write(np.ascontiguousarray(final, dtype="<f8").tobytes())
            f.write(np.ascontiguousarray(flows, dtype="<f8").tobytes())
    if args.serve:
        serve(prob, method, method if has_sparse else None, trials, load_seconds, args.warmup, flows)
        return

    seconds = time_runs(prob, method, args.warmup, args.rounds, flows)
    json.dump(
        {
            "regions": prob["R"],
            "years": prob["years"],
            "sparseMethod": method if has_sparse else None,
            "sparseTrials": trials,
            "loadSeconds": load_seconds,
            "seconds": seconds,
            "summary": summary(seconds),
            "blas": blas_info(),
            "python": sys.version.split()[0],
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
