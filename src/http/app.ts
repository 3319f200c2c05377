import type { Socket } from 'node:net';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { FhirContext, FhirRequest, FhirResponse } from '../fhir/context.js';
import { FhirError, issue, operationOutcome } from '../fhir/outcome.js';
import { FHIR_ROUTES, type FhirRoute } from '../fhir/routes.js';
import type { Principal, TokenService } from '../security/token-service.js';
import { authorize } from '../fhir/authorization.js';
import { requestContext } from '../fhir/tenancy.js';
import { auditFhirRequest, type AuditContext } from './audit.js';
import { fhirBaseUrl } from './base-url.js';
import { registerAuthRoutes, requirePrincipal } from './auth.js';
import { registerBulkFiles } from './bulk-files.js';
import { FHIR_JSON_MEDIA_TYPE, negotiateFormat } from './content-negotiation.js';
import { registerIgSite } from './ig-site.js';
import { registerDashboard } from './dashboard.js';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

declare module 'fastify' {
  interface FastifyRequest {
    /** The media type content negotiation chose for the answer. */
    fhirFormat?: string;
  }
}

/** Media types besides FHIR JSON the matched FHIR route serves (none for unmatched paths). */
function routeFormats(request: FastifyRequest): string[] {
  return (request.routeOptions.config as { formats?: string[] }).formats ?? [];
}

export interface AppOptions {
  bodyLimit: number;
  /** When set, every FHIR route but /metadata needs a bearer token issued by this service. */
  tokens?: TokenService;
  rateLimitPerMinute: number;
  /** Base URL for links; derived from each request's Host when empty. */
  publicBaseUrl: string;
  logger: Logger | false;
}

function sendOutcome(reply: FastifyReply, status: number, outcome: fhir4.OperationOutcome, headers: Record<string, string> = {}) {
  return reply.code(status).headers(headers).type(FHIR_JSON).send(JSON.stringify(outcome));
}

/** Maps a failure to an OperationOutcome: client errors keep their status, anything else is a 500 without detail. */
function errorResponse(error: any, request: FastifyRequest): { status: number; outcome: fhir4.OperationOutcome; headers?: Record<string, string> } {
  if (error instanceof FhirError) return { status: error.status, outcome: error.outcome, headers: error.headers };
  if (error?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error?.statusCode === 413) {
    return { status: 413, outcome: operationOutcome([issue('error', 'too-costly', `Request body exceeds the limit of ${request.routeOptions.bodyLimit ?? ''} bytes`)]) };
  }
  if (error?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return {
      status: 415,
      outcome: operationOutcome([issue('error', 'not-supported', `Unsupported Content-Type "${request.headers['content-type']}"; send application/fhir+json`)]),
    };
  }
  if (error?.statusCode >= 400 && error?.statusCode < 500) {
    return { status: error.statusCode, outcome: operationOutcome([issue('error', 'invalid', String(error.message))]) };
  }
  request.log.error({ err: error }, 'unhandled error');
  return { status: 500, outcome: operationOutcome([issue('fatal', 'exception', 'Internal server error; the request was not completed')]) };
}

/** Deeper JSON than this is no FHIR resource anyone sends; refusing it early keeps recursion bounded. */
export const MAX_JSON_DEPTH = 128;

/** Nesting depth of a JSON text, counting brackets outside strings; stops counting past `limit`. */
function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      if (++depth > limit) return true;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return false;
}

/*
 * FHIR strings may not contain characters below U+0020 other than tab, CR and LF, and PostgreSQL's jsonb refuses
 * \u0000 and unpaired surrogates outright. Inside JSON text such characters can only arrive as \u escapes, so only
 * bodies with one of those escapes are walked.
 */
