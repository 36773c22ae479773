// The zip writer and reader of the SCORM package (scripts/zip.js).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { writeZip, readZip, crc32 } = require('../../scripts/zip.js');

test('CRC-32 of "123456789" is cbf43926 (the standard check value)', () => {
  assert.equal(crc32(Buffer.from('123456789')).toString(16), 'cbf43926');
});

test('what is written reads back, byte for byte, the same each time', () => {
  const files = [{ name: 'imsmanifest.xml', data: '<manifest/>' }, { name: 'dir/ü.bin', data: Buffer.from([0, 255, 1, 2, 3]) }];
  const zip = writeZip(files);
  assert.deepEqual(writeZip(files), zip);
  const back = readZip(zip);
  assert.deepEqual(Object.keys(back), ['imsmanifest.xml', 'dir/ü.bin']);
  assert.equal(back['imsmanifest.xml'].toString(), '<manifest/>');
  assert.deepEqual([...back['dir/ü.bin']], [0, 255, 1, 2, 3]);
});

test('a damaged zip is refused with its reason', () => {
  const zip = writeZip([{ name: 'a.txt', data: 'hello hello hello hello' }]);
  assert.throws(() => readZip(Buffer.from('not a zip')), /no end of central directory/);
  const damaged = Buffer.from(zip);
  damaged[36] ^= 0xff; // inside the compressed data (30 header bytes, then the 5 of the name)
  assert.throws(() => readZip(damaged));
});
