// Writes a deterministic synthetic timeline with N events (default 10,000) for the benchmark.
// CLI: node tests/web/gen-big.mjs [OUT.json] [N]   (default tests/web/fixtures/generated/big.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function rng(seed) { // xorshift32: small, deterministic, good enough for test data
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86400000;
const WORDS = ['council', 'harbour', 'bridge', 'storm', 'election', 'budget', 'strike', 'festival', 'trial', 'flood',
  'school', 'hospital', 'railway', 'market', 'museum', 'airport'];
const VERBS = ['opened', 'closed', 'was delayed', 'was approved', 'was announced', 'resumed', 'ended', 'began'];

export function generate(n = 10000, seed = 42) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const documents = [];
  for (let d = 0; d < 40; d++) {
    documents.push({ id: `doc${d}`, title: `Synthetic article ${d + 1}`, source: `synthetic/${d}.txt`,
      published: iso(Date.UTC(2015, 0, 1) + Math.floor(r() * 3650) * DAY), published_from: 'cli' });
  }
  const base = Date.UTC(1990, 0, 1);
  const events = [];
  for (let k = 0; k < n; k++) {
    const day = base + Math.floor(Math.pow(r(), 0.35) * 35 * 365) * DAY;
    const kind = r();
    let date;
    if (kind < 0.55) {
      date = { value: iso(day), type: 'DATE', granularity: 'day', earliest: iso(day), latest: iso(day) };
    } else if (kind < 0.7) {
      const d = new Date(day);
      const wk = day - ((d.getUTCDay() + 6) % 7) * DAY;
      date = { value: `${iso(wk)}-week`, type: 'DATE', granularity: 'week', earliest: iso(wk), latest: iso(wk + 6 * DAY) };
    } else if (kind < 0.88) {
      const d = new Date(day);
      const a = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      const b = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY;
      date = { value: iso(a).slice(0, 7), type: 'DATE', granularity: 'month', earliest: iso(a), latest: iso(b) };
    } else if (kind < 0.95) {
      const y = new Date(day).getUTCFullYear();
      const q = Math.floor(new Date(day).getUTCMonth() / 3);
      date = { value: `${y}-Q${q + 1}`, type: 'DATE', granularity: 'quarter', earliest: iso(Date.UTC(y, q * 3, 1)), latest: iso(Date.UTC(y, q * 3 + 3, 1) - DAY) };
    } else {
      const y = new Date(day).getUTCFullYear();
      date = { value: String(y), type: 'DATE', granularity: 'year', earliest: `${y}-01-01`, latest: `${y}-12-31` };
    }
    if (r() < 0.1) date.mod = 'APPROX';
    const a = r();
    date.anchor = a < 0.6 ? 'explicit' : a < 0.8 ? 'publication' : a < 0.95 ? 'previous' : 'event';
    const doc = documents[Math.floor(r() * documents.length)].id;
    const subject = `The ${pick(WORDS)} ${pick(VERBS)}`;
    const timex = `on ${date.value}`;
    const text = `${subject} ${timex}, officials said.`;
    const start = k * 80;
    const ts = start + subject.length + 1;
    events.push({ id: `e${k + 1}`, kind: 'event', date, headline: `${subject} (${k + 1})`, text,
      mentions: [{ doc, start, end: start + text.length, timex, timex_start: ts, timex_end: ts + timex.length }] });
  }
  events.sort((x, y) => x.date.earliest.localeCompare(y.date.earliest) || x.date.latest.localeCompare(y.date.latest));
  return { schema: 'timeliner.timeline/1', generator: 'tests/web/gen-big.mjs', documents, events };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] || join(here, 'fixtures/generated/big.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(generate(Number(process.argv[3] || 10000))));
  console.log(out);
}
