import { dirname, join, normalize, relative } from 'node:path';

// The one-way import rules, checked rather than kept by habit:
// - packages never import apps;
// - workspace packages depend on each other without a cycle, and import only what they declare;
// - in the SPA, shared code (lib, components) imports no feature and not the app shell, and a
//   feature not the app shell: shared -> features -> app; features may use one another, one way
//   only (no two features import each other, directly or through others).

/** A source file: its path from the repository root and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** A workspace package: its directory, name, and the workspace packages it lists as dependencies. */
export interface WorkspacePackage {
  dir: string;
  name: string;
  dependsOn: readonly string[];
}

/** One broken rule: where, what it imports, and which rule. */
export interface ImportViolation {
  file: string;
  specifier: string;
  rule: string;
}

// Static imports and re-exports (`from '...'`, with the statement's start to tell `import type`),
// side-effect imports and dynamic `import('...')`.
const SPECIFIERS =
  /(?:^\s*(import\s+type|export\s+type|import|export)\b[^'";]*?\bfrom\s*|(\bimport\s*\(\s*)|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** One import of a file: what it names, and whether it loads code now (static), later, or never (types). */
export interface ImportStatement {
  specifier: string;
  how: 'static' | 'dynamic' | 'type';
}

/**
 * The imports of a file.
 * @example importStatements("import type { A } from './a.ts';\nawait import('./b.ts');"); // [{ specifier: './a.ts', how: 'type' }, { specifier: './b.ts', how: 'dynamic' }]
 */
export function importStatements(text: string): ImportStatement[] {
  return [...text.matchAll(SPECIFIERS)].map((m) => ({
    specifier: m[3] ?? '',
    how: m[2] ? 'dynamic' : m[1]?.endsWith('type') ? 'type' : 'static',
  }));
}

/**
 * The module specifiers a file imports.
 * @example importsOf("import { a } from './a.ts';\nconst b = await import('../b.ts');"); // ['./a.ts', '../b.ts']
 */
export function importsOf(text: string): string[] {
  return importStatements(text).map((i) => i.specifier);
}

/** BFF modules that load the emulator: only ever imported with `import()`, in demo mode. */
const DEMO_ONLY = ['apps/bff/src/accounts/demo-accounts.ts', 'apps/bff/src/accounts/demo-churn.ts'];
const isTestCode = (path: string) => /\.test\.tsx?$|\/test-support\//.test(path);

const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/** Where in the SPA a file belongs: shared, a feature (by name), or the app shell. */
function webLayer(path: string): { layer: 'shared' | 'feature' | 'app'; feature?: string } | undefined {
  const src = 'apps/web/src/';
  if (!path.startsWith(src)) return undefined;
  const [top, name] = path.slice(src.length).split('/');
  if (top === 'features' && name) return { layer: 'feature', feature: name };
  if (top === 'app' || top === 'main.tsx') return { layer: 'app' };
  return { layer: 'shared' };
}

/** The first cycle among workspace dependencies, as a list of names, or undefined. */
export function dependencyCycle(packages: readonly WorkspacePackage[]): string[] | undefined {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'open') return [...path.slice(path.indexOf(name)), name];
    state.set(name, 'open');
    path.push(name);
    for (const next of byName.get(name)?.dependsOn ?? []) {
      const cycle = byName.has(next) ? visit(next) : undefined;
      if (cycle) return cycle;
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const p of packages) {
    const cycle = visit(p.name);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * Every import of `files` that breaks a rule (see the top of this file).
 * @example importViolations([{ path: 'packages/x/src/a.ts', text: "import '@fc-fleet/bff';" }], packages);
 */
export function importViolations(
  files: readonly SourceFile[],
  packages: readonly WorkspacePackage[],
): ImportViolation[] {
  const out: ImportViolation[] = [];
  const featureEdges: { file: string; specifier: string; from: string; to: string }[] = [];
  const names = new Set(packages.map((p) => p.name));
  const apps = packages.filter((p) => under(p.dir, 'apps'));
  for (const file of files) {
    const owner = packages.find((p) => under(file.path, p.dir));
    const from = webLayer(file.path);
    const bffCode = under(file.path, 'apps/bff/src') && !isTestCode(file.path);
    for (const { specifier, how } of importStatements(file.text)) {
      const relativeTarget = specifier.startsWith('.')
        ? normalize(join(dirname(file.path), specifier))
        : undefined;
      const bare = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : undefined;
      const target = relativeTarget
        ? packages.find((p) => under(relativeTarget, p.dir))
        : packages.find((p) => p.name === bare);
      const add = (rule: string) => out.push({ file: file.path, specifier, rule });
      if (bffCode && how === 'static') {
        if (bare === '@fc-fleet/fc-emulator' && !DEMO_ONLY.includes(file.path))
          add('loads the emulator outside demo mode (import it in a demo-only module)');
        if (relativeTarget && DEMO_ONLY.some((m) => relativeTarget === m))
          add('loads a demo-only module statically (use import())');
      }
      if (owner && under(owner.dir, 'packages') && target && apps.includes(target))
        add('a package imports an app');
      if (owner && target && target !== owner) {
        if (relativeTarget) add(`reaches into ${target.name} by a relative path; import the package`);
        else if (bare && names.has(bare) && !owner.dependsOn.includes(bare))
          add(`imports ${bare}, which ${owner.name}'s package.json does not list`);
      }
      const to = relativeTarget ? webLayer(relativeTarget) : undefined;
      if (from && to) {
        if (from.layer === 'shared' && to.layer !== 'shared')
          add(`shared code imports the ${to.layer} layer`);
        if (from.layer === 'feature' && to.layer === 'app') add('a feature imports the app shell');
        if (from.layer === 'feature' && to.layer === 'feature' && from.feature !== to.feature)
          featureEdges.push({ file: file.path, specifier, from: from.feature ?? '', to: to.feature ?? '' });
      }
    }
  }
  const cycle = dependencyCycle(
    [...new Set(featureEdges.flatMap((e) => [e.from, e.to]))].map((name) => ({
      dir: name,
      name,
      dependsOn: featureEdges.filter((e) => e.from === name).map((e) => e.to),
    })),
  );
  if (cycle) {
    const inCycle = (e: { from: string; to: string }) =>
      cycle.some((name, i) => name === e.from && cycle[i + 1] === e.to);
    for (const e of featureEdges.filter(inCycle))
      out.push({
        file: e.file,
        specifier: e.specifier,
        rule: `features import each other: ${cycle.join(' -> ')}`,
      });
  }
  return out;
}

/** Formats violations for a terminal, one per line, paths from the repository root. */
export function describeViolations(violations: readonly ImportViolation[], root = ''): string {
  return violations
    .map((v) => `${root ? relative(root, join(root, v.file)) : v.file}: '${v.specifier}': ${v.rule}`)
    .join('\n');
}
