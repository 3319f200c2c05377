import { createHash, randomBytes } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import type { Queryable } from '../db/database.js';
import { ClientRegistry, type ClientRole } from './clients.js';
import { grantScopes, parseScopes, type Scope } from './scopes.js';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const ASSERTION_ALGORITHMS = ['RS384', 'ES384'];
/** SMART Backend Services: an assertion may live at most five minutes. */
const MAX_ASSERTION_LIFETIME_S = 300;

/** An OAuth 2.0 token-endpoint error (RFC 6749 §5.2). */
export class OAuthError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'invalid_scope' | 'unsupported_grant_type',
    readonly description: string,
    /** The client the request claimed to be, when known (for the audit trail). */
    readonly clientId?: string,
  ) {
    super(description);
  }

  get status(): number {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

export interface TokenRequest {
  grant_type?: string;
  scope?: string;
  client_assertion_type?: string;
  client_assertion?: string;
}

export interface TokenResponse {
  /** The client the token was issued to (kept out of the HTTP answer). */
  clientId: string;
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  scope: string;
}

/** The authenticated caller of a FHIR request. */
export interface Principal {
  clientId: string;
  role: ClientRole;
  hospitalCode?: string;
  scopes: Scope[];
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * SMART Backend Services token issuance (client_credentials with a private_key_jwt assertion) and access-token
 * checking. Access tokens are opaque random strings; only their hash is stored, so a database dump grants nothing.
 */
export class TokenService {
  private readonly clients: ClientRegistry;

  constructor(
    private readonly sql: Queryable,
    private readonly tokenLifetimeSeconds: number,
  ) {
    this.clients = new ClientRegistry(sql);
  }

  async issue(request: TokenRequest, tokenEndpointUrl: string): Promise<TokenResponse> {
    if (request.grant_type !== 'client_credentials') throw new OAuthError('unsupported_grant_type', 'grant_type must be client_credentials');
    if (request.client_assertion_type !== CLIENT_ASSERTION_TYPE || !request.client_assertion) {
      throw new OAuthError('invalid_request', `client_assertion_type must be ${CLIENT_ASSERTION_TYPE} with a client_assertion`);
    }
    if (!request.scope) throw new OAuthError('invalid_scope', 'scope is required');
    let unverified;
    try {
      unverified = decodeJwt(request.client_assertion);
    } catch {
      throw new OAuthError('invalid_request', 'client_assertion is not a JWT');
    }
    const clientId = unverified.iss;
    const client = clientId ? await this.clients.find(clientId) : undefined;
    if (!client) throw new OAuthError('invalid_client', 'unknown or disabled client', clientId);
    let payload;
    try {
      ({ payload } = await jwtVerify(request.client_assertion, createLocalJWKSet(client.jwks as any), {
        issuer: client.clientId,
        subject: client.clientId,
        audience: tokenEndpointUrl,
        algorithms: ASSERTION_ALGORITHMS,
        requiredClaims: ['exp', 'jti'],
      }));
    } catch (error) {
      const reason = error instanceof joseErrors.JOSEError ? error.message : 'verification failed';
      throw new OAuthError('invalid_client', `client_assertion rejected: ${reason}`, client.clientId);
    }
    const now = Math.floor(Date.now() / 1000);
    if (payload.exp! > now + MAX_ASSERTION_LIFETIME_S) {
      throw new OAuthError('invalid_client', 'client_assertion exp is more than 5 minutes ahead', client.clientId);
    }
    await this.sql.query('DELETE FROM auth_assertion_jti WHERE expires_at < now()');
    const { rows: fresh } = await this.sql.query(
      `INSERT INTO auth_assertion_jti (client_id, jti, expires_at) VALUES ($1, $2, to_timestamp($3))
       ON CONFLICT DO NOTHING RETURNING jti`,
      [client.clientId, payload.jti, payload.exp],
    );
    if (fresh.length === 0) throw new OAuthError('invalid_client', 'client_assertion jti was already used', client.clientId);
    const granted = grantScopes(request.scope, client.scopes);
    if (granted.length === 0) {
      throw new OAuthError('invalid_scope', `none of the requested scopes is allowed for ${client.clientId}`, client.clientId);
    }
    const accessToken = randomBytes(32).toString('base64url');
    await this.sql.query(
      `INSERT INTO auth_access_token (token_hash, client_id, scopes, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [hashToken(accessToken), client.clientId, granted, this.tokenLifetimeSeconds],
    );
    return { clientId: client.clientId, access_token: accessToken, token_type: 'bearer', expires_in: this.tokenLifetimeSeconds, scope: granted.join(' ') };
  }

  /** The principal behind a bearer token, or undefined when the token is unknown, expired or its client disabled. */
  async authenticate(accessToken: string): Promise<Principal | undefined> {
    const { rows } = await this.sql.query<{ client_id: string; role: ClientRole; hospital_code: string | null; scopes: string[] }>(
      `SELECT t.client_id, c.role, c.hospital_code, t.scopes
         FROM auth_access_token t JOIN auth_client c USING (client_id)
        WHERE t.token_hash = $1 AND t.expires_at > now() AND NOT c.disabled`,
      [hashToken(accessToken)],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      clientId: row.client_id,
      role: row.role,
      ...(row.hospital_code ? { hospitalCode: row.hospital_code } : {}),
      scopes: parseScopes(row.scopes.join(' ')),
    };
  }
}
