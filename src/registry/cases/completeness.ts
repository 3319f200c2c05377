import { IG_EXTENSION } from '../synthetic/canonical.js';
import type { ObservationFact, ProcedureFact, RegistryCase } from './model.js';

export type ItemStatus = 'present' | 'missing' | 'implausible';

export interface ItemResult {
  /** Registry item name, e.g. 'arrival-time', 'nihss-admission', 'ivt-needle-time'. */
  item: string;
  status: ItemStatus;
  /** Why it is implausible (or what is missing), for people. */
  detail?: string;
  /** FHIRPath into the submitted Bundle of where the item lives. */
  expression: string;
}

/** The completeness of one case: every registry item that applies to it, and its state. Stored as registry_case.completeness. */
export interface CompletenessReport {
  items: ItemResult[];
}

const STROKE = ['cerebral-infarction', 'intracerebral-hemorrhage', 'subarachnoid-hemorrhage'];
/** Diseases where the door-to-treatment times are indicators (onset and arrival matter). */
const TIME_CRITICAL = [...STROKE, 'acute-coronary-syndrome', 'acute-aortic-dissection'];

const ofType = (type: string) => `Bundle.entry.resource.ofType(${type})`;
const encounterExtension = (url: string) => `${ofType('Encounter')}.extension('${url}')`;
const conditionExtension = (url: string) => `${ofType('Condition')}.extension('${url}')`;
const observationOf = (kind: string) => `${ofType('Observation')}.where(meta.profile.exists($this.endsWith('/jp-cvd-observation-${kind}')))`;
const procedureOf = (kind: string) => `${ofType('Procedure')}.where(code.coding.code = '${kind}')`;

interface ItemRule {
  item: string;
  /** Diseases the item applies to (any of the case's); undefined: every registry case. */
  diseases?: string[];
  /** Further condition for the item to apply (e.g. only when IVT was given). */
  when?: (registryCase: RegistryCase) => boolean;
  expression: string;
  check: (registryCase: RegistryCase) => { status: ItemStatus; detail?: string };
}

const present = { status: 'present' as const };
const missing = (detail?: string) => ({ status: 'missing' as const, ...(detail ? { detail } : {}) });
const implausible = (detail: string) => ({ status: 'implausible' as const, detail });

/** a < b for two date-times given as ISO strings with offsets (compared as instants). */
function before(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && Date.parse(a) < Date.parse(b);
}

function observation(registryCase: RegistryCase, kind: string, timepoint?: string): ObservationFact | undefined {
  return registryCase.facts.observations.find((fact) => fact.kind === kind && (!timepoint || fact.timepoint === timepoint));
}

function procedure(registryCase: RegistryCase, kind: string): ProcedureFact | undefined {
  return registryCase.facts.procedures.find((fact) => fact.kind === kind);
}

/** A score or measurement: missing, outside its range, or present. */
function scoreRule(item: string, kind: string, diseases: string[], timepoint?: string): ItemRule {
  return {
    item,
    diseases,
    expression: observationOf(kind),
    check: (registryCase) => {
      const fact = observation(registryCase, kind, timepoint);
      if (!fact) return missing();
      // The IG's range and plausibility invariants of the kind's profile (derive.ts evaluates them).
      if (fact.implausible) return implausible(`${fact.value ?? fact.code} fails "${fact.implausible}"`);
      return fact.value === undefined && fact.code === undefined ? missing('recorded without a value') : present;
    },
  };
}

/** A treatment time: missing, before the door (arrival) or onset time, or present. */
function treatmentTimeRule(item: string, kind: string, label: string, time: (fact: ProcedureFact) => string | undefined): ItemRule {
  return {
    item,
    when: (registryCase) => !!procedure(registryCase, kind),
    expression: procedureOf(kind),
    check: (registryCase) => {
      const at = time(procedure(registryCase, kind)!);
      if (!at) return missing();
      const { arrivalAt, onset, transferredIn } = registryCase.facts;
      // A transferred patient may be treated before the door of this hospital only if treated elsewhere; the
      // registry records treatments of this hospital, so the door still comes first.
      if (before(at, arrivalAt) && !transferredIn) return implausible(`${label} ${at} is before the door time ${arrivalAt}`);
      if (before(at, onset?.at)) return implausible(`${label} ${at} is before the onset ${onset!.at}`);
      return present;
    },
  };
}

/**
 * The registry items the IG asks hospitals to record, per disease (docs/REGISTRY-CASES.md lists them with the IG
 * element each reads). Times are checked against each other (onset ≤ door ≤ treatment, admission ≤ discharge) and
 * scores against their ranges.
 */
