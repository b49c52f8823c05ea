// Lane packing: events of one group go into the lowest free lane, so that no two overlap on screen
// at the zoom level the packing was made for. Packings are made per zoom level (factors of √2) and
// cached, so zooming back and forth reuses them.

export const POINT_PX = 12; // room a point takes on the axis
export const MIN_BAR_PX = 6;
export const GAP_PX = 3;
export const LABEL_PX = 70; // room kept after an item's start so that a short label fits
export const MAX_LABELLED_LANES = 12;

/** Extent [from, to) in ms that an item occupies at `mpp` milliseconds per pixel. */
export function extent(m, mpp, labelPx = LABEL_PX) {
  const room = Math.max(labelPx, POINT_PX / 2 + GAP_PX);
  if (m.point) return [m.start - (POINT_PX / 2) * mpp, m.start + room * mpp];
  return [m.start, Math.max(m.end + GAP_PX * mpp, m.start + Math.max(labelPx, MIN_BAR_PX + GAP_PX) * mpp)];
}

/** Binary min-heap of integer ids keyed by a number, in typed arrays (no allocation per push). */
class Heap {
  constructor(n) { this.key = new Float64Array(n); this.id = new Int32Array(n); this.size = 0; }
  push(k, id) {
    const { key, id: ids } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (key[p] <= k) break;
      key[i] = key[p]; ids[i] = ids[p];
      i = p;
    }
    key[i] = k; ids[i] = id;
  }
  pop() { // returns the id with the smallest key
    const { key, id: ids } = this;
    const top = ids[0];
    const n = --this.size;
    const k = key[n];
    const v = ids[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && key[c + 1] < key[c]) c++;
      if (key[c] >= k) break;
      key[i] = key[c]; ids[i] = ids[c];
      i = c;
    }
    key[i] = k; ids[i] = v;
    return top;
  }
}

/**
 * Packs `items` (sorted by start) into lanes. Returns { count, lane: Int32Array, next: Float64Array },
 * where next[k] is the start of the following item in item k's lane (to clip its label).
 */
export function packLanes(items, mpp, labelPx = LABEL_PX) {
  const n = items.length;
  const lane = new Int32Array(n);
  const next = new Float64Array(n).fill(Infinity);
  const from = new Float64Array(n);
  const to = new Float64Array(n);
  const points = [];
  const bars = [];
  const room = Math.max(labelPx, POINT_PX / 2 + GAP_PX) * mpp;
  const barRoom = Math.max(labelPx, MIN_BAR_PX + GAP_PX) * mpp;
  const half = (POINT_PX / 2) * mpp;
  const gap = GAP_PX * mpp;
  for (let k = 0; k < n; k++) { // the same as extent(), without an array per item
    const m = items[k];
    if (m.point) {
      from[k] = m.start - half;
      to[k] = m.start + room;
      points.push(k);
    } else {
      from[k] = m.start;
      to[k] = Math.max(m.end + gap, m.start + barRoom);
      bars.push(k);
    }
  }
  const busy = new Heap(n); // lanes in use, keyed by when they free up
  const free = new Heap(n); // lane numbers free again, keyed by number
  const last = new Int32Array(n).fill(-1);
  let count = 0;
  // sweep in order of `from`: points and bars are each sorted already, so merge them
  let p = 0;
  let q = 0;
  while (p < points.length || q < bars.length) {
    const k = q >= bars.length || (p < points.length && from[points[p]] <= from[bars[q]]) ? points[p++] : bars[q++];
    while (busy.size && busy.key[0] <= from[k]) {
      const l = busy.pop();
      free.push(l, l);
    }
    const l = free.size ? free.pop() : count++;
    busy.push(to[k], l);
    lane[k] = l;
    if (last[l] >= 0) next[last[l]] = items[k].start;
    last[l] = k;
  }
  return { count, lane, next };
}

/** Splits the shown items into groups: one per document (in document order) or one story group. */
export function makeGroups(items, model, byDoc) {
  if (!byDoc) return [{ key: '', title: 'Story', items }];
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
  return [...map.values()].filter((g) => g.items.length);
}

/** Packs every group at `mpp`: labelled while a group stays compact, points and bars only when crowded. */
export function packGroups(groups, mpp) {
  return groups.map((g) => {
    const packed = packLanes(g.items, mpp);
    return packed.count > MAX_LABELLED_LANES ? packLanes(g.items, mpp, 0) : packed;
  });
}

/** Writes a packing onto the groups and items (g.top, g.height, g.lanes, m.group, m.lane, m.next). */
export function applyPacking(groups, packs, dims) {
  let top = 0;
  groups.forEach((g, i) => {
    const { count, lane, next } = packs[i];
    g.lanes = count;
    g.top = top;
    g.height = dims.header + Math.max(1, count) * dims.lane + dims.gap;
    top += g.height;
    g.items.forEach((m, k) => {
      m.group = g;
      m.lane = lane[k];
      m.next = next[k];
    });
  });
  return { groups, height: top };
}