const SUSPECT_ESCAPE = /\\u(?:00[01][0-9a-f]|d[89a-f][0-9a-f]{2})/i;
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Path of the first string (or property name) holding a character FHIR and the store do not accept. */
function forbiddenCharacterAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return FORBIDDEN_CHARACTER.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = forbiddenCharacterAt(value[index], `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = FORBIDDEN_CHARACTER.test(key) ? path : forbiddenCharacterAt(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

function parseJsonBody(_request: FastifyRequest, body: string, done: (error: Error | null, value?: unknown) => void) {
  if (body.trim() === '') return done(null, undefined);
  if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
    return done(new FhirError(400, 'structure', `Request body nests deeper than ${MAX_JSON_DEPTH} levels`));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return done(new FhirError(400, 'structure', `Request body is not valid JSON: ${(error as Error).message}`));
  }
  const root = (parsed as { resourceType?: unknown } | null)?.resourceType;
  const forbidden = SUSPECT_ESCAPE.test(body) ? forbiddenCharacterAt(parsed, typeof root === 'string' ? root : '$') : undefined;
  if (forbidden) {
    const message = `${forbidden} contains a control character other than tab, CR or LF, or an unpaired UTF-16 surrogate; FHIR strings may not`;
    return done(new FhirError(400, 'invalid', message, [forbidden]));
  }
  done(null, parsed);
}

function toFhirRequest(request: FastifyRequest, route: FhirRoute, publicBaseUrl: string, principal?: Principal): FhirRequest {
  const url = new URL(request.url, 'http://local');
  const query = [...url.searchParams].filter(([name]) => name !== '_format');
  const params = request.params as Record<string, string | undefined>;
  const form = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded');
  if (form && request.body && typeof request.body === 'object') {
    // POST [type]/_search: form parameters join the URL's.
    for (const [name, value] of Object.entries(request.body as Record<string, string | string[]>)) {
      for (const one of Array.isArray(value) ? value : [value]) query.push([name, one]);
    }
  }
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    method: route.method,
    baseUrl: fhirBaseUrl(request, publicBaseUrl),
    type: params.type,
    id: params.id,
    versionId: params.vid,
    query,
    body: form ? undefined : request.body,
    headers,
    ...(principal ? { principal } : {}),
    ...(request.fhirFormat && request.fhirFormat !== FHIR_JSON_MEDIA_TYPE ? { format: request.fhirFormat } : {}),
  };
}

function send(reply: FastifyReply, response: FhirResponse) {
  reply.code(response.status).headers(response.headers);
  if (response.text !== undefined) return reply.send(response.text);
  if (response.body === undefined) return reply.send();
  return reply.type(FHIR_JSON).send(JSON.stringify(response.body));
}

/** The HTTP face of the server: FHIR REST at /fhir, health at /healthz. */
export function buildApp(context: FhirContext, options: AppOptions): FastifyInstance {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: options.bodyLimit,
    // Ids and types are validated by the interactions; keep Fastify from rejecting long ids with its own 414.
    routerOptions: { maxParamLength: 500 },
    return503OnClosing: true,
    clientErrorHandler: answerUnparsableRequest,
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/fhir+json', 'application/json'], { parseAs: 'string' }, (request, body, done) =>
    parseJsonBody(request, body as string, done),
  );
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const form: Record<string, string[]> = {};
    for (const [name, value] of new URLSearchParams(body as string)) (form[name] ??= []).push(value);
    done(null, form);
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, outcome, headers } = errorResponse(error, request);
    return sendOutcome(reply, status, outcome, headers);
  });
  app.setNotFoundHandler((request, reply) =>
    sendOutcome(reply, 404, operationOutcome([issue('error', 'not-found', `No FHIR endpoint for ${request.method} ${request.url.split('?')[0]}`)])),
  );

  // API responses are data, never documents to render or frame.
  app.register(helmet, { contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
  app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) => request.headers.authorization ?? request.ip,
    errorResponseBuilder: (_request, context) =>
      new FhirError(429, 'throttled', `Rate limit of ${context.max} requests per minute exceeded; retry after ${context.after}`, undefined, {
        'Retry-After': String(Math.ceil(context.ttl / 1000)),
      }),
  });
  if (options.tokens) registerAuthRoutes(app, options.tokens, context.audit, options.publicBaseUrl);

  app.get('/healthz', async () => ({ status: 'ok' }));
  registerIgSite(app);
  registerDashboard(app);
  registerBulkFiles(app, context, options.publicBaseUrl, options.tokens);

  app.register(
    async (fhir) => {
      // Audited before the answer leaves, so that every answered request has its record.
      fhir.addHook('onSend', async (request, reply, payload) => {
        await auditFhirRequest(context.audit, request, reply);
        return payload;
      });
      fhir.addHook('onRequest', async (request) => {
        request.fhirFormat = negotiateFormat(request.headers.accept, new URL(request.url, 'http://local').searchParams.get('_format'), routeFormats(request));
      });
      const tokens = options.tokens;
      for (const route of FHIR_ROUTES) {
        const isPublic = route.interaction === 'capabilities';
        fhir.route({
          method: route.method,
          url: route.path,
          config: { formats: route.formats ?? [] },
          handler: async (request, reply) => {
            const audit: AuditContext = { route };
            request.auditContext = audit;
            audit.principal = tokens && !isPublic ? await requirePrincipal(request, tokens) : undefined;
            const fhirRequest = toFhirRequest(request, route, options.publicBaseUrl, audit.principal);
            authorize(fhirRequest, route);
            // Storage and search see only what the caller may (hospital tenancy, roles): decided here, once per request.
            audit.response = await route.handler(requestContext(context, fhirRequest.principal), fhirRequest);
            return send(reply, audit.response);
          },
        });
      }
    },
    { prefix: '/fhir' },
  );
  return app;
}

/**
 * A request Node's HTTP parser refuses before Fastify sees it (raw non-ASCII bytes in the URL, malformed request
 * line, oversized headers): answered with an OperationOutcome like every other client error, then the connection
 * is closed, as the parser cannot find where the next request would start.
 */
function answerUnparsableRequest(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify(
    operationOutcome([
      issue('error', tooLarge ? 'too-costly' : 'structure', tooLarge ? 'The request headers are too large' : `The HTTP request could not be parsed (${error.code ?? error.message}); URLs must be percent-encoded`),
    ]),
  );
  socket.end(
    `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\nContent-Type: ${FHIR_JSON_MEDIA_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