const ITEMS: ItemRule[] = [
  {
    item: 'admission-time',
    expression: `${ofType('Encounter')}.period.start`,
    check: (c) => (c.admittedAt ? present : missing()),
  },
  {
    item: 'discharge-time',
    expression: `${ofType('Encounter')}.period.end`,
    check: (c) => {
      if (!c.dischargedAt) return missing();
      if (before(c.dischargedAt, c.admittedAt)) return implausible(`discharge ${c.dischargedAt} is before admission ${c.admittedAt}`);
      return present;
    },
  },
  {
    item: 'discharge-destination',
    expression: `${ofType('Encounter')}.hospitalization.extension('${IG_EXTENSION.dischargeDestination}')`,
    check: (c) => (c.facts.dischargeDestination ? present : missing()),
  },
  {
    item: 'onset-time-status',
    diseases: TIME_CRITICAL,
    expression: conditionExtension(IG_EXTENSION.onsetTimeStatus),
    check: (c) => (c.facts.onset?.status ? present : missing()),
  },
  {
    item: 'onset-time',
    diseases: TIME_CRITICAL,
    // An onset that is unknown by its status is complete without a time (the last-known-well item covers it).
    when: (c) => c.facts.onset?.status !== 'unknown' && c.facts.onset?.status !== 'last-known-well',
    expression: `${ofType('Condition')}.onset`,
    check: (c) => {
      const at = c.facts.onset?.at;
      if (!at) return missing();
      if (before(c.facts.arrivalAt, at) && !c.facts.onset?.inHospital) return implausible(`door time ${c.facts.arrivalAt} is before the onset ${at}`);
      return present;
    },
  },
  {
    item: 'last-known-well',
    diseases: TIME_CRITICAL,
    when: (c) => c.facts.onset?.status === 'last-known-well',
    expression: conditionExtension(IG_EXTENSION.lastKnownWell),
    check: (c) => (c.facts.onset?.lastKnownWell ? present : missing()),
  },
  {
    item: 'arrival-time',
    diseases: TIME_CRITICAL,
    when: (c) => !c.facts.onset?.inHospital,
    expression: encounterExtension(IG_EXTENSION.arrivalTime),
    check: (c) => {
      const at = c.facts.arrivalAt;
      if (!at) return missing();
      if (c.admittedAt && Date.parse(at) > Date.parse(c.admittedAt) + 86_400_000) return implausible(`door time ${at} is more than a day after admission ${c.admittedAt}`);
      return present;
    },
  },
  {
    item: 'arrival-mode',
    diseases: TIME_CRITICAL,
    expression: encounterExtension(IG_EXTENSION.arrivalMode),
    check: (c) => (c.facts.arrivalMode ? present : missing()),
  },
  scoreRule('nihss-admission', 'nihss', ['cerebral-infarction', 'intracerebral-hemorrhage'], 'admission'),
  scoreRule('mrs-pre-onset', 'mrs', STROKE, 'pre-onset'),
  scoreRule('mrs-discharge', 'mrs', STROKE, 'discharge'),
  scoreRule('toast', 'toast', ['cerebral-infarction']),
  scoreRule('wfns', 'wfns', ['subarachnoid-hemorrhage']),
  scoreRule('killip', 'killip', ['acute-coronary-syndrome']),
  scoreRule('acs-type', 'acs-type', ['acute-coronary-syndrome']),
  scoreRule('stanford', 'stanford', ['acute-aortic-dissection']),
  scoreRule('lvef', 'lvef', ['acute-heart-failure']),
  scoreRule('nyha', 'nyha', ['acute-heart-failure']),
  treatmentTimeRule('ivt-needle-time', 'ivt', 'IVT needle time', (fact) => fact.start),
  treatmentTimeRule('thrombectomy-puncture-time', 'thrombectomy', 'thrombectomy puncture time', (fact) => fact.start),
  {
    item: 'thrombectomy-reperfusion-time',
    when: (c) => !!procedure(c, 'thrombectomy'),
    expression: `${procedureOf('thrombectomy')}.extension('${IG_EXTENSION.reperfusionTime}')`,
    check: (c) => {
      const fact = procedure(c, 'thrombectomy')!;
      if (!fact.reperfusionAt) return missing();
      if (before(fact.reperfusionAt, fact.start)) return implausible(`reperfusion ${fact.reperfusionAt} is before the puncture ${fact.start}`);
      return present;
    },
  },
  treatmentTimeRule('pci-puncture-time', 'pci', 'PCI puncture time', (fact) => fact.start),
  {
    item: 'pci-first-device-time',
    when: (c) => !!procedure(c, 'pci'),
    expression: `${procedureOf('pci')}.extension('${IG_EXTENSION.firstDeviceTime}')`,
    check: (c) => {
      const fact = procedure(c, 'pci')!;
      if (!fact.firstDeviceAt) return missing();
      if (before(fact.firstDeviceAt, fact.start)) return implausible(`first device ${fact.firstDeviceAt} is before the puncture ${fact.start}`);
      if (before(fact.firstDeviceAt, c.facts.arrivalAt) && !c.facts.transferredIn) return implausible(`first device ${fact.firstDeviceAt} is before the door time ${c.facts.arrivalAt}`);
      return present;
    },
  },
  {
    item: 'discharge-medications',
    // The dead get no discharge prescription.
    when: (c) => !c.died,
    expression: `${ofType('MedicationRequest')}.medication.coding`,
    check: (c) => (c.facts.dischargeDrugClasses.length ? present : missing('no discharge prescription classified into a registry drug class (YJ code)')),
  },
];

/** Every item that applies to a case, with its state. A case without a registry disease has no items. */
export function assessCompleteness(registryCase: RegistryCase): CompletenessReport {
  if (!registryCase.diseases.length) return { items: [] };
  const items = ITEMS.filter((rule) => (!rule.diseases || rule.diseases.some((disease) => registryCase.diseases.includes(disease))) && (rule.when?.(registryCase) ?? true));
  return { items: items.map((rule) => ({ item: rule.item, expression: rule.expression, ...rule.check(registryCase) })) };
}

/** The report as OperationOutcome issues for the ingest answer: missing items as information, implausible as warnings. */
export function completenessIssues(report: CompletenessReport): fhir4.OperationOutcomeIssue[] {
  return report.items
    .filter((result) => result.status !== 'present')
    .map((result) => ({
      severity: result.status === 'implausible' ? ('warning' as const) : ('information' as const),
      code: result.status === 'implausible' ? ('value' as const) : ('incomplete' as const),
      diagnostics: `Registry item ${result.item} is ${result.status}${result.detail ? `: ${result.detail}` : ''}`,
      expression: [result.expression],
    }));
}
