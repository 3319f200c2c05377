import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ClientRegistry } from '../../src/security/clients.js';
import { checkExposure } from '../../src/server.js';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

const BASE = 'http://fhir.test';
const TOKEN_URL = `${BASE}/auth/token`;
let runtime: TestRuntime;
let http: ReturnType<typeof request>;
let hospitalKey: CryptoKey;
let staffKey: CryptoKey;

async function keyPair(alg: 'ES384' | 'RS384'): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), alg, kid: randomUUID() } };
}

function assertion(clientId: string, key: CryptoKey, alg: 'ES384' | 'RS384', claims: { aud?: string; expiresIn?: number; jti?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: claims.jti ?? randomUUID() })
    .setProtectedHeader({ alg, typ: 'JWT' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(claims.aud ?? TOKEN_URL)
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.expiresIn ?? 240))
    .sign(key);
}

function tokenRequest(fields: Record<string, string>) {
  return http.post('/auth/token').type('form').send(fields);
}

async function token(clientId: string, key: CryptoKey, alg: 'ES384' | 'RS384', scope: string): Promise<string> {
  const response = await tokenRequest({
    grant_type: 'client_credentials',
    scope,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: await assertion(clientId, key, alg),
  }).expect(200);
  return response.body.access_token;
}

beforeAll(async () => {
  runtime = await startTestRuntime({ authEnabled: true, publicBaseUrl: BASE });
  await runtime.app.ready();
  http = request(runtime.app.server);
  const hospital = await keyPair('ES384');
  const staff = await keyPair('RS384');
  hospitalKey = hospital.privateKey;
  staffKey = staff.privateKey;
  const registry = new ClientRegistry(runtime.db);
  await registry.register({
    clientId: 'hospital-1310000001',
    name: '東京循環器病院',
    role: 'hospital',
    hospitalCode: '1310000001',
    jwks: { keys: [hospital.jwk] },
    scopes: ['system/Bundle.c', 'system/Patient.crus'],
  });
  await registry.register({ clientId: 'registry-staff', name: 'Registry office', role: 'registry-staff', jwks: { keys: [staff.jwk] }, scopes: ['system/*.rs'] });
});
afterAll(async () => runtime?.close());

describe('SMART Backend Services', () => {
  it('publishes the SMART configuration', async () => {
    const response = await http.get('/fhir/.well-known/smart-configuration').expect(200);
    expect(response.body.token_endpoint).toBe(TOKEN_URL);
    expect(response.body.token_endpoint_auth_methods_supported).toEqual(['private_key_jwt']);
    expect(response.body.token_endpoint_auth_signing_alg_values_supported).toEqual(['RS384', 'ES384']);
  });

  it('issues a token for a signed assertion (ES384 and RS384), narrowed to the registered scopes', async () => {
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      scope: 'system/Patient.rs system/Observation.rs',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await assertion('hospital-1310000001', hospitalKey, 'ES384'),
    }).expect(200);
    expect(response.body).toMatchObject({ token_type: 'bearer', expires_in: 300, scope: 'system/Patient.rs' });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(await token('registry-staff', staffKey, 'RS384', 'system/*.rs')).toBeTruthy();
  });

  it.each([
    ['wrong grant type', { grant_type: 'password' }, 400, 'unsupported_grant_type'],
    ['missing assertion', { client_assertion: '' }, 400, 'invalid_request'],
    ['unknown client', { clientId: 'nobody' }, 401, 'invalid_client'],
    ['wrong audience', { aud: 'http://elsewhere/token' }, 401, 'invalid_client'],
    ['assertion living over 5 minutes', { expiresIn: 3600 }, 401, 'invalid_client'],
    ['expired assertion', { expiresIn: -60 }, 401, 'invalid_client'],
    ['key of another client', { signWithStaffKey: true }, 401, 'invalid_client'],
    ['no grantable scope', { scope: 'system/Observation.d' }, 400, 'invalid_scope'],
  ] as const)('refuses %s', async (_name, variant: any, status, error) => {
    const clientId = variant.clientId ?? 'hospital-1310000001';
    const signed = variant.signWithStaffKey
      ? await assertion(clientId, staffKey, 'RS384')
      : await assertion(clientId, hospitalKey, 'ES384', { aud: variant.aud, expiresIn: variant.expiresIn });
    const response = await tokenRequest({
      grant_type: variant.grant_type ?? 'client_credentials',
      scope: variant.scope ?? 'system/Patient.rs',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: variant.client_assertion ?? signed,
    }).expect(status);
    expect(response.body.error).toBe(error);
  });

  it('refuses a replayed assertion (same jti)', async () => {
    const signed = await assertion('hospital-1310000001', hospitalKey, 'ES384', { jti: 'once-only' });
    const fields = { grant_type: 'client_credentials', scope: 'system/Patient.rs', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: signed };
    await tokenRequest(fields).expect(200);
    const replay = await tokenRequest(fields).expect(401);
    expect(replay.body.error_description).toContain('jti');
  });
});

