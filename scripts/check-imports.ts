import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  dependencyCycle,
  describeViolations,
  importViolations,
  type SourceFile,
  type WorkspacePackage,
} from './import-rules.ts';

// `pnpm lint` runs this after Biome: the one-way import rules of scripts/import-rules.ts over
// every workspace package's sources, and no cycle among the packages' dependencies.

const root = join(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'test-results', '.fc-fleet']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

const dirs = ['packages', 'apps'].flatMap((parent) =>
  readdirSync(join(root, parent), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `${parent}/${e.name}`),
);
dirs.push('bench', 'e2e');
const manifests = dirs.map((dir) => ({
  dir,
  json: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
    name: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  },
}));
const names = new Set(manifests.map((m) => m.json.name));
const packages: WorkspacePackage[] = manifests.map(({ dir, json }) => ({
  dir,
  name: json.name,
  dependsOn: Object.keys({ ...json.dependencies, ...json.devDependencies }).filter((n) => names.has(n)),
}));
const files: SourceFile[] = dirs.flatMap((dir) =>
  sources(join(root, dir)).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') })),
);

const violations = importViolations(files, packages);
const cycle = dependencyCycle(packages);
if (violations.length > 0) console.error(describeViolations(violations));
if (cycle) console.error(`workspace packages depend on each other in a cycle: ${cycle.join(' -> ')}`);
if (violations.length > 0 || cycle) process.exit(1);
console.log(`imports: ${files.length} files of ${packages.length} packages keep the one-way rules`);
