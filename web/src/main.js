// Glue: loading, filters, selection, keyboard, list and axis kept in step.
import { buildModel, formatRange } from './data.js';
import { KeyDates } from './keydates.js';
import { TimelineView } from './timeline.js';
import { EventList } from './list.js';
import { renderDetail } from './detail.js';
import { canFetch, embeddedTimeline, fetchIndex, fetchJson, readFile } from './loader.js';

const $ = (id) => document.getElementById(id);

const state = { model: null, items: [], selected: null, colors: new Map(), mode: 'all', keyEvents: new Set() };

const status = (msg, isError = false) => {
  const s = $('status');
  s.textContent = msg;
  s.classList.toggle('error', isError);
};

const view = new TimelineView($('axis'), {
  onSelect: (m, open) => select(m, { open, reveal: false }),
  onView: (start, end) => list.setView(start, end),
  colorOf: (m) => view.painter.theme.palette[(state.colors.get(m.doc) ?? 0) % 6],
});

const list = new EventList($('list'), {
  onPick: (m) => { select(m, { open: true, reveal: false }); view.centerOn(m); },
  label: (m) => formatRange(m.ev.date),
});

const keyDates = new KeyDates($('key-dates'), {
  onPick: (k) => {
    keyDates.setSelected(k);
    const m = k.events.find((x) => state.items.includes(x));
    if (m) { select(m, { open: false, reveal: false }); view.centerOn(m); }
  },
});

function select(m, { open = false, reveal = true } = {}) {
  state.selected = m || null;
  view.select(state.selected);
  list.setSelected(state.selected);
  if (state.mode === 'key') keyDates.setSelected(m ? state.model.keyDates.find((k) => k.events.includes(m)) ?? null : null);
  if (!m) { closeDetail(); return; }
  if (reveal) view.reveal(m);
  if (open || !$('detail').hidden) openDetail();
}

function openDetail() {
  if (!state.selected) return;
  renderDetail($('detail-body'), state.selected, state.model);
  $('detail').hidden = false;
}

function closeDetail() {
  $('detail').hidden = true;
}

function applyFilters({ refit = false } = {}) {
  const model = state.model;
  if (!model) return;
  const doc = $('doc-filter').value;
  const q = $('search').value.trim().toLowerCase();
  const keyOnly = state.mode === 'key';
  state.items = model.events.filter((m) => (!keyOnly || state.keyEvents.has(m))
    && (!doc || m.doc === doc) && (!q || m.search.includes(q)));
  if (state.selected && !state.items.includes(state.selected)) select(null);
  view.setData(model, state.items, $('group-docs').checked);
  $('key-dates').hidden = !keyOnly;
  $('list').hidden = keyOnly;
  $('list').parentElement.classList.toggle('wide', keyOnly);
  let shown = '';
  if (keyOnly) {
    const dates = model.keyDates.filter((k) => (!doc || k.sentences.some((s) => s.doc === doc) || k.events.some((m) => m.doc === doc))
      && (!q || k.sentences.some((s) => s.text.toLowerCase().includes(q)) || k.events.some((m) => m.search.includes(q))));
    keyDates.setDates(dates, model);
    shown = `${dates.length} key dates, `;
  } else {
    list.setItems(state.items);
  }
  if (refit) view.fit(state.items.length ? state.items : model.events);
  const n = state.items.length;
  $('summary').textContent = `${shown}${n} of ${model.events.length} events, ${model.documents.length} documents`;
}

function setMode(mode, { refit = true } = {}) {
  state.mode = mode;
  $('mode-key').setAttribute('aria-pressed', String(mode === 'key'));
  $('mode-all').setAttribute('aria-pressed', String(mode === 'all'));
  if (refit) applyFilters({ refit: true });
}

function show(json, name) {
  const model = buildModel(json);
  state.model = model;
  state.selected = null;
  closeDetail();
  state.colors = new Map(model.documents.map((d, k) => [d.id, k]));
  // a summarized timeline opens on its key dates; everything else is one click away
  state.keyEvents = new Set(model.keyDates.flatMap((k) => k.events));
  setMode(model.keyDates.length ? 'key' : 'all', { refit: false });
  $('modes').hidden = !model.keyDates.length;
  keyDates.setSelected(null);
  const sel = $('doc-filter');
  const opts = [new Option('All documents', '')];
  for (const d of model.documents) opts.push(new Option(d.title || d.id, d.id));
  sel.replaceChildren(...opts);
  $('search').value = '';
  applyFilters({ refit: true });
  status(`${name}${model.skipped ? ` (${model.skipped} events without a usable date skipped)` : ''}`);
  document.title = `${name} — timeliner`;
  requestAnimationFrame(() => {
    performance.mark('timeliner-rendered');
    document.documentElement.dataset.state = 'ready';
  });
}

