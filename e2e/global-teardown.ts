import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createFinder, plantedSecrets } from './support/secrets.ts';

// After every journey has run: the server's whole log and the built JS and CSS must not hold one
// planted secret (the journeys themselves scan every response body and the DOM).
const here = import.meta.dirname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

export default function leakScan(): void {
  const find = createFinder(plantedSecrets());
  const log = resolve(here, 'test-results/server.log');
  const sources = [
    ...(existsSync(log) ? [log] : []),
    ...files(resolve(here, '../apps/web/dist')).filter((file) => /\.(js|css|html)$/.test(file)),
  ];
  if (!existsSync(log) || readFileSync(log, 'utf8').length === 0)
    throw new Error('leak scan: the server log is missing or empty, so it proves nothing');
  const hits = sources.flatMap((file) =>
    find(readFileSync(file, 'utf8')).map((secret) => `${file}: ${secret.slice(0, 4)}…`),
  );
  console.log(
    `leak scan: ${sources.length} files (server log and built assets), ${hits.length} secrets found`,
  );
  if (hits.length > 0) throw new Error(`planted secrets leaked:\n${hits.join('\n')}`);
}
