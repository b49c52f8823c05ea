// Where a timeline comes from: the embedded data block, ?timeline=URL, timelines/index.json, or a local file.
/**
 * The JSON embedded in a standalone page, or null when the page carries only the placeholder comment.
 * (The placeholder is recognised by its leading comment, which JSON never has, so the bundle itself
 * never contains the placeholder text and a replace-all of it only touches the data block.)
 */
export function embeddedTimeline(doc = document) {
  const node = doc.getElementById('timeline-data');
  const text = node ? node.textContent.trim() : '';
  if (!text || text.startsWith('/*')) return null;
  return JSON.parse(text);
}

export function canFetch() {
  return location.protocol === 'http:' || location.protocol === 'https:';
}

export async function fetchJson(url) {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/**
 * Reads timelines/index.json: [{ "file": "example.json", "title": "..." }], file relative to timelines/.
 * Returns [{ url, title }].
 */
export async function fetchIndex(indexUrl = new URL('../timelines/index.json', location.href)) {
  const list = await fetchJson(indexUrl);
  if (!Array.isArray(list)) throw new Error('timelines/index.json is not a list');
  return list
    .filter((e) => e && typeof e.file === 'string')
    .map((e) => ({ url: new URL(e.file, indexUrl).href, title: String(e.title || e.file) }));
}

export function readFile(file) {
  return file.text().then((t) => JSON.parse(t));
}
