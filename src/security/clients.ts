import type { Queryable } from '../db/database.js';

/** Who a client is in the registry: it decides what data the client may see (tenancy) as well as its scopes. */
export type ClientRole = 'hospital' | 'registry-staff' | 'researcher' | 'administrator';
export const CLIENT_ROLES: ClientRole[] = ['hospital', 'registry-staff', 'researcher', 'administrator'];

export interface RegisteredClient {
  clientId: string;
  name: string;
  role: ClientRole;
  /** 10-digit medical institution code of a hospital client. */
  hospitalCode?: string;
  /** Public keys the client signs its assertions with (a JWK Set). */
  jwks: { keys: object[] };
  /** Scopes the client may be granted. */
  scopes: string[];
}

interface ClientRow {
  client_id: string;
  name: string;
  role: ClientRole;
  hospital_code: string | null;
  jwks: { keys: object[] } | string;
  scopes: string[];
}

/** Registered backend-service clients (SMART Backend Services), kept in the database. */
export class ClientRegistry {
  constructor(private readonly sql: Queryable) {}

  async register(client: RegisteredClient): Promise<void> {
    if (!CLIENT_ROLES.includes(client.role)) throw new Error(`unknown role "${client.role}" (one of ${CLIENT_ROLES.join(', ')})`);
    if (client.role === 'hospital' && !/^\d{10}$/.test(client.hospitalCode ?? '')) {
      throw new Error('a hospital client needs its 10-digit medical institution code');
    }
    if (!Array.isArray(client.jwks?.keys) || client.jwks.keys.length === 0) throw new Error('the JWK Set has no keys');
    await this.sql.query(
      `INSERT INTO auth_client (client_id, name, role, hospital_code, jwks, scopes) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (client_id) DO UPDATE SET name = $2, role = $3, hospital_code = $4, jwks = $5::jsonb, scopes = $6, disabled = false`,
      [client.clientId, client.name, client.role, client.hospitalCode ?? null, JSON.stringify(client.jwks), client.scopes],
    );
  }

  async find(clientId: string): Promise<RegisteredClient | undefined> {
    const { rows } = await this.sql.query<ClientRow>(
      'SELECT client_id, name, role, hospital_code, jwks, scopes FROM auth_client WHERE client_id = $1 AND NOT disabled',
      [clientId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      clientId: row.client_id,
      name: row.name,
      role: row.role,
      ...(row.hospital_code ? { hospitalCode: row.hospital_code } : {}),
      jwks: typeof row.jwks === 'string' ? JSON.parse(row.jwks) : row.jwks,
      scopes: row.scopes,
    };
  }

  async disable(clientId: string): Promise<boolean> {
    const { rows } = await this.sql.query('UPDATE auth_client SET disabled = true WHERE client_id = $1 RETURNING client_id', [clientId]);
    return rows.length > 0;
  }
}
