import { describe, expect, it } from 'vitest';
import { acuteCareAccess, describeAccess } from '../../src/registry/consent/acute-care-access.js';
import type { RecordedConsent } from '../../src/registry/consent/registry-consent.js';

const consent = (patientId: string, decidedAt: string, acuteCareSharing?: 'permit' | 'deny', decision: 'permit' | 'deny' = 'permit'): RecordedConsent => ({
  patientId,
  decision,
  consentId: `c-${patientId}-${decidedAt}`,
  decidedAt,
  ...(acuteCareSharing ? { acuteCareSharing } : {}),
});
const EMERGENCY = { reason: '心停止で搬送' };

describe('acute-care access rule', () => {
  it('opens on a permit, refuses without a decision or on a refusal', () => {
    expect(acuteCareAccess([consent('a', '2026-01-01T00:00:00.000Z', 'permit')])).toMatchObject({ granted: true, basis: 'consent' });
    expect(acuteCareAccess([])).toMatchObject({ granted: false });
    expect(acuteCareAccess([consent('a', '2026-01-01T00:00:00.000Z', 'deny')])).toMatchObject({ granted: false, consent: { acuteCareSharing: 'deny' } });
  });

  it('a declared emergency opens without a decision and over a refusal, keeping the refusal for the audit', () => {
    expect(acuteCareAccess([], EMERGENCY)).toEqual({ granted: true, basis: 'emergency', emergency: EMERGENCY });
    const overRefusal = acuteCareAccess([consent('a', '2026-01-01T00:00:00.000Z', 'deny')], EMERGENCY);
    expect(overRefusal).toMatchObject({ granted: true, basis: 'emergency', consent: { acuteCareSharing: 'deny' } });
    expect(describeAccess(overRefusal)).toMatch(/^purpose=ETREAT basis=emergency .*acute-care deny.*EMERGENCY declared, reason: 心停止で搬送$/);
  });

  it('takes the latest dated decision among the linked records, ignoring Consents that do not state one', () => {
    const records = [consent('a', '2025-01-01T00:00:00.000Z', 'deny'), consent('b', '2026-03-01T00:00:00.000Z', 'permit'), consent('a', '2026-06-01T00:00:00.000Z')];
    expect(acuteCareAccess(records)).toMatchObject({ granted: true, basis: 'consent', consent: { patientId: 'b' } });
    expect(acuteCareAccess([...records, consent('c', '2026-09-01T00:00:00.000Z', 'deny')])).toMatchObject({ granted: false, consent: { patientId: 'c' } });
  });
});
