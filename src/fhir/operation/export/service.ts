import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { rm } from 'node:fs/promises';
import { exportSettings, type ExportSettings } from '../../../config.js';
import type { FhirContext } from '../../context.js';
import { FhirError } from '../../outcome.js';
import { ExportJobTable, type ExportJob, type JobLease } from './jobs.js';
import type { ExportParameters } from './parameters.js';
import { ExportCancelled, filesDir, jobDir, runExportJob } from './runner.js';

/** Seconds a client is asked to wait before polling again, or before retrying a kick-off refused for capacity. */
export const RETRY_AFTER_SECONDS = 1;
const THROTTLED_RETRY_SECONDS = 30;

interface ActiveJob {
  jobId: string;
  lease: JobLease;
  controller: AbortController;
  done: Promise<void>;
  /** Resources written so far (updated every thousand resources and at the end of each type). */
  exported: number;
}

export interface ExportLog {
  error(object: unknown, message: string): void;
}

/**
 * Export jobs of one server: starts them, runs them in the background, cancels and expires them. Their state lives
 * in the database, so a restarted server finds the jobs it left running (`resumeInterrupted`) and runs them again.
 * Several servers may share one database (and one EXPORT_DIR): a job runs under a lease its run renews while it
 * runs, and a job whose lease has lapsed (its server died) is taken over by the next server to look.
 */
export class ExportService {
  readonly settings: ExportSettings;
  readonly jobs: ExportJobTable;
  /** This server process as a lease owner. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly active = new Map<string, ActiveJob>();
  private watchTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly context: FhirContext,
    settings: ExportSettings = exportSettings(),
    private readonly log?: ExportLog,
  ) {
    this.settings = settings;
    this.jobs = new ExportJobTable(context.store.sql);
    ownersInThisProcess.add(this.owner);
  }

  /** Resumes interrupted jobs, and from then on takes over jobs whose lease lapsed and expires old files. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.resumeInterrupted();
    await this.removeExpired();
    const everySeconds = Math.max(1, Math.min(this.settings.leaseSeconds, this.settings.expirySeconds, 60));
    this.watchTimer = setInterval(
      () =>
        void Promise.all([this.resumeInterrupted(), this.removeExpired()]).catch((error) => this.log?.error({ err: error }, 'export job watch failed')),
      everySeconds * 1000,
    );
    this.watchTimer.unref();
  }

  /**
   * Stops the jobs running here without failing them: they stay `running` in the database, their leases released,
   * and are run again by the next server to look (their partial files are never listed).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.watchTimer);
    const stopping = [...this.active.values()];
    for (const job of stopping) job.controller.abort();
    await Promise.all(stopping.map((job) => job.done));
    await Promise.all(stopping.map((job) => this.jobs.release(job.jobId, job.lease.runId).catch(() => {})));
  }

  /** Creates a job and starts it; 429 with Retry-After when the configured number of jobs already run. */
  async kickOff(requestUrl: string, parameters: ExportParameters): Promise<ExportJob> {
    if (parameters.deidentify && !this.settings.pseudonymKey) {
      throw new FhirError(400, 'not-supported', 'De-identified export is not configured on this server (EXPORT_PSEUDONYM_KEY)', ['_deidentify']);
    }
    await this.removeExpired();
    const lease = this.newLease();
    const job = await this.jobs.insertIfCapacity(
      { transaction: (work) => this.context.store.transaction((store) => work(store.sql)) },
      { id: randomUUID(), requestUrl, parameters },
      this.settings.maxConcurrentJobs,
      lease,
    );
    if (!job) {
      throw new FhirError(429, 'throttled', `${this.settings.maxConcurrentJobs} export jobs are running; retry later`, undefined, {
        'Retry-After': String(THROTTLED_RETRY_SECONDS),
      });
    }
    this.launch(job, lease);
    return job;
  }

  /** Cancels a job (running or finished) and deletes its files; false when there is no such job. */
  async cancel(id: string): Promise<boolean> {
    const active = this.active.get(id);
    active?.controller.abort();
    const removed = await this.jobs.remove(id);
    await active?.done;
    await rm(jobDir(this.settings, id), { recursive: true, force: true });
    return removed;
  }

  /** Waits for a job running in this process to end (tests, the CLI). */
  async settled(id: string): Promise<void> {
    await this.active.get(id)?.done;
  }

  /** Resources a job running in this process has written so far. */
  exportedSoFar(id: string): number | undefined {
    return this.active.get(id)?.exported;
  }

