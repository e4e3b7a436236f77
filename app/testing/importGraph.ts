/**
 * The page's import graph, read with the TypeScript compiler's parser (not
 * regular expressions), and the rule it must keep: the main thread loads the
 * engine's pure layer only. Used by `app/importBoundary.test.ts`; Node only.
 *
 * An edge is every import that puts code on the page: `import … from`,
 * `import '…'`, `export … from` and `import('…')`. Not edges: `import type`,
 * `export type`, specifiers marked `type` (an import whose specifiers are all
 * `type` is erased), `new URL('….worker.ts', import.meta.url)`, which
 * starts a worker in a bundle of its own, and Vite's URL imports
 * (`import url from '…?url'`, `'…?worker&url'`), which give the page only
 * the built file's address.
 *
 * The pure layer itself is held to a stricter rule: its modules import
 * nothing, not even types, from outside it (see {@link pureLayerViolations}).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** A module of the graph: a repository-relative path (`app/App.tsx`) or a package name (`@tensorflow/tfjs-core`). */
export type ModuleId = string;

/** The import specifiers of `fileName` that load code, in source order. */
export function valueImports(fileName: string, text: string): string[] {
  return importSpecifiers(fileName, text, false);
}

/** Every import specifier of `fileName`, type-only ones included, in source order. */
export function allImports(fileName: string, text: string): string[] {
  return importSpecifiers(fileName, text, true);
}

function importSpecifiers(fileName: string, text: string, withTypes: boolean): string[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      if (withTypes || (importLoadsCode(node.importClause) && !isUrlImport(specifier))) specifiers.push(specifier);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (withTypes || exportLoadsCode(node)) specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length > 0 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    } else if (
      withTypes &&
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      specifiers.push(node.argument.literal.text); // `import('…').Type` in a type position
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/** Whether `specifier` is a Vite URL import (`?url`, `?worker&url`): its value is a string, the built file's address. */
function isUrlImport(specifier: string): boolean {
  const query = specifier.indexOf('?');
  return query >= 0 && new URLSearchParams(specifier.slice(query + 1)).has('url');
}

function importLoadsCode(clause: ts.ImportClause | undefined): boolean {
  if (clause === undefined) return true; // `import './styles.css'`: loaded for its effect
  if (clause.isTypeOnly) return false;
  if (clause.name !== undefined) return true; // a default import
  const bindings = clause.namedBindings;
  if (bindings === undefined || ts.isNamespaceImport(bindings)) return true;
  // `import {} from` keeps the module; `import { type A, type B } from` is erased.
  return bindings.elements.length === 0 || bindings.elements.some((element) => !element.isTypeOnly);
}

function exportLoadsCode(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return false;
  const clause = node.exportClause;
  if (clause === undefined || ts.isNamespaceExport(clause)) return true; // `export * from`, `export * as x from`
  return clause.elements.length === 0 || clause.elements.some((element) => !element.isTypeOnly);
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
};

/** The package a bare specifier names: `@scope/name` or `name` (a sub-path such as `three/addons/x` names `three`). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Where `specifier`, imported by the file at `from`, leads: a source file of
 * the repository (resolved as the bundler does: `.ts`, `.tsx`, `index.*`),
 * any other file (a style sheet: a leaf), or a package (a leaf).
 */
function resolveImport(specifier: string, from: string): { file: string } | { package: string } {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return { package: packageOf(specifier) };
  const resolved = ts.resolveModuleName(specifier, from, COMPILER_OPTIONS, ts.sys).resolvedModule;
  if (resolved !== undefined && !resolved.isExternalLibraryImport) return { file: resolve(resolved.resolvedFileName) };
  const plain = resolve(dirname(from), specifier);
  if (existsSync(plain) && statSync(plain).isFile()) return { file: plain };
  throw new Error(`${from}: cannot resolve '${specifier}'`);
}

const isSource = (file: string) => /\.(ts|tsx|mts|js|jsx|mjs)$/.test(file) && !file.endsWith('.d.ts');

/** The modules reachable from an entry and the imports between them. */
export interface ImportGraph {
  /** Every module reached, with the shortest chain of imports from the entry to it (the entry first). */
  chains: Map<ModuleId, ModuleId[]>;
  /** Every code-loading import, importer first. */
  edges: [ModuleId, ModuleId][];
}

/**
 * The graph of code-loading imports from `entry` (breadth first, so each
 * chain is a shortest one). Packages are leaves: the graph stops where the
 * repository's own code does.
 */
export function importGraph(root: string, entry: string): ImportGraph {
  const idOf = (file: string) => relative(root, file).split(sep).join('/');
  const start = resolve(root, entry);
  const chains = new Map<ModuleId, ModuleId[]>([[idOf(start), [idOf(start)]]]);
  const edges: [ModuleId, ModuleId][] = [];
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!isSource(file)) continue;
    const from = idOf(file);
    const chain = chains.get(from)!;
    for (const specifier of valueImports(file, readFileSync(file, 'utf8'))) {
      const target = resolveImport(specifier, file);
      const id = 'package' in target ? target.package : idOf(target.file);
      edges.push([from, id]);
      if (chains.has(id)) continue;
      chains.set(id, [...chain, id]);
      if ('file' in target) queue.push(target.file);
    }
  }
  return { chains, edges };
}

