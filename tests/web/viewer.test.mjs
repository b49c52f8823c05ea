// End-to-end tests of the viewer in Debian's chromium (playwright-core). Run: scripts/web-test.sh
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, repoRoot } from './server.mjs';
import { launch, ready } from './browser.mjs';
import { embed } from './make-standalone.mjs';

const fixtures = join(repoRoot, 'tests/web/fixtures');
let base;
let server;
let browser;

before(async () => {
  assert.ok(existsSync(join(repoRoot, 'web/dist/viewer.js')), 'run scripts/web-setup.sh first (web/dist missing)');
  base = process.env.WEB_BASE_URL;
  if (!base) ({ server, url: base } = await startServer({ timelines: fixtures }));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A page that fails the test on any script error or CSP violation. */
async function open(path, { width = 1200, height = 760 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  if (path) {
    await page.goto(new URL(path, base).href);
    await ready(page);
  }
  return { page, problems };
}

const rendered = (page) => page.evaluate(() => Number(document.querySelector('.axis-canvas').dataset.rendered));
const span = (page) => page.evaluate(() => { const v = window.__timeliner.view(); return v.end - v.start; });

async function clickEvent(page, id) {
  const pos = await page.evaluate((i) => window.__timeliner.positionOf(i), id);
  assert.ok(pos, `event ${id} has a position`);
  const box = await page.locator('.axis-canvas').boundingBox();
  await page.mouse.click(box.x + pos.x, box.y + pos.y);
  await page.waitForSelector('#detail:not([hidden])');
}

test('opens the first timeline from timelines/index.json and renders every event', async () => {
  const { page, problems } = await open('web/');
  assert.equal(await rendered(page), 15);
  assert.match(await page.textContent('#summary'), /15 of 15 events, 2 documents/);
  const options = await page.$$eval('#timeline-select option', (o) => o.map((x) => x.textContent));
  assert.deepEqual(options, ['Sample: harbour and council', 'Injection test']);
  assert.ok((await page.locator('.list-row').count()) >= 10);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('clicking an event shows its details with the temporal phrase marked', async () => {
  const { page, problems } = await open('web/?timeline=../tests/web/fixtures/sample.json');
  await page.click('#zoom-fit');
  // e5: a week, "last week", resolved from the publication date, with an emoji before it (code points)
  // picking it in the list centres the axis on it; then click it on the canvas itself
  await page.locator('.list-row', { hasText: 'Safety test' }).click();
  await page.click('#detail-close');
  for (let k = 0; k < 8; k++) await page.click('#zoom-in');
  await clickEvent(page, 'e5');
  const detail = page.locator('#detail');
  assert.equal(await detail.locator('h2').textContent(), 'Safety test');
  assert.equal(await detail.locator('mark').textContent(), 'last week');
  assert.equal(await detail.locator('.detail-text').textContent(), '🚧 Engineers ran a load test last week with forty lorries for six hours, as they do each spring.');
  const fields = await detail.locator('dl').textContent();
  assert.match(fields, /2025-W15/);
  assert.match(fields, /week/);
  assert.match(fields, /2025-04-07 \.\. 2025-04-13/);
  assert.match(fields, /from the publication date/);
  // the durations and sets the event carries, as their phrase and value
  assert.match(fields, /Lasting“six hours” \(PT6H\)/);
  assert.match(fields, /Recurring“each spring” \(XXXX-SP\)/);
  assert.doesNotMatch(fields, /Time references/);
  assert.match(await detail.locator('.detail-sources').textContent(), /Harbour bridge reopens — published 2025-04-18/);
  await page.keyboard.press('Escape');
  assert.equal(await detail.isHidden(), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a publication lists the references to its time it carries', async () => {
  const { page } = await open('web/?timeline=../tests/web/fixtures/sample.json');
  await page.locator('.list-row', { hasText: 'Article published' }).click();
  const fields = await page.locator('#detail dl').textContent();
  assert.match(fields, /Kindpublication/);
  assert.match(fields, /Time references“now” \(PRESENT_REF\)/);
  assert.doesNotMatch(fields, /Lasting/);
  await page.close();
});

test('an event mentioned in two documents lists both sources', async () => {
  const { page } = await open('web/?timeline=../tests/web/fixtures/sample.json');
  await page.locator('.list-row', { hasText: 'Budget debate' }).click();
  const sources = await page.locator('#detail .detail-sources li').allTextContents();
  assert.equal(sources.length, 2);
  assert.match(sources[0], /Council budget vote — published 2025-04-20T09:15\+02:00/);
  assert.match(sources[1], /Harbour bridge reopens/);
  await page.close();
});

test('zoom by button, key and wheel changes the visible range', async () => {
  const { page } = await open('web/?timeline=../tests/web/fixtures/sample.json');
  const s0 = await span(page);
  await page.click('#zoom-in');
  const s1 = await span(page);
  assert.ok(s1 < s0 * 0.8, `zoom in: ${s1} < ${s0}`);
  await page.locator('.axis-canvas').focus();
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  assert.ok((await span(page)) > s1, 'zoom out by key');
  const box = await page.locator('.axis-canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await span(page);
  for (let k = 0; k < 10; k++) await page.mouse.wheel(0, -300);
  await page.waitForFunction((b) => { const v = window.__timeliner.view(); return v.end - v.start < b / 10; }, before);
  const v = await page.evaluate(() => window.__timeliner.view());
  assert.ok(v.rendered < 15, `fewer events in a narrow window (${v.rendered})`);
  // drag pans: the window moves, its width stays
  const w = await span(page);
  const startBefore = v.start;
  await page.mouse.move(box.x + 600, box.y + 300);
  await page.mouse.down();
  await page.mouse.move(box.x + 400, box.y + 300, { steps: 5 });
  await page.mouse.up();
  const v2 = await page.evaluate(() => window.__timeliner.view());
  assert.ok(v2.start > startBefore, 'dragging left moves the window later');
  assert.ok(Math.abs(v2.end - v2.start - w) < 1000, 'pan keeps the span');
  // down to hours: the narrowest window is two hours
  for (let k = 0; k < 30; k++) await page.click('#zoom-in');
  assert.equal(await span(page), 2 * 3600000);
  await page.close();
});

test('a two-finger pinch zooms', async () => {
  const { page, problems } = await open('web/?timeline=../tests/web/fixtures/sample.json', { width: 360, height: 720 });
  const s0 = await span(page);
  await page.evaluate(() => {
    const c = document.querySelector('.axis-canvas');
    const r = c.getBoundingClientRect();
    const y = r.top + 100;
    const fire = (type, id, x) => c.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: r.left + x, clientY: y, bubbles: true, isPrimary: id === 11 }));
    fire('pointerdown', 11, 150); fire('pointerdown', 12, 210);
    for (let k = 1; k <= 10; k++) { fire('pointermove', 11, 150 - 8 * k); fire('pointermove', 12, 210 + 8 * k); }
    fire('pointerup', 11, 70); fire('pointerup', 12, 290);
  });
  await page.waitForFunction((s) => { const v = window.__timeliner.view(); return v.end - v.start < s / 2; }, s0);
  assert.equal(await page.locator('#detail').isHidden(), true, 'a pinch is not a tap');
  assert.deepEqual(problems, []);
  await page.close();
});

test('filters by document and by text', async () => {
  const { page } = await open('web/?timeline=../tests/web/fixtures/sample.json');
  await page.selectOption('#doc-filter', 'council');
  assert.match(await page.textContent('#summary'), /^6 of 15 events/);
  assert.equal(await page.locator('.list-row').count(), 6);
  await page.click('#zoom-fit');
  await page.waitForFunction(() => document.querySelector('.axis-canvas').dataset.rendered === '6');
  await page.fill('#search', 'BUDGET');
  assert.match(await page.textContent('#summary'), /^2 of 15 events/);
  await page.selectOption('#doc-filter', '');
  await page.fill('#search', 'bridge');
  const heads = await page.locator('.list-row .row-head').allTextContents();
  assert.deepEqual(heads, ['Bridge opened', 'Bridge reopened', 'Article published']);
  await page.close();
});

test('events are grouped per document or in one story group', async () => {
  const { page } = await open('web/?timeline=../tests/web/fixtures/sample.json');
  const groups = () => page.evaluate(() => Number(document.querySelector('.axis-canvas').dataset.groups));
  assert.equal(await groups(), 2);
  await page.uncheck('#group-docs');
  await page.waitForFunction(() => document.querySelector('.axis-canvas').dataset.groups === '1');
  assert.equal(await rendered(page), 15);
  await page.close();
});

test('keyboard: arrows move the selection, Enter opens details, Escape closes', async () => {
  const { page } = await open('web/?timeline=../tests/web/fixtures/sample.json');
  await page.locator('.axis-canvas').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('.list-row.selected .row-head').textContent(), 'Budget drafted');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#detail h2').textContent(), 'Budget drafted');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('#detail h2').textContent(), 'Cracks found', 'open panel follows the selection');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#detail').isHidden(), true);
  await page.close();
});

test('article text with markup is shown as text and runs nothing', async () => {
  const { page, problems } = await open('web/?timeline=../tests/web/fixtures/injection.json');
  const title = await page.title();
  await page.locator('.list-row').first().click();
  const evil = '<img src=x onerror="document.title=\'pwned\'">';
  assert.equal(await page.locator('#detail h2').textContent(), `Headline ${evil}`);
  assert.match(await page.locator('#detail .detail-text').textContent(), /<img src=x onerror=/);
  assert.match(await page.locator('#detail .detail-sources').textContent(), /Evil <img/);
  await page.selectOption('#doc-filter', 'evil');
  await page.waitForTimeout(100);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.title(), title);
  assert.notEqual(await page.title(), 'pwned');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a local file opens through the file picker', async () => {
  const { page } = await open(null);
  await page.goto(new URL('web/?timeline=../tests/web/fixtures/injection.json', base).href);
  await ready(page);
  await page.setInputFiles('#file-input', join(fixtures, 'sample.json'));
  await page.waitForFunction(() => /15 of 15/.test(document.querySelector('#summary').textContent));
  await page.close();
});

test('a local file dropped on the page opens', async () => {
  const { page } = await open('web/?timeline=../tests/web/fixtures/injection.json');
  const text = readFileSync(join(fixtures, 'sample.json'), 'utf8');
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, text);
  await page.waitForFunction(() => /15 of 15/.test(document.querySelector('#summary').textContent));
  assert.match(await page.textContent('#status'), /dropped\.json/);
  assert.equal(await page.locator('#drop-hint').isHidden(), true);
  await page.close();
});

test('standalone page from file:// loads the embedded timeline without any network request', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'timeliner-standalone-'));
  try {
    const template = readFileSync(join(repoRoot, 'web/dist/standalone.html'), 'utf8');
    assert.ok(template.includes('<script type="application/json" id="timeline-data">/*TIMELINER_DATA*/</script>\n'));
    assert.equal(template.split('/*TIMELINER_DATA*/').length, 2, 'exactly one placeholder, so replace-all is safe too');
    assert.match(template, /default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'/);
    const json = readFileSync(join(fixtures, 'injection.json'), 'utf8').replace('"Plain"', '"Plain </script><script>document.title=1</script> & more"');
    const file = join(dir, 'page.html');
    writeFileSync(file, embed(template, json));
    const { page, problems } = await open(null);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    await ready(page);
    assert.equal(await rendered(page), 2);
    await page.locator('.list-row', { hasText: 'Plain' }).click();
    assert.equal(await page.locator('#detail h2').textContent(), 'Plain </script><script>document.title=1</script> & more');
    assert.equal(await page.locator('#open-remote').isHidden(), true);
    const bad = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
    assert.deepEqual(bad, []);
    assert.deepEqual(problems, [], 'no CSP violations or errors');
    await page.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readable at phone width (360 px)', async () => {
  const { page, problems } = await open('web/?timeline=../tests/web/fixtures/sample.json', { width: 360, height: 720 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 360, `page is ${overflow}px wide`);
  assert.ok((await rendered(page)) > 0);
  const axis = await page.locator('#axis').boundingBox();
  assert.ok(axis.height >= 200, `axis is ${axis.height}px high`);
  await page.locator('.list-row', { hasText: 'Vote held' }).click();
  const panel = await page.locator('#detail').boundingBox();
  assert.ok(panel.width <= 360);
  assert.deepEqual(problems, []);
  await page.close();
});

test('opens the multi-article timeline that timeliner generated (timelines/millbrook.json)', async () => {
  const data = JSON.parse(readFileSync(join(repoRoot, 'timelines/millbrook.json'), 'utf8'));
  const { page, problems } = await open('web/?timeline=../timelines/millbrook.json');
  // Every event is loaded; those in lanes below the fold are drawn once scrolled to.
  assert.match(await page.textContent('#summary'), new RegExp(`${data.events.length} of ${data.events.length} events, ${data.documents.length} documents`));
  assert.ok((await rendered(page)) >= data.events.length - 2);
  await page.locator('.list-row', { hasText: 'derailed' }).first().click();
  assert.match(await page.textContent('#detail'), /derailed/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a summarized timeline opens on its key dates, each with its sentences; all events on demand', async () => {
  const data = JSON.parse(readFileSync(join(repoRoot, 'timelines/millbrook-summary.json'), 'utf8'));
  const { page, problems } = await open('web/?timeline=../timelines/millbrook-summary.json');
  const n = data.key_dates.length;
  const keyEvents = new Set(data.key_dates.flatMap((k) => k.events));
  assert.equal(await page.locator('#modes').isVisible(), true);
  assert.equal(await page.getAttribute('#mode-key', 'aria-pressed'), 'true');
  assert.equal(await page.locator('#list').isHidden(), true);
  assert.equal(await page.locator('.key-date').count(), n);
  assert.deepEqual(await page.$$eval('.key-date', (li) => li.map((x) => x.dataset.date)), data.key_dates.map((k) => k.date));
  for (const [i, k] of data.key_dates.entries()) {
    const texts = await page.locator('.key-date').nth(i).locator('.key-sentences > li').evaluateAll((li) => li.map((x) => x.firstChild.textContent));
    assert.deepEqual(texts, k.sentences.map((s) => s.text), `sentences of ${k.date}`);
  }
  // importance is visible: a meter per key date, as wide as its importance
  const widths = await page.$$eval('.key-importance i', (els) => els.map((e) => e.style.width));
  assert.deepEqual(widths, data.key_dates.map((k) => `${Math.round(k.importance * 100)}%`));
  assert.match(await page.textContent('#summary'), new RegExp(`${n} key dates, ${keyEvents.size} of ${data.events.length} events`));
  // the axis holds the key dates' events only (those in lanes below the fold are drawn once scrolled to)
  const drawn = await rendered(page);
  assert.ok(drawn > 0 && drawn <= keyEvents.size, `${drawn} drawn`);
  // picking a key date selects one of its events on the axis
  await page.locator('.key-date').nth(1).click();
  assert.equal(await page.getAttribute('.key-date >> nth=1', 'class'), 'key-date selected');
  // everything else on demand
  await page.click('#mode-all');
  assert.equal(await page.getAttribute('#mode-all', 'aria-pressed'), 'true');
  assert.equal(await page.locator('#key-dates').isHidden(), true);
  assert.match(await page.textContent('#summary'), new RegExp(`${data.events.length} of ${data.events.length} events`));
  assert.ok((await page.locator('.list-row[data-weight]').count()) > 0, 'rows carry their importance');
  await page.click('#mode-key');
  assert.equal(await page.locator('.key-date').count(), n);
  assert.deepEqual(problems, []);
  await page.close();
});

test('key-date sentences with markup are shown as text and run nothing', async () => {
  const data = JSON.parse(readFileSync(join(repoRoot, 'timelines/millbrook-summary.json'), 'utf8'));
  const evil = '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>';
  data.key_dates[0].sentences[0].text = `Derailed ${evil}`;
  data.documents[0].title = `Title ${evil}`;
  data.key_dates[0].sentences[0].doc = data.documents[0].id;
  const dir = mkdtempSync(join(tmpdir(), 'timeliner-keydates-'));
  try {
    const file = join(dir, 'evil.json');
    writeFileSync(file, JSON.stringify(data));
    const { page, problems } = await open('web/?timeline=../tests/web/fixtures/sample.json');
    assert.equal(await page.locator('#modes').isHidden(), true, 'no key dates, no mode buttons');
    const title = await page.title();
    await page.setInputFiles('#file-input', file);
    await page.waitForSelector('.key-date');
    const first = page.locator('.key-sentences > li').first();
    assert.equal(await first.evaluate((li) => li.firstChild.textContent), `Derailed ${evil}`);
    assert.equal(await first.locator('cite').textContent(), `Title ${evil}`);
    assert.equal(await page.locator('#key-dates img, #key-dates b').count(), 0);
    assert.notEqual(await page.title(), 'pwned');
    assert.notEqual(title, 'pwned');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('screenshot for docs/viewer-key-dates.png (UPDATE_SCREENSHOT=1)', { skip: !process.env.UPDATE_SCREENSHOT }, async () => {
  const { page } = await open('web/?timeline=../timelines/millbrook-summary.json', { width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  await page.locator('.key-date').nth(0).click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(repoRoot, 'docs/viewer-key-dates.png') });
  await page.close();
});

test('screenshot for docs/viewer.png (UPDATE_SCREENSHOT=1)', { skip: !process.env.UPDATE_SCREENSHOT }, async () => {
  const { page } = await open('web/?timeline=../timelines/millbrook.json', { width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  await page.locator('.list-row', { hasText: 'derailed' }).first().click();
  for (let k = 0; k < 3; k++) await page.click('#zoom-in');
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(repoRoot, 'docs/viewer.png') });
  await page.close();
});
