/**
 * SQL (no parameters) of the stored Patient ids left out of secondary use, in one set-based query: the one rule
 * (docs/SECURITY.md, Consent) for the research export (`optedOutOfSecondaryUse`), aggregates and indicators alike.
 * Every record with a 'deny' in registry_consent starts a person; the person grows over Patient.link of type seealso
 * or refer, followed in both directions (a link may be recorded on one side only), as `linkedPatientIds` walks it.
 * Links are read through the search index of Patient.link, so only linked records are touched. The person is out
 * when the latest decision (Consent.dateTime) among all their records is 'deny'; then every record of theirs is out.
 * Use as `patient_id IN (${OPTED_OUT_PATIENT_IDS})`.
 */
export const OPTED_OUT_PATIENT_IDS = `
  WITH RECURSIVE link_edge(a, b) AS (
    SELECT source.id, ref.target_id
      FROM search_reference ref
      JOIN resource source ON source.rid = ref.rid AND NOT source.deleted
     WHERE ref.type = 'Patient' AND ref.param = 'link' AND ref.target_type = 'Patient'
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(source.content->'link') link
                    WHERE link->>'type' IN ('seealso', 'refer')
                      AND substring(link->'other'->>'reference' FROM '(?:^|/)Patient/([A-Za-z0-9.-]{1,64})$') = ref.target_id)
  ),
  edge(a, b) AS (
    SELECT a, b FROM link_edge UNION ALL SELECT b, a FROM link_edge
  ),
  person(root, member) AS (
    SELECT patient_id, patient_id FROM registry_consent WHERE decision = 'deny'
    UNION
    SELECT person.root, edge.b FROM person JOIN edge ON edge.a = person.member
  ),
  latest AS (
    -- The person's current decision; on equal Consent.dateTime the deny wins (the safer reading).
    SELECT DISTINCT ON (person.root) person.root, consent.decision
      FROM person JOIN registry_consent consent ON consent.patient_id = person.member
     ORDER BY person.root, consent.decided_at DESC NULLS LAST, consent.decision = 'deny' DESC
  )
  SELECT person.member FROM person JOIN latest ON latest.root = person.root WHERE latest.decision = 'deny'`;