/** Every module reachable from `entry` with the shortest import chain to it (see {@link importGraph}). */
export function reachableModules(root: string, entry: string): Map<ModuleId, ModuleId[]> {
  return importGraph(root, entry).chains;
}

/** The folders of `workers/` the main thread may load: the engine's pure layer and its pure numerics. */
export const PAGE_ALLOWED_WORKER_FOLDERS: readonly string[] = ['workers/engine/spec/', 'workers/engine/math/'];

/**
 * Whether the page may load `id`: not TensorFlow.js (any `@tensorflow/*`
 * package), and nothing under `workers/` outside {@link PAGE_ALLOWED_WORKER_FOLDERS}.
 */
export function pageMayLoad(id: ModuleId): boolean {
  if (id.startsWith('@tensorflow/')) return false;
  if (id.startsWith('workers/')) return PAGE_ALLOWED_WORKER_FOLDERS.some((folder) => id.startsWith(folder));
  return true;
}

/**
 * Where the page crosses the boundary: every import from a module the page
 * may load to one it may not, as the chain from `entry` through the importer
 * to the module imported, written `a → b → c` (what lies behind a crossing
 * goes once the crossing does); empty when the boundary holds.
 */
export function boundaryViolations(root: string, entry: string): string[] {
  const { chains, edges } = importGraph(root, entry);
  const crossings = edges
    .filter(([from, to]) => pageMayLoad(from) && !pageMayLoad(to))
    .map(([from, to]) => [...chains.get(from)!, to].join(' → '));
  return [...new Set(crossings)];
}

/** Every source file under `folder` (repository-relative), tests left out: they may use anything. */
function layerSources(root: string, folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (isSource(path) && !/\.test\.tsx?$/.test(entry.name)) found.push(path);
    }
  };
  if (existsSync(resolve(root, folder))) walk(resolve(root, folder));
  return found.sort();
}

/**
 * Where the pure layer ({@link PAGE_ALLOWED_WORKER_FOLDERS}) leans on the
 * rest: every import of one of its modules, type-only ones included, that
 * names a module the page may not load, written `importer → imported`;
 * empty when the layer stands on its own.
 */
export function pureLayerViolations(root: string): string[] {
  const idOf = (file: string) => relative(root, file).split(sep).join('/');
  const violations: string[] = [];
  for (const folder of PAGE_ALLOWED_WORKER_FOLDERS) {
    for (const file of layerSources(root, folder)) {
      for (const specifier of allImports(file, readFileSync(file, 'utf8'))) {
        const target = resolveImport(specifier, file);
        const id = 'package' in target ? target.package : idOf(target.file);
        if (!pageMayLoad(id)) violations.push(`${idOf(file)} → ${id}`);
      }
    }
  }
  return violations;
}
