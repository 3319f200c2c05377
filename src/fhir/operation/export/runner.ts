import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportSettings } from '../../../config.js';
import { optedOutOfSecondaryUse } from '../../../registry/consent/secondary-use.js';
import { Deidentifier, WITHHELD_TYPES } from '../../../registry/deidentify/deidentify.js';
import { tenantCondition } from '../../../store/tenancy.js';
import type { FhirContext } from '../../context.js';
import type { ExportFile, ExportJob } from './jobs.js';
import { NdjsonFileSet } from './ndjson-files.js';
import { patientCompartment, type ExportParameters } from './parameters.js';
import { selectRows, type ExportedLines, type ExportedRow, type TypeSelection } from './source.js';

/** Resources written between two progress updates (and cancellation checks), at least. */
const PROGRESS_EVERY = 1000;
/** Matches read per page when running a _typeFilter search. */
const FILTER_PAGE = 200;

/** Marks a resource reduced by _elements (R4 ObservationValue SUBSETTED). */
const SUBSETTED: fhir4.Coding = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' };
const MANDATORY_ELEMENTS = new Set(['resourceType', 'id', 'meta']);

export class ExportCancelled extends Error {}

/** Reports progress as the job runs; also the point where a cancelled job stops. */
export interface JobProgress {
  (text: string, exported: number): Promise<void>;
}

/**
 * Runs one export job into `<dir>/<job id>/<run id>/`: type after type, each streamed from the database into NDJSON
 * files. Starts from an empty job folder, so a job interrupted by a restart is simply run again (its transaction time
 * fixes the data), and a run that lost its lease writes only into its own folder. Returns the files, all complete;
 * listing them is up to the caller.
 */
export async function runExportJob(
  context: FhirContext,
  settings: ExportSettings,
  job: ExportJob,
  signal: AbortSignal,
  progress: JobProgress,
): Promise<ExportFile[]> {
  await rm(jobDir(settings, job.id), { recursive: true, force: true });
  const dir = filesDir(settings, job);
  await mkdir(dir, { recursive: true });
  const parameters = job.parameters;
  if (parameters.readScope) context = { ...context, store: context.store.withScope(parameters.readScope) };
  const transform = resourceTransform(parameters, settings);
  const members = patientCompartment(context);
  const compartment = parameters.level === 'system' ? undefined : members;
  // A de-identified export is secondary use: people who opted out are left out entirely.
  const optedOut = parameters.deidentify ? await optedOutOfSecondaryUse(context) : undefined;
  const types = await typesPresent(context, parameters.types.filter((type) => !(parameters.deidentify && WITHHELD_TYPES.has(type))));
  const files: ExportFile[] = [];
  let exported = 0;
  let nextProgress = PROGRESS_EVERY;

  for (const [index, type] of types.entries()) {
    const selection: TypeSelection = {
      type,
      transactionTime: job.transactionTime,
      scope: context.store.scope,
      ...(parameters.since ? { since: parameters.since } : {}),
      ...(compartment ? { compartment: { params: compartment.get(type) ?? [], ...(parameters.patients ? { patients: parameters.patients } : {}) } } : {}),
      ...(optedOut ? { excluded: { ...optedOut, params: members.get(type) ?? [] } } : {}),
    };
    const output = new NdjsonFileSet(dir, type, settings.fileByteLimit);
    try {
      for await (const item of rowsOf(context, selection, parameters, settings.fetchBytes)) {
        if ('ndjson' in item) {
          if (transform) {
            const lines = linesOf(item.ndjson);
            for (const line of lines) {
              const text = transform(line);
              if (text !== undefined) await output.writeLine(text);
            }
            exported += lines.length;
          } else {
            exported += await output.writeNdjson(item.ndjson);
          }
        } else {
          if (transform) {
            const text = transform('json' in item ? item.json : await textOf(item.parts()));
            if (text !== undefined) await output.writeLine(text);
          } else if ('json' in item) {
            await output.writeLine(item.json);
          } else {
            await output.writeSlices(item.parts(), item.bytes);
          }
          exported++;
        }
        if (exported >= nextProgress) {
          nextProgress = exported + PROGRESS_EVERY;
          if (signal.aborted) throw new ExportCancelled();
          await progress(`${type} (type ${index + 1} of ${types.length}), ${exported} resources exported`, exported);
        }
      }
      files.push(...(await output.finish()));
    } finally {
      output.abort();
    }
    if (signal.aborted) throw new ExportCancelled();
    await progress(`${type} done (type ${index + 1} of ${types.length}), ${exported} resources exported`, exported);
  }
  return files;
}

