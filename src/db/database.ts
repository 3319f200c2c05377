/** The SQL surface the store uses: one dialect (PostgreSQL) on two drivers, PGlite and `pg`. */
export interface Queryable {
  query<T = any>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * PostgreSQL only: the output of `COPY (…) TO STDOUT` (no parameters) as it streams, in buffers of whole rows; the
   * server is paused while the consumer is behind. Breaking off the loop ends the COPY.
   */
  copyOut?(sql: string): AsyncIterable<Buffer>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
