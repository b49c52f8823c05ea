// Builds dist/viewer.js + dist/viewer.css (for web/index.html) and dist/standalone.html
// (the same page with script and style inlined, a hash-based CSP, and the data placeholder).
// Usage: node build.mjs [--outdir DIR]   (default: web/dist; CMake builds into its build folder
// the page it embeds into the timeliner binary)
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdirAt = process.argv.indexOf('--outdir');
const dist = outdirAt > 0 && process.argv[outdirAt + 1] ? resolve(process.argv[outdirAt + 1]) : join(here, 'dist');
const PLACEHOLDER_LINE = '<script type="application/json" id="timeline-data">/*TIMELINER_DATA*/</script>';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

async function bundle() {
  await mkdir(dist, { recursive: true });
  const common = { bundle: true, minify: true, sourcemap: false, target: ['chrome100', 'firefox100', 'safari15'], logLevel: 'warning' };
  await build({ ...common, entryPoints: [join(here, 'src/main.js')], format: 'iife', outfile: join(dist, 'viewer.js') });
  await build({ ...common, entryPoints: [join(here, 'src/style.css')], outfile: join(dist, 'viewer.css') });
}

async function standalone() {
  const page = await readFile(join(here, 'index.html'), 'utf8');
  // inline content must not be able to close its own element
  const js = (await readFile(join(dist, 'viewer.js'), 'utf8')).replace(/<\/(script)/gi, '<\\/$1').trim();
  const css = (await readFile(join(dist, 'viewer.css'), 'utf8')).replace(/<\/(style)/gi, '<\\/$1').trim();
  if (js.includes('/*TIMELINER_DATA*/') || css.includes('/*TIMELINER_DATA*/')) throw new Error('the placeholder must appear only once');
  if (!page.includes(PLACEHOLDER_LINE)) throw new Error('index.html lacks the timeline-data placeholder line');
  const csp = [
    "default-src 'none'", `script-src ${sha256(js)}`, `style-src ${sha256(css)}`,
    "img-src data:", "connect-src 'none'", "base-uri 'none'", "form-action 'none'",
  ].join('; ');
  let out = page
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace(/<link rel="stylesheet" href="dist\/viewer.css">/, () => `<style>${css}</style>`)
    .replace(/<script src="dist\/viewer.js" defer><\/script>\n/, '')
    .replace(PLACEHOLDER_LINE, () => `${PLACEHOLDER_LINE}\n<script>${js}</script>`);
  if (out.split('/*TIMELINER_DATA*/').length !== 2) throw new Error('standalone.html must hold exactly one placeholder');
  if (!out.includes(`<style>${css}</style>`) || out.includes('dist/viewer')) throw new Error('index.html changed shape; update build.mjs');
  await writeFile(join(dist, 'standalone.html'), out);
  return out.length;
}

await bundle();
const size = await standalone();
console.log(`web build: ${dist}/{viewer.js,viewer.css,standalone.html} (standalone.html ${size} bytes)`);
