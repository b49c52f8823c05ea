// Lane packing: events of one group go into the lowest free lane, so that no two overlap on screen
// at the zoom level the layout was made for (layouts are redone when the zoom changes by a factor of √2).

class MinHeap {
  constructor(less) { this.a = []; this.less = less; }
  get size() { return this.a.length; }
  peek() { return this.a[0]; }
  push(v) {
    const a = this.a;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop() {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

export const POINT_PX = 12; // room a point takes on the axis
export const MIN_BAR_PX = 6;
export const GAP_PX = 3;
export const LABEL_PX = 70;
export const MAX_LABELLED_LANES = 12; // room kept after an item's start so that a short label fits

/** Extent [from, to) in ms that an item occupies at `mpp` milliseconds per pixel. */
export function extent(m, mpp, labelPx = LABEL_PX) {
  const room = Math.max(labelPx, POINT_PX / 2 + GAP_PX);
  if (m.point) return [m.start - (POINT_PX / 2) * mpp, m.start + room * mpp];
  return [m.start, Math.max(m.end + GAP_PX * mpp, m.start + Math.max(labelPx, MIN_BAR_PX + GAP_PX) * mpp)];
}

/**
 * Assigns m.lane (and m.next: start of the next item in the same lane, for label clipping)
 * for `items`. Returns the number of lanes used.
 */
export function packLanes(items, mpp, labelPx = LABEL_PX) {
  // sweep in order of where each item's room begins (a point's room begins before its start)
  const order = items.map((m) => ({ m, span: extent(m, mpp, labelPx) }));
  order.sort((x, y) => x.span[0] - y.span[0] || x.span[1] - y.span[1]);
  const busy = new MinHeap((x, y) => x.to < y.to); // lanes in use, by when they free up
  const free = new MinHeap((x, y) => x < y); // lane numbers free again
  const lastInLane = [];
  let lanes = 0;
  for (const { m, span: [from, to] } of order) {
    while (busy.size && busy.peek().to <= from) free.push(busy.pop().lane);
    const lane = free.size ? free.pop() : lanes++;
    busy.push({ to, lane });
    m.lane = lane;
    m.next = Infinity;
    const prev = lastInLane[lane];
    if (prev) prev.next = m.start;
    lastInLane[lane] = m;
  }
  return lanes;
}

/**
 * Splits the visible items into groups (one per document, in document order, or one story group)
 * and packs each. Returns [{ key, title, items, lanes, top, height }].
 */
export function layoutGroups(items, model, byDoc, mpp, dims) {
  const groups = [];
  if (byDoc) {
    const map = new Map();
    for (const d of model.documents) map.set(d.id, { key: d.id, title: d.title || d.id, items: [] });
    for (const m of items) {
      let g = map.get(m.doc);
      if (!g) {
        g = { key: m.doc, title: m.doc || '(no document)', items: [] };
        map.set(m.doc, g);
      }
      g.items.push(m);
    }
    for (const g of map.values()) if (g.items.length) groups.push(g);
  } else {
    groups.push({ key: '', title: 'Story', items });
  }
  let top = 0;
  for (const g of groups) {
    // room for labels while that keeps a group compact; when crowded, points and bars only
    g.lanes = packLanes(g.items, mpp);
    if (g.lanes > MAX_LABELLED_LANES) g.lanes = packLanes(g.items, mpp, 0);
    for (const m of g.items) m.group = g;
    g.top = top;
    g.height = dims.header + Math.max(1, g.lanes) * dims.lane + dims.gap;
    top += g.height;
  }
  return { groups, height: top };
}
