// Times chrono-node's parse loop over JSON lines articles ({"text", "published"}), start-up excluded.
// Usage: node peer_chrono.js FILE.jsonl RUNS  -> prints {"chars", "docs", "results", "seconds": [...]}
const fs = require("fs");
const path = require("path");
const chrono = require(path.join(__dirname, ".peers", "node_modules", "chrono-node"));

const [file, runsArg] = process.argv.slice(2);
const docs = fs
  .readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))
  .map((d) => ({ text: d.text, ref: new Date(d.published || "2000-01-01") }));
const chars = docs.reduce((n, d) => n + d.text.length, 0);
const seconds = [];
let results = 0;
for (let r = 0; r < Number(runsArg || 5); ++r) {
  results = 0;
  const t0 = process.hrtime.bigint();
  for (const d of docs) results += chrono.parse(d.text, d.ref).length;
  seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
console.log(JSON.stringify({ chars, docs: docs.length, results, seconds }));
