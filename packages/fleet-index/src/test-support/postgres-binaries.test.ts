import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPostgresBinaries } from './postgres-binaries.ts';

const PROGRAMS = ['initdb', 'pg_ctl', 'postgres', 'psql', 'pg_isready'];
const made: string[] = [];

function fakeInstall(root: string, programs = PROGRAMS): string {
  mkdirSync(root, { recursive: true });
  for (const program of programs) {
    writeFileSync(join(root, program), '#!/bin/sh\n');
    chmodSync(join(root, program), 0o755);
  }
  return root;
}

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fc-fleet-pgbin-'));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('findPostgresBinaries', () => {
  it('prefers the newest /usr/lib/postgresql/<major>/bin', () => {
    const lib = scratch();
    fakeInstall(join(lib, '9.6', 'bin'));
    fakeInstall(join(lib, '16', 'bin'));
    fakeInstall(join(lib, '15', 'bin'));
    const bin = findPostgresBinaries({ env: { PATH: '' }, libRoot: lib });
    expect(bin.initdb).toBe(join(lib, '16', 'bin', 'initdb'));
    expect(bin.psql).toBe(join(lib, '16', 'bin', 'psql'));
  });

  it('follows an initdb symlink on PATH to the directory with the real psql', () => {
    const root = scratch();
    const real = fakeInstall(join(root, 'pg', '17', 'bin'));
    const onPath = join(root, 'local-bin');
    mkdirSync(onPath);
    symlinkSync(join(real, 'initdb'), join(onPath, 'initdb'));
    const bin = findPostgresBinaries({ env: { PATH: onPath }, libRoot: join(root, 'none') });
    expect(bin.binDir).toBe(real);
    expect(bin.pgCtl).toBe(join(real, 'pg_ctl'));
  });

  it('uses FC_TEST_PG_BIN alone when set', () => {
    const lib = scratch();
    fakeInstall(join(lib, '15', 'bin'));
    const custom = fakeInstall(join(lib, 'custom'));
    expect(findPostgresBinaries({ env: { FC_TEST_PG_BIN: custom }, libRoot: lib }).binDir).toBe(custom);
    const broken = fakeInstall(join(lib, 'broken'), ['initdb']);
    expect(() => findPostgresBinaries({ env: { FC_TEST_PG_BIN: broken }, libRoot: lib })).toThrow(
      /^FC_TEST_PG_BIN=.*; fix or unset it$/,
    );
  });

  it('skips an installation that lacks a program', () => {
    const lib = scratch();
    fakeInstall(join(lib, '17', 'bin'), ['initdb', 'pg_ctl']);
    fakeInstall(join(lib, '15', 'bin'));
    expect(findPostgresBinaries({ env: { PATH: '' }, libRoot: lib }).binDir).toBe(join(lib, '15', 'bin'));
  });

  it('without PostgreSQL, throws one line saying what to run', () => {
    const empty = scratch();
    let message = '';
    try {
      findPostgresBinaries({ env: { PATH: empty }, libRoot: empty });
    } catch (error) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).not.toContain('\n');
    expect(message).toContain('pnpm test:deps');
    expect(message).toContain('apt-get install -y postgresql');
  });
});
