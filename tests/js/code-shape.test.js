// The code's shape, held by a test so it stays: small files and functions, only browser.js
// touches the browser's globals, and only a view touches its elements.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const acorn = require('acorn');
const walk = require('acorn-walk');

const web = path.resolve(__dirname, '..', '..', 'web');
const MAX_FILE_LINES = 350;
const MAX_FUNCTION_LINES = 80;

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'static' ? [] : sources(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}
const files = sources(web).map((file) => {
  const text = fs.readFileSync(file, 'utf8');
  const sourceType = file.includes(`${path.sep}src${path.sep}`) ? 'module' : 'script';
  return { name: path.relative(web, file), text, ast: acorn.parse(text, { ecmaVersion: 'latest', sourceType, locations: true }) };
});

test('the sources are read (so the checks below check something)', () => {
  const names = files.map((f) => f.name);
  for (const name of ['loss-core.js', 'src/app.js', 'src/store.js', 'src/views/pipeline-view.js']) assert.ok(names.includes(name), name);
});

test(`no file in web/ is over ${MAX_FILE_LINES} lines`, () => {
  const long = files.map((f) => [f.name, f.text.split('\n').length]).filter(([, n]) => n > MAX_FILE_LINES);
  assert.deepEqual(long, []);
});

test(`no function in web/ is over ${MAX_FUNCTION_LINES} lines`, () => {
  const long = [];
  for (const f of files) {
    walk.full(f.ast, (node) => {
      if (!/Function/.test(node.type)) return;
      const lines = node.loc.end.line - node.loc.start.line + 1;
      // The UMD wrapper of loss-core.js is the file itself, not a function to read in one go.
      if (lines > MAX_FUNCTION_LINES && !(f.name === 'loss-core.js' && node.loc.start.line < 20)) long.push(`${f.name}:${node.loc.start.line} (${lines} lines)`);
    });
  }
  assert.deepEqual(long, []);
});

// Names a file declares itself (variables, parameters): a parameter called history is not the global.
function declaredNames(ast) {
  const names = new Set();
  const add = (pattern) => walk.full(pattern, (n) => { if (n.type === 'Identifier') names.add(n.name); });
  walk.full(ast, (node) => {
    if (node.type === 'VariableDeclarator') add(node.id);
    if (/Function/.test(node.type)) node.params.forEach(add);
  });
  return names;
}

test('only browser.js reads document, location or history', () => {
  const found = [];
  for (const f of files.filter((x) => x.name.startsWith('src') && x.name !== path.join('src', 'browser.js'))) {
    const declared = declaredNames(f.ast);
    walk.ancestor(f.ast, {
      Identifier(node, ancestors) {
        if (!['document', 'location', 'history', 'window'].includes(node.name) || declared.has(node.name)) return;
        const parent = ancestors[ancestors.length - 2];
        const isProperty = (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) ||
          (parent.type === 'Property' && parent.key === node && !parent.computed);
        if (!isProperty) found.push(`${f.name}:${node.loc.start.line} ${node.name}`);
      },
    });
  }
  // dom.js creates nodes with the global document (a shadow root's nodes come from it too);
  // the entries hand this window to browser.js (element.js mounts into a host page's element).
  const allowed = ['dom.js', 'main.js', 'element.js'].map((f) => path.join('src', f));
  assert.deepEqual(found.filter((x) => !allowed.some((a) => x.startsWith(a + ':'))), []);
});

test('only a view touches its elements (view.e.…)', () => {
  const found = [];
  for (const f of files.filter((x) => x.name.startsWith('src') && !x.name.startsWith(path.join('src', 'views')))) {
    walk.simple(f.ast, {
      MemberExpression(node) {
        if (!node.computed && node.property.name === 'e') found.push(`${f.name}:${node.loc.start.line}`);
      },
    });
  }
  assert.deepEqual(found, []);
});