  /** An upper bound of the resources a job writes (every current resource of its types), for progress bars. */
  async upperBound(parameters: ExportParameters): Promise<number> {
    const { rows } = await this.context.store.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM resource WHERE type = ANY($1::text[]) AND NOT deleted', [
      parameters.types,
    ]);
    return rows[0].n;
  }

  /** Whether a run of this server holds the job (tests of several servers on one database). */
  runsHere(id: string): boolean {
    return this.active.has(id);
  }

  /**
   * Claims and runs every running job no run holds: left by a stopped server (lease released) or by a server that
   * died (lease lapsed) — or, without waiting for the lapse, by a server process of this host that is gone (a crash
   * and restart). Of several servers looking at once, one wins each job.
   */
  async resumeInterrupted(): Promise<void> {
    for (const { id, owner, held } of await this.jobs.runningLeases()) {
      if (this.stopped || this.active.has(id)) continue;
      const deadOwner = held && owner !== null && ownerIsGone(owner) ? owner : undefined;
      if (held && !deadOwner) continue;
      const lease = this.newLease();
      const job = await this.jobs.claim(id, lease, deadOwner);
      if (job) this.launch(job, lease);
    }
  }

  async removeExpired(): Promise<void> {
    for (const id of await this.jobs.expired()) {
      await this.jobs.remove(id);
      await rm(jobDir(this.settings, id), { recursive: true, force: true });
    }
  }

  private newLease(): JobLease {
    return { owner: this.owner, runId: randomUUID(), seconds: this.settings.leaseSeconds };
  }

  private launch(job: ExportJob, lease: JobLease): void {
    if (this.stopped) return;
    const active: ActiveJob = { jobId: job.id, lease, controller: new AbortController(), done: Promise.resolve(), exported: 0 };
    // Renewed three times per lease period; a run that finds it no longer holds the job stops writing.
    const renewal = setInterval(
      () =>
        void this.jobs
          .renew(job.id, lease)
          .then((held) => held || active.controller.abort())
          .catch((error) => this.log?.error({ err: error, job: job.id }, 'export lease renewal failed')),
      (lease.seconds * 1000) / 3,
    );
    active.done = this.execute(job, active).finally(() => {
      clearInterval(renewal);
      this.active.delete(job.id);
    });
    this.active.set(job.id, active);
  }

  private async execute(job: ExportJob, active: ActiveJob): Promise<void> {
    const signal = active.controller.signal;
    const runId = active.lease.runId;
    try {
      const files = await runExportJob(this.context, this.settings, { ...job, runId }, signal, (text, exported) => {
        active.exported = exported;
        return this.jobs.setProgress(job.id, runId, text);
      });
      if (signal.aborted) throw new ExportCancelled();
      const listed = await this.jobs.complete(
        { transaction: (work) => this.context.store.transaction((store) => work(store.sql)) },
        job.id,
        runId,
        files,
        this.settings.expirySeconds,
      );
      // Cancelled, or taken over, while finishing: this run's files are nobody's.
      if (!listed) await rm(filesDir(this.settings, { id: job.id, runId }), { recursive: true, force: true });
    } catch (error) {
      if (signal.aborted || error instanceof ExportCancelled) {
        // Cancelled: the DELETE removes the files. Stopped by a shutdown or lease lost: the next run starts afresh.
        return;
      }
      this.log?.error({ err: error, job: job.id }, 'export job failed');
      await rm(filesDir(this.settings, { id: job.id, runId }), { recursive: true, force: true }).catch(() => {});
      await this.jobs.fail(job.id, runId, error instanceof Error ? error.message : String(error), this.settings.expirySeconds).catch(() => {});
    }
  }
}

/** Lease owners of the export services of this process (tests run several servers in one). */
const ownersInThisProcess = new Set<string>();

/**
 * Whether lease owner `owner` ("host:pid:tag") is a server of this host that no longer runs: this very process id but
 * none of its services (a restarted container keeps its pid), or a process id that does not exist.
 */
function ownerIsGone(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || ownersInThisProcess.has(owner)) return false;
  if (Number(pid) === process.pid) return true;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const services = new WeakMap<FhirContext['search'], ExportService>();

/**
 * The export service of a server, created on first use. Keyed by the server's search engine, which the per-request
 * contexts (tenant-scoped stores, see fhir/tenancy.ts) share with the server's own; each job runs in its own scope.
 */
export function exportService(context: FhirContext, log?: ExportLog): ExportService {
  let service = services.get(context.search);
  if (!service) {
    service = new ExportService(context, exportSettings(), log);
    services.set(context.search, service);
  }
  return service;
}
