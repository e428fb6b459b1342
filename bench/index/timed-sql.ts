import type { SqlClient } from '@fc-fleet/fleet-index';

/** Time the store spent answering, by kind of statement. */
export interface StoreTime {
  /** Milliseconds in statements that write (insert, update, delete). */
  writeMs: number;
  /** Milliseconds in everything else. */
  readMs: number;
  statements: number;
  /** Milliseconds and count by statement, named by its first words. */
  byStatement: Map<string, { ms: number; count: number }>;
}

/** A statement's name for the breakdown: its first words, CTE names and all. */
const nameOf = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 48);

const WRITES = /^\s*(with\b[\s\S]*\b(insert|update|delete)\b|insert|update|delete)/i;

/**
 * Wraps a client so that every statement's time is added up: the store-only share of a pass,
 * whatever the listing, signing and projection around it cost.
 * @example const timed = timedSql(sql); await runPass({ sql: timed.sql, ... }); timed.time.writeMs;
 */
export function timedSql(sql: SqlClient): { sql: SqlClient; time: StoreTime } {
  const time: StoreTime = { writeMs: 0, readMs: 0, statements: 0, byStatement: new Map() };
  const add = (text: string, ms: number) => {
    time.statements++;
    const entry = time.byStatement.get(nameOf(text)) ?? { ms: 0, count: 0 };
    time.byStatement.set(nameOf(text), { ms: entry.ms + ms, count: entry.count + 1 });
    if (WRITES.test(text)) time.writeMs += ms;
    else time.readMs += ms;
  };
  const wrap = (inner: SqlClient): SqlClient => ({
    ...inner,
    async query(text, params) {
      const t0 = performance.now();
      try {
        return await inner.query(text, params);
      } finally {
        add(text, performance.now() - t0);
      }
    },
    async exec(text) {
      const t0 = performance.now();
      try {
        await inner.exec(text);
      } finally {
        add(text, performance.now() - t0);
      }
    },
    transaction: (work) => inner.transaction((tx) => work(wrap(tx))),
  });
  return { sql: wrap(sql), time };
}
