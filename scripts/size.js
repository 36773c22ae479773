// The page weight: every file the first view transfers, raw and gzip (level 9), with each
// file's share. `node scripts/size.js` prints the table; tests/js/size.test.js holds the budget.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const dist = path.resolve(__dirname, '..', 'dist');
const BUDGET_GZIP = 100 * 1024;

// What the default view loads over http(s): the HTML, what it links, and the wasm the core
// fetches (from file:// it loads loss-core-wasm.js, the same bytes as base64, instead).
// The pictures are drawn by the core: no image files.
function firstViewFiles() {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  return ['index.html', ...linked, 'loss-core-module.wasm'];
}

function sizes() {
  const rows = firstViewFiles().map((file) => {
    const bytes = fs.readFileSync(path.join(dist, file));
    return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  return { rows, total, budget: BUDGET_GZIP };
}

function printTable({ rows, total, budget }) {
  const kb = (n) => (n / 1024).toFixed(1).padStart(7);
  console.log('| file | raw KB | gzip KB | share of gzip |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${(100 * r.gzip / total.gzip).toFixed(1)}% |`);
  console.log(`| **first view** | ${kb(total.raw)} | ${kb(total.gzip)} | budget ${kb(budget)} KB gzip |`);
}

module.exports = { sizes, printTable, BUDGET_GZIP };

if (require.main === module) {
  printTable(sizes());
  const base64 = fs.readFileSync(path.join(dist, 'loss-core-wasm.js'));
  console.log(`\nFrom file:// the wasm comes as loss-core-wasm.js instead: ${(base64.length / 1024).toFixed(1)} KB raw, ${(zlib.gzipSync(base64, { level: 9 }).length / 1024).toFixed(1)} KB gzip (not transferred: read from disk).`);
}
