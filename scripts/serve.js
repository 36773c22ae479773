// Serves dist/ on 127.0.0.1 with the strict Content-Security-Policy the page is built for.
// Usage: node scripts/serve.js [--port N] [--dir DIR] [--no-csp]   (PORT in the environment works too)
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

// Text and wasm go out gzip-compressed when the browser accepts it, as static hosts do.
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.csv', '.wasm', '.txt']);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function createServer(dir, { csp = true } = {}) {
  const base = path.resolve(dir);
  // Big headers allowed, so the tests can open multi-megabyte hostile links (Node's default is 16 KB).
  return http.createServer({ maxHeaderSize: 8 * 1024 * 1024 }, (request, response) => {
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
    if (csp) headers['Content-Security-Policy'] = CSP;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, headers).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      response.writeHead(400, headers).end('bad request');
      return;
    }
    const file = path.join(base, pathname.endsWith('/') ? pathname + 'index.html' : pathname);
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    headers['Content-Type'] = TYPES[path.extname(file)] || 'application/octet-stream';
    const gzip = COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] || '');
    if (gzip) headers['Content-Encoding'] = 'gzip';
    headers.Vary = 'Accept-Encoding';
    response.writeHead(200, headers);
    if (request.method === 'HEAD') response.end();
    else if (gzip) fs.createReadStream(file).pipe(zlib.createGzip()).pipe(response);
    else fs.createReadStream(file).pipe(response);
  });
}

module.exports = { createServer, CSP };

if (require.main === module) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const port = Number(arg('--port') || process.env.PORT || 8000);
  const dir = arg('--dir') || path.resolve(__dirname, '..', 'dist');
  const server = createServer(dir, { csp: !process.argv.includes('--no-csp') });
  server.on('error', (error) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; try PORT=8001 npm start` : error.message);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`Serving ${path.relative(process.cwd(), dir) || '.'} at http://127.0.0.1:${server.address().port}/`);
  });
}
