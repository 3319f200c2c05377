import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FhirContext } from '../fhir/context.js';
import { exportService } from '../fhir/operation/export/service.js';
import { exportCancel, exportFilePath, exportStatus, FILE_PATH } from '../fhir/operation/export/status.js';
import { STATUS_PATH } from '../fhir/operation/export/kickoff.js';

const NDJSON = 'application/fhir+ndjson';

function baseUrlOf(request: FastifyRequest, publicBaseUrl: string): string {
  return publicBaseUrl ? `${publicBaseUrl}/fhir` : `${request.protocol}://${request.host}/fhir`;
}

/**
 * Bulk Data status and file endpoints, outside the FHIR JSON routes: the manifest is application/json and files are
 * streamed from disk as application/fhir+ndjson. Also ties the export service to the app's life: interrupted jobs
 * resume when the app is ready and running jobs stop (to resume later) when it closes, before the store closes.
 */
export function registerBulkFiles(app: FastifyInstance, context: FhirContext, publicBaseUrl: string): void {
  const service = exportService(context, app.log);
  app.addHook('onReady', () => service.start());
  app.addHook('onClose', () => service.stop());

  app.get<{ Params: { jobId: string } }>(`/fhir${STATUS_PATH}/:jobId`, async (request, reply) => {
    const response = await exportStatus(context, request.params.jobId, baseUrlOf(request, publicBaseUrl));
    reply.code(response.status).headers(response.headers);
    return response.manifest ? reply.type('application/json').send(JSON.stringify(response.manifest)) : reply.send();
  });

  app.delete<{ Params: { jobId: string } }>(`/fhir${STATUS_PATH}/:jobId`, async (request, reply) => {
    const response = await exportCancel(context, request.params.jobId);
    return reply.code(response.status).type('application/fhir+json; charset=utf-8').send(JSON.stringify(response.outcome));
  });

  app.get<{ Params: { jobId: string; fileName: string } }>(`/fhir${FILE_PATH}/:jobId/:fileName`, async (request, reply) => {
    const path = await exportFilePath(context, request.params.jobId, request.params.fileName);
    const { size } = await stat(path);
    return reply.type(NDJSON).header('Content-Length', String(size)).send(createReadStream(path));
  });
}
