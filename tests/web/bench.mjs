// Benchmark: 10,000 generated events in headless chromium. Prints load-to-rendered ms and frame times
// during a scripted pan and zoom, as medians over several runs. Not a test: it asserts nothing.
// CLI: node tests/web/bench.mjs [RUNS]   (scripts/web-bench.sh)
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, repoRoot } from './server.mjs';
import { launch, ready } from './browser.mjs';
import { generate } from './gen-big.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';

const runs = Number(process.argv[2] || 5);
const big = join(repoRoot, 'tests/web/fixtures/generated/big.json');
if (!existsSync(big)) {
  mkdirSync(join(repoRoot, 'tests/web/fixtures/generated'), { recursive: true });
  writeFileSync(big, JSON.stringify(generate(10000)));
}

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

const { server, url } = await startServer();
const browser = await launch();
const results = [];
try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(new URL('web/?timeline=../tests/web/fixtures/generated/big.json', url).href);
    await ready(page);
    const load = await page.evaluate(() => performance.getEntriesByName('timeliner-rendered')[0].startTime);
    const events = await page.evaluate(() => document.querySelector('#summary').textContent);

    // frame recorder: rAF intervals, and the viewer's own render time in each frame
    await page.evaluate(() => {
      const rec = { t: [], draw: [], on: true, seen: window.__timeliner.view().renders };
      window.__bench = rec;
      const tick = (now) => {
        rec.t.push(now);
        const v = window.__timeliner.view();
        if (v.renders !== rec.seen) { rec.seen = v.renders; rec.draw.push(v.drawMs); }
        if (rec.on) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const box = await page.locator('.axis-canvas').boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // zoom into the densest decade first so that panning moves thousands of items
    await page.mouse.move(cx, cy);
    for (let k = 0; k < 15; k++) { await page.mouse.wheel(0, -100); await page.waitForTimeout(16); }
    await page.mouse.down();
    for (let k = 0; k < 3; k++) {
      await page.mouse.move(cx - 400, cy + 40, { steps: 40 });
      await page.mouse.move(cx + 400, cy - 40, { steps: 40 });
    }
    await page.mouse.up();
    for (let k = 0; k < 30; k++) { await page.mouse.wheel(0, 100); await page.waitForTimeout(16); }
    for (let k = 0; k < 30; k++) { await page.mouse.wheel(0, -100); await page.waitForTimeout(16); }
    const rec = await page.evaluate(() => { window.__bench.on = false; return window.__bench; });
    const dt = rec.t.slice(1).map((t, k) => t - rec.t[k]);
    results.push({ load, frameMedian: median(dt), frameP95: pct(dt, 0.95), frameMax: Math.max(...dt), drawMedian: median(rec.draw), drawP95: pct(rec.draw, 0.95), frames: dt.length, draws: rec.draw.length, events });
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

const f = (x) => x.toFixed(1);
for (const [k, r] of results.entries()) {
  console.log(`run ${k + 1}: load ${f(r.load)} ms, frame median ${f(r.frameMedian)} ms p95 ${f(r.frameP95)} ms max ${f(r.frameMax)} ms, `
    + `render median ${f(r.drawMedian)} ms p95 ${f(r.drawP95)} ms (${r.frames} frames, ${r.draws} renders)`);
}
const m = (key) => f(median(results.map((r) => r[key])));
console.log(`events: ${results[0].events}; fixture ${statSync(big).size} bytes`);
console.log(`median of ${runs} runs: load-to-rendered ${m('load')} ms; frame time median ${m('frameMedian')} ms, p95 ${m('frameP95')} ms, max ${m('frameMax')} ms; `
  + `render work per frame median ${m('drawMedian')} ms, p95 ${m('drawP95')} ms`);
