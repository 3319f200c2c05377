/**
 * Corrections to known defects of loaded third-party packages, applied to a resource when it is read. Each one
 * is data with the reason it exists; none changes a package's files. Remove an entry once the package is fixed.
 */
interface Erratum {
  resourceType: string;
  url: string;
  why: string;
  apply(resource: any): void;
}

const CLINS_SECTION_SYSTEM = 'http://jpfhir.jp/fhir/clins/CodeSystem/document-section';

export const PACKAGE_ERRATA: Record<string, Erratum[]> = {
  'jp-clins.r4#1.5.2': [
    {
      resourceType: 'ValueSet',
      url: 'http://jpfhir.jp/fhir/eDischargeSummary/ValueSet/document-section',
      why:
        'The discharge-summary section ValueSet includes the referral (REF) and COMMON branches of document-section ' +
        'but not the discharge (DIS) branch, so the section codes JP_Composition_eDischargeSummary itself requires ' +
        '(322, 342, 344, ...) would fail its own required binding. Add the DIS branch.',
      apply(valueSet: fhir4.ValueSet) {
        const include = valueSet.compose?.include ?? [];
        const hasDischarge = include.some((part) => part.filter?.some((filter) => filter.value === 'DIS'));
        if (!hasDischarge) include.push({ system: CLINS_SECTION_SYSTEM, filter: [{ property: 'concept', op: 'descendent-of', value: 'DIS' }] });
      },
    },
    {
      resourceType: 'CodeSystem',
      url: CLINS_SECTION_SYSTEM,
      why:
        'JP_Composition_eDischargeSummary slices sections by codes 362, 372, 552 and 642, which the document-section ' +
        'CodeSystem lacks (it has 360, 370, 550, 640). Add them to the COMMON branch with the same meanings.',
      apply(codeSystem: fhir4.CodeSystem) {
        const common = codeSystem.concept?.find((concept) => concept.code === 'COMMON');
        if (!common) return;
        common.concept ??= [];
        const missing: [string, string][] = [
          ['362', '現病歴セクション'],
          ['372', '既往歴セクション'],
          ['552', '家族歴セクション'],
          ['642', '社会歴・生活習慣セクション'],
        ];
        for (const [code, display] of missing) {
          if (!common.concept.some((concept) => concept.code === code)) common.concept.push({ code, display });
        }
      },
    },
  ],
};

/** Applies the errata of `packageId` that concern `resource` (in place). */
export function applyErrata(packageId: string, resource: any): void {
  for (const erratum of PACKAGE_ERRATA[packageId] ?? []) {
    if (resource?.resourceType === erratum.resourceType && resource.url === erratum.url) erratum.apply(resource);
  }
}