export function jobDir(settings: ExportSettings, jobId: string): string {
  return join(settings.dir, jobId);
}

/** The folder of a job's files: its run's (jobs finished before runs existed have theirs in the job folder). */
export function filesDir(settings: ExportSettings, job: Pick<ExportJob, 'id' | 'runId'>): string {
  return job.runId ? join(jobDir(settings, job.id), job.runId) : jobDir(settings, job.id);
}

/** The requested types that have any stored resource, in request order (one index probe per type). */
async function typesPresent(context: FhirContext, types: string[]): Promise<string[]> {
  const params: unknown[] = [types];
  const tenant = tenantCondition(context.store.scope, 'r', (value, cast) => `$${params.push(value)}${cast ? `::${cast}` : ''}`);
  const { rows } = await context.store.sql.query<{ type: string }>(
    `SELECT t.type FROM unnest($1::text[]) WITH ORDINALITY AS t(type, position)
      WHERE EXISTS (SELECT 1 FROM resource r WHERE r.type = t.type${tenant ? ` AND ${tenant}` : ''}) ORDER BY t.position`,
    params,
  );
  return rows.map((row) => row.type);
}

/** The rows of a type: all of them, or those matching any of its _typeFilter searches (each match once). */
async function* rowsOf(
  context: FhirContext,
  selection: TypeSelection,
  parameters: ExportParameters,
  fetchBytes: number,
): AsyncGenerator<ExportedRow | ExportedLines> {
  const filters = parameters.typeFilters[selection.type];
  if (!filters) {
    yield* selectRows(context.store.sql, selection, fetchBytes);
    return;
  }
  // Several filters of one type are alternatives: a resource matching two is written once.
  const written = filters.length > 1 ? new Set<string>() : undefined;
  for (const filter of filters) {
    const criteria = [...new URLSearchParams(filter)].filter(([name]) => name !== '_count' && name !== '_cursor');
    let cursor: string | undefined;
    do {
      const page = await context.search.search(
        { types: [selection.type] },
        [...criteria, ['_total', 'none'], ...(cursor ? [['_cursor', cursor] as [string, string]] : [])],
        { count: FILTER_PAGE, scope: context.store.scope },
      );
      const ids = page.matches.map((match) => match.id).filter((id) => !written?.has(id));
      // The matches are read again through the export query, which applies transaction time, _since and compartment.
      if (ids.length) {
        yield* selectRows(context.store.sql, { ...selection, ids }, fetchBytes);
        // A match the export query left out (changed after transaction time, before _since) is left out by any filter.
        for (const id of ids) written?.add(id);
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
}

/** The lines of NDJSON text ending in a line break. */
function linesOf(ndjson: Buffer): string[] {
  return ndjson.toString('utf8').slice(0, -1).split('\n');
}

/** A sliced resource's JSON as one string (a rewrite needs the whole resource). */
async function textOf(parts: AsyncIterable<Uint8Array>): Promise<string> {
  const buffers: Buffer[] = [];
  for await (const part of parts) buffers.push(Buffer.from(part.buffer, part.byteOffset, part.byteLength));
  return Buffer.concat(buffers).toString('utf8');
}

/** The per-resource rewrite a job needs (_elements, de-identification), or undefined to copy the stored JSON. */
function resourceTransform(parameters: ExportParameters, settings: ExportSettings): ((json: string) => string | undefined) | undefined {
  const elements = parameters.elements;
  const deidentifier = parameters.deidentify ? new Deidentifier({ key: settings.pseudonymKey, dateShiftDays: settings.dateShiftDays }) : undefined;
  if (!elements && !deidentifier) return undefined;
  return (json) => {
    let resource = JSON.parse(json) as fhir4.Resource;
    if (elements) resource = subset(resource, [...(elements['*'] ?? []), ...(elements[resource.resourceType] ?? [])]);
    if (deidentifier) {
      const deidentified = deidentifier.apply(resource);
      if (!deidentified) return undefined;
      resource = deidentified;
    }
    return JSON.stringify(resource);
  };
}

/** `_elements`: the listed top-level elements and the mandatory ones, tagged SUBSETTED. */
function subset(resource: fhir4.Resource, names: string[]): fhir4.Resource {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (MANDATORY_ELEMENTS.has(key) || names.some((name) => key === name || (key.startsWith(name) && /^[A-Z]/.test(key.slice(name.length))))) {
      kept[key] = value;
    }
  }
  const meta = (kept.meta ?? {}) as fhir4.Meta;
  kept.meta = { ...meta, tag: [...(meta.tag ?? []), SUBSETTED] };
  return kept as unknown as fhir4.Resource;
}
