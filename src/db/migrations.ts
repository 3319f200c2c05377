import type { Database } from './database.js';

/** The search index tables (one row per indexed value; src/search/indexer.ts writes them). */
const INDEX_TABLES = ['search_token', 'search_string', 'search_date', 'search_number', 'search_reference', 'search_uri', 'search_text'];

/**
 * Versioned schema migrations, applied in order at start (`jp-cvd-registry migrate` runs them alone). Each runs in
 * its own transaction and is recorded in schema_migration; an applied migration is never edited, only followed.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'resource storage',
    sql: `
      -- Current version of every resource: what reads and searches see. rid is the narrow internal key that
      -- search index tables and history refer to.
      CREATE TABLE resource (
        rid           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type          text        NOT NULL,
        id            text        NOT NULL,
        version_id    integer     NOT NULL,
        last_updated  timestamptz NOT NULL,
        deleted       boolean     NOT NULL DEFAULT false,
        content       jsonb,
        UNIQUE (type, id)
      );
      CREATE INDEX resource_type_last_updated ON resource (type, last_updated);

      -- Every version ever written, the current one included. seq is a global write order: system and type
      -- history, _since and export page on it, so concurrent writes never reorder what a client already saw.
      CREATE SEQUENCE resource_version_seq;
      CREATE TABLE resource_version (
        rid           bigint      NOT NULL REFERENCES resource (rid),
        version_id    integer     NOT NULL,
        seq           bigint      NOT NULL DEFAULT nextval('resource_version_seq'),
        type          text        NOT NULL,
        id            text        NOT NULL,
        last_updated  timestamptz NOT NULL,
        deleted       boolean     NOT NULL DEFAULT false,
        method        text        NOT NULL,
        content       jsonb,
        PRIMARY KEY (rid, version_id)
      );
      CREATE UNIQUE INDEX resource_version_seq_idx ON resource_version (seq);
      CREATE INDEX resource_version_type_seq ON resource_version (type, seq);
    `,
  },
  {
    version: 2,
    name: 'search indexes',
    sql: `
      -- One table per search parameter type, filled at write time from the SearchParameter expressions (and
      -- by reindex). Rows exist only for current, non-deleted versions. type + param + value lookups use the
      -- first index of each table; (rid, param) serves :missing, composites, sorting and deletion.
      -- grp ties together the components of one composite element (0 outside composites).
      CREATE TABLE search_token (
        rid bigint NOT NULL, type text NOT NULL, param text NOT NULL, grp integer NOT NULL,
        system text, value text, text text
      );
      CREATE INDEX search_token_value ON search_token (type, param, value, system);
      CREATE INDEX search_token_rid ON search_token (rid, param);

      -- value is normalised (NFKC, case- and kana-folded); text_pattern_ops serves prefix (LIKE 'x%') search.
      -- exact keeps the text as written for :exact.
      CREATE TABLE search_string (
        rid bigint NOT NULL, type text NOT NULL, param text NOT NULL, grp integer NOT NULL, value text NOT NULL, exact text NOT NULL
      );
      CREATE INDEX search_string_value ON search_string (type, param, value text_pattern_ops);
      CREATE INDEX search_string_rid ON search_string (rid, param);

      -- Half-open instant ranges [low, high) at the value's precision; open period ends are -infinity/infinity.
      CREATE TABLE search_date (rid bigint NOT NULL, type text NOT NULL, param text NOT NULL, grp integer NOT NULL, low timestamptz NOT NULL, high timestamptz NOT NULL);
      CREATE INDEX search_date_low ON search_date (type, param, low, high);
      CREATE INDEX search_date_high ON search_date (type, param, high);
      CREATE INDEX search_date_rid ON search_date (rid, param);

      -- number and quantity parameters: low = high for a single value, a Range keeps both ends.
      CREATE TABLE search_number (
        rid bigint NOT NULL, type text NOT NULL, param text NOT NULL, grp integer NOT NULL,
        low numeric NOT NULL, high numeric NOT NULL, system text, code text
      );
      CREATE INDEX search_number_value ON search_number (type, param, low);
      CREATE INDEX search_number_rid ON search_number (rid, param);

      -- target_type/target_id of literal references (relative or absolute); url keeps the text as written.
      CREATE TABLE search_reference (
        rid bigint NOT NULL, type text NOT NULL, param text NOT NULL, grp integer NOT NULL,
        target_type text, target_id text, url text
      );
      CREATE INDEX search_reference_target ON search_reference (type, param, target_id, target_type);
      CREATE INDEX search_reference_reverse ON search_reference (target_id, target_type);
      CREATE INDEX search_reference_url ON search_reference (type, param, url);
      CREATE INDEX search_reference_rid ON search_reference (rid, param);

      CREATE TABLE search_uri (rid bigint NOT NULL, type text NOT NULL, param text NOT NULL, grp integer NOT NULL, value text NOT NULL);
      CREATE INDEX search_uri_value ON search_uri (type, param, value text_pattern_ops);
      CREATE INDEX search_uri_rid ON search_uri (rid, param);
    `,
  },
  {
    version: 3,
    name: 'security: SMART Backend Services clients, assertion replay guard, access tokens, audit trail',
    sql: `
      CREATE TABLE auth_client (
        client_id     text PRIMARY KEY,
        name          text        NOT NULL,
        role          text        NOT NULL,
        hospital_code text,
        jwks          jsonb       NOT NULL,
        scopes        text[]      NOT NULL,
        disabled      boolean     NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now()
      );
      -- Each assertion's jti is accepted once while it is unexpired.
      CREATE TABLE auth_assertion_jti (
        client_id  text        NOT NULL,
        jti        text        NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, jti)
      );
      -- Only a hash of each access token is kept.
      CREATE TABLE auth_access_token (
        token_hash text PRIMARY KEY,
        client_id  text        NOT NULL REFERENCES auth_client (client_id),
        scopes     text[]      NOT NULL,
        expires_at timestamptz NOT NULL
      );

      -- The audit trail: appended for every FHIR request and failed login, never changed.
      CREATE TABLE audit_event (
        seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id            text        NOT NULL UNIQUE,
        recorded      timestamptz NOT NULL DEFAULT clock_timestamp(),
        client_id     text,
        role          text,
        hospital_code text,
        action        text        NOT NULL,
        subtype       text        NOT NULL,
        method        text        NOT NULL,
        path          text        NOT NULL,
        status        integer     NOT NULL,
        address       text,
        entities      text[]      NOT NULL DEFAULT '{}',
        detail        text
      );
      CREATE INDEX audit_event_recorded ON audit_event (recorded);
      CREATE INDEX audit_event_client ON audit_event (client_id, seq);
      CREATE INDEX audit_event_entities ON audit_event USING gin (entities);
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$;
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
    `,
  },
  {
    version: 4,
    name: 'bulk export jobs',
    sql: `
      -- Bulk Data $export jobs. The request is kept (kick-off URL and parsed parameters) so that a restarted server
      -- can run a job again from the start: transaction_time fixes what it exports, so a rerun writes the same files.
      CREATE TABLE export_job (
        id                text        PRIMARY KEY,
        status            text        NOT NULL,            -- running | completed | failed
        request_url       text        NOT NULL,
        parameters        jsonb       NOT NULL,
        transaction_time  timestamptz NOT NULL,
        progress          text,
        error             text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        completed_at      timestamptz,
        expires_at        timestamptz
      );
      CREATE INDEX export_job_status ON export_job (status);

      -- Files of a job, listed only once complete (written under a temporary name, renamed, then recorded here).
      CREATE TABLE export_file (
        job_id    text    NOT NULL REFERENCES export_job (id) ON DELETE CASCADE,
        name      text    NOT NULL,
        type      text    NOT NULL,
        kind      text    NOT NULL,                        -- output | error
        count     integer NOT NULL,
        bytes     bigint  NOT NULL,
        position  integer NOT NULL,
        PRIMARY KEY (job_id, name)
      );
    `,
  },
  {
    version: 5,
    name: 'search covering indexes',
    sql: `
      -- The value lookups of search carry rid (and the other range end) in the index, so matching rows are found by
      -- index-only scans instead of visiting the index tables' heap.
      DROP INDEX search_token_value;
      CREATE INDEX search_token_value ON search_token (type, param, value, system) INCLUDE (rid);
      DROP INDEX search_string_value;
      CREATE INDEX search_string_value ON search_string (type, param, value text_pattern_ops) INCLUDE (rid);
      DROP INDEX search_date_low;
      CREATE INDEX search_date_low ON search_date (type, param, low, high) INCLUDE (rid);
      DROP INDEX search_date_high;
      CREATE INDEX search_date_high ON search_date (type, param, high) INCLUDE (low, rid);
      DROP INDEX search_number_value;
      CREATE INDEX search_number_value ON search_number (type, param, low) INCLUDE (high, system, code, rid);
      DROP INDEX search_reference_target;
      CREATE INDEX search_reference_target ON search_reference (type, param, target_id, target_type) INCLUDE (rid);
      DROP INDEX search_uri_value;
      CREATE INDEX search_uri_value ON search_uri (type, param, value text_pattern_ops) INCLUDE (rid);
    `,
  },
  {
    version: 6,
    name: 'registry cases',
    sql: `
      -- One row per acute admission derived from an accepted discharge summary (src/registry/cases/model.ts):
      -- indicators, epidemiology and care listings read these rows instead of re-walking the resources.
      CREATE TABLE registry_case (
        encounter_id        text PRIMARY KEY,
        document_id         text NOT NULL,
        document_identifier text NOT NULL,
        hospital_code       text NOT NULL,
        hospital_prefecture text,
        patient_id          text NOT NULL,
        patient_prefecture  text,
        sex                 text,
        birth_date          text,
        age_at_admission    integer,
        diseases            text[] NOT NULL,
        principal_disease   text,
        admitted_at         timestamptz,
        discharged_at       timestamptz,
        died                boolean NOT NULL,
        facts               jsonb NOT NULL,
        completeness        jsonb,
        derived_at          timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX registry_case_hospital ON registry_case (hospital_code, admitted_at);
      CREATE INDEX registry_case_disease ON registry_case USING gin (diseases);
      CREATE INDEX registry_case_patient ON registry_case (patient_id);
      -- Which stored resource each entry of an ingested document became, so that a corrected document writes new
      -- versions of the same ids (docs/REGISTRY-CASES.md). entry_key: 'Type|system|value' of the entry's first
      -- identifier, else its fullUrl. owned: created by this document (false: an earlier Patient, Practitioner or
      -- Organization matched by identifier, which a correction does not overwrite).
      CREATE TABLE document_entry (
        document_identifier text NOT NULL,
        entry_key           text NOT NULL,
        resource_type       text NOT NULL,
        resource_id         text NOT NULL,
        owned               boolean NOT NULL,
        PRIMARY KEY (document_identifier, entry_key)
      );
    `,
  },
  {
    version: 7,
    name: 'hospital tenancy of resources',
    sql: `
      -- The hospital (10-digit medical institution code) whose data a resource is; NULL for registry-level resources.
      -- Set at write time (src/store/tenancy.ts), never changed by updates; every version row repeats it so that
      -- history is filtered without a join.
      ALTER TABLE resource ADD COLUMN hospital_code text;
      ALTER TABLE resource_version ADD COLUMN hospital_code text;

      -- Backfill from the stored documents: a document Bundle's hospital is the code before the first ^ of its
      -- identifier value (<code>^<year>^<number>), else the one institution number its Organization entries carry.
      -- Its derived resources were created by the same write: same first lastUpdated, rids right after the Bundle's.
      CREATE TEMPORARY TABLE document_hospital ON COMMIT DROP AS
        SELECT v.rid, v.last_updated, COALESCE(
                 substring(v.content->'identifier'->>'value' FROM '^([0-9]{10})\\^'),
                 (SELECT min(n.value #>> '{}') FROM jsonb_path_query(v.content,
                    '$.entry[*].resource ? (@.resourceType == "Organization").identifier[*] ? (@.system == "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no").value') AS n(value)
                  HAVING count(DISTINCT n.value) = 1)) AS code
          FROM resource_version v
         WHERE v.type = 'Bundle' AND v.version_id = 1 AND v.content->>'type' = 'document';
      UPDATE resource r SET hospital_code = d.code
        FROM resource_version first, document_hospital d
       WHERE first.rid = r.rid AND first.version_id = 1 AND first.last_updated = d.last_updated AND r.rid >= d.rid
         AND d.code IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM document_hospital later
                          WHERE later.last_updated = d.last_updated AND later.rid > d.rid AND later.rid <= r.rid);
      UPDATE resource_version v SET hospital_code = r.hospital_code FROM resource r WHERE v.rid = r.rid AND r.hospital_code IS NOT NULL;

      -- A hospital's type search can walk its own rows in rid order; its type and system history walk seq.
      CREATE INDEX resource_hospital_type ON resource (hospital_code, type, rid);
      CREATE INDEX resource_version_hospital_seq ON resource_version (hospital_code, seq);
      CREATE INDEX resource_version_hospital_type_seq ON resource_version (hospital_code, type, seq);
    `,
  },
  {
    version: 8,
    name: 'patient linkage',
    sql: `
      -- Linkage decisions between two hospital Patient records (one row per unordered pair, patient_a < patient_b).
      -- 'link' rows are mirrored as Patient.link (type seealso) on both records; 'do-not-link' rows record an
      -- operator's unlink, which automatic linking never overrides.
      CREATE TABLE patient_link (
        patient_a   text NOT NULL,
        patient_b   text NOT NULL,
        decision    text NOT NULL CHECK (decision IN ('link', 'do-not-link')),
        method      text NOT NULL CHECK (method IN ('insurance', 'score', 'operator')),
        score       real,
        decided_by  text,
        decided_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (patient_a, patient_b),
        CHECK (patient_a < patient_b)
      );
      CREATE INDEX patient_link_b ON patient_link (patient_b);
    `,
  },
  {
    version: 9,
    name: 'registry consent',
    sql: `
      -- The current registry Consent per stored Patient (the active one with the latest Consent.dateTime), kept in
      -- step with Consent writes in the writing transaction (src/registry/consent/). decision is the secondary-use
      -- decision: export for research, aggregates and indicators leave out patients with 'deny'. acute_care_sharing
      -- is the nested TREAT provision: may other hospitals see this record in the acute-care summary (NULL: not asked).
      CREATE TABLE registry_consent (
        patient_id         text PRIMARY KEY,
        decision           text NOT NULL CHECK (decision IN ('permit', 'deny')),
        acute_care_sharing text CHECK (acute_care_sharing IN ('permit', 'deny')),
        consent_id         text NOT NULL,
        decided_at         timestamptz,
        recorded_at        timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX registry_consent_decision ON registry_consent (decision);
      CREATE INDEX registry_consent_consent ON registry_consent (consent_id);
    `,
  },
  {
    version: 10,
    name: 'indicator results per case',
    sql: `
      -- Per-case results of the clinical indicators (src/registry/indicators): the Measures' FHIRPath criteria are
      -- evaluated once per case and kept, so reports are SQL counts. registry_indicator_evaluation says under which
      -- Measures (ruleset: fingerprint of all criteria) and which derivation of the case (derived_at) the results were
      -- made; a re-derived case or changed Measures make them stale. Results exist only for initial-population members.
      CREATE TABLE registry_indicator_evaluation (
        encounter_id text PRIMARY KEY REFERENCES registry_case (encounter_id) ON DELETE CASCADE,
        derived_at   timestamptz NOT NULL,
        ruleset      text NOT NULL
      );
      CREATE TABLE registry_indicator_result (
        encounter_id text NOT NULL REFERENCES registry_case (encounter_id) ON DELETE CASCADE,
        measure      text NOT NULL,
        denominator  boolean NOT NULL,
        exclusion    boolean NOT NULL,
        numerator    boolean NOT NULL,
        PRIMARY KEY (encounter_id, measure)
      );
      CREATE INDEX registry_indicator_result_measure ON registry_indicator_result (measure);
      CREATE INDEX registry_case_discharged ON registry_case (discharged_at);
    `,
  },
  {
    version: 11,
    name: 'lz4 compression of stored resources',
    sql: `
      -- Every resource is written twice (resource and resource_version) and a document Bundle (~30 kB) is compressed
      -- on each write: lz4 compresses several times faster than the default pglz for about the same size, which
      -- ingest pays for every document. Only new values use it. A server built without lz4 (PGlite) keeps pglz.
      DO $$ BEGIN
        ALTER TABLE resource ALTER COLUMN content SET COMPRESSION lz4;
        ALTER TABLE resource_version ALTER COLUMN content SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported THEN NULL;
      END $$;
    `,
  },
  {
    version: 12,
    name: 'full-text search rows (_content, _text)',
    // One row per resource and parameter holding the whole normalised text: matched by substring (LIKE '%word%'),
    // which also serves Japanese text without word breaks. No B-tree on value (texts exceed an index entry); the
    // rows are reached through rid. Rows of resources stored before this migration come from `reindex`.
    sql: `
      CREATE TABLE search_text (rid bigint NOT NULL, type text NOT NULL, param text NOT NULL, grp integer NOT NULL, value text NOT NULL);
      CREATE INDEX search_text_rid ON search_text (rid, param);
    `,
  },
  {
    version: 13,
    name: 'export job leases',
    sql: `
      -- Several servers may share one database: a running job is held by one run (run_id: one server's attempt at it,
      -- whose folder holds its files) of one server (lease_owner) until lease_expires_at, which the run keeps renewing.
      -- A job with no lease or a lapsed one (its server stopped or died) is claimed by the next server to look.
      ALTER TABLE export_job ADD COLUMN run_id text, ADD COLUMN lease_owner text, ADD COLUMN lease_expires_at timestamptz;
    `,
  },
  {
    version: 14,
    name: 'hospital tenancy of search index rows',
    sql: `
      -- Each index row repeats its resource's hospital_code (never changed after the resource's creation), so a
      -- hospital client's search filters index rows by tenant without reading resource rows. The value indexes carry
      -- it next to rid: a scoped match stays an index-only scan.
      ${INDEX_TABLES.map((table) => `ALTER TABLE ${table} ADD COLUMN hospital_code text;
      UPDATE ${table} x SET hospital_code = r.hospital_code FROM resource r WHERE r.rid = x.rid AND r.hospital_code IS NOT NULL;`).join('\n      ')}
      DROP INDEX IF EXISTS search_token_value;
      CREATE INDEX search_token_value ON search_token (type, param, value, system) INCLUDE (rid, hospital_code);
      DROP INDEX IF EXISTS search_string_value;
      CREATE INDEX search_string_value ON search_string (type, param, value text_pattern_ops) INCLUDE (rid, hospital_code);
      DROP INDEX IF EXISTS search_date_low;
      CREATE INDEX search_date_low ON search_date (type, param, low, high) INCLUDE (rid, hospital_code);
      DROP INDEX IF EXISTS search_date_high;
      CREATE INDEX search_date_high ON search_date (type, param, high) INCLUDE (low, rid, hospital_code);
      DROP INDEX IF EXISTS search_number_value;
      CREATE INDEX search_number_value ON search_number (type, param, low) INCLUDE (high, system, code, rid, hospital_code);
      DROP INDEX IF EXISTS search_reference_target;
      CREATE INDEX search_reference_target ON search_reference (type, param, target_id, target_type) INCLUDE (rid, hospital_code);
      DROP INDEX IF EXISTS search_uri_value;
      CREATE INDEX search_uri_value ON search_uri (type, param, value text_pattern_ops) INCLUDE (rid, hospital_code);

      -- The lookup columns are strongly correlated (a code belongs to one type, parameter and system): without
      -- statistics on them together the planner multiplies their frequencies, takes a common code (35k rows) for a
      -- handful and plans a scan of all of them inside a per-row check.
      CREATE STATISTICS IF NOT EXISTS search_token_lookup (mcv, dependencies) ON type, param, value, system FROM search_token;
      CREATE STATISTICS IF NOT EXISTS search_reference_lookup (mcv, dependencies) ON type, param, target_type FROM search_reference;
      CREATE STATISTICS IF NOT EXISTS search_string_lookup (mcv, dependencies) ON type, param FROM search_string;
      CREATE STATISTICS IF NOT EXISTS search_date_lookup (mcv, dependencies) ON type, param FROM search_date;
      CREATE STATISTICS IF NOT EXISTS search_number_lookup (mcv, dependencies) ON type, param FROM search_number;
      ANALYZE search_token, search_reference, search_string, search_date, search_number;
    `,
  },
];

/** Applies pending migrations; concurrent starts against one PostgreSQL wait on an advisory lock. */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(775021)');
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migration');
    const applied = new Set(rows.map((row) => row.version));
    const newlyApplied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
}
