// Does what `timeliner view TIMELINE.json -o page.html` does: puts a timeline into dist/standalone.html,
// with <, > and & written as \u003c, \u003e, \u0026 so the JSON cannot end its script element.
// CLI: node tests/web/make-standalone.mjs TIMELINE.json OUT.html
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from './server.mjs';

export function embed(template, json) {
  const safe = json.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
  const marker = '/*TIMELINER_DATA*/';
  const at = template.indexOf(marker);
  if (at < 0) throw new Error('template has no /*TIMELINER_DATA*/ placeholder');
  return template.slice(0, at) + safe + template.slice(at + marker.length);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const [input, out] = process.argv.slice(2);
  const template = readFileSync(join(repoRoot, 'web/dist/standalone.html'), 'utf8');
  writeFileSync(out, embed(template, readFileSync(input, 'utf8').trim()));
}
