import type { Queryable } from '../../../db/database.js';
import type { ExportParameters } from './parameters.js';

export type JobStatus = 'running' | 'completed' | 'failed';

export interface ExportJob {
  id: string;
  status: JobStatus;
  requestUrl: string;
  parameters: ExportParameters;
  /** ISO instant, millisecond precision: the export shows the data as of this time. */
  transactionTime: string;
  progress?: string;
  error?: string;
  expiresAt?: string;
}

export interface ExportFile {
  name: string;
  type: string;
  kind: 'output' | 'error';
  count: number;
  bytes: number;
}

interface JobRow {
  id: string;
  status: JobStatus;
  request_url: string;
  parameters: ExportParameters | string;
  transaction_time: Date | string;
  progress: string | null;
  error: string | null;
  expires_at: Date | string | null;
}

const JOB_COLUMNS = 'id, status, request_url, parameters, transaction_time, progress, error, expires_at';

function toJob(row: JobRow): ExportJob {
  return {
    id: row.id,
    status: row.status,
    requestUrl: row.request_url,
    parameters: typeof row.parameters === 'string' ? JSON.parse(row.parameters) : row.parameters,
    transactionTime: new Date(row.transaction_time).toISOString(),
    ...(row.progress ? { progress: row.progress } : {}),
    ...(row.error ? { error: row.error } : {}),
    ...(row.expires_at ? { expiresAt: new Date(row.expires_at).toISOString() } : {}),
  };
}

/** export_job / export_file rows: the durable state of export jobs (migration 4). */
export class ExportJobTable {
  constructor(private readonly sql: Queryable) {}

  /**
   * Inserts a running job unless `maxRunning` jobs already run; the count and insert are serialised on an advisory
   * lock so two kick-offs cannot both take the last slot. Returns undefined when the limit is reached.
   */
  async insertIfCapacity(
    db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> },
    job: { id: string; requestUrl: string; parameters: ExportParameters },
    maxRunning: number,
  ): Promise<ExportJob | undefined> {
    return db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('export_job capacity'))");
      const { rows: running } = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM export_job WHERE status = 'running'");
      if (running[0].n >= maxRunning) return undefined;
      // Millisecond precision, so the instant survives the round trip through a JavaScript Date exactly.
      const { rows } = await tx.query<JobRow>(
        `INSERT INTO export_job (id, status, request_url, parameters, transaction_time)
         VALUES ($1, 'running', $2, $3::jsonb, date_trunc('milliseconds', clock_timestamp()))
         RETURNING ${JOB_COLUMNS}`,
        [job.id, job.requestUrl, JSON.stringify(job.parameters)],
      );
      return toJob(rows[0]);
    });
  }

  async get(id: string): Promise<ExportJob | undefined> {
    const { rows } = await this.sql.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM export_job WHERE id = $1`, [id]);
    return rows[0] && toJob(rows[0]);
  }

  async running(): Promise<ExportJob[]> {
    const { rows } = await this.sql.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM export_job WHERE status = 'running' ORDER BY created_at`);
    return rows.map(toJob);
  }

  /** Ids of jobs whose files have expired. */
  async expired(): Promise<string[]> {
    const { rows } = await this.sql.query<{ id: string }>('SELECT id FROM export_job WHERE expires_at <= now()');
    return rows.map((row) => row.id);
  }

  async setProgress(id: string, progress: string): Promise<void> {
    await this.sql.query("UPDATE export_job SET progress = $2 WHERE id = $1 AND status = 'running'", [id, progress]);
  }

  /** Lists the finished files and marks the job completed, in one transaction; false if the job was cancelled. */
  async complete(
    db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> },
    id: string,
    files: ExportFile[],
    expirySeconds: number,
  ): Promise<boolean> {
    return db.transaction(async (tx) => {
      const { rows } = await tx.query(
        `UPDATE export_job SET status = 'completed', progress = NULL, completed_at = now(), expires_at = now() + make_interval(secs => $2)
         WHERE id = $1 AND status = 'running' RETURNING id`,
        [id, expirySeconds],
      );
      if (!rows.length) return false;
      if (files.length) {
        await tx.query(
          `INSERT INTO export_file (job_id, name, type, kind, count, bytes, position)
           SELECT $1, f.name, f.type, f.kind, f.count, f.bytes, f.position
             FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::bigint[]) WITH ORDINALITY AS f(name, type, kind, count, bytes, position)`,
          [id, files.map((f) => f.name), files.map((f) => f.type), files.map((f) => f.kind), files.map((f) => f.count), files.map((f) => f.bytes)],
        );
      }
      return true;
    });
  }

  async fail(id: string, error: string, expirySeconds: number): Promise<void> {
    await this.sql.query(
      `UPDATE export_job SET status = 'failed', error = $2, completed_at = now(), expires_at = now() + make_interval(secs => $3)
       WHERE id = $1 AND status = 'running'`,
      [id, error, expirySeconds],
    );
  }

  async files(id: string): Promise<ExportFile[]> {
    const { rows } = await this.sql.query<ExportFile>('SELECT name, type, kind, count, bytes FROM export_file WHERE job_id = $1 ORDER BY position', [id]);
    return rows.map((row) => ({ ...row, count: Number(row.count), bytes: Number(row.bytes) }));
  }

  async remove(id: string): Promise<boolean> {
    const { rows } = await this.sql.query('DELETE FROM export_job WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  }
}
