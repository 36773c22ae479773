// The shipped page: no inline script, no eval or new Function, nothing from other sites.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const dist = path.resolve(__dirname, '..', '..', 'dist');
const files = fs.readdirSync(dist, { recursive: true }).filter((f) => fs.statSync(path.join(dist, f)).isFile());
const read = (f) => fs.readFileSync(path.join(dist, f), 'utf8');

test('no eval, new Function or string timers in any shipped script', () => {
  for (const f of files.filter((f) => f.endsWith('.js'))) {
    const text = read(f);
    assert.doesNotMatch(text, /\beval\s*\(/, f);
    assert.doesNotMatch(text, /new\s+Function\s*\(/, f);
    assert.doesNotMatch(text, /set(Timeout|Interval)\(\s*["'`]/, f);
  }
});

test('the HTML has no inline script, inline style or event-handler attribute', () => {
  const html = read('index.html');
  for (const [, attributes] of html.matchAll(/<script\b([^>]*)>/g)) assert.match(attributes, /\bsrc="[^"]+"/);
  assert.doesNotMatch(html, /<style\b/);
  assert.doesNotMatch(html, /\sstyle="/);
  assert.doesNotMatch(html, /\son[a-z]+="/i);
});

test('nothing is loaded from another site', () => {
  for (const f of files.filter((f) => /\.(html|css|js|svg)$/.test(f) && !/^loss-core-wasm(-scalar)?\.js$/.test(f))) {
    const text = read(f);
    const urls = [...text.matchAll(/\b(?:src|href)\s*=\s*["']?(https?:)?\/\//g)];
    assert.deepEqual(urls, [], f);
    assert.doesNotMatch(text, /@import\s+url\(\s*["']?https?:/, f);
  }
});

test('the scalar wasm has no SIMD instruction (browsers without WASM SIMD refuse any), the SIMD one has', () => {
  // binaryen's wasm-dis comes with Debian's emscripten; the text names each vector instruction.
  const { execFileSync } = require('node:child_process');
  const text = (f) => execFileSync('wasm-dis', [path.join(dist, f)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.doesNotMatch(text('loss-core-module-scalar.wasm'), /v128|[fi](8x16|16x8|32x4|64x2)\./);
  assert.match(text('loss-core-module.wasm'), /f64x2\.mul/);
});
