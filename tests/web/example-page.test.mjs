// README's first command (scripts/example.sh) ends in timelines/example.html: the page opens from
// file:// in chromium with the network off, and shows every event of timelines/example.json.
// scripts/web-test.sh runs scripts/example.sh before these tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './server.mjs';
import { launch, ready } from './browser.mjs';

const pagePath = join(repoRoot, 'timelines/example.html');
let browser;

before(async () => {
  assert.ok(existsSync(pagePath), 'timelines/example.html missing: run scripts/example.sh first');
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('timelines/example.html opens offline and shows the example timeline', async () => {
  const timeline = JSON.parse(readFileSync(join(repoRoot, 'timelines/example.json'), 'utf8'));
  const page = await browser.context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => requests.push(r.url()));
  await browser.context.setOffline(true);
  try {
    await page.goto(pathToFileURL(pagePath).href);
    await ready(page);
    const rendered = await page.evaluate(() => Number(document.querySelector('.axis-canvas').dataset.rendered));
    assert.equal(rendered, timeline.events.length);
    assert.match(await page.textContent('#summary'), new RegExp(`${timeline.events.length} of ${timeline.events.length} events`));
    // An event of the example, from the list to its detail panel.
    const event = timeline.events.find((e) => e.kind === 'event');
    await page.locator('.list-row', { hasText: event.headline }).first().click();
    await page.waitForSelector('#detail:not([hidden])');
    assert.equal(await page.locator('#detail h2').textContent(), event.headline);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
    assert.deepEqual(problems, [], 'no CSP violations or script errors');
  } finally {
    await browser.context.setOffline(false);
    await page.close();
  }
});
