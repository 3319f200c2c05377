import { join } from 'node:path';
import type { FhirContext } from '../../context.js';
import { FhirError, issue, notFound, operationOutcome } from '../../outcome.js';
import { filesDir } from './runner.js';
import type { ExportJob } from './jobs.js';
import { exportService, RETRY_AFTER_SECONDS, type ExportService } from './service.js';

/** Path of output files below the FHIR base: `<FILE_PATH>/<job id>/<file name>`. */
export const FILE_PATH = '/$export-file';

/** A status response: the manifest is plain JSON (application/json), not a FHIR resource. */
export interface StatusResponse {
  status: number;
  headers: Record<string, string>;
  manifest?: BulkManifest;
  outcome?: fhir4.OperationOutcome;
}

export interface BulkManifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: { type: string; url: string; count: number }[];
  extension?: Record<string, unknown>;
}

/**
 * The job `requester` (a client id; undefined without authentication) may see: a job started by another client is as
 * unknown to it, so job ids of other tenants reveal nothing.
 */
async function visibleJob(service: ExportService, jobId: string, requester: string | undefined): Promise<ExportJob | undefined> {
  const job = await service.jobs.get(jobId);
  return job && (job.parameters.owner === undefined || job.parameters.owner === requester) ? job : undefined;
}

/** GET on a job's status URL: 202 with X-Progress while it runs, the manifest once complete, 500 if it failed. */
export async function exportStatus(context: FhirContext, jobId: string, baseUrl: string, requester?: string): Promise<StatusResponse> {
  const service = exportService(context);
  const job = await visibleJob(service, jobId, requester);
  if (!job) throw notFound(`No export job ${jobId} (unknown, cancelled or expired)`);
  if (job.status === 'running') {
    return { status: 202, headers: { 'X-Progress': job.progress ?? 'starting', 'Retry-After': String(RETRY_AFTER_SECONDS) } };
  }
  if (job.status === 'failed') {
    throw new FhirError(500, 'exception', `Export job ${jobId} failed: ${job.error ?? 'unknown error'}`);
  }
  const files = await service.jobs.files(jobId);
  const entry = (file: (typeof files)[number]) => ({ type: file.type, url: `${baseUrl}${FILE_PATH}/${jobId}/${file.name}`, count: file.count });
  return {
    status: 200,
    headers: job.expiresAt ? { Expires: new Date(job.expiresAt).toUTCString() } : {},
    manifest: {
      transactionTime: job.transactionTime,
      request: job.requestUrl,
      requiresAccessToken: false,
      output: files.filter((file) => file.kind === 'output').map(entry),
      error: files.filter((file) => file.kind === 'error').map(entry),
      ...(job.parameters.deidentify ? { extension: { deidentified: true } } : {}),
    },
  };
}

/** DELETE on a job's status URL: cancels it and removes its files. */
export async function exportCancel(context: FhirContext, jobId: string, requester?: string): Promise<StatusResponse> {
  const service = exportService(context);
  if (!(await visibleJob(service, jobId, requester)) || !(await service.cancel(jobId))) throw notFound(`No export job ${jobId} (unknown, cancelled or expired)`);
  return { status: 202, headers: {}, outcome: operationOutcome([issue('information', 'informational', `Export job ${jobId} cancelled; its files are deleted`)]) };
}

/** The path of a listed output file of a completed job; 404 for anything else (unlisted, partial, expired). */
export async function exportFilePath(context: FhirContext, jobId: string, fileName: string, requester?: string): Promise<string> {
  const service = exportService(context);
  const job = await visibleJob(service, jobId, requester);
  const listed = job?.status === 'completed' && (await service.jobs.files(jobId)).some((file) => file.name === fileName);
  if (!job || !listed) throw notFound(`No export file ${jobId}/${fileName}`);
  return join(filesDir(service.settings, job), fileName);
}
