import { currentDecision, type RecordedConsent } from './registry-consent.js';

/** A treating clinician's declaration that the patient cannot be asked and needs care now (break-the-glass). */
export interface EmergencyDeclaration {
  reason: string;
}

/** Whether the acute-care summary may be shown, and on what ground (what the audit record states). */
export type AcuteCareAccess =
  | { granted: true; basis: 'consent'; consent: RecordedConsent; emergency?: EmergencyDeclaration }
  | { granted: true; basis: 'emergency'; emergency: EmergencyDeclaration; consent?: RecordedConsent }
  | { granted: false; consent?: RecordedConsent; refusal: string };

/**
 * The rule of docs/SECURITY.md (Consent) for sharing a person's records across hospitals in acute care, following
 * the seed's "緊急時を除き本人同意前提で閲覧可" (viewable on the patient's consent, except in an emergency):
 * the person's current acute-care decision (latest dated among their linked records) must be permit; without it,
 * only a declared emergency opens the summary — also over a refusal, since an emergency is the case the
 * exception exists for (APPI art. 27(1)(ii): protecting life when consent cannot be obtained). Who may declare an
 * emergency is the caller's business (hospital clients).
 */
export function acuteCareAccess(consents: RecordedConsent[], emergency?: EmergencyDeclaration): AcuteCareAccess {
  const consent = currentDecision(consents, 'acute-care');
  if (consent?.acuteCareSharing === 'permit') return { granted: true, basis: 'consent', consent, ...(emergency ? { emergency } : {}) };
  if (emergency) return { granted: true, basis: 'emergency', emergency, ...(consent ? { consent } : {}) };
  if (consent) {
    return {
      granted: false,
      consent,
      refusal: `The patient refused sharing their records across hospitals for acute care (Consent/${consent.consentId}); only a declared emergency (emergency=true with a reason) overrides that`,
    };
  }
  return {
    granted: false,
    refusal: 'No consent to share this patient\'s records across hospitals for acute care is on record; record a registry Consent with a TREAT provision, or declare an emergency (emergency=true with a reason)',
  };
}

/** One line for the audit record: the ground of the disclosure, the consent on record and any emergency reason. */
export function describeAccess(access: AcuteCareAccess): string {
  const consent = access.consent
    ? `consent=Consent/${access.consent.consentId} acute-care ${access.consent.acuteCareSharing}${access.consent.decidedAt ? ` decided ${access.consent.decidedAt}` : ''}`
    : 'consent=none on record';
  if (!access.granted) return `refused; ${consent}`;
  const emergency = access.emergency ? `; EMERGENCY declared, reason: ${access.emergency.reason}` : '';
  return access.basis === 'emergency'
    ? `purpose=ETREAT basis=emergency (break-the-glass); ${consent}${emergency}`
    : `purpose=TREAT basis=consent; ${consent}${emergency}`;
}
