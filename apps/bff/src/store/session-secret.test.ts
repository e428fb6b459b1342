import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { tempDirs } from '../test-support/temp-dirs.ts';
import { SECRET_FILE, sessionSecret } from './session-secret.ts';

const freshDir = tempDirs('fc-fleet-secret-');
const envOf = (vars: Record<string, string>) => {
  const parsed = parseEnv(vars);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.env;
};

describe('the session secret without FC_SESSION_SECRET', () => {
  it('is made once and kept with the embedded index (owner-only), so a restart signs as before', async () => {
    const dir = freshDir();
    const first = await sessionSecret(envOf({ FC_DATA_DIR: dir }), { demo: false });
    expect(first.source).toBe('data-dir');
    expect(first.path).toBe(join(dir, SECRET_FILE));
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(readFileSync(join(dir, SECRET_FILE), 'utf8').trim()).toBe(first.secret);
    expect(statSync(join(dir, SECRET_FILE)).mode & 0o777).toBe(0o600);
    const restarted = await sessionSecret(envOf({ FC_DATA_DIR: dir }), { demo: true });
    expect(restarted.secret).toBe(first.secret);
    // Another index directory has a secret of its own.
    const other = await sessionSecret(envOf({ FC_DATA_DIR: freshDir() }), { demo: false });
    expect(other.secret).not.toBe(first.secret);
  });

  it('gives two processes starting at once the same secret', async () => {
    const env = envOf({ FC_DATA_DIR: freshDir() });
    const both = await Promise.all([
      sessionSecret(env, { demo: false }),
      sessionSecret(env, { demo: false }),
    ]);
    expect(both[0].secret).toBe(both[1].secret);
  });

  it('refuses a kept file that is not a secret it wrote, naming the file and the way out, never its content', async () => {
    for (const content of ['', 'hunter2-hunter2', `${'a'.repeat(60)}\n`, 'has spaces in it '.repeat(4)]) {
      const dir = freshDir();
      writeFileSync(join(dir, SECRET_FILE), content);
      const failure = sessionSecret(envOf({ FC_DATA_DIR: dir }), { demo: false });
      await expect(failure).rejects.toThrow(
        `${join(dir, SECRET_FILE)} does not hold a secret FC Fleet wrote: delete it (sessions and list cursors start over) or set FC_SESSION_SECRET`,
      );
      if (content.trim()) await expect(failure).rejects.not.toThrow(content.trim());
    }
  });

  it('is FC_SESSION_SECRET when set, and writes nothing', async () => {
    const dir = freshDir();
    const set = 'Zq8vN3kLp0Xw7RtY2-set-by-the-operator-4mB9';
    const got = await sessionSecret(envOf({ FC_DATA_DIR: dir, FC_SESSION_SECRET: set }), { demo: false });
    expect(got).toEqual({ secret: set, source: 'env' });
    expect(() => statSync(join(dir, SECRET_FILE))).toThrow(/ENOENT/);
  });

  it('is one per process for an index in memory (the demo) or in PostgreSQL', async () => {
    const demo = envOf({});
    const a = await sessionSecret(demo, { demo: true });
    const b = await sessionSecret(demo, { demo: true });
    expect([a.source, b.source]).toEqual(['process', 'process']);
    expect(a.secret).not.toBe(b.secret);
    const dir = freshDir();
    const pg = await sessionSecret(
      envOf({ FC_DATABASE_URL: 'postgres://fleet@127.0.0.1:5432/fleet', FC_DATA_DIR: dir }),
      { demo: false },
    );
    expect(pg.source).toBe('process');
    expect(() => statSync(join(dir, SECRET_FILE))).toThrow(/ENOENT/);
  });
});
