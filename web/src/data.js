// Timeline JSON v1 ("timeliner.timeline/1"): validation and the viewer's event model.

export const SCHEMA = 'timeliner.timeline/1';
export const DAY_MS = 86400000;

const ISO_DAY = /^(-?\d{4,})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2})(?::(\d{2}))?/;
const PART_OF_DAY = { MO: [6, 12], MI: [11, 13], AF: [12, 18], EV: [18, 22], NI: [22, 30], DT: [8, 18] };

/** Milliseconds (UTC) at the start of an ISO calendar day (NaN for none); works for years < 100 and negative years. */
export function dayStart(iso) {
  const m = ISO_DAY.exec(iso);
  if (!m) return NaN;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  d.setUTCHours(0, 0, 0, 0);
  // no such day (2025-13-40): Date would roll it over into another
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return NaN;
  return d.getTime();
}

/** Where on the axis a single-day value sits: its clock time when the value has one, else noon. */
function pointTime(date, day) {
  const t = ISO_TIME.exec(date.value);
  if (t && date.value.slice(0, 10) === date.earliest) {
    return day + Number(t[4]) * 3600000 + Number(t[5] || 0) * 60000;
  }
  return day + DAY_MS / 2;
}

/** A part of the day such as 2025-04-18TMO becomes a span over that part. */
function partOfDaySpan(date, day) {
  const m = /T(MO|MI|AF|EV|NI|DT)$/.exec(date.value);
  if (!m || date.earliest !== date.latest) return null;
  const [a, b] = PART_OF_DAY[m[1]];
  return [day + a * 3600000, day + b * 3600000];
}

export const ANCHOR_TEXT = {
  explicit: 'explicit in the text',
  publication: 'from the publication date',
  previous: 'from the previous date in the text',
  event: 'derived from another event',
};

function fail(msg) {
  throw new Error(`Not a timeliner timeline: ${msg}`);
}

/**
 * Checks the parts of the schema the viewer relies on and builds one model object per event:
 * { i, id, ev, start, end, point, approx, derived, doc, search }.
 */
export function buildModel(json) {
  if (!json || typeof json !== 'object') fail('not a JSON object');
  if (json.schema !== SCHEMA) fail(`schema is ${JSON.stringify(json.schema)}, expected "${SCHEMA}"`);
  if (!Array.isArray(json.documents) || !Array.isArray(json.events)) fail('documents or events missing');
  const documents = json.documents.filter((d) => d && typeof d.id === 'string');
  const docById = new Map(documents.map((d) => [d.id, d]));
  const events = [];
  json.events.forEach((ev, n) => {
    const date = ev && ev.date;
    if (!date || typeof date.earliest !== 'string' || typeof date.latest !== 'string') return;
    const a = dayStart(date.earliest);
    const b = dayStart(date.latest);
    if (Number.isNaN(a) || Number.isNaN(b) || b < a) return;
    const mentions = Array.isArray(ev.mentions) ? ev.mentions : [];
    let start;
    let end;
    let point = false;
    const part = partOfDaySpan(date, a);
    if (part) {
      [start, end] = part;
    } else if (a === b) {
      start = end = pointTime(date, a);
      point = true;
    } else {
      start = a;
      end = b + DAY_MS; // latest is inclusive
    }
    const headline = String(ev.headline ?? '');
    const text = String(ev.text ?? '');
    events.push({
      i: 0,
      id: String(ev.id ?? `#${n}`),
      ev,
      start,
      end,
      point,
      approx: typeof date.mod === 'string' && date.mod !== '',
      derived: date.anchor === 'previous' || date.anchor === 'event',
      doc: mentions.length && typeof mentions[0].doc === 'string' ? mentions[0].doc : '',
      importance: typeof ev.importance === 'number' && ev.importance >= 0 ? Math.min(1, ev.importance) : null,
      search: `${headline}\n${text}`.toLowerCase(),
    });
  });
  events.sort((x, y) => x.start - y.start || x.end - y.end);
  events.forEach((m, i) => { m.i = i; });
  return { json, documents, docById, events, keyDates: keyDates(json, events), skipped: json.events.length - events.length };
}

/**
 * The key dates of a summarized timeline (build or merge with --dates), in date order:
 * { date, day, importance, sentences: [{ text, doc, start, end }], events: [model events] }.
 * Entries without a valid day are left out; a timeline without key_dates has none.
 */
function keyDates(json, events) {
  if (!Array.isArray(json.key_dates)) return [];
  const byId = new Map(events.map((m) => [m.id, m]));
  const out = [];
  for (const k of json.key_dates) {
    const day = k && typeof k.date === 'string' ? dayStart(k.date) : NaN;
    if (Number.isNaN(day)) continue;
    const sentences = (Array.isArray(k.sentences) ? k.sentences : [])
      .filter((s) => s && typeof s.text === 'string')
      .map((s) => ({ text: s.text, doc: typeof s.doc === 'string' ? s.doc : '', start: s.start, end: s.end }));
    const ids = Array.isArray(k.events) ? k.events : [];
    out.push({
      date: k.date,
      day,
      importance: typeof k.importance === 'number' && k.importance >= 0 ? Math.min(1, k.importance) : null,
      sentences,
      events: ids.map((id) => byId.get(String(id))).filter(Boolean),
    });
  }
  return out.sort((a, b) => a.day - b.day);
}

/** How heavy an importance (0..1) is drawn: 0 (light), 1 or 2 (heavy); null for none. */
export function weightOf(importance) {
  if (importance == null) return null;
  return importance >= 0.5 ? 2 : importance >= 0.15 ? 1 : 0;
}

/**
 * Splits a mention's sentence into [before, phrase, after] using code-point offsets.
 * Falls back to a plain search for the phrase when the offsets do not fit the text.
 */
export function splitTimex(text, mention) {
  const cps = Array.from(text);
  if (mention) {
    const a = mention.timex_start - mention.start;
    const b = mention.timex_end - mention.start;
    if (Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b > a && b <= cps.length) {
      return [cps.slice(0, a).join(''), cps.slice(a, b).join(''), cps.slice(b).join('')];
    }
    if (mention.timex) {
      const k = text.indexOf(mention.timex);
      if (k >= 0) return [text.slice(0, k), mention.timex, text.slice(k + mention.timex.length)];
    }
  }
  return [text, '', ''];
}

/** A day as a reader writes it: timelines write years before AD 1 astronomically (-0217 is 218 BC). */
export function formatDay(iso) {
  const m = ISO_DAY.exec(iso);
  if (!m || Number(m[1]) > 0) return iso;
  return `${1 - Number(m[1])}-${m[2]}-${m[3]} BC`;
}

export function formatRange(date) {
  const a = formatDay(date.earliest);
  return date.earliest === date.latest ? a : `${a} .. ${formatDay(date.latest)}`;
}

/** An axis tick's label: d3 writes a year before AD 1 astronomically ("-0217"), a reader "218 BC". */
export function tickLabel(date, label) {
  const y = date.getUTCFullYear();
  return y <= 0 && /^-?\d+$/.test(label) ? `${1 - y} BC` : label;
}
