// Canvas drawing of the time axis, group bands and events.
import { scaleUtc } from 'd3-scale';
import { POINT_PX, MIN_BAR_PX } from './layout.js';
import { tickLabel } from './data.js';

export const DIMS = { axis: 34, header: 20, lane: 22, gap: 6 };

/** Reads the theme colours from CSS custom properties. */
export function readTheme(el) {
  const cs = getComputedStyle(el);
  const v = (n) => cs.getPropertyValue(n).trim();
  return {
    bg: v('--bg'), fg: v('--fg'), muted: v('--muted'), grid: v('--grid'), band: v('--band'),
    select: v('--select'), palette: [1, 2, 3, 4, 5, 6].map((k) => v(`--c${k}`)),
    font: `12px ${cs.fontFamily}`,
  };
}

function hatch(ctx, color) {
  const c = document.createElement('canvas');
  c.width = c.height = 6;
  const g = c.getContext('2d');
  g.strokeStyle = color;
  g.lineWidth = 1.5;
  g.beginPath();
  g.moveTo(0, 6); g.lineTo(6, 0);
  g.moveTo(-1, 1); g.lineTo(1, -1);
  g.moveTo(5, 7); g.lineTo(7, 5);
  g.stroke();
  return ctx.createPattern(c, 'repeat');
}

export class Painter {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.patterns = new Map();
  }

  setTheme(theme) {
    this.theme = theme;
    this.patterns.clear();
  }

  pattern(color) {
    let p = this.patterns.get(color);
    if (!p) { p = hatch(this.ctx, color); this.patterns.set(color, p); }
    return p;
  }

  resize(w, h) {
    const dpr = window.devicePixelRatio || 1;
    this.w = w; this.h = h; this.dpr = dpr;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(h * dpr);
  }

  /**
   * Draws everything. `s` = { start, end, scrollY, layout, selected, colorOf }.
   * Returns the number of events drawn.
   */
  draw(s) {
    const { ctx, theme: t, w, h } = this;
    const mpp = (s.end - s.start) / w;
    const X = (ms) => (ms - s.start) / mpp;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.fillStyle = t.bg;
    ctx.fillRect(0, 0, w, h);
    ctx.font = t.font;
    ctx.textBaseline = 'middle';

    const scale = scaleUtc().domain([new Date(s.start), new Date(s.end)]).range([0, w]);
    const ticks = scale.ticks(Math.max(2, Math.floor(w / 110)));
    const fmt = scale.tickFormat();
    ctx.strokeStyle = t.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const d of ticks) {
      const x = Math.round(scale(d)) + 0.5;
      ctx.moveTo(x, DIMS.axis - 6);
      ctx.lineTo(x, h);
    }
    ctx.stroke();

    let drawn = 0;
    const top = DIMS.axis - s.scrollY;
    for (const g of s.layout.groups) {
      const gy = top + g.top;
      if (gy > h || gy + g.height < DIMS.axis) continue;
      ctx.fillStyle = t.band;
      ctx.fillRect(0, gy, w, DIMS.header);
      ctx.fillStyle = t.fg;
      ctx.textAlign = 'left';
      ctx.fillText(`${g.title} (${g.items.length})`, 6, gy + DIMS.header / 2, w - 12);
      const ly = gy + DIMS.header;
      for (const m of g.items) {
        const y = ly + m.lane * DIMS.lane;
        if (y + DIMS.lane < DIMS.axis || y > h) continue;
        if (m.end < s.start - POINT_PX * mpp || m.start > s.end + POINT_PX * mpp) continue;
        drawn++;
        this.item(m, X, y, s, mpp);
      }
    }

    // a thin scroll indicator when the lanes are taller than the view
    const viewH = h - DIMS.axis;
    if (s.layout.height > viewH) {
      const thumb = Math.max(24, (viewH * viewH) / s.layout.height);
      const y = DIMS.axis + (s.scrollY / (s.layout.height - viewH)) * (viewH - thumb);
      ctx.fillStyle = t.muted;
      ctx.globalAlpha = 0.5;
      ctx.fillRect(w - 5, y, 4, thumb);
      ctx.globalAlpha = 1;
    }

    // axis on top of the scrolled content
    ctx.fillStyle = t.bg;
    ctx.fillRect(0, 0, w, DIMS.axis);
    ctx.strokeStyle = t.muted;
    ctx.beginPath();
    ctx.moveTo(0, DIMS.axis - 0.5);
    ctx.lineTo(w, DIMS.axis - 0.5);
    ctx.stroke();
    ctx.fillStyle = t.fg;
    ctx.textAlign = 'center';
    for (const d of ticks) ctx.fillText(tickLabel(d, fmt(d)), scale(d), DIMS.axis / 2 - 2);
    return drawn;
  }

  item(m, X, y, s, mpp) {
    const { ctx, theme: t } = this;
    const color = s.colorOf(m);
    const cy = y + DIMS.lane / 2;
    const selected = s.selected === m;
    let x0;
    let labelX;
    ctx.setLineDash(m.approx ? [3, 2] : []);
    if (m.point) {
      x0 = X(m.start);
      ctx.beginPath();
      ctx.arc(x0, cy, POINT_PX / 2 - 1.5, 0, Math.PI * 2);
      ctx.fillStyle = m.derived ? this.pattern(color) : m.approx ? t.bg : color;
      ctx.fill();
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5;
      ctx.stroke();
      labelX = x0 + POINT_PX / 2 + 2;
    } else {
      x0 = X(m.start);
      const x1 = Math.max(X(m.end), x0 + MIN_BAR_PX);
      const bx = Math.max(x0, -4);
      const bw = Math.min(x1, this.w + 4) - bx;
      const bh = DIMS.lane - 6;
      if (m.derived) {
        ctx.fillStyle = this.pattern(color);
      } else {
        ctx.globalAlpha = m.approx ? 0.25 : 0.55;
        ctx.fillStyle = color;
      }
      ctx.fillRect(bx, y + 3, bw, bh);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(bx + 0.75, y + 3.75, bw - 1.5, bh - 1.5);
      const labelW = (m.ev.headline || m.ev.date.value).length * 6.6;
      labelX = Math.min(x1, this.w) - Math.max(x0, 0) - 8 >= labelW ? Math.max(x0, 0) + 4 : x1 + 3;
    }
    ctx.setLineDash([]);
    if (selected) {
      ctx.strokeStyle = t.select;
      ctx.lineWidth = 2;
      const x1 = m.point ? x0 + POINT_PX / 2 : Math.max(X(m.end), x0 + MIN_BAR_PX);
      const xa = m.point ? x0 - POINT_PX / 2 : x0;
      ctx.strokeRect(xa - 2, y + 1, x1 - xa + 4, DIMS.lane - 2);
    }
    const room = Math.min(X(m.next), this.w) - labelX - 4;
    if (room > 24) {
      ctx.fillStyle = t.fg;
      ctx.textAlign = 'left';
      const label = m.ev.headline || m.ev.date.value;
      const fit = Math.floor(room / 6.6);
      ctx.fillText(label.length > fit ? `${label.slice(0, Math.max(1, fit - 1))}…` : label, labelX, cy);
    }
  }
}
