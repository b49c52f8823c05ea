#!/usr/bin/python3
"""Builds one timeline from a JSON lines corpus with Dask distributed: map, reduce.

Map: the articles are cut into shards; each shard goes, as JSON lines on standard input, through
`timeliner build --input-format jsonl -` on a worker process of a local cluster. Reduce:
`timeliner merge` of the shard timelines (merge is associative and commutative, and a build of
several documents equals the merge of their separate builds, so the result is the single build's).

Usage: dask_timeline.py TIMELINER ARTICLES.jsonl OUT.json [--shards N] [--workers N]
Needs Debian's python3-distributed (hence /usr/bin/python3).
"""
import argparse
import os
import subprocess
import tempfile

from distributed import Client, LocalCluster


def build_shard(exe, first, lines):
    """One map task: a shard's articles in, its timeline (JSON text) out. The shard's lines are
    preceded by as many empty lines as came before it, so that each document's source ("-:LINE")
    is the one a single build over all the articles gives."""
    done = subprocess.run([exe, "build", "--input-format", "jsonl", "-"], input=("\n" * first + "".join(lines)).encode(),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"timeliner build failed: {done.stderr.decode(errors='replace')}")
    return done.stdout.decode()


def merge(exe, timelines, out):
    """The reduce: timeliner merge of the shard timelines."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, t in enumerate(timelines):
            paths.append(os.path.join(tmp, f"shard-{k}.json"))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(t)
        subprocess.run([exe, "merge", *paths, "-o", out], check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("timeliner")
    ap.add_argument("articles")
    ap.add_argument("out")
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    exe = os.path.abspath(args.timeliner)
    with open(args.articles, encoding="utf-8") as f:
        lines = [l if l.endswith("\n") else l + "\n" for l in f]
    size = max(1, -(-len(lines) // args.shards))
    firsts = list(range(0, len(lines), size))
    shards = [lines[a : a + size] for a in firsts]
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        futures = client.map(build_shard, [exe] * len(shards), firsts, shards, pure=False)
        timelines = client.gather(futures)
    merge(exe, timelines, args.out)


if __name__ == "__main__":
    main()
