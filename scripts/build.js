// Builds everything: the native core and its tests (g++), the wasm module and the same
// tests under Emscripten, and the page in dist/. Each step is incremental (CMake, esbuild).
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { setup } = require('./setup.js');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

function run(command, args, env = process.env) {
  console.log(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit', cwd: root, env });
}

function cmakeBuild(dir, configure, env) {
  if (!fs.existsSync(path.join(root, dir, 'CMakeCache.txt'))) run(configure[0], configure.slice(1), env);
  run('cmake', ['--build', dir, '--parallel', '2'], env);
}

function buildNative() {
  cmakeBuild('build/native', ['cmake', '-S', '.', '-B', 'build/native', '-DCMAKE_BUILD_TYPE=Release']);
}

function buildWasm() {
  // Debian's emscripten needs its acorn from /usr/share/nodejs for -O2 and above.
  const env = { ...process.env, NODE_PATH: '/usr/share/nodejs' };
  cmakeBuild('build/wasm', ['emcmake', 'cmake', '-S', '.', '-B', 'build/wasm', '-DCMAKE_BUILD_TYPE=Release'], env);
}

// dist/: the static page, self-contained: open dist/index.html or serve the folder.
function buildPage() {
  fs.mkdirSync(dist, { recursive: true });
  fs.cpSync(path.join(root, 'web', 'static'), dist, { recursive: true });
  for (const file of ['loss-core.js', 'loss-core.d.ts']) fs.copyFileSync(path.join(root, 'web', file), path.join(dist, file));
  // The SIMD and scalar builds share their glue JS (CMake builds it twice; only the default
  // wasm name differs, and the wrapper hands over the bytes).
  for (const file of ['loss-core-module.js', 'loss-core-module.wasm', 'loss-core-module-scalar.wasm']) {
    fs.copyFileSync(path.join(root, 'build', 'wasm', file), path.join(dist, file));
  }
  // The wasm bytes as classic scripts too: pages opened from file:// cannot fetch a .wasm.
  for (const [wasm, script, global] of [['loss-core-module.wasm', 'loss-core-wasm.js', 'lossCoreWasmBase64'],
    ['loss-core-module-scalar.wasm', 'loss-core-wasm-scalar.js', 'lossCoreScalarWasmBase64']]) {
    const base64 = fs.readFileSync(path.join(dist, wasm)).toString('base64');
    fs.writeFileSync(path.join(dist, script), `self.${global} = "${base64}";\n`);
  }
  // Minified as shipped (the sources stay readable): the wrapper, the Emscripten glue, the CSS.
  const esbuild = require('esbuild');
  for (const [file, loader] of [['loss-core.js', 'js'], ['loss-core-module.js', 'js'], ['style.css', 'css']]) {
    const source = fs.readFileSync(path.join(dist, file), 'utf8');
    const options = { loader, minify: true, legalComments: 'none', logLevel: 'warning' };
    if (loader === 'js') options.target = 'es2020';
    fs.writeFileSync(path.join(dist, file), esbuild.transformSync(source, options).code);
  }
  esbuild.buildSync({
    entryPoints: {
      app: path.join(root, 'web', 'src', 'main.js'),
      'eval-worker': path.join(root, 'web', 'src', 'eval-worker.js'),
      // Not in the first view: for pages that mount the app themselves.
      'softmax-app': path.join(root, 'web', 'src', 'mount.js'),
    },
    outdir: dist,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

function build({ forTests = false } = {}) {
  setup({ forTests });
  buildNative();
  buildWasm();
  buildPage();
  console.log(`Built dist/ (open dist/index.html, or npm start to serve it).`);
}

module.exports = { build };

if (require.main === module) build({ forTests: process.argv.includes('--for-tests') });
