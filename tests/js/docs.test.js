// README is the front door: short, with working links into docs/.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

test('README is at most 200 lines and starts with the two commands', () => {
  assert.ok(readme.split('\n').length <= 200, `${readme.split('\n').length} lines`);
  assert.match(readme, /npm start/);
  assert.match(readme, /npm test/);
});

test('every relative link in README and docs/ points to a file that exists', () => {
  const pages = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  let links = 0;
  for (const page of pages) {
    const text = fs.readFileSync(path.join(root, page), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      links++;
      assert.ok(fs.existsSync(path.resolve(root, path.dirname(page), target)), `${page} links to ${target}`);
    }
  }
  assert.ok(links >= 8, 'README links into docs/');
});
