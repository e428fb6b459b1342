import { describe, expect, it } from 'vitest';
import {
  dependencyCycle,
  importStatements,
  importsOf,
  importViolations,
  type WorkspacePackage,
} from './import-rules.ts';

const PACKAGES: WorkspacePackage[] = [
  { dir: 'packages/fc-api', name: '@fc-fleet/fc-api', dependsOn: [] },
  { dir: 'packages/fc-emulator', name: '@fc-fleet/fc-emulator', dependsOn: ['@fc-fleet/fc-api'] },
  { dir: 'apps/bff', name: '@fc-fleet/bff', dependsOn: ['@fc-fleet/fc-api', '@fc-fleet/fc-emulator'] },
  { dir: 'apps/web', name: '@fc-fleet/web', dependsOn: [] },
];
const rulesOf = (path: string, text: string) =>
  importViolations([{ path, text }], PACKAGES).map((v) => v.rule);

describe('import rules', () => {
  it('reads static, re-exported, side-effect and dynamic imports', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export * from './c.ts';",
      "import './d.css';",
      "const e = await import('./e.tsx');",
      "const f = 'from nowhere';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.css', './e.tsx']);
  });

  it('refuses a package importing an app, by name or by path, and an undeclared workspace package', () => {
    expect(rulesOf('packages/fc-api/src/x.ts', "import { createApp } from '@fc-fleet/bff';")).toContain(
      'a package imports an app',
    );
    expect(rulesOf('packages/fc-emulator/src/x.ts', "import '../../../apps/bff/src/app.ts';")).toEqual([
      'a package imports an app',
      'reaches into @fc-fleet/bff by a relative path; import the package',
    ]);
    expect(
      rulesOf('packages/fc-api/src/x.ts', "import { createEmulator } from '@fc-fleet/fc-emulator';"),
    ).toEqual(["imports @fc-fleet/fc-emulator, which @fc-fleet/fc-api's package.json does not list"]);
    expect(rulesOf('apps/bff/src/x.ts', "import { createFcClient } from '@fc-fleet/fc-api';")).toEqual([]);
  });

  it('keeps the SPA one way: shared -> features -> app, and features without a cycle', () => {
    expect(rulesOf('apps/web/src/lib/x.ts', "import { y } from '../features/functions/y.ts';")).toEqual([
      'shared code imports the feature layer',
    ]);
    expect(rulesOf('apps/web/src/components/ui/x.tsx', "import { App } from '../../app/app.tsx';")).toEqual([
      'shared code imports the app layer',
    ]);
    expect(rulesOf('apps/web/src/features/changes/x.ts', "import { a } from '../../app/app.tsx';")).toEqual([
      'a feature imports the app shell',
    ]);
    expect(rulesOf('apps/web/src/app/app.tsx', "import { a } from '../features/changes/a.ts';")).toEqual([]);
    const oneWay = [{ path: 'apps/web/src/features/changes/a.ts', text: "import '../functions/b.ts';" }];
    expect(importViolations(oneWay, PACKAGES)).toEqual([]);
    const bothWays = [
      ...oneWay,
      { path: 'apps/web/src/features/functions/c.ts', text: "import '../changes/d.ts';" },
    ];
    expect(importViolations(bothWays, PACKAGES).map((v) => `${v.file} ${v.rule}`)).toEqual([
      'apps/web/src/features/changes/a.ts features import each other: changes -> functions -> changes',
      'apps/web/src/features/functions/c.ts features import each other: changes -> functions -> changes',
    ]);
  });

  it('tells type-only, static and dynamic imports apart', () => {
    const text = [
      "import type { Emulator } from '@fc-fleet/fc-emulator';",
      "export type { A } from './a.ts';",
      "import { x } from './x.ts';",
      "const demo = await import('./demo-accounts.ts');",
    ].join('\n');
    expect(importStatements(text)).toEqual([
      { specifier: '@fc-fleet/fc-emulator', how: 'type' },
      { specifier: './a.ts', how: 'type' },
      { specifier: './x.ts', how: 'static' },
      { specifier: './demo-accounts.ts', how: 'dynamic' },
    ]);
  });

  it('keeps the emulator out of the BFF unless it runs the demo', () => {
    const server = 'apps/bff/src/server.ts';
    expect(rulesOf(server, "import { createEmulator } from '@fc-fleet/fc-emulator';")).toEqual([
      'loads the emulator outside demo mode (import it in a demo-only module)',
    ]);
    expect(rulesOf(server, "import type { Emulator } from '@fc-fleet/fc-emulator';")).toEqual([]);
    expect(rulesOf(server, "import { startDemoChurn } from './accounts/demo-churn.ts';")).toEqual([
      'loads a demo-only module statically (use import())',
    ]);
    expect(rulesOf(server, "const m = await import('./accounts/demo-churn.ts');")).toEqual([]);
    expect(
      rulesOf(
        'apps/bff/src/accounts/demo-accounts.ts',
        "import { createEmulator } from '@fc-fleet/fc-emulator';",
      ),
    ).toEqual([]);
    expect(
      rulesOf('apps/bff/src/app.test.ts', "import { createEmulator } from '@fc-fleet/fc-emulator';"),
    ).toEqual([]);
  });

  it('finds a cycle among workspace dependencies', () => {
    expect(dependencyCycle(PACKAGES)).toBeUndefined();
    const cyclic = PACKAGES.map((p) =>
      p.name === '@fc-fleet/fc-api' ? { ...p, dependsOn: ['@fc-fleet/fc-emulator'] } : p,
    );
    expect(dependencyCycle(cyclic)).toEqual([
      '@fc-fleet/fc-api',
      '@fc-fleet/fc-emulator',
      '@fc-fleet/fc-api',
    ]);
  });
});
