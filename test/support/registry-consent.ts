/** A registry Consent (IG profile jp-cvd-consent-registry) for tests: the secondary-use decision and, optionally, acute-care sharing. */
export function registryConsent(
  patientId: string,
  decisions: { secondaryUse: 'permit' | 'deny'; acuteCare?: 'permit' | 'deny'; dateTime?: string; id?: string },
): fhir4.Consent {
  return {
    resourceType: 'Consent',
    ...(decisions.id ? { id: decisions.id } : {}),
    meta: { profile: ['http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-consent-registry'] },
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'research', display: 'Research' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes', code: 'research', display: 'Research Information Access' }] }],
    patient: { reference: `Patient/${patientId}` },
    dateTime: decisions.dateTime ?? '2026-07-20T09:10:00+09:00',
    organization: [{ display: '登録医療機関' }],
    policyRule: { coding: [{ system: 'http://jp-cvd-registry.org/fhir/CodeSystem/jp-cvd-consent-model', code: 'opt-out' }] },
    provision: {
      type: decisions.secondaryUse,
      purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HRESCH', display: 'healthcare research' }],
      ...(decisions.acuteCare
        ? { provision: [{ type: decisions.acuteCare, purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT', display: 'treatment' }] }] }
        : {}),
    },
  };
}
