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
  /** The run (one server's attempt at the job) that holds it, or whose files a finished job lists. */
  runId?: string;
}

/**
 * A server's hold on a running job: its `owner` (the server process) runs it as run `runId` until `seconds` from
 * the last renewal; then any server may take it over as a new run.
 */
export interface JobLease {
  owner: string;
  runId: string;
  seconds: number;
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
  run_id: string | null;
}

const JOB_COLUMNS = 'id, status, request_url, parameters, transaction_time, progress, error, expires_at, run_id';

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
    ...(row.run_id ? { runId: row.run_id } : {}),
  };
}

/**
 * export_job / export_file rows: the durable state of export jobs (migration 4), with the lease that lets several
 * servers share one database (migration 13): a job is run only by the run holding an unexpired lease, and every write
 * of a run (progress, completion, failure) applies only while that run still holds it.
 */
export class ExportJobTable {
  constructor(private readonly sql: Queryable) {}

  /**
   * Inserts a running job, leased to its first run, unless `maxRunning` jobs already run; the count and insert are
   * serialised on an advisory lock so two kick-offs cannot both take the last slot. Undefined when the limit is reached.
   */
  async insertIfCapacity(
    db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> },
    job: { id: string; requestUrl: string; parameters: ExportParameters },
    maxRunning: number,
    lease: JobLease,
  ): Promise<ExportJob | undefined> {
    return db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('export_job capacity'))");
      const { rows: running } = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM export_job WHERE status = 'running'");
      if (running[0].n >= maxRunning) return undefined;
      // Millisecond precision, so the instant survives the round trip through a JavaScript Date exactly.
      const { rows } = await tx.query<JobRow>(
        `INSERT INTO export_job (id, status, request_url, parameters, transaction_time, run_id, lease_owner, lease_expires_at)
         VALUES ($1, 'running', $2, $3::jsonb, date_trunc('milliseconds', clock_timestamp()), $4, $5, now() + make_interval(secs => $6))
         RETURNING ${JOB_COLUMNS}`,
        [job.id, job.requestUrl, JSON.stringify(job.parameters), lease.runId, lease.owner, lease.seconds],
      );
      return toJob(rows[0]);
    });
  }

  async get(id: string): Promise<ExportJob | undefined> {
    const { rows } = await this.sql.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM export_job WHERE id = $1`, [id]);
    return rows[0] && toJob(rows[0]);
  }

  /**
   * Running jobs with their lease owner (null: no lease) and whether the lease still holds: unheld ones were left by
   * a stopped server (lease released) or a dead one (lease lapsed).
   */
  async runningLeases(): Promise<{ id: string; owner: string | null; held: boolean }[]> {
    const { rows } = await this.sql.query<{ id: string; lease_owner: string | null; held: boolean }>(
      `SELECT id, lease_owner, COALESCE(lease_expires_at > now(), false) AS held FROM export_job WHERE status = 'running' ORDER BY created_at`,
    );
    return rows.map((row) => ({ id: row.id, owner: row.lease_owner, held: row.held }));
  }

  /**
   * Takes a running job for a new run if no lease holds it, or if its lease is `deadOwner`'s (a server known to be
   * gone); undefined otherwise. The condition is re-checked by the UPDATE itself, so of two servers claiming at once
   * exactly one wins.
   */
  async claim(id: string, lease: JobLease, deadOwner?: string): Promise<ExportJob | undefined> {
    const { rows } = await this.sql.query<JobRow>(
      `UPDATE export_job SET run_id = $2, lease_owner = $3, lease_expires_at = now() + make_interval(secs => $4), progress = NULL
        WHERE id = $1 AND status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at <= now() OR lease_owner = $5)
        RETURNING ${JOB_COLUMNS}`,
      [id, lease.runId, lease.owner, lease.seconds, deadOwner ?? null],
    );
    return rows[0] && toJob(rows[0]);
  }

  /** Extends a run's lease; false when the run no longer holds the job (taken over, cancelled or finished). */
  async renew(id: string, lease: JobLease): Promise<boolean> {
    const { rows } = await this.sql.query(
      `UPDATE export_job SET lease_expires_at = now() + make_interval(secs => $3) WHERE id = $1 AND run_id = $2 AND status = 'running' RETURNING id`,
      [id, lease.runId, lease.seconds],
    );
    return rows.length > 0;
  }

  /** Gives a running job up at once (a server shutting down), so the next server to look takes it over. */
  async release(id: string, runId: string): Promise<void> {
    await this.sql.query("UPDATE export_job SET lease_owner = NULL, lease_expires_at = NULL WHERE id = $1 AND run_id = $2 AND status = 'running'", [
      id,
      runId,
    ]);
  }

  /** Ids of jobs whose files have expired. */
  async expired(): Promise<string[]> {
    const { rows } = await this.sql.query<{ id: string }>('SELECT id FROM export_job WHERE expires_at <= now()');
    return rows.map((row) => row.id);
  }

  async setProgress(id: string, runId: string, progress: string): Promise<void> {
    await this.sql.query("UPDATE export_job SET progress = $3 WHERE id = $1 AND run_id = $2 AND status = 'running'", [id, runId, progress]);
  }

  /**
   * Lists the run's finished files and marks the job completed, in one transaction; false if the run no longer holds
   * the job (cancelled, or taken over by another server).
   */
  async complete(
    db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> },
    id: string,
    runId: string,
    files: ExportFile[],
    expirySeconds: number,
  ): Promise<boolean> {
    return db.transaction(async (tx) => {
      const { rows } = await tx.query(
        `UPDATE export_job SET status = 'completed', progress = NULL, completed_at = now(), expires_at = now() + make_interval(secs => $3),
                lease_owner = NULL, lease_expires_at = NULL
         WHERE id = $1 AND run_id = $2 AND status = 'running' RETURNING id`,
        [id, runId, expirySeconds],
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

  async fail(id: string, runId: string, error: string, expirySeconds: number): Promise<void> {
    await this.sql.query(
      `UPDATE export_job SET status = 'failed', error = $3, completed_at = now(), expires_at = now() + make_interval(secs => $4),
              lease_owner = NULL, lease_expires_at = NULL
       WHERE id = $1 AND run_id = $2 AND status = 'running'`,
      [id, runId, error, expirySeconds],
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
