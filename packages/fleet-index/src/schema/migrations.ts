import { V1 } from './migration-v1.ts';
import { V2 } from './migration-v2.ts';
import { V3 } from './migration-v3.ts';
import { V4 } from './migration-v4.ts';
import { V5 } from './migration-v5.ts';
import { V6 } from './migration-v6.ts';

/** One schema change; applied once, in order, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, oldest first. A version is never edited once released; add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'fleet index', sql: V1 },
  { version: 2, name: 'facet codes', sql: V2 },
  { version: 3, name: 'change history', sql: V3 },
  { version: 4, name: 'facet counts by place', sql: V4 },
  { version: 5, name: 'insights columns', sql: V5 },
  { version: 6, name: 'insights counts', sql: V6 },
];
