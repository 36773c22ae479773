// Builds everything: the native core and its tests (g++), the wasm module and the same
// tests under Emscripten, and the page in dist/. Each step is incremental (CMake, esbuild).
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { setup } = require('./setup.js');
const { writeZip } = require('./zip.js');

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
      // Not in the first view: for pages that mount the app themselves; the compare room.
      'softmax-app': path.join(root, 'web', 'src', 'mount.js'),
      'compare-room': path.join(root, 'web', 'src', 'compare-entry.js'),
      'landscape-room': path.join(root, 'web', 'src', 'landscape-entry.js'),
      'lesson-room': path.join(root, 'web', 'src', 'lesson-entry.js'),
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

// dist/softmax-cross-entropy.html: the whole page in one file (styles, scripts, the wasm as
// base64, the icon and the example file as data: addresses), for an LMS that takes one file, or
// to open from disk. It asks for nothing else: no worker either (evaluation runs in the page).
function buildSingleFile() {
  const read = (file) => fs.readFileSync(path.join(dist, file), 'utf8');
  // A script's text inside <script>: "</script" would end it early.
  const inline = (file) => `<script>${read(file).replace(/<\/script/gi, '<\\/script')}</script>`;
  const dataUrl = (file, type) => `data:${type};base64,${fs.readFileSync(path.join(dist, file)).toString('base64')}`;
  let html = read('index.html')
    .replace('<link rel="stylesheet" href="style.css">', () => `<style>${read('style.css')}</style>`)
    .replace('href="favicon.svg"', () => `href="${dataUrl('favicon.svg', 'image/svg+xml')}"`)
    .replace('href="example-predictions.csv"', () => `href="${dataUrl('example-predictions.csv', 'text/csv')}"`)
    .replace('<script src="embed-mode.js"></script>', () => inline('embed-mode.js'));
  const scripts = ['loss-core-wasm.js', 'loss-core-wasm-scalar.js', 'loss-core-module.js', 'loss-core.js', 'compare-room.js', 'landscape-room.js', 'lesson-room.js', 'app.js'];
  html = html.replace(/<script src="loss-core-module\.js" defer><\/script>\s*<script src="loss-core\.js" defer><\/script>\s*<script src="app\.js" defer><\/script>/,
    () => `<script>self.softmaxSingleFile = true;</script>\n${scripts.map(inline).join('\n')}`);
  if (/<(script|link)\b[^>]*\b(src|href)="(?!data:|#)[^"]*"/.test(html)) throw new Error('the single file still refers to another file');
  fs.writeFileSync(path.join(dist, 'softmax-cross-entropy.html'), html);
}

// dist/softmax-explainer.js (the <softmax-explainer> element, with the page's markup) and
// dist/softmax-explainer.css (the page's styles for a shadow root: :host for :root and html, the
// frame element for body).
function buildComponent() {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const body = html.slice(html.indexOf('>', html.indexOf('<body')) + 1, html.indexOf('</body>')).replace(/<script\b[^>]*><\/script>\s*/g, '');
  require('esbuild').buildSync({
    entryPoints: [path.join(root, 'web', 'src', 'element.js')], outfile: path.join(dist, 'softmax-explainer.js'),
    bundle: true, format: 'iife', target: 'es2020', minify: true, legalComments: 'none', logLevel: 'warning',
    define: { __MARKUP__: JSON.stringify(body.trim()) },
  });
  const css = fs.readFileSync(path.join(dist, 'style.css'), 'utf8')
    .replace(/:root/g, ':host').replace(/\bhtml\{/g, ':host{').replace(/\.embed body/g, '.frame.embed').replace(/\bbody\b/g, '.frame');
  // `all: initial` first: nothing the host page sets is inherited into the element.
  fs.writeFileSync(path.join(dist, 'softmax-explainer.css'), `:host{all:initial;display:block}${css}`);
}

// dist/softmax-cross-entropy-scorm.zip: a SCORM 1.2 package for an LMS. One SCO, lesson.html:
// the single file, opening the lesson when it is given no query (docs/embedding.md).
function buildScormPackage() {
  const single = fs.readFileSync(path.join(dist, 'softmax-cross-entropy.html'), 'utf8');
  const lesson = single.replace('<html lang="en">', '<html lang="en" data-start-link="?view=lesson">');
  if (lesson === single) throw new Error('the single file has no <html lang="en"> to give the lesson start link');
  const manifest = fs.readFileSync(path.join(root, 'web', 'scorm', 'imsmanifest.xml'), 'utf8');
  fs.writeFileSync(path.join(dist, 'softmax-cross-entropy-scorm.zip'), writeZip([
    { name: 'imsmanifest.xml', data: manifest },
    { name: 'lesson.html', data: lesson },
  ]));
}

function build({ forTests = false } = {}) {
  setup({ forTests });
  buildNative();
  buildWasm();
  buildPage();
  buildSingleFile();
  buildScormPackage();
  buildComponent();
  console.log(`Built dist/ (open dist/index.html, or npm start to serve it).`);
}

module.exports = { build };

if (require.main === module) build({ forTests: process.argv.includes('--for-tests') });
