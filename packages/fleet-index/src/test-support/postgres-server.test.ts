import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type PostgresServer, runSql, startPostgresServer } from './postgres-server.ts';

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('startPostgresServer', () => {
  let server: PostgresServer;
  const logged: string[] = [];

  beforeAll(async () => {
    server = await startPostgresServer({ log: (line) => logged.push(line) });
  }, 120_000);

  afterAll(async () => {
    await server.stop();
  });

  it('answers on a loopback URL as the postgres superuser', async () => {
    expect(server.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(await runSql(server.url, 'select 1')).toBe('1');
    expect(
      await runSql(server.url, 'select current_user, pg_encoding_to_char(encoding) from pg_database limit 1'),
    ).toBe('postgres|UTF8');
    expect(logged.some((line) => line.includes(server.url))).toBe(true);
  });

  it('runs with durability off and listens on 127.0.0.1 only', async () => {
    const settings = await runSql(
      server.url,
      "select string_agg(name || '=' || setting, ',' order by name) from pg_settings " +
        "where name in ('fsync', 'listen_addresses', 'max_connections', 'synchronous_commit')",
    );
    expect(settings).toBe('fsync=off,listen_addresses=127.0.0.1,max_connections=50,synchronous_commit=off');
  });

  it('has pg_trgm, which the trigram search needs', async () => {
    await runSql(server.url, 'create extension if not exists pg_trgm');
    expect(
      Number(await runSql(server.url, "select similarity('payments-api', 'payments-apx')")),
    ).toBeGreaterThan(0.5);
  });

  it('creates separate databases for parallel test files', async () => {
    const url = await createDatabase(server.url, 'second_db');
    expect(url).toBe(server.url.replace(/\/postgres$/, '/second_db'));
    expect(await runSql(url, 'select current_database()')).toBe('second_db');
    await expect(createDatabase(server.url, 'second_db')).rejects.toThrow(/already exists/);
    await expect(createDatabase(server.url, 'x"; drop')).rejects.toThrow(/must match/);
  });
});

describe('PostgresServer.stop', () => {
  it('stops the server, frees the port and deletes the directory', async () => {
    const server = await startPostgresServer();
    const port = Number(new URL(server.url).port);
    expect(existsSync(server.dir)).toBe(true);
    await server.stop();
    await server.stop();
    expect(existsSync(server.dir)).toBe(false);
    expect(await connectionRefused(port)).toBe(true);
  }, 120_000);
});
