// Links that last: every link from every format version so far must keep opening the same
// state. tests/fixtures/links-v<N>.json are frozen when version N ships; never edit them.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLink } from '../../web/src/link.js';
import { findPreset } from '../../web/src/presets.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const corpora = fs.readdirSync(fixtures).filter((f) => /^links-v\d+\.json$/.test(f));

test('there is a corpus for every link format version so far', () => {
  assert.deepEqual(corpora, ['links-v1.json', 'links-v2.json']);
});

// Fields a later version added take their defaults when an older link is read, except where
// the link names an example that sets them: each example shows a picture of its true class
// (version 2's defaults: test picture 1, a dog; confident-wrong and huge-logits, whose true
// class is Cat, show test picture 2, a cat).
// `parts`, the landscape's keys and the lesson's `step` came after version 2 was frozen, as keys a version 2 link may carry.
const LANDSCAPE = { loss: 'ce', other: null, zoom: 1, rate: 1 };
const ADDED = { 1: { picture: { set: 'test', index: 0 }, seed: 1, history: [], parts: null, landscape: LANDSCAPE, step: 1 }, 2: { parts: null, landscape: LANDSCAPE, step: 1 } };
function added(version, link) {
  const id = new URLSearchParams(link).get('preset');
  const preset = id && findPreset(id);
  return version === 1 && preset && preset.state.picture ? { ...ADDED[1], picture: preset.state.picture } : ADDED[version];
}

for (const file of corpora) {
  const version = Number(file.match(/\d+/)[0]);
  test(`every ${file} link opens the same state, with no notices`, () => {
    const { links } = JSON.parse(fs.readFileSync(path.join(fixtures, file), 'utf8'));
    assert.ok(links.length >= 10);
    for (const { link, state } of links) {
      const read = readLink(link);
      assert.deepEqual(read.notices, [], link);
      assert.deepEqual(read.state, { ...state, ...added(version, link) }, link);
    }
  });
}