describe('FHIR routes with authentication on', () => {
  it('needs a valid bearer token (401 with WWW-Authenticate), except /metadata', async () => {
    const missing = await http.get('/fhir/Patient').expect(401);
    expect(missing.body.resourceType).toBe('OperationOutcome');
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    await http.get('/fhir/Patient').set('Authorization', 'Bearer not-a-token').expect(401);
    await http.post('/fhir/Patient').send({ resourceType: 'Patient' }).expect(401);
    await http.get('/fhir/metadata').expect(200);
  });

  it('enforces scopes per interaction and type (403)', async () => {
    const hospitalToken = await token('hospital-1310000001', hospitalKey, 'ES384', 'system/Patient.crus');
    const created = await http.post('/fhir/Patient').set('Authorization', `Bearer ${hospitalToken}`).send({ resourceType: 'Patient', gender: 'female' }).expect(201);
    await http.get(`/fhir/Patient/${created.body.id}`).set('Authorization', `Bearer ${hospitalToken}`).expect(200);
    const forbidden = await http.delete(`/fhir/Patient/${created.body.id}`).set('Authorization', `Bearer ${hospitalToken}`).expect(403);
    expect(forbidden.body.issue[0].diagnostics).toContain('system/Patient.d');
    await http.get('/fhir/Observation').set('Authorization', `Bearer ${hospitalToken}`).expect(403);
    await http.get('/fhir/_history').set('Authorization', `Bearer ${hospitalToken}`).expect(403);

    const staffToken = await token('registry-staff', staffKey, 'RS384', 'system/*.rs');
    await http.get('/fhir/Observation').set('Authorization', `Bearer ${staffToken}`).expect(200);
    await http.get('/fhir/_history').set('Authorization', `Bearer ${staffToken}`).expect(200);
    await http.post('/fhir/Patient').set('Authorization', `Bearer ${staffToken}`).send({ resourceType: 'Patient' }).expect(403);
  });

  it('guards Bulk Data export: kick-off, status and files need a token with system/*.r', async () => {
    const hospitalToken = await token('hospital-1310000001', hospitalKey, 'ES384', 'system/Patient.rs');
    await http.get('/fhir/$export').set('Prefer', 'respond-async').set('Authorization', `Bearer ${hospitalToken}`).expect(403);
    await http.get('/fhir/Patient/$export').set('Prefer', 'respond-async').set('Authorization', `Bearer ${hospitalToken}`).expect(403);
    await http.get('/fhir/$export').set('Prefer', 'respond-async').expect(401);
    const staffToken = await token('registry-staff', staffKey, 'RS384', 'system/*.rs');
    const kickOff = await http.get('/fhir/$export?_type=Patient').set('Prefer', 'respond-async').set('Authorization', `Bearer ${staffToken}`).expect(202);
    const statusPath = new URL(kickOff.headers['content-location']).pathname;
    await http.get(statusPath).expect(401);
    await http.get(statusPath).set('Authorization', `Bearer ${hospitalToken}`).expect(403);
    let status = await http.get(statusPath).set('Authorization', `Bearer ${staffToken}`);
    for (let i = 0; status.status === 202 && i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await http.get(statusPath).set('Authorization', `Bearer ${staffToken}`);
    }
    expect(status.status).toBe(200);
    expect(status.body.requiresAccessToken).toBe(true);
    for (const output of status.body.output as { url: string }[]) {
      const filePath = new URL(output.url).pathname;
      await http.get(filePath).expect(401);
      await http.get(filePath).set('Authorization', `Bearer ${staffToken}`).expect(200);
    }
  });

  it('checks every entry of a transaction or batch against the scopes', async () => {
    const hospitalToken = await token('hospital-1310000001', hospitalKey, 'ES384', 'system/Patient.crus');
    const transaction = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:0b7d1c2e-1111-4c3b-9a6e-000000000001', resource: { resourceType: 'Patient', gender: 'male' }, request: { method: 'POST', url: 'Patient' } },
        { resource: { resourceType: 'Observation', status: 'final', code: { text: 'NIHSS' } }, request: { method: 'POST', url: 'Observation' } },
      ],
    };
    const refused = await http.post('/fhir').set('Authorization', `Bearer ${hospitalToken}`).send(transaction).expect(403);
    expect(refused.body.issue[0].diagnostics).toContain('Bundle.entry[1]');
    expect(refused.body.issue[0].diagnostics).toContain('system/Observation.c');
    const batch = await http.post('/fhir').set('Authorization', `Bearer ${hospitalToken}`).send({ ...transaction, type: 'batch' }).expect(200);
    expect(batch.body.entry.map((entry: fhir4.BundleEntry) => entry.response?.status)).toEqual(['201 Created', '403 Forbidden']);
  });

  it('stops accepting the tokens of a disabled client', async () => {
    const staffToken = await token('registry-staff', staffKey, 'RS384', 'system/*.rs');
    await new ClientRegistry(runtime.db).disable('registry-staff');
    await http.get('/fhir/Patient').set('Authorization', `Bearer ${staffToken}`).expect(401);
  });
});

describe('secure defaults', () => {
  it('refuses to listen beyond loopback without authentication', () => {
    const config = loadConfig({});
    expect(checkExposure({ ...config, host: '127.0.0.1' })).toMatch(/Authentication is off/);
    expect(() => checkExposure({ ...config, host: '0.0.0.0' })).toThrow(/without authentication/);
    expect(checkExposure({ ...config, host: '0.0.0.0', authEnabled: true })).toBeUndefined();
  });

  it('sends security headers and no CORS headers', async () => {
    const response = await http.get('/fhir/metadata').set('Origin', 'https://evil.example').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('rate-limits per client with 429 and Retry-After', async () => {
    const limited = await startTestRuntime({ rateLimitPerMinute: 3 });
    try {
      await limited.app.ready();
      const client = request(limited.app.server);
      for (let i = 0; i < 3; i++) await client.get('/fhir/metadata').expect(200);
      const refused = await client.get('/fhir/metadata').expect(429);
      expect(refused.body.resourceType).toBe('OperationOutcome');
      expect(refused.headers['retry-after']).toBeTruthy();
    } finally {
      await limited.close();
    }
  });
});
