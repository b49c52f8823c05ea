// The interactive axis: view window, zoom and pan by wheel, drag, buttons and keys; hit testing.
import { Painter, DIMS, readTheme } from './draw.js';
import { makeGroups, packGroups, applyPacking, POINT_PX, MIN_BAR_PX } from './layout.js';
import { DAY_MS } from './data.js';

const HOUR = 3600000;
export const MIN_SPAN = 2 * HOUR;
export const MAX_SPAN = 3000 * 365.25 * DAY_MS;

export class TimelineView {
  /** @param {HTMLElement} host element that receives the canvas */
  constructor(host, { onSelect, onView, colorOf }) {
    this.host = host;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'axis-canvas';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Timeline axis; use the list for a text view');
    host.append(this.canvas);
    this.painter = new Painter(this.canvas);
    this.onSelect = onSelect;
    this.onView = onView;
    this.colorOf = colorOf;
    this.items = [];
    this.start = 0;
    this.end = DAY_MS;
    this.scrollY = 0;
    this.byDoc = true;
    this.selected = null;
    this.level = NaN;
    this.layout = { groups: [], height: 0 };
    this.groups = [];
    this.packCache = new Map(); // zoom level -> packing of this.groups
    this.frame = 0;
    this.lastDrawMs = 0;
    this.renderedCount = 0;
    this.renders = 0;
    this.model = null;
    this.applyTheme();
    new ResizeObserver(() => this.resize()).observe(host);
    this.resize();
    this.bindPointer();
  }

  applyTheme() {
    this.painter.setTheme(readTheme(this.host));
    this.invalidate();
  }

  resize() {
    const w = Math.max(1, this.host.clientWidth);
    const h = Math.max(1, this.host.clientHeight);
    if (w === this.painter.w && h === this.painter.h) return;
    const oldW = this.painter.w;
    this.painter.resize(w, h);
    if (oldW && this.model) this.end = this.start + ((this.end - this.start) * w) / oldW;
    this.level = NaN;
    this.invalidate();
  }

  get width() { return this.painter.w || 1; }
  get mpp() { return (this.end - this.start) / this.width; }

  setData(model, items, byDoc) {
    this.model = model;
    this.items = items;
    this.byDoc = byDoc;
    this.groups = makeGroups(items, model, byDoc);
    this.packCache.clear();
    this.level = NaN;
    if (this.selected && !items.includes(this.selected)) this.selected = null;
    this.invalidate();
  }

  /** Shows all items (or the given range) with a margin. */
  fit(items = this.items) {
    if (!items.length) return;
    let a = Infinity;
    let b = -Infinity;
    for (const m of items) { a = Math.min(a, m.start); b = Math.max(b, m.end); }
    const span = Math.max(b - a, 2 * DAY_MS);
    this.setWindow(a - span * 0.05, b + span * 0.05);
  }

