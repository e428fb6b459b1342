import { describe, expect, it } from 'vitest';
import setupPostgres from './postgres-global-setup.ts';
import { runSql } from './postgres-server.ts';

describe('postgres global setup', () => {
  it('provides the URL and sets FC_TEST_DATABASE_URL until teardown', async () => {
    const previous = process.env.FC_TEST_DATABASE_URL;
    const provided = new Map<string, unknown>();
    const teardown = await setupPostgres({ provide: (key, value) => provided.set(key, value) });
    try {
      const url = provided.get('postgresUrl');
      expect(typeof url).toBe('string');
      expect(process.env.FC_TEST_DATABASE_URL).toBe(url);
      expect(await runSql(String(url), 'select 2')).toBe('2');
    } finally {
      await teardown();
      if (previous !== undefined) process.env.FC_TEST_DATABASE_URL = previous;
    }
    expect(process.env.FC_TEST_DATABASE_URL).toBe(previous);
  }, 120_000);
});
