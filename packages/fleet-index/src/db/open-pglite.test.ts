import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from './open-pglite.ts';
import type { SqlClient } from './sql-client.ts';

// PGlite runs in a worker thread; these tests hold the client to what PGlite on the main thread did.
describe('openPglite (PGlite in a worker thread)', () => {
  let sql: SqlClient;
  beforeAll(async () => {
    sql = await openPglite({ dataDir: 'memory' });
    await sql.exec('create table t (id integer primary key, v text, at timestamptz, tags text[], doc jsonb)');
  });
  afterAll(() => sql.close());

  it('answers queries with parameters and PostgreSQL types', async () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    const insert = await sql.query('insert into t values ($1, $2, $3, $4, $5)', [
      1,
      'one',
      at,
      ['a', 'b'],
      '{"k":1}',
    ]);
    expect(insert.affectedRows).toBe(1);
    const { rows } = await sql.query<{ id: number; v: string; at: Date; tags: string[]; doc: unknown }>(
      'select * from t where id = $1',
      [1],
    );
    expect(rows).toEqual([{ id: 1, v: 'one', at, tags: ['a', 'b'], doc: { k: 1 } }]);
  });

  it('rejects with the message and the SQLSTATE code of the error', async () => {
    const error = await sql.query('insert into t (id) values (1)').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', message: expect.stringContaining('duplicate key') });
    await expect(sql.query('select * from no_such_table')).rejects.toMatchObject({ code: '42P01' });
    // The store is still usable after an error.
    expect((await sql.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  it('commits a transaction as one unit and returns its value', async () => {
    const value = await sql.transaction(async (tx) => {
      await tx.query("insert into t (id, v) values (2, 'two')");
      const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from t');
      return rows[0]?.n;
    });
    expect(value).toBe(2);
    expect((await sql.query('select v from t where id = 2')).rows).toEqual([{ v: 'two' }]);
  });

  it('rolls back everything a transaction did when its work throws, and rethrows', async () => {
    const failure = new Error('changed my mind');
    await expect(
      sql.transaction(async (tx) => {
        await tx.query("insert into t (id, v) values (3, 'three')");
        await tx.exec("update t set v = 'ONE' where id = 1");
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect((await sql.query('select id, v from t order by id')).rows).toEqual([
      { id: 1, v: 'one' },
      { id: 2, v: 'two' },
    ]);
  });

  it('rolls back when a statement inside fails, and rejects with its code', async () => {
    await expect(
      sql.transaction(async (tx) => {
        await tx.query("insert into t (id, v) values (4, 'four')");
        await tx.query('insert into t (id) values (1)');
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await sql.query('select count(*)::int as n from t')).rows).toEqual([{ n: 2 }]);
  });

  it('keeps other queries out of a transaction until it ends', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tx = sql.transaction(async (t) => {
      await t.query("insert into t (id, v) values (5, 'five')");
      await held;
      await t.query("update t set v = 'FIVE' where id = 5");
    });
    // Issued while the transaction is open: it runs after the commit and sees all of it.
    const outside = sql.query<{ v: string }>('select v from t where id = 5');
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await tx;
    expect((await outside).rows).toEqual([{ v: 'FIVE' }]);
    await sql.query('delete from t where id = 5');
  });

  it('refuses a nested transaction', async () => {
    await expect(sql.transaction((tx) => tx.transaction(async () => 1))).rejects.toThrow(/nested/);
  });
});

describe('openPglite on disk', () => {
  it('keeps data across close and reopen, and refuses queries once closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-fleet-pglite-'));
    try {
      const first = await openPglite({ dataDir: dir });
      await first.exec("create table kept (v text); insert into kept values ('still here')");
      await first.close();
      await expect(first.query('select 1')).rejects.toThrow(/closed/);
      const second = await openPglite({ dataDir: dir });
      expect((await second.query('select v from kept')).rows).toEqual([{ v: 'still here' }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a directory this process already has open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-fleet-pglite-'));
    try {
      const first = await openPglite({ dataDir: dir });
      await expect(openPglite({ dataDir: dir })).rejects.toThrow(/already open in this process/);
      await first.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
