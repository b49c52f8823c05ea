"""Runs the benchmark and prints its figures (called by bench/run.sh, which prepares everything).
Usage: measure.py TIMELINER DATA_DIR RUNS DATEPARSER_DOCS TIMELINER_WITHOUT_HYPERSCAN SCAN_FLOOR|none"""
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time

exe, data, runs, dp_docs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
exe_nohs, floor_exe = sys.argv[5], sys.argv[6]
here = os.path.dirname(os.path.abspath(__file__))


def run(cmd, stdin_path=None):
    """Wall seconds, peak RSS (MB) and CPU seconds (user + system) of one process, its output discarded."""
    with open(stdin_path or os.devnull, "rb") as fin, open(os.devnull, "wb") as fout:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=fin, stdout=fout)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {cmd} failed")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def median_run(cmd, stdin_path=None, n=runs):
    results = [run(cmd, stdin_path) for _ in range(n)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def median_cpu(cmd, n=runs):
    """Median CPU seconds of a single-threaded run: less disturbed than wall time by other jobs."""
    return statistics.median(run(cmd)[2] for _ in range(n))


def chars_docs(path):
    chars = docs = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                chars += len(json.loads(line)["text"])
                docs += 1
    return chars, docs


corpus, tbaq = os.path.join(data, "corpus.jsonl"), os.path.join(data, "tbaq.jsonl")
c_chars, c_docs = chars_docs(corpus)
t_chars, t_docs = chars_docs(tbaq)
extract = [exe, "extract", "--input-format", "jsonl"]
fig = {}
# Start-up reads an empty file of its own: where /dev/null is not the device (a regular file in some
# containers), it holds whatever other processes wrote to it, and extract would tag that.
empty = os.path.join(data, "empty.txt")
open(empty, "wb").close()
fig["startup_ms"] = median_run([exe, "extract", "--dct", "2000-01-01"], empty, max(runs, 9))[0] * 1000
# What starting any process costs here, measured the same way (fork, exec, wait from Python).
fig["spawn_true_ms"] = median_run(["/bin/true"], None, max(runs, 9))[0] * 1000
fig["startup_one_article_ms"] = median_run([exe, "extract", "--dct", "2000-01-01", os.path.join(data, "one.txt")],
                                           None, max(runs, 9))[0] * 1000
t1, rss1 = median_run(extract + ["-j", "1", "-"], corpus)
t2, rss2 = median_run(extract + ["-j", "2", "-"], corpus)
fig.update(corpus_chars=c_chars, corpus_docs=c_docs, j1_s=t1, j2_s=t2, j1_mchars_s=c_chars / t1 / 1e6,
           j1_docs_s=c_docs / t1, j2_mchars_s=c_chars / t2 / 1e6, j2_docs_s=c_docs / t2, speedup_j2=t1 / t2,
           rss_stream_mb=max(rss1, rss2))
# Without Hyperscan (the rules tried at their start keys): the same work, and the same output.
extract_nohs = [exe_nohs] + extract[1:]
tn, _ = median_run(extract_nohs + ["-j", "1", "-"], corpus)
fig.update(nohs_j1_s=tn, nohs_j1_mchars_s=c_chars / tn / 1e6, hs_over_nohs=tn / t1)


def output_of(cmd, stdin_path):
    """The SHA-256 of a command's standard output and its number of lines."""
    with open(stdin_path, "rb") as fin:
        out = subprocess.run(cmd, stdin=fin, stdout=subprocess.PIPE, check=True).stdout
    return hashlib.sha256(out).hexdigest(), out.count(b"\n")


digest_hs, expressions = output_of(extract + ["-j", "1", "-"], corpus)
digest_nohs, _ = output_of(extract_nohs + ["-j", "1", "-"], corpus)
fig.update(expressions=expressions, identical_without_hyperscan=digest_hs == digest_nohs,
           ns_per_expression=t1 / expressions * 1e9)
# The floor: the one scan alone over the same texts, in one process (median of its passes).
if floor_exe != "none":
    fl = json.loads(subprocess.check_output([floor_exe, corpus, str(runs)]))
    fs = statistics.median(fl["seconds"])
    fig.update(floor_s=fs, floor_mchars_s=c_chars / fs / 1e6, floor_starts=fl["starts"],
               ns_per_expression_above_floor=(t1 - fs) / expressions * 1e9)
tt, _ = median_run(extract + ["-j", "1", tbaq])
fig["tbaq_once_mchars_s"] = t_chars / tt / 1e6
# Linearity, two ways, in CPU time (single thread; medians). Whole processes: one 1 MB and one
# 50 MB document, each from start-up to exit; the 1 MB run also pays what does not grow with the
# text (compiling the patterns it meets, some 190 M instructions, and warming RE2's DFA caches), so
# its ratio stays well under 50. Steady state: documents tagged after a warm-up document (the 1 MB
# one) in the same process, less the warm-up run alone: what the bytes cost once the fixed costs
# are paid, for the 50 MB document and for the 1 MB one (five times over, so that the difference
# stands out of the noise), per byte.
synth1, synth50 = os.path.join(data, "synth-1.txt"), os.path.join(data, "synth-50.txt")
one = [exe, "extract", "-j", "1", "--dct", "2000-01-01"]
s50_wall, rss_s50 = median_run(one + [synth50], None, max(1, runs // 2))
s1 = median_cpu(one + [synth1], max(runs, 9))
s50 = median_cpu(one + [synth50], max(1, runs // 2))
w1 = median_cpu(one + [synth1] * 6, max(runs, 5))
w50 = median_cpu(one + [synth1, synth50], max(1, runs // 2))
mb1, mb50 = os.path.getsize(synth1) / 2**20, os.path.getsize(synth50) / 2**20
fig.update(synth1_s=s1, synth50_s=s50, synth50_wall_s=s50_wall, whole_ratio=s50 / s1, size_ratio=mb50 / mb1,
           warm1_s=(w1 - s1) / 5, warm50_s=w50 - s1, steady_ratio=(w50 - s1) / ((w1 - s1) / 5),
           steady_per_byte=((w50 - s1) / mb50) / ((w1 - s1) / 5 / mb1),
           synth50_rss_mb=rss_s50, synth50_doc_mb=mb50)

chrono = json.loads(subprocess.check_output(["node", os.path.join(here, "peer_chrono.js"), tbaq, str(runs)]))
fig["chrono_mchars_s"] = chrono["chars"] / statistics.median(chrono["seconds"]) / 1e6
fig["chrono_docs_s"] = chrono["docs"] / statistics.median(chrono["seconds"])
# Its first pass, before V8 has compiled the hot code: what a process that parses once sees.
fig["chrono_cold_mchars_s"] = chrono["chars"] / chrono["seconds"][0] / 1e6
dp = json.loads(subprocess.check_output(["/usr/bin/python3", "-W", "ignore", os.path.join(here, "peer_dateparser.py"), tbaq,
                                         str(max(1, runs // 2)), str(dp_docs)]))
fig["dateparser_mchars_s"] = dp["chars"] / statistics.median(dp["seconds"]) / 1e6
fig["dateparser_docs_s"] = dp["docs"] / statistics.median(dp["seconds"])
fig["dateparser_subset_docs"] = dp["docs"]

print(json.dumps(fig), file=sys.stderr)
floor_line = above_floor = ""
if "floor_s" in fig:
    floor_line = (f"  the scan alone      {fig['floor_mchars_s']:7.2f} M chars/s  (the floor: one Hyperscan scan per text, "
                  f"{fig['floor_starts']} places found, nothing done there); extract -j 1 takes {t1 / fig['floor_s']:.1f}x its time\n")
    above_floor = f"; {fig['ns_per_expression_above_floor']:.0f} ns above the floor"
print(f"""
timeliner benchmark ({runs} runs each, medians; TBAQ texts: {t_docs} articles, {t_chars / 1e6:.2f} M chars)
  corpus: {c_docs} documents, {c_chars / 1e6:.1f} M chars (TBAQ repeated), JSON lines on stdin
  extract -j 1        {fig['j1_mchars_s']:7.2f} M chars/s  {fig['j1_docs_s']:8.0f} docs/s  (whole process)
  extract -j 2        {fig['j2_mchars_s']:7.2f} M chars/s  {fig['j2_docs_s']:8.0f} docs/s  speed-up {fig['speedup_j2']:.2f}x (target 1.8x)
  without Hyperscan   {fig['nohs_j1_mchars_s']:7.2f} M chars/s  (-j 1, rules tried at their start keys): one scan {fig['hs_over_nohs']:.2f}x as fast; output {'byte-identical' if fig['identical_without_hyperscan'] else 'DIFFERENT'} ({fig['expressions']} expressions)
{floor_line}  cost per expression {fig['ns_per_expression']:7.0f} ns  (extract -j 1, whole process, over the expressions it writes){above_floor}
  extract, TBAQ once  {fig['tbaq_once_mchars_s']:7.2f} M chars/s  (one file, one process)
  start-up            {fig['startup_ms']:7.1f} ms (empty input; target <= 5)   {fig['startup_one_article_ms']:.1f} ms (one short article); /bin/true {fig['spawn_true_ms']:.1f} ms
  peak RSS            {fig['rss_stream_mb']:7.1f} MB streaming the corpus; {fig['synth50_rss_mb']:.1f} MB for one {fig['synth50_doc_mb']:.1f} MB document
  linearity, whole     CPU time, 1 MB document {fig['synth1_s']:.3f} s, 50 MB document {fig['synth50_s']:.2f} s: {fig['whole_ratio']:.1f}x the time for {fig['size_ratio']:.1f}x the text (fixed costs in the small run)
  linearity, steady    CPU time after a warm-up document in the same process: 1 MB {fig['warm1_s']:.3f} s (five, averaged), 50 MB {fig['warm50_s']:.2f} s: {fig['steady_ratio']:.1f}x the time for {fig['size_ratio']:.1f}x the text, time per byte x{fig['steady_per_byte']:.2f}
  chrono-node         {fig['chrono_mchars_s']:7.2f} M chars/s  {fig['chrono_docs_s']:8.0f} docs/s  (parse loop, TBAQ texts; median of {runs} passes in one process)
  chrono-node, cold   {fig['chrono_cold_mchars_s']:7.2f} M chars/s  (its first pass, before V8 optimises)
  dateparser          {fig['dateparser_mchars_s']:7.3f} M chars/s  {fig['dateparser_docs_s']:8.1f} docs/s  (search_dates loop, first {fig['dateparser_subset_docs']} TBAQ texts)
  ratios (single thread, chars/s):
    timeliner / chrono-node   {fig['j1_mchars_s'] / fig['chrono_mchars_s']:7.1f}x  (chrono warm, median; target 8x)
    timeliner / chrono cold   {fig['j1_mchars_s'] / fig['chrono_cold_mchars_s']:7.1f}x  (chrono's first pass)
    timeliner / dateparser    {fig['j1_mchars_s'] / fig['dateparser_mchars_s']:7.0f}x
    chrono-node / dateparser  {fig['chrono_mchars_s'] / fig['dateparser_mchars_s']:7.1f}x
""")
