// The byte budget of the first view: at most 100 KB gzip for everything it transfers.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { sizes, BUDGET_GZIP } = require('../../scripts/size.js');

test('the first view transfers at most 100 KB gzip, each file named', () => {
  const { rows, total } = sizes();
  const names = rows.map((r) => r.file);
  for (const f of ['index.html', 'style.css', 'loss-core-module.js', 'loss-core-module.wasm', 'loss-core.js', 'app.js']) {
    assert.ok(names.includes(f), `${f} is counted`);
  }
  const table = rows.map((r) => `${r.file}: ${r.gzip} B`).join(', ');
  assert.ok(total.gzip <= BUDGET_GZIP, `first view ${total.gzip} B gzip > ${BUDGET_GZIP} B: ${table}`);
});
