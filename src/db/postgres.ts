import pg from 'pg';
import type { Database } from './database.js';

// int8 (bigint) values such as sequence numbers fit comfortably in a double here.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface PostgresOptions {
  /** Schema to use instead of `public` (tests isolate each suite in its own schema). */
  schema?: string;
  maxConnections?: number;
}

export async function openPostgres(connectionString: string, options: PostgresOptions = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
  return {
    kind: 'postgres',
    query: (sql, params) => pool.query(sql, params as any[]) as Promise<any>,
    exec: async (sql) => void (await pool.query(sql)),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: (sql, params) => client.query(sql, params as any[]) as Promise<any>,
          exec: async (sql) => void (await client.query(sql)),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    copyOut: (sql) => copyOut(pool, sql),
    close: () => pool.end(),
  };
}

/** Rows are gathered into buffers of about this size; the connection is paused while this many wait. */
const COPY_CHUNK_BYTES = 256 * 1024;
const COPY_CHUNKS_AHEAD = 4;

/**
 * `COPY … TO STDOUT` through pg's query queue: a submittable receiving the CopyData messages (one per row), which
 * are copied at once (the driver reuses its read buffer) into chunks handed to the consumer.
 */
async function* copyOut(pool: pg.Pool, sql: string): AsyncGenerator<Buffer> {
  const client = await pool.connect();
  const socket = (client as unknown as { connection: { stream: { pause(): void; resume(): void } } }).connection.stream;
  const ready: Buffer[] = [];
  let chunk = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
  let used = 0;
  let finished = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const handOver = () => {
    if (used) ready.push(chunk.subarray(0, used));
    chunk = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
    used = 0;
    if (ready.length >= COPY_CHUNKS_AHEAD) socket.pause();
    wake?.();
  };
  const submittable = {
    submit: (connection: { query(text: string): void }) => connection.query(sql),
    handleCopyData(message: { chunk: Buffer }) {
      const row = message.chunk;
      if (used + row.length > chunk.length) {
        handOver();
        if (row.length > chunk.length) chunk = Buffer.allocUnsafe(row.length);
      }
      row.copy(chunk, used);
      used += row.length;
    },
    handleCommandComplete: handOver,
    handleError(error: unknown) {
      failure = error;
      wake?.();
    },
    handleReadyForQuery() {
      finished = true;
      wake?.();
    },
  };
  try {
    client.query(submittable as unknown as pg.QueryConfig);
    for (;;) {
      const next = ready.shift();
      if (next) {
        if (ready.length < COPY_CHUNKS_AHEAD) socket.resume();
        yield next;
      } else if (failure) {
        throw failure;
      } else if (finished) {
        return;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
  } finally {
    // Left mid-COPY (the consumer stopped or the COPY failed): the connection is closed, not returned to the pool.
    socket.resume();
    client.release(finished ? undefined : new Error('COPY abandoned'));
  }
}

/** Drops a schema and everything in it (test and benchmark databases live in private schemas). */
export async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replaceAll('"', '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}
