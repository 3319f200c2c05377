import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FhirContext } from '../fhir/context.js';
import { exportService } from '../fhir/operation/export/service.js';
import { exportCancel, exportFilePath, exportStatus, FILE_PATH } from '../fhir/operation/export/status.js';
import { STATUS_PATH } from '../fhir/operation/export/kickoff.js';
import { FhirError } from '../fhir/outcome.js';
import { allows } from '../security/scopes.js';
import type { TokenService } from '../security/token-service.js';
import { requirePrincipal } from './auth.js';
import { fhirBaseUrl } from './base-url.js';

const NDJSON = 'application/fhir+ndjson';


/**
 * Bulk Data status and file endpoints, outside the FHIR JSON routes: the manifest is application/json and files are
 * streamed from disk as application/fhir+ndjson. Also ties the export service to the app's life: interrupted jobs
 * resume when the app is ready and running jobs stop (to resume later) when it closes, before the store closes.
 */
export function registerBulkFiles(app: FastifyInstance, context: FhirContext, publicBaseUrl: string, tokens?: TokenService): void {
  const service = exportService(context, app.log);
  app.addHook('onReady', () => service.start());
  app.addHook('onClose', () => service.stop());
  /**
   * With authentication on, polling, cancelling and downloading need the same read-all permission as the kick-off;
   * the requesting client is returned, since a job answers only the client that started it.
   */
  const requester = async (request: FastifyRequest): Promise<string | undefined> => {
    if (!tokens) return undefined;
    const principal = await requirePrincipal(request, tokens);
    if (!allows(principal.scopes, '*', 'r')) throw new FhirError(403, 'forbidden', `Client ${principal.clientId} needs system/*.r for bulk export`);
    return principal.clientId;
  };

  app.get<{ Params: { jobId: string } }>(`/fhir${STATUS_PATH}/:jobId`, async (request, reply) => {
    const response = await exportStatus(context, request.params.jobId, fhirBaseUrl(request, publicBaseUrl), await requester(request));
    reply.code(response.status).headers(response.headers);
    if (!response.manifest) return reply.send();
    return reply.type('application/json').send(JSON.stringify({ ...response.manifest, requiresAccessToken: !!tokens }));
  });

  app.delete<{ Params: { jobId: string } }>(`/fhir${STATUS_PATH}/:jobId`, async (request, reply) => {
    const response = await exportCancel(context, request.params.jobId, await requester(request));
    return reply.code(response.status).type('application/fhir+json; charset=utf-8').send(JSON.stringify(response.outcome));
  });

  app.get<{ Params: { jobId: string; fileName: string } }>(`/fhir${FILE_PATH}/:jobId/:fileName`, async (request, reply) => {
    const path = await exportFilePath(context, request.params.jobId, request.params.fileName, await requester(request));
    const { size } = await stat(path);
    return reply.type(NDJSON).header('Content-Length', String(size)).send(createReadStream(path));
  });
}