async function load(promise, name) {
  document.documentElement.dataset.state = 'loading';
  status(`Loading ${name}…`);
  try {
    show(await promise, name);
  } catch (e) {
    document.documentElement.dataset.state = 'error';
    status(`Could not open ${name}: ${e.message}`, true);
  }
}

function loadFile(file) {
  if (file) load(readFile(file), file.name);
}

function step(dir) {
  const items = state.items;
  if (!items.length) return;
  let k = state.selected ? items.indexOf(state.selected) + dir : -1;
  if (!state.selected) {
    // start from the first event in the visible window
    k = items.findIndex((m) => m.end >= view.start);
    if (k < 0) k = items.length - 1;
  }
  select(items[Math.min(items.length - 1, Math.max(0, k))]);
}

function onKey(e) {
  const t = e.target;
  const typing = t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;
  if (e.key === 'Escape') {
    if (!$('detail').hidden) { closeDetail(); e.preventDefault(); }
    return;
  }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  switch (e.key) {
    case 'ArrowRight': case 'ArrowDown': step(1); break;
    case 'ArrowLeft': case 'ArrowUp': step(-1); break;
    case '+': case '=': view.zoom(1 / 1.5); break;
    case '-': case '_': view.zoom(1.5); break;
    case 'Enter': if (t instanceof HTMLButtonElement) return; openDetail(); break;
    case 'Home': if (state.items.length) select(state.items[0]); break;
    case 'End': if (state.items.length) select(state.items[state.items.length - 1]); break;
    default: return;
  }
  e.preventDefault();
}

function bindUi() {
  $('zoom-in').addEventListener('click', () => view.zoom(1 / 1.5));
  $('zoom-out').addEventListener('click', () => view.zoom(1.5));
  $('zoom-fit').addEventListener('click', () => view.fit());
  $('mode-key').addEventListener('click', () => setMode('key'));
  $('mode-all').addEventListener('click', () => setMode('all'));
  $('doc-filter').addEventListener('change', () => applyFilters());
  $('search').addEventListener('input', () => applyFilters());
  $('group-docs').addEventListener('change', () => applyFilters());
  $('detail-close').addEventListener('click', closeDetail);
  $('file-input').addEventListener('change', (e) => loadFile(e.target.files[0]));
  $('timeline-select').addEventListener('change', (e) => {
    const o = e.target.selectedOptions[0];
    if (o && o.value) load(fetchJson(o.value), o.textContent);
  });
  document.addEventListener('keydown', onKey);
  let depth = 0;
  const hint = $('drop-hint');
  document.addEventListener('dragenter', (e) => { e.preventDefault(); depth++; hint.hidden = false; });
  document.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; hint.hidden = true; } });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    hint.hidden = true;
    loadFile(e.dataTransfer?.files?.[0]);
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => view.applyTheme());
}

async function start() {
  bindUi();
  // test and benchmark hook: read-only views of the current state
  window.__timeliner = {
    positionOf: (id) => { const m = state.items.find((x) => x.id === id); return m ? view.positionOf(m) : null; },
    view: () => ({ start: view.start, end: view.end, rendered: view.renderedCount, drawMs: view.lastDrawMs, packMs: view.lastPackMs, listMs: view.lastListMs, renders: view.renders }),
  };
  let embedded;
  try {
    embedded = embeddedTimeline();
  } catch (e) {
    status(`The embedded timeline is not valid JSON: ${e.message}`, true);
    return;
  }
  if (embedded) {
    $('open-remote').hidden = true;
    load(Promise.resolve(embedded), embedded.documents?.[0]?.title || 'Embedded timeline');
    return;
  }
  const param = new URLSearchParams(location.search).get('timeline');
  if (param) {
    load(fetchJson(new URL(param, location.href)), param.split('/').pop());
    return;
  }
  if (!canFetch()) {
    $('open-remote').hidden = true;
    status('Open a timeline JSON file, or drop one on the page.');
    return;
  }
  try {
    const entries = await fetchIndex();
    const sel = $('timeline-select');
    sel.replaceChildren(...entries.map((e) => new Option(e.title, e.url)));
    $('open-remote').hidden = entries.length === 0;
    if (entries.length) load(fetchJson(entries[0].url), entries[0].title);
    else status('timelines/index.json lists no timelines. Open a file instead.');
  } catch (e) {
    $('open-remote').hidden = true;
    status(`No timeline list (${e.message}). Open a timeline JSON file, or drop one on the page.`);
  }
}

start();
