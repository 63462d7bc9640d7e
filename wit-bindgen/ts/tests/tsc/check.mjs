// Type-checks every case folder under a root folder, as `tsc --project <case>/tsconfig.json`
// would, in one Node process: one program per case (each case declares its own ambient modules,
// so cases cannot share one program), with the parsed standard library shared between them.
//
// Usage: node check.mjs <root>
// Prints one JSON object on stdout: { "typescript": "<version>", "cases": { "<case>": [ "<diagnostic>", ... ] } }.

import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = process.argv[2];
if (!root) {
  console.error('usage: node check.mjs <root>');
  process.exit(2);
}

const formatHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => root,
  getNewLine: () => '\n',
};

// The standard library files, parsed once for every case.
const libCache = new Map();

const cases = {};
const names = fs
  .readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
for (const name of names) {
  const configPath = path.join(root, name, 'tsconfig.json');
  const messages = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => messages.push(ts.formatDiagnostic(d, formatHost)),
  });
  if (!parsed) {
    cases[name] = messages.length ? messages : [`cannot read ${configPath}`];
    continue;
  }
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const isLib = fileName.includes('/node_modules/typescript/lib/');
    if (isLib && libCache.has(fileName)) {
      return libCache.get(fileName);
    }
    const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (isLib && file) {
      libCache.set(fileName, file);
    }
    return file;
  };
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  cases[name] = diagnostics.map((d) => ts.formatDiagnostic(d, formatHost).trim());
}

process.stdout.write(JSON.stringify({ typescript: ts.version, cases }));
