// A tiny static file server for the viewer tests: serves the repo root on 127.0.0.1, an ephemeral port.
// With a timelines directory, /timelines/ is served from there first (so tests need no files in timelines/),
// then from the repo's own timelines/.
// CLI: node tests/web/server.mjs [TIMELINES_DIR]  -> prints the base URL on the first line of stdout.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
};

function inside(base, rel) {
  const p = normalize(join(base, rel));
  return p === base || p.startsWith(base + sep) ? p : null;
}

export function startServer({ root = repoRoot, timelines = null, port = 0 } = {}) {
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file;
      if (timelines && path.startsWith('/timelines/')) {
        // Fixtures shadow the generated timelines; the generated ones stay reachable by name.
        file = inside(resolve(timelines), path.slice('/timelines/'.length));
        if (file && !(await stat(file).catch(() => null))) file = inside(resolve(root), path);
      } else {
        file = inside(resolve(root), path);
      }
      if (!file) throw Object.assign(new Error('forbidden'), { code: 'EACCES' });
      if ((await stat(file)).isDirectory()) {
        if (!path.endsWith('/')) { res.writeHead(301, { location: `${path}/` }).end(); return; }
        file = join(file, 'index.html');
      }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(e.code === 'EACCES' ? 403 : 404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ timelines: process.argv[2] || null });
  console.log(url);
}
