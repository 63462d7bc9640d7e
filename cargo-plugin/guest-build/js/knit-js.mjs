// knit's driver for the JavaScript engines it pins (see package.json beside this file).
//
// knit runs it as `node knit-js.mjs <command> <request.json>`; the request is one JSON object,
// written by knit-guest-build's `js` module. Commands:
//
// - `componentize`: { engine: "starlingmonkey" | "quickjs", source, root, shown, exports: [...],
//   wit, world, disable: [...], output } checks `source` (a JavaScript module; `shown` is the name
//   errors use) for syntax errors and for the `exports` the world needs, then builds it against
//   the world `world` of the WIT file `wit` and writes the component to `output`. `disable` lists
//   StarlingMonkey features to leave out; `wasi` in it means none at all (QuickJS: stubbed WASI).
// - `typecheck`: { entry, shown, world, check, root, declarations: [...], outDir } type-checks the
//   TypeScript program rooted at `entry` in strict mode against knit's declarations, and its
//   exports against the world's with knit's `check` file; then emits JavaScript for every source
//   file into `outDir`, at its absolute path below it.
// - `versions`: prints the versions of the pinned packages as JSON.
//
// Success prints one JSON line on stdout. Failure prints the error's message (no Node stack trace:
// the user needs the engine's words, not this file's) on stderr and exits 1.

import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

// The line and column of a TypeScript diagnostic, as `file:line:col: message`.
function located(ts, shown, diagnostic) {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return `${shown}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${shown}:${line + 1}:${character + 1}: ${message}`;
}

// Syntax errors with their place, and the world's exports the module lacks: both engines report
// these late or vaguely (ComponentizeJS: "failed to parse JS source"; QuickJS traps at the call).
async function precheck(request) {
  const ts = require('typescript');
  const text = readFileSync(request.source, 'utf8');
  const { diagnostics } = ts.transpileModule(text, {
    fileName: request.source,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 },
  });
  const errors = (diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    throw new Error(errors.map((d) => located(ts, request.shown, d)).join('\n'));
  }
  const { init, parse } = await import('es-module-lexer');
  await init;
  const [, exports] = parse(text, request.source);
  const names = new Set(exports.map((e) => e.n));
  const missing = request.exports.filter((name) => !names.has(name));
  if (missing.length > 0) {
    const list = missing.map((n) => `\`${n}\``).join(', ');
    throw new Error(
      `${request.shown} does not export ${list}, which the world \`${request.world}\` exports ` +
        `(it exports: ${[...names].map((n) => `\`${n}\``).join(', ') || 'nothing'}); ` +
        'an exported interface is an object of its functions (`export const iface = { f() {} }`), ' +
        'a world function a function (`export function f() {}`)',
    );
  }
}

async function componentize(request) {
  await precheck(request);
  if (request.engine === 'starlingmonkey') {
    const { componentize } = await import('@bytecodealliance/componentize-js');
    const { component } = await componentize({
      sourcePath: request.source,
      witPath: request.wit,
      worldName: request.world,
      disableFeatures: request.disable.filter((f) => f !== 'wasi'),
    });
    await writeFile(request.output, component);
    return { size: component.length };
  }
  if (request.engine === 'quickjs') {
    const { componentize } = require('componentize-qjs');
    const { component } = await componentize({
      jsSource: await readFile(request.source, 'utf8'),
      jsPath: request.source,
      moduleRoot: request.root,
      witPath: request.wit,
      world: request.world,
      // The synchronous runtime: components that need no component-model async support.
      sync: true,
      stubWasi: request.disable.includes('wasi'),
    });
    await writeFile(request.output, component);
    return { size: component.length };
  }
  throw new Error(`unknown engine \`${request.engine}\``);
}

function typecheck(request) {
  const ts = require('typescript');
  const options = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.esnext.disposable.d.ts'],
    types: [],
    outDir: request.outDir,
    noEmitOnError: true,
  };
  // One program: the module, knit's check of its exports against the world (a file outside the
  // user's folder) and the declarations. Output paths mirror absolute source paths under `outDir`
  // (`rootDir` is the file system's root), so files from both folders can be emitted together.
  const program = ts.createProgram([request.entry, request.check, ...request.declarations], {
    ...options,
    rootDir: path.parse(path.resolve(request.entry)).root,
  });
  report(ts, ts.getPreEmitDiagnostics(program), request);
  const emitted = program.emit();
  report(ts, emitted.diagnostics, request);
  return { emitted: true };
}

// Throws every error among `diagnostics`, one per line with its place; errors in knit's export
// check are reported against the entry module.
function report(ts, diagnostics, request) {
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length === 0) return;
  const lines = errors.map((d) => {
    if (d.file && path.resolve(d.file.fileName) === path.resolve(request.check)) {
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      return `${request.shown}: its exports do not match the world \`${request.world}\`: ${message}`;
    }
    const file = d.file ? path.relative(process.cwd(), d.file.fileName) : 'tsc';
    return located(ts, file, d).replace(': ', `: error TS${d.code}: `);
  });
  throw new Error(lines.join('\n'));
}

function versions() {
  const version = (name) => require(`${name}/package.json`).version;
  return {
    'componentize-js': version('@bytecodealliance/componentize-js'),
    'componentize-qjs': version('componentize-qjs'),
    typescript: version('typescript'),
    node: process.versions.node,
  };
}

const [command, requestPath] = process.argv.slice(2);
try {
  const request = requestPath ? JSON.parse(await readFile(requestPath, 'utf8')) : {};
  let result;
  if (command === 'componentize') result = await componentize(request);
  else if (command === 'typecheck') result = typecheck(request);
  else if (command === 'versions') result = versions();
  else throw new Error(`unknown command \`${command}\``);
  process.stdout.write(JSON.stringify(result) + '\n');
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(message.trimEnd() + '\n');
  process.exit(1);
}
