// Virtualised list of events in time order: only the rows in sight are in the DOM.
import { weightOf } from './data.js';

const ROW_H = 44;
const OVERSCAN = 6;

export class EventList {
  constructor(scroller, { onPick, label }) {
    this.scroller = scroller;
    this.onPick = onPick;
    this.label = label;
    this.items = [];
    this.selected = null;
    this.view = [0, 0];
    this.userScrollUntil = 0;
    this.spacer = document.createElement('div');
    this.spacer.className = 'list-spacer';
    this.body = document.createElement('ol');
    this.body.className = 'list-rows';
    this.spacer.append(this.body);
    scroller.append(this.spacer);
    scroller.addEventListener('scroll', () => this.renderRows());
    // a scroll the user makes by hand wins over following the axis for a moment
    for (const ev of ['wheel', 'touchmove', 'pointerdown']) {
      scroller.addEventListener(ev, () => { this.userScrollUntil = performance.now() + 1500; }, { passive: true });
    }
    this.body.addEventListener('click', (e) => {
      const li = e.target.closest('li[data-index]');
      if (li) this.onPick(this.items[Number(li.dataset.index)]);
    });
  }

  setItems(items) {
    this.items = items;
    this.shown = null;
    this.spacer.style.height = `${items.length * ROW_H}px`;
    this.renderRows();
  }

  setSelected(m) {
    this.selected = m;
    this.shown = null;
    if (m) {
      const k = this.items.indexOf(m);
      const top = k * ROW_H;
      const s = this.scroller;
      if (k >= 0 && (top < s.scrollTop || top + ROW_H > s.scrollTop + s.clientHeight)) {
        s.scrollTop = top - s.clientHeight / 2 + ROW_H / 2;
      }
    }
    this.renderRows();
  }

  /** Follows the axis: marks rows in the visible window and scrolls to the first of them. */
  setView(start, end) {
    this.view = [start, end];
    if (performance.now() > this.userScrollUntil && this.items.length) {
      const k = this.items.findIndex((m) => m.end >= start && m.start <= end);
      if (k >= 0) {
        const s = this.scroller;
        const top = k * ROW_H;
        if (Math.abs(s.scrollTop - top) > 1) s.scrollTop = top;
      }
    }
    this.renderRows();
  }

  renderRows() {
    const s = this.scroller;
    const first = Math.max(0, Math.floor(s.scrollTop / ROW_H) - OVERSCAN);
    const last = Math.min(this.items.length, Math.ceil((s.scrollTop + s.clientHeight) / ROW_H) + OVERSCAN);
    const [vs, ve] = this.view;
    if (this.shown === `${first}:${last}`) {
      // same rows as before: only the in-view marks can have changed
      for (const li of this.body.children) {
        const m = this.items[Number(li.dataset.index)];
        li.classList.toggle('in-view', m.end >= vs && m.start <= ve);
      }
      return;
    }
    this.shown = `${first}:${last}`;
    const rows = [];
    for (let k = first; k < last; k++) {
      const m = this.items[k];
      const li = document.createElement('li');
      li.dataset.index = String(k);
      li.dataset.id = m.id;
      li.style.top = `${k * ROW_H}px`;
      li.className = 'list-row';
      if (m.end >= vs && m.start <= ve) li.classList.add('in-view');
      if (m === this.selected) {
        li.classList.add('selected');
        li.setAttribute('aria-current', 'true');
      }
      if (m.importance != null) li.dataset.weight = String(weightOf(m.importance));
      const date = document.createElement('span');
      date.className = 'row-date';
      date.textContent = this.label(m);
      const head = document.createElement('span');
      head.className = 'row-head';
      head.textContent = m.ev.headline || m.ev.text;
      li.append(date, head);
      rows.push(li);
    }
    this.body.replaceChildren(...rows);
  }
}
