"""PyTorch scaled_dot_product_attention on the shapes of the Java sweep, then one table of both.

Usage: sdpa.py SDPA.json TABLE.md SWEEP.json [SWEEP-family.json ...]; rows of sweep-FAMILY.json files
(other builds of the fused kernel) are labelled fused(FAMILY).
"""
import os
import json
import statistics
import sys

import torch
import torch.nn.functional as F

DTYPES = {"bf16": torch.bfloat16, "fp16": torch.float16}


def flops(r):
    f = 4.0 * r["batch"] * r["heads"] * r["seqLen"] ** 2 * r["headDim"]
    return f / 2 if r["causal"] else f


def key(r):
    return (r["batch"], r["heads"], r["seqLen"], r["headDim"], r["causal"], r["dtype"])


def measure(b, h, n, d, causal, dtype):
    gen = torch.Generator(device="cuda").manual_seed(n * 7 + d)
    q, k, v = (torch.rand(b, h, n, d, device="cuda", dtype=torch.float32, generator=gen).mul_(2).sub_(1)
               .to(DTYPES[dtype]) for _ in range(3))
    out = torch.full_like(q, float("nan"))
    for _ in range(3):
        out = F.scaled_dot_product_attention(q, k, v, is_causal=causal)
    torch.cuda.synchronize()
    times = []
    start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    for _ in range(20):
        start.record()
        out = F.scaled_dot_product_attention(q, k, v, is_causal=causal)
        stop.record()
        stop.synchronize()
        times.append(start.elapsed_time(stop))
    # float64 reference on 64 query rows of the first and the last head
    err = 0.0
    rows = torch.linspace(0, n - 1, min(n, 64), device="cuda").long()
    for bi, hi in ((0, 0), (b - 1, h - 1)):
        qq, kk, vv = (t[bi, hi].double() for t in (q, k, v))
        s = qq[rows] @ kk.T / d ** 0.5
        if causal:
            s = s.masked_fill(torch.arange(n, device="cuda")[None, :] > rows[:, None], float("-inf"))
        ref = torch.softmax(s, dim=-1) @ vv
        got = out[bi, hi][rows].double()
        rel = (got - ref).abs().amax(dim=1) / ref.abs().amax(dim=1).clamp_min(1e-30)
        err = max(err, rel.max().item())
    del q, k, v, out
    torch.cuda.empty_cache()
    return statistics.median(times), err


def load(path):
    family = os.path.basename(path).removesuffix(".json").partition("-")[2]
    try:
        jobs = json.load(open(path))
    except (OSError, ValueError) as e:
        print("no results in", path, e)
        return [], []
    rows = [r for job in jobs for r in job["results"]]
    for r in rows:
        if family and r["variant"] == "fused":
            r["variant"] = "fused(%s)" % family
    skipped = [s for job in jobs for s in (job.get("failure") or "").removeprefix("skipped: ").split("; ") if s]
    return rows, skipped


def main(sdpa_path, table_path, *sweeps):
    rows, skipped = [], []
    for path in sweeps:
        r, s = load(path)
        rows += r
        skipped += s
    sdpa = {}
    for r in rows:
        if key(r) in sdpa:
            continue
        try:
            ms, err = measure(r["batch"], r["heads"], r["seqLen"], r["headDim"], r["causal"], r["dtype"])
            sdpa[key(r)] = {"medianMs": ms, "tflops": flops(r) / ms / 1e9, "maxRelError": err}
        except torch.cuda.OutOfMemoryError:
            torch.cuda.empty_cache()
            sdpa[key(r)] = None
        print("sdpa", key(r), sdpa[key(r)], flush=True)
    json.dump([{"shape": list(k), **(v or {"error": "out of memory"})} for k, v in sdpa.items()],
              open(sdpa_path, "w"), indent=1)

    lines = ["| variant | shape (B H N D causal dtype) | ms | TFLOP/s | ratio to SDPA | max rel error | passed |",
             "|---|---|---:|---:|---:|---:|---|"]
    for k in sorted(sdpa, key=lambda k: (k[5], k[3], k[4], k[2])):
        label = "%d %d %d %d %s %s" % (k[0], k[1], k[2], k[3], "causal" if k[4] else "full", k[5])
        ref = sdpa[k]
        for r in (r for r in rows if key(r) == k):
            ratio = "%.2f" % (r["tflops"] / ref["tflops"]) if ref else "-"
            lines.append("| %s | %s | %.3f | %.1f | %s | %.1e | %s |" % (
                r["variant"], label, r["medianMs"], r["tflops"], ratio, r["maxRelError"],
                "yes" if r["passed"] else "NO"))
        if ref:
            lines.append("| sdpa | %s | %.3f | %.1f | 1.00 | %.1e | |" % (
                label, ref["medianMs"], ref["tflops"], ref["maxRelError"]))
    for s in skipped:
        lines.append("| skipped | %s | | | | | |" % s)
    table = "\n".join(lines)
    open(table_path, "w").write(table + "\n")
    print(torch.cuda.get_device_name(), "torch", torch.__version__)
    print(table)


if __name__ == "__main__":
    main(*sys.argv[1:])
