// The key dates of a summarized timeline: each day with its importance and its summary sentences,
// built from text nodes only (article text is data, never markup).
import { formatDay, weightOf } from './data.js';

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

export class KeyDates {
  constructor(root, { onPick }) {
    this.root = root;
    this.onPick = onPick;
    this.dates = [];
    this.selected = null;
    root.addEventListener('click', (e) => {
      const li = e.target.closest('li[data-key]');
      if (li) this.onPick(this.dates[Number(li.dataset.key)]);
    });
    root.addEventListener('keydown', (e) => {
      const li = e.target.closest('li[data-key]');
      if (li && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        e.stopPropagation();
        this.onPick(this.dates[Number(li.dataset.key)]);
      }
    });
  }

  /** dates: the model's key dates still in sight; model: for the documents' titles. */
  setDates(dates, model) {
    this.dates = dates;
    const rows = dates.map((k, n) => {
      const li = el('li', 'key-date');
      li.dataset.key = String(n);
      li.dataset.date = k.date;
      li.tabIndex = 0;
      const w = weightOf(k.importance);
      if (w != null) li.dataset.weight = String(w);
      if (k === this.selected) li.classList.add('selected');
      const head = el('div', 'key-head');
      head.append(el('span', 'key-day', formatDay(k.date)));
      if (k.importance != null) {
        const meter = el('span', 'key-importance');
        meter.title = `importance ${k.importance.toFixed(2)}`;
        meter.setAttribute('aria-label', meter.title);
        const fill = el('i');
        fill.style.width = `${Math.round(k.importance * 100)}%`;
        meter.append(fill);
        head.append(meter);
      }
      const ul = el('ul', 'key-sentences');
      for (const s of k.sentences) {
        const item = el('li', null, s.text);
        const doc = model.docById.get(s.doc);
        if (s.doc) item.append(el('cite', null, doc ? doc.title || doc.id : s.doc));
        ul.append(item);
      }
      if (!k.sentences.length) ul.append(el('li', 'key-none', 'No sentence for this date.'));
      li.append(head, ul);
      return li;
    });
    const list = el('ol', 'key-dates-list');
    list.append(...rows);
    this.root.replaceChildren(list);
  }

  setSelected(k) {
    this.selected = k;
    for (const li of this.root.querySelectorAll('li[data-key]')) {
      const on = this.dates[Number(li.dataset.key)] === k;
      li.classList.toggle('selected', on);
      if (on) li.scrollIntoView({ block: 'nearest' });
    }
  }
}
