import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FhirContext, FhirRequest } from '../../context.js';
import { exportGroup, exportPatients, exportSystem, STATUS_PATH } from './kickoff.js';
import type { ExportLevel } from './parameters.js';
import { filesDir } from './runner.js';
import { exportService } from './service.js';

export interface FolderExportOptions {
  level: ExportLevel;
  groupId?: string;
  /** $export parameters (_type, _since, _typeFilter, _elements, patient, _deidentify). */
  parameters: [string, string][];
  folder: string;
  /** Told of resources written so far and an upper bound of the total. */
  onProgress?(exported: number, upperBound: number): void;
}

export interface FolderManifest {
  transactionTime: string;
  request: string;
  output: { type: string; url: string; count: number }[];
  error: { type: string; url: string; count: number }[];
}

const POLL_MS = 200;
/** Base recorded in the manifest of an export run from the command line. */
const LOCAL_BASE = 'urn:jp-cvd-registry:local';

/**
 * Runs an export end to end without HTTP: the same kick-off (parameter checks, job row) and job runner as the
 * server, then copies the files into `folder` with a manifest.json naming them, and removes the job.
 */
export async function exportToFolder(context: FhirContext, options: FolderExportOptions): Promise<FolderManifest> {
  const request: FhirRequest = {
    method: 'GET',
    baseUrl: LOCAL_BASE,
    ...(options.groupId ? { id: options.groupId } : {}),
    query: options.parameters,
    headers: { prefer: 'respond-async' },
  };
  const kickOff = options.level === 'system' ? exportSystem : options.level === 'patient' ? exportPatients : exportGroup;
  const response = await kickOff(context, request);
  const jobId = response.headers['Content-Location'].slice(`${LOCAL_BASE}${STATUS_PATH}/`.length);
  const service = exportService(context);
  try {
    let job = await service.jobs.get(jobId);
    const upperBound = job ? await service.upperBound(job.parameters) : 0;
    while (job?.status === 'running') {
      options.onProgress?.(service.exportedSoFar(jobId) ?? 0, upperBound);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = await service.jobs.get(jobId);
    }
    if (!job) throw new Error(`Export job ${jobId} disappeared`);
    if (job.status === 'failed') throw new Error(`Export failed: ${job.error}`);
    const files = await service.jobs.files(jobId);
    await mkdir(options.folder, { recursive: true });
    for (const file of files) await copyFile(join(filesDir(service.settings, job), file.name), join(options.folder, file.name));
    const entry = (file: (typeof files)[number]) => ({ type: file.type, url: file.name, count: file.count });
    const manifest: FolderManifest = {
      transactionTime: job.transactionTime,
      request: job.requestUrl,
      output: files.filter((file) => file.kind === 'output').map(entry),
      error: files.filter((file) => file.kind === 'error').map(entry),
    };
    await writeFile(join(options.folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    options.onProgress?.(manifest.output.reduce((sum, output) => sum + output.count, 0), upperBound);
    return manifest;
  } finally {
    await service.cancel(jobId);
  }
}
