// The detail panel: everything known about one event, built from text nodes only.
import { ANCHOR_TEXT, formatRange, splitTimex } from './data.js';

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

const ANNOTATIONS = [
  ['durations', 'Lasting'],
  ['sets', 'Recurring'],
  ['references', 'Time references'],
];

function row(dl, term, value) {
  dl.append(el('dt', null, term), el('dd', null, value));
}

export function renderDetail(body, m, model) {
  const ev = m.ev;
  const d = ev.date;
  const mention = ev.mentions?.[0];
  const h = el('h2', 'detail-headline', ev.headline || '(no headline)');
  h.id = 'detail-title';
  const [before, phrase, after] = splitTimex(String(ev.text ?? ''), mention);
  const sentence = el('p', 'detail-text');
  sentence.append(document.createTextNode(before));
  if (phrase) sentence.append(el('mark', null, phrase));
  sentence.append(document.createTextNode(after));

  const dl = el('dl', 'detail-fields');
  row(dl, 'Value', d.value + (d.mod ? ` (${d.mod})` : ''));
  row(dl, 'Type', d.type);
  row(dl, 'Granularity', d.granularity);
  row(dl, 'Range', formatRange(d));
  row(dl, 'Resolved', ANCHOR_TEXT[d.anchor] || d.anchor || 'unknown');
  if (m.importance != null) row(dl, 'Importance', m.importance.toFixed(2));
  if (ev.kind) row(dl, 'Kind', ev.kind === 'published' ? 'publication' : ev.kind);
  // what the event carries besides its date: durations ("for six hours"), sets ("each spring") and,
  // on a publication, the references to its time ("now", "recently")
  for (const [field, term] of ANNOTATIONS) {
    const list = Array.isArray(ev[field]) ? ev[field] : [];
    const told = list.filter((a) => a && a.text != null).map((a) => `“${a.text}”${a.value ? ` (${a.value})` : ''}`);
    if (told.length) row(dl, term, told.join(', '));
  }

  const sources = el('ul', 'detail-sources');
  for (const mt of ev.mentions || []) {
    const doc = model.docById.get(mt.doc);
    const li = el('li');
    li.append(el('strong', null, doc ? doc.title || doc.id : mt.doc));
    if (doc) li.append(document.createTextNode(` — published ${doc.published}`));
    if (doc?.source) li.append(el('span', 'detail-source', doc.source));
    if (mt.timex) li.append(el('span', 'detail-timex', `“${mt.timex}”`));
    sources.append(li);
  }
  body.replaceChildren(h, sentence, dl, el('h3', null, 'Sources'), sources);
}
