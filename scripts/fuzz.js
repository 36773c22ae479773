// Builds the libFuzzer target (clang, address and undefined-behaviour sanitizers) and runs it.
//   node scripts/fuzz.js --seconds 600     a long run (npm run fuzz)
//   node scripts/fuzz.js --runs 30000      a short seeded pass (part of npm test)
// The corpus grows in build/fuzz/corpus; a finding is written as build/fuzz/crash-*.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'build', 'fuzz');
const binary = path.join(out, 'fuzz_loss');
// The loss core's sources (cnn and pictures are not fuzzed).
const LOSS_SOURCES = ['cpp/checks.cpp', 'cpp/loss.cpp', 'cpp/batch.cpp', 'cpp/metrics.cpp'];
const sources = [...LOSS_SOURCES, 'cpp/loss.hpp', 'cpp/checks.hpp', 'cpp/stable.hpp', 'tests/fuzz/fuzz_loss.cpp'].map((f) => path.join(root, f));

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

fs.mkdirSync(path.join(out, 'corpus'), { recursive: true });
const newest = Math.max(...sources.map((f) => fs.statSync(f).mtimeMs));
if (!fs.existsSync(binary) || fs.statSync(binary).mtimeMs < newest) {
  execFileSync('clang++-14', ['-std=c++17', '-g', '-O1', '-fsanitize=fuzzer,address,undefined',
    '-fno-sanitize-recover=undefined', '-Icpp', ...LOSS_SOURCES, 'tests/fuzz/fuzz_loss.cpp', '-o', binary],
  { cwd: root, stdio: 'inherit' });
}
const seconds = arg('--seconds');
const runs = arg('--runs', seconds ? undefined : '30000');
const flags = ['-seed=' + arg('--seed', '1'), '-print_final_stats=1', `-artifact_prefix=${out}/`];
if (seconds) flags.push(`-max_total_time=${seconds}`);
if (runs) flags.push(`-runs=${runs}`);
try {
  // A short pass starts from an empty corpus so that it is the same every time.
  const corpus = seconds ? [path.join(out, 'corpus')] : [];
  execFileSync(binary, [...flags, ...corpus], { stdio: 'inherit', env: { ...process.env, UBSAN_OPTIONS: 'print_stacktrace=1' } });
  console.log('fuzz: no crash, no sanitizer report, every invariant held');
} catch {
  console.error('fuzz: a finding; see the report above and build/fuzz/crash-*');
  process.exit(1);
}
