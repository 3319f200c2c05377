import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.js';

/** Audit records are exposed as this resource type, read-only: no API call may create, change or delete them. */
export const AUDIT_RESOURCE_TYPE = 'AuditEvent';

/** What happened, in the terms of AuditEvent.action: Create, Read, Update, Delete, Execute. */
export type AuditAction = 'C' | 'R' | 'U' | 'D' | 'E';

export interface AuditRecord {
  action: AuditAction;
  /** The FHIR interaction or operation (read, search-type, create, validate, export, login …). */
  subtype: string;
  method: string;
  path: string;
  /** HTTP status of the answer. */
  status: number;
  clientId?: string;
  role?: string;
  hospitalCode?: string;
  address?: string;
  /** References (`Type/id`) of the resources read or written. */
  entities: string[];
  detail?: string;
}

export interface AuditQuery {
  from?: string;
  to?: string;
  clientId?: string;
  entity?: string;
  action?: AuditAction;
  subtype?: string;
  count: number;
  /** Continue below this position (the previous page's cursor). */
  before?: number;
}

interface AuditRow {
  seq: number;
  id: string;
  recorded: Date | string;
  client_id: string | null;
  role: string | null;
  hospital_code: string | null;
  action: AuditAction;
  subtype: string;
  method: string;
  path: string;
  status: number;
  address: string | null;
  entities: string[];
  detail: string | null;
}

const COLUMNS = 'seq, id, recorded, client_id, role, hospital_code, action, subtype, method, path, status, address, entities, detail';
const AUDIT_SOURCE = 'jp-cvd-registry';

/** AuditEvent.outcome: 0 success, 4 minor failure (client error), 8 serious failure (server error). */
function outcomeCode(status: number): '0' | '4' | '8' {
  return status < 400 ? '0' : status < 500 ? '4' : '8';
}

function toAuditEvent(row: AuditRow): fhir4.AuditEvent {
  const login = row.subtype === 'login';
  return {
    resourceType: 'AuditEvent',
    id: row.id,
    meta: { versionId: '1', lastUpdated: new Date(row.recorded).toISOString() },
    type: login
      ? { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110114', display: 'User Authentication' }
      : { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'Restful Operation' },
    subtype: [
      login
        ? { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110122', display: 'Login' }
        : { system: 'http://hl7.org/fhir/restful-interaction', code: row.subtype },
    ],
    action: row.action,
    recorded: new Date(row.recorded).toISOString(),
    outcome: outcomeCode(row.status),
    outcomeDesc: `HTTP ${row.status} ${row.method} ${row.path}${row.detail ? `: ${row.detail}` : ''}`,
    agent: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/extra-security-role-type', code: 'datacollector' }], text: row.role ?? 'anonymous' },
        who: row.client_id
          ? { identifier: { system: 'urn:jp-cvd-registry:client', value: row.client_id }, display: row.hospital_code ? `${row.client_id} (${row.hospital_code})` : row.client_id }
          : { display: 'unauthenticated (authentication off or failed)' },
        requestor: true,
        ...(row.address ? { network: { address: row.address, type: '2' as const } } : {}),
      },
    ],
    source: { observer: { display: AUDIT_SOURCE }, type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4' }] },
    entity: row.entities.map((reference) => ({ what: { reference } })),
  };
}

/**
 * The append-only audit trail (MHLW safety-management guideline: who did what to which records, and failed logins).
 * The table refuses UPDATE, DELETE and TRUNCATE by trigger; the API only reads it.
 */
export class AuditTrail {
  constructor(private readonly sql: Queryable) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO audit_event (id, client_id, role, hospital_code, action, subtype, method, path, status, address, entities, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        randomUUID(),
        entry.clientId ?? null,
        entry.role ?? null,
        entry.hospitalCode ?? null,
        entry.action,
        entry.subtype,
        entry.method,
        entry.path.slice(0, 2000),
        entry.status,
        entry.address ?? null,
        entry.entities,
        entry.detail?.slice(0, 2000) ?? null,
      ],
    );
  }

  async read(id: string): Promise<fhir4.AuditEvent | undefined> {
    const { rows } = await this.sql.query<AuditRow>(`SELECT ${COLUMNS} FROM audit_event WHERE id = $1`, [id]);
    return rows[0] && toAuditEvent(rows[0]);
  }

  /** Newest first, cursor-paged. */
  async search(query: AuditQuery): Promise<{ events: fhir4.AuditEvent[]; cursor?: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    if (query.from) where.push(`recorded >= ${bind(query.from)}::timestamptz`);
    if (query.to) where.push(`recorded <= ${bind(query.to)}::timestamptz`);
    if (query.clientId) where.push(`client_id = ${bind(query.clientId)}`);
    if (query.entity) where.push(`entities @> ARRAY[${bind(query.entity)}]::text[]`);
    if (query.action) where.push(`action = ${bind(query.action)}`);
    if (query.subtype) where.push(`subtype = ${bind(query.subtype)}`);
    if (query.before !== undefined) where.push(`seq < ${bind(query.before)}`);
    const { rows } = await this.sql.query<AuditRow>(
      `SELECT ${COLUMNS} FROM audit_event ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ${bind(query.count + 1)}`,
      params,
    );
    const page = rows.slice(0, query.count);
    return { events: page.map(toAuditEvent), cursor: rows.length > query.count ? page[page.length - 1].seq : undefined };
  }
}