  setWindow(start, end) {
    let span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, end - start));
    const mid = (start + end) / 2;
    this.start = mid - span / 2;
    this.end = mid + span / 2;
    this.invalidate();
  }

  zoom(factor, anchorX = this.width / 2) {
    const span = this.end - this.start;
    const next = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span * factor));
    const t = this.start + (anchorX / this.width) * span;
    this.start = t - (anchorX / this.width) * next;
    this.end = this.start + next;
    this.invalidate();
  }

  pan(dx, dy = 0) {
    const d = dx * this.mpp;
    this.start += d;
    this.end += d;
    this.scrollBy(dy);
    this.invalidate();
  }

  scrollBy(dy) {
    const max = Math.max(0, this.layout.height - (this.painter.h - DIMS.axis));
    this.scrollY = Math.min(max, Math.max(0, this.scrollY + dy));
    this.invalidate();
  }

  centerOn(m) {
    const span = this.end - this.start;
    const mid = (m.start + m.end) / 2;
    if (!m.point && m.end - m.start > span * 0.9) {
      this.setWindow(m.start - (m.end - m.start) * 0.1, m.end + (m.end - m.start) * 0.1);
    } else {
      this.start = mid - span / 2;
      this.end = mid + span / 2;
    }
    this.ensureLaneVisible(m);
    this.invalidate();
  }

  /** Brings the item into view only when it is outside the window. */
  reveal(m) {
    const margin = (this.end - this.start) * 0.05;
    if (m.start < this.start + margin || m.start > this.end - margin) this.centerOn(m);
    else { this.ensureLaneVisible(m); this.invalidate(); }
  }

  ensureLaneVisible(m) {
    this.relayout();
    const y = this.itemY(m);
    if (y == null) return;
    const viewH = this.painter.h - DIMS.axis;
    if (y < this.scrollY) this.scrollY = Math.max(0, y - DIMS.header);
    else if (y + DIMS.lane > this.scrollY + viewH) this.scrollY = y + DIMS.lane - viewH + DIMS.gap;
  }

  itemY(m) {
    if (!m.group || !this.layout.groups.includes(m.group)) return null;
    return m.group.top + DIMS.header + m.lane * DIMS.lane;
  }

  select(m) {
    this.selected = m;
    this.invalidate();
  }

  relayout() {
    const level = Math.round(Math.log2(this.mpp) * 2) / 2;
    if (level === this.level) return;
    this.level = level;
    let packs = this.packCache.get(level);
    if (!packs) {
      packs = packGroups(this.groups, 2 ** level);
      this.cachePacking(level, packs);
    }
    this.layout = applyPacking(this.groups, packs, DIMS);
    this.prepareNeighbours(level);
    this.scrollBy(0);
  }

  cachePacking(level, packs) {
    if (this.packCache.size >= 24) this.packCache.delete(this.packCache.keys().next().value);
    this.packCache.set(level, packs);
  }

  /** Packs the zoom levels next to `level` while the browser is idle, so zooming finds them ready. */
  prepareNeighbours(level) {
    const idle = window.requestIdleCallback || ((f) => setTimeout(f, 50));
    const groups = this.groups;
    const todo = [0.5, -0.5, 1, -1, 1.5, -1.5, 2, -2].map((d) => level + d);
    const work = () => {
      if (groups !== this.groups) return; // data changed meanwhile
      const l = todo.shift();
      if (l === undefined) return;
      if (!this.packCache.has(l)) this.cachePacking(l, packGroups(groups, 2 ** l));
      idle(work);
    };
    idle(work);
  }

  invalidate() {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  render() {
    this.frame = 0;
    const t0 = performance.now();
    this.relayout();
    this.lastPackMs = performance.now() - t0;
    this.renderedCount = this.painter.draw({
      start: this.start, end: this.end, scrollY: this.scrollY, layout: this.layout,
      selected: this.selected, colorOf: this.colorOf,
    });
    this.lastDrawMs = performance.now() - t0;
    this.renders++;
    const c = this.canvas.dataset;
    c.rendered = String(this.renderedCount);
    c.groups = String(this.layout.groups.length);
    c.viewStart = new Date(this.start).toISOString();
    c.viewEnd = new Date(this.end).toISOString();
    const t1 = performance.now();
    this.onView?.(this.start, this.end);
    this.lastListMs = performance.now() - t1;
  }

  /** The item under canvas point (x, y), or null. */
  hit(x, y) {
    if (y < DIMS.axis) return null;
    const mpp = this.mpp;
    const cy = y - DIMS.axis + this.scrollY;
    for (const g of this.layout.groups) {
      if (cy < g.top || cy >= g.top + g.height) continue;
      const lane = Math.floor((cy - g.top - DIMS.header) / DIMS.lane);
      if (lane < 0) return null;
      const t = this.start + x * mpp;
      let best = null;
      for (const m of g.items) {
        if (m.lane !== lane) continue;
        const a = m.point ? m.start - (POINT_PX / 2) * mpp : m.start;
        const b = m.point ? m.start + (POINT_PX / 2) * mpp : Math.max(m.end, m.start + MIN_BAR_PX * mpp);
        if (t >= a && t <= b) best = m;
      }
      return best;
    }
    return null;
  }

  /** Canvas-relative centre of an item, for tests and benchmarks. */
  positionOf(m) {
    this.relayout();
    const y = this.itemY(m);
    if (y == null) return null;
    const x = m.point ? (m.start - this.start) / this.mpp : ((Math.max(m.start, this.start) - this.start) / this.mpp) + 3;
    return { x, y: DIMS.axis + y - this.scrollY + DIMS.lane / 2 };
  }

  bindPointer() {
    const c = this.canvas;
    let drag = null;
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      const rect = c.getBoundingClientRect();
      if (e.shiftKey) { this.scrollBy(e.deltaY); return; }
      if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) { this.pan(e.deltaX); return; }
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      this.zoom(Math.exp(e.deltaY * unit * 0.002), e.clientX - rect.left);
    }, { passive: false });
    // one pointer drags (pan), two pointers pinch (zoom around their midpoint); a short tap selects
    const pointers = new Map();
    let pinch = null;
    const spread = () => {
      const [a, b] = [...pointers.values()];
      return { d: Math.hypot(a.x - b.x, a.y - b.y), mid: (a.x + b.x) / 2 };
    };
    c.addEventListener('pointerdown', (e) => {
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      try { c.setPointerCapture(e.pointerId); } catch { /* pointer already gone */ }
      if (pointers.size === 2) { drag = null; pinch = spread(); return; }
      if (pointers.size === 1) drag = { x: e.clientX, y: e.clientY, moved: 0, id: e.pointerId };
    });
    c.addEventListener('pointermove', (e) => {
      const p = pointers.get(e.pointerId);
      if (!p) return;
      p.x = e.clientX;
      p.y = e.clientY;
      if (pinch && pointers.size === 2) {
        const now = spread();
        const rect = c.getBoundingClientRect();
        if (now.d > 10 && pinch.d > 10) this.zoom(pinch.d / now.d, now.mid - rect.left);
        this.pan(pinch.mid - now.mid);
        pinch = now;
        return;
      }
      if (!drag || drag.id !== e.pointerId) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      drag.moved += Math.abs(dx) + Math.abs(dy);
      drag.x = e.clientX;
      drag.y = e.clientY;
      if (drag.moved > 3) { c.classList.add('dragging'); this.pan(-dx, -dy); }
    });
    const up = (e) => {
      pointers.delete(e.pointerId);
      if (pointers.size < 2) pinch = null;
      if (!drag || drag.id !== e.pointerId) return;
      const click = drag.moved <= 3;
      drag = null;
      c.classList.remove('dragging');
      if (click && e.type === 'pointerup') {
        const rect = c.getBoundingClientRect();
        const m = this.hit(e.clientX - rect.left, e.clientY - rect.top);
        this.onSelect?.(m, true);
      }
    };
    c.addEventListener('pointerup', up);
    c.addEventListener('pointercancel', up);
  }
}
