import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type request from 'supertest';
import { ClientRegistry, type ClientRole } from '../../src/security/clients.js';
import type { TestRuntime } from './runtime.js';

/**
 * Registers a SMART Backend Services client (ES384 key made here) and returns an access token for `scopes`, got from
 * the token endpoint with a signed client assertion, as a real client would.
 */
export async function clientToken(
  runtime: TestRuntime,
  http: ReturnType<typeof request>,
  client: { clientId: string; role: ClientRole; scopes: string[]; hospitalCode?: string },
): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair('ES384');
  const jwk = { ...(await exportJWK(publicKey)), alg: 'ES384', kid: randomUUID() };
  await new ClientRegistry(runtime.db).register({ name: client.clientId, jwks: { keys: [jwk] }, ...client });
  const tokenUrl = `${runtime.config.publicBaseUrl}/auth/token`;
  const now = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: 'ES384', typ: 'JWT' })
    .setIssuer(client.clientId)
    .setSubject(client.clientId)
    .setAudience(tokenUrl)
    .setIssuedAt(now)
    .setExpirationTime(now + 240)
    .sign(privateKey);
  const response = await http
    .post('/auth/token')
    .type('form')
    .send({
      grant_type: 'client_credentials',
      scope: client.scopes.join(' '),
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    });
  if (response.status !== 200) throw new Error(`token for ${client.clientId}: ${response.status} ${response.text}`);
  return response.body.access_token;
}
