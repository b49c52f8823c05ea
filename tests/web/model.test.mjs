// Unit tests of the viewer's data model and lane packing (plain node, no browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildModel, dayStart, splitTimex, formatRange, tickLabel, weightOf, DAY_MS } from '../../web/src/data.js';
import { packLanes, extent } from '../../web/src/layout.js';
import { embed } from './make-standalone.mjs';
import { generate } from './gen-big.mjs';

const sample = JSON.parse(readFileSync(new URL('./fixtures/sample.json', import.meta.url), 'utf8'));

test('dayStart handles ordinary, two-digit and negative years', () => {
  assert.equal(dayStart('2025-04-18'), Date.UTC(2025, 3, 18));
  assert.equal(new Date(dayStart('0044-03-15')).getUTCFullYear(), 44);
  assert.equal(new Date(dayStart('-0044-03-15')).getUTCFullYear(), -44);
  assert.ok(Number.isNaN(dayStart('2025-4-18')));
  assert.ok(Number.isNaN(dayStart('2025-02-30')));
});

test('years BC sort before AD and read as BC in ranges and axis labels', () => {
  const timeline = structuredClone(sample);
  const base = timeline.events.find((e) => e.headline === 'Vote held');
  const bc = (id, headline, value, earliest, latest) => ({ ...structuredClone(base), id, headline, date: { ...base.date, value, granularity: 'year', earliest, latest } });
  timeline.events.push(bc('c1', 'Carthage fell', 'BC0146', '-0145-01-01', '-0145-12-31'));
  timeline.events.push(bc('c2', 'Hannibal crossed the Alps', 'BC0218', '-0217-01-01', '-0217-12-31'));
  timeline.events.push(bc('c3', 'Augustus died', '0014', '0014-01-01', '0014-12-31'));
  const heads = buildModel(timeline).events.map((m) => m.ev.headline);
  assert.deepEqual(heads.slice(0, 3), ['Hannibal crossed the Alps', 'Carthage fell', 'Augustus died']);
  assert.equal(formatRange({ earliest: '-0217-01-01', latest: '-0217-12-31' }), '218-01-01 BC .. 218-12-31 BC');
  assert.equal(formatRange({ earliest: '2025-04-18', latest: '2025-04-18' }), '2025-04-18');
  const year = (y) => { const d = new Date(0); d.setUTCFullYear(y, 0, 1); return d; };
  assert.equal(tickLabel(year(-217), '-0217'), '218 BC');
  assert.equal(tickLabel(year(0), '0000'), '1 BC');
  assert.equal(tickLabel(year(-217), 'March'), 'March');
  assert.equal(tickLabel(year(1990), '1990'), '1990');
});

test('bars end the day after latest; single days are points at noon, times at their clock time', () => {
  const model = buildModel(sample);
  const byHead = (h) => model.events.find((m) => m.ev.headline === h);
  const week = byHead('Safety test');
  assert.equal(week.point, false);
  assert.equal(week.start, Date.UTC(2025, 3, 7));
  assert.equal(week.end, Date.UTC(2025, 3, 14));
  const day = byHead('Vote held');
  assert.equal(day.point, true);
  assert.equal(day.start, Date.UTC(2025, 3, 15) + DAY_MS / 2);
  assert.equal(byHead('Ribbon cut').start, Date.UTC(2025, 3, 18, 10, 30));
  const morning = byHead('Bridge reopened');
  assert.deepEqual([morning.start, morning.end], [Date.UTC(2025, 3, 18, 6), Date.UTC(2025, 3, 18, 12)]);
  assert.equal(byHead('Repairs began').approx, true);
  assert.equal(byHead('Ribbon cut').derived, true);
  assert.equal(byHead('Toll review').derived, true);
  assert.equal(byHead('Safety test').derived, false);
});

test('midnight that ends a day (T24:00) sits at the end of that day, not its start', () => {
  const timeline = structuredClone(sample);
  const ribbon = timeline.events.find((e) => e.headline === 'Ribbon cut');
  const deadline = structuredClone(ribbon);
  deadline.id = 'deadline';
  deadline.headline = 'Offer expires';
  deadline.date = { ...ribbon.date, value: '2025-04-18T24:00', earliest: '2025-04-18', latest: '2025-04-18' };
  timeline.events.push(deadline);
  const model = buildModel(timeline);
  const m = model.events.find((x) => x.ev.headline === 'Offer expires');
  assert.equal(m.point, true);
  assert.equal(m.start, Date.UTC(2025, 3, 19));
});

