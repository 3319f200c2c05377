import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FhirError } from '../fhir/outcome.js';
import type { AuditTrail } from '../security/audit-trail.js';
import { serverOrigin } from './base-url.js';
import { ASSERTION_ALGORITHMS, OAuthError, type Principal, type TokenService } from '../security/token-service.js';

export const TOKEN_PATH = '/auth/token';

/** SMART discovery and the token endpoint (client_credentials + private_key_jwt). */
export function registerAuthRoutes(app: FastifyInstance, tokens: TokenService, audit: AuditTrail, publicBaseUrl: string): void {
  const smartConfiguration = async (request: FastifyRequest) => ({
    issuer: serverOrigin(request, publicBaseUrl),
    token_endpoint: `${serverOrigin(request, publicBaseUrl)}${TOKEN_PATH}`,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ASSERTION_ALGORITHMS,
    scopes_supported: ['system/*.cruds', 'system/*.rs', 'system/Bundle.c', 'system/*.read', 'system/*.write'],
    capabilities: ['client-confidential-asymmetric', 'permission-v2', 'permission-v1'],
  });
  app.get('/.well-known/smart-configuration', smartConfiguration);
  app.get('/fhir/.well-known/smart-configuration', smartConfiguration);

  app.post(TOKEN_PATH, async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, string[] | undefined>;
    const field = (name: string) => form[name]?.[0];
    reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
    const login = { action: 'E' as const, subtype: 'login', method: 'POST', path: TOKEN_PATH, address: request.ip, entities: [] };
    try {
      const token = await tokens.issue(
        {
          grant_type: field('grant_type'),
          scope: field('scope'),
          client_assertion_type: field('client_assertion_type'),
          client_assertion: field('client_assertion'),
        },
        `${serverOrigin(request, publicBaseUrl)}${TOKEN_PATH}`,
      );
      await audit.record({ ...login, status: 200, clientId: token.clientId, detail: `granted ${token.scope}` });
      const { clientId: _issuedTo, ...body } = token;
      return reply.send(body);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      request.log.warn({ error: error.error, reason: error.description }, 'token request refused');
      await audit.record({ ...login, status: error.status, clientId: error.clientId, detail: `${error.error}: ${error.description}` });
      return reply.code(error.status).send({ error: error.error, error_description: error.description });
    }
  });
}

/** Resolves the bearer token of a FHIR request to its principal; 401 when it is missing or not valid. */
export async function requirePrincipal(request: FastifyRequest, tokens: TokenService): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const challenge = { 'WWW-Authenticate': 'Bearer realm="jp-cvd-registry"' };
  if (!match) throw new FhirError(401, 'login', 'This server requires a bearer access token (SMART Backend Services)', undefined, challenge);
  const principal = await tokens.authenticate(match[1]);
  if (!principal) throw new FhirError(401, 'login', 'The access token is unknown or expired', undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  return principal;
}
