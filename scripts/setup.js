// Installs what the build (and, with --for-tests, the tests) need and is missing:
// Debian packages through apt-get, npm packages through `npm ci`. A second run finds
// everything in place and does nothing.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

// Each Debian package with the file that shows it is installed.
const buildPackages = [
  ['cmake', '/usr/bin/cmake'],
  ['g++', '/usr/bin/g++'],
  ['make', '/usr/bin/make'],
  ['catch2', '/usr/include/catch2/catch.hpp'],
  ['emscripten', '/usr/bin/em++'],
];
const testPackages = [
  ['chromium', '/usr/bin/chromium'],
  ['clang-14', '/usr/bin/clang++-14'], // the fuzzer
  ['libclang-rt-14-dev', '/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a'],
];

function run(command, args, options = {}) {
  console.log(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit', cwd: root, ...options });
}

function installDebianPackages(forTests) {
  const wanted = forTests ? [...buildPackages, ...testPackages] : buildPackages;
  const missing = wanted.filter(([, file]) => !fs.existsSync(file)).map(([name]) => name);
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...missing], { env });
}

// npm ci when node_modules is missing or older than the lock file.
function installNpmPackages() {
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function setup({ forTests = false } = {}) {
  installDebianPackages(forTests);
  installNpmPackages();
}

module.exports = { setup };

if (require.main === module) setup({ forTests: process.argv.includes('--for-tests') });