test('the model rejects other schemas', () => {
  assert.throws(() => buildModel({ schema: 'other/1', documents: [], events: [] }), /schema/);
  assert.throws(() => buildModel([]), /timeline/);
});

test('splitTimex slices by code points, not UTF-16 units', () => {
  const text = '🚧 Engineers ran a load test last week.';
  const m = { start: 100, end: 100 + Array.from(text).length, timex: 'last week', timex_start: 100 + 28, timex_end: 100 + 37 };
  assert.deepEqual(splitTimex(text, m), ['🚧 Engineers ran a load test ', 'last week', '.']);
  // offsets that do not fit fall back to searching the phrase
  assert.deepEqual(splitTimex('On Monday it rained.', { start: 0, end: 5, timex: 'Monday', timex_start: 90, timex_end: 96 }), ['On ', 'Monday', ' it rained.']);
});

test('lane packing never overlaps items in one lane', () => {
  const model = buildModel(generate(3000, 7));
  for (const [mpp, label] of [[60000, 70], [3600000, 70], [DAY_MS, 70], [30 * DAY_MS, 70], [DAY_MS, 0], [30 * DAY_MS, 0]]) {
    const { count, lane } = packLanes(model.events, mpp, label);
    const ends = new Array(count).fill(-Infinity);
    const spans = model.events.map((m, k) => [lane[k], ...extent(m, mpp, label)]).sort((a, b) => a[1] - b[1]);
    for (const [l, from, to] of spans) {
      assert.ok(from >= ends[l], `overlap in lane ${l} at mpp ${mpp}`);
      ends[l] = to;
    }
    // the lowest free lane is always taken, so lanes are used from 0 up without gaps
    assert.equal(new Set(lane).size, count);
  }
});

test('embedding escapes <, > and & so the JSON cannot close its script element', () => {
  const page = embed('<script type="application/json" id="timeline-data">/*TIMELINER_DATA*/</script>', '{"a":"</script>&"}');
  assert.equal(page, '<script type="application/json" id="timeline-data">{"a":"\\u003c/script\\u003e\\u0026"}</script>');
  assert.deepEqual(JSON.parse(page.slice(page.indexOf('>') + 1, page.lastIndexOf('<'))), { a: '</script>&' });
});

test('key dates of a summarized timeline: in date order, with their sentences and events; importance kept', () => {
  const summary = JSON.parse(readFileSync(new URL('../../timelines/millbrook-summary.json', import.meta.url), 'utf8'));
  const model = buildModel(summary);
  assert.equal(model.keyDates.length, summary.key_dates.length);
  assert.ok(model.keyDates.length >= 3);
  const days = model.keyDates.map((k) => k.day);
  assert.deepEqual(days, [...days].sort((a, b) => a - b));
  for (const [n, k] of model.keyDates.entries()) {
    const src = summary.key_dates.find((x) => x.date === k.date);
    assert.deepEqual(k.sentences.map((s) => s.text), src.sentences.map((s) => s.text), `sentences of ${k.date}`);
    assert.deepEqual(k.events.map((m) => m.id), src.events, `events of ${k.date} (key date ${n})`);
    assert.equal(k.importance, src.importance);
  }
  for (const m of model.events) assert.equal(typeof m.importance, 'number');
  // a timeline without key dates (or written before importance existed) has none and still loads
  const plain = buildModel(sample);
  assert.deepEqual(plain.keyDates, []);
  assert.equal(plain.events[0].importance, null);
});

test('malformed key dates are left out, not fatal', () => {
  const t = structuredClone(sample);
  t.key_dates = [
    { date: '2025-13-40', sentences: [] },
    null,
    { date: '2025-04-18', importance: 7, sentences: [{ text: 'Kept.', doc: 'd1', start: 0, end: 5 }, { doc: 'x' }], events: ['nope'] },
  ];
  const [k, ...rest] = buildModel(t).keyDates;
  assert.equal(rest.length, 0);
  assert.equal(k.date, '2025-04-18');
  assert.equal(k.importance, 1);
  assert.deepEqual(k.sentences.map((s) => s.text), ['Kept.']);
  assert.deepEqual(k.events, []);
  assert.equal(weightOf(null), null);
  assert.deepEqual([0, 0.2, 0.9].map(weightOf), [0, 1, 2]);
});
