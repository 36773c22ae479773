// A corpus of crafted share links: script and HTML in names, prototype keys, versions,
// repeated and missing keys, odd numbers, huge inputs, broken encodings, misspelled presets.
// Each entry: [query, mustNotice]. mustNotice: the link is damaged, so the page must say so.
'use strict';

const PRESET_IDS = ['dog-cat', 'dog-cat-0.9', 'confident-wrong', 'uncertain', 'huge-logits', 'three-classes', 'hot-and-cold', 'nn1-vs-nn2'];
const enc = encodeURIComponent;

const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>', '<script>window.__xss=1</script>', '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1', '<iframe src=javascript:window.__xss=1>', "';window.__xss=1;'",
  '<b>bold</b>', '&lt;img&gt;', '<a href=javascript:alert(1)>x</a>', '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1}', '<math><mtext><img src=x onerror=window.__xss=1>', '\u202Egnp.exe', '<style>*{display:none}</style>',
  '<base href=//evil.example>', '<meta http-equiv=refresh content=0;url=//evil.example>', 'data:text/html,<script>alert(1)</script>',
  '<object data=x>', '<x onclick=alert(1)>', 'on<img src=x onerror=alert(1)>',
];

function corpus() {
  const links = [];
  const add = (query, mustNotice = true) => links.push([query, mustNotice]);
  // 1. Script and HTML in names and captions, raw and encoded, pipeline and compare.
  for (const p of PAYLOADS) {
    const bidi = /[\u202A-\u202E]/.test(p);
    add(`?v=1&c=${enc(p)},Cat&z=1,0`, p.length > 20 || bidi);
    // Raw, so '&', '#' and '%' in the payload break the link; short HTML-looking names are
    // valid names, shown as text.
    add(`?v=1&c=Dog,${p}&z=1,0`, !['<b>bold</b>', "';window.__xss=1;'", '${window.__xss=1}', '<object data=x>', '<x onclick=alert(1)>'].includes(p));
    add(`?v=1&view=compare&k=${enc(p)},Cat`, p.length > 20 || bidi);
    add(`?preset=${enc(p)}`);
  }
  // 2. Prototype names as keys and values.
  for (const k of ['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf']) {
    add(`?v=1&${k}=1`);
    add(`?v=1&${k}[polluted]=1&z=1,0`);
    add(`?preset=${k}`);
    add(`?v=1&view=${k}`);
    add(`?v=1&c=${k},Cat&z=0,0`, false);
  }
  // 3. Unknown and future versions.
  for (const v of ['0', '3', '99', '-1', '1.0', 'abc', '', '%31', '1e0', '999999999999999999999']) add(`?v=${v}&c=Dog,Cat&z=1,2`, v !== '%31');
  // 4. Repeated and missing keys.
  add('?v=1&z=1,2&z=3,4'); add('?v=1&v=1&z=1,2'); add('?preset=dog-cat&preset=uncertain'); add('?v=1&c=A,B&c=C,D');
  add('?v=1&T=2&T=3'); add('?z=1,2'); add('?c=Dog,Cat'); add('?v=1&=1'); add('?v=1&&&&z=1,2', false); add('?&&&', false);
  add('?v=1&z', true); add('?v=1&c=&z=1,2'); add('?v=1&view=compare&a=0.9,0.1&b=0.5,0.5;0.5,0.5');
  // 5. Numbers that are not plain decimals, in every numeric field.
  const numbers = [['1e999', true], ['NaN', true], ['0x10', true], ['', true], ['-0', false], ['Infinity', true], ['-Infinity', true],
    ['1e-400', false], ['0b1', true], ['1_000', true], ['+1', false], ['.5', false], ['5.', false], ['1e', true], ['e5', true],
    ['--1', true], ['1,5', true], ['%201', false], ['１', true], ['1e308', true]];
  for (const [n, bad] of numbers) {
    add(`?v=1&z=${n},0`, bad && n !== '1,5'); // "1,5,0" is three logits
    add(`?v=1&T=${n}`, !['+1', '5.', '%201', '.5'].includes(n));
    add(`?v=1&t=${n}`, !['-0', '+1', '%201', '1e-400'].includes(n));
    // Rows that do not sum to 1 are refused by the core, with a notice; (1, 0) is fine.
    add(`?v=1&view=compare&a=${n},0;0.1,0.9;0.4,0.6&in=p`, !['+1', '%201'].includes(n));
    add(`?v=1&view=compare&y=${n},1,0`, !['-0', '+1', '%201', '1e-400'].includes(n));
  }
  // 6. Too many classes and values.
  const many = Array.from({ length: 10000 }, (_, i) => `C${i}`).join(',');
  add(`?v=1&c=${many}`); add(`?v=1&z=${new Array(10000).fill(0).join(',')}`);
  add(`?v=1&view=compare&a=${new Array(10000).fill(0).join(',')}`);
  add(`?v=1&view=compare&a=${new Array(30).fill('0.5,0.5').join(';')}`);
  // 7. A 2 MB address (just under Chromium's 2 MiB limit on URLs).
  add(`?v=1&c=${'a'.repeat(2000000)}`);
  // 8. Broken percent-encoding and UTF-8, in keys and values.
  for (const bad of ['%', '%Z1', '%E0%A4%A', '%C0%AF', '%FF', '%ED%A0%80', '%F4%90%80%80', '%00', '%0A', '%u0041']) {
    add(`?v=1&c=${bad},Cat&z=1,0`);
    add(`?v=1&${bad}=1`);
  }
  // 9. The network's settings: pictures, seeds and histories that are not ones.
  for (const pic of ['test.0', 'test.101', 'training.201', '__proto__.1', 'constructor.1', 'draw.', 'draw.<script>', `draw.${'A'.repeat(683)}`, `draw.${'!'.repeat(684)}`, 'test.1.5', 'test.1e0']) {
    add(`?v=2&z=n,n&pic=${pic}`);
  }
  for (const seed of ['-1', '4294967296', '1.5', '1e999', 'abc', '']) add(`?v=2&s=${seed}`);
  for (const h of ['0', '3001', '2000,2000', 'abc', 'test.1:2', 'test.1', 'test.1:1:1', '<img src=x onerror=alert(1)>', new Array(41).fill('1').join(','), ',']) {
    add(`?v=2&h=${h}`);
  }
  add('?v=2&z=n,n,n'); add('?v=2&c=Dog,Cat,Owl&z=1,2,n'); add('?v=1&z=n');
  // 10. Every preset id misspelled.
  for (const id of PRESET_IDS) {
    add(`?preset=${id.slice(1)}`);
    add(`?preset=${id.toUpperCase()}`);
    add(`?preset=${id}x`);
    if (id.includes('-')) add(`?preset=${id.replace('-', '_')}`);
    else add(`?preset=${id}-`);
  }
  return links;
}

module.exports = { corpus };
