import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// `pnpm start`: build the web app if its bundle is missing, then run the BFF in production mode.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = resolve(root, 'apps/web');
if (existsSync(resolve(web, 'package.json')) && !existsSync(resolve(web, 'dist/index.html'))) {
  console.log('fc-fleet: the web app is not built yet; building it once (pnpm --filter @fc-fleet/web build)');
  const build = spawnSync('pnpm', ['--filter', '@fc-fleet/web', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'apps/bff/src/server.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
process.exit(server.status ?? 1);
