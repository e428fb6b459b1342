/** A value a query may bind: what both PGlite and node-postgres serialise the same way. */
export type SqlValue = string | number | boolean | null | Date | readonly string[] | readonly number[];

/** The result of one statement: its rows and, for writes, how many rows it touched. */
export interface SqlResult<Row> {
  rows: Row[];
  affectedRows: number;
}

/**
 * The one query interface of the index, implemented by PGlite (embedded) and by a PostgreSQL
 * pool. Both speak the same SQL; nothing above this layer knows which one it talks to.
 * @example const { rows } = await sql.query<{ n: number }>('select count(*)::int as n from fleet_function');
 */
export interface SqlClient {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory, `memory`, or the server URL without its password. */
  readonly location: string;
  query<Row = Record<string, unknown>>(text: string, params?: readonly SqlValue[]): Promise<SqlResult<Row>>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs `work` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
