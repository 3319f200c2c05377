import type { ConformanceRegistry } from '../../conformance/package-loader.js';
import { InvariantEvaluator } from '../../validation/invariants.js';
import { LocalTerminology } from '../../validation/terminology.js';
import { IG_BASE, IG_CODE_SYSTEM, SYSTEM } from '../synthetic/canonical.js';

const DISEASE_MAP = `${IG_BASE}/ConceptMap/jp-cvd-icd10-to-disease-group`;
const DRUG_CLASS_MAP = `${IG_BASE}/ConceptMap/jp-cvd-yj-to-drug-class`;
const DRUG_CLASS_SYSTEM = `${IG_BASE}/CodeSystem/jp-cvd-drug-class`;
const DISEASE_GROUP_SYSTEM = `${IG_BASE}/CodeSystem/jp-cvd-disease-group`;
const DEATH_DISPOSITIONS = `${IG_BASE}/ValueSet/jp-cvd-in-hospital-death-disposition`;
const OBSERVATION_PROFILE_PREFIX = `${IG_BASE}/StructureDefinition/jp-cvd-observation-`;

/** How an IG observation profile recognises its Observation (fixed codings, or a code binding), and its value checks. */
interface ObservationKindRule {
  kind: string;
  codings: { system: string; code: string }[];
  valueSet?: string;
  /** The profile's range (error) and plausibility (warning) invariants, compiled. */
  valueChecks: { human: string; holds: (observation: fhir4.Observation) => boolean }[];
}

/** Keys of the IG invariants on an observation's value: its valid range, and the range a registry finds plausible. */
const VALUE_CHECK = /^jp-cvd-obs-(range|plausible)-/;
/** The validator's constraint evaluation (subset compiler, else fhirpath.js; each expression compiled once). */
const invariants = new InvariantEvaluator();

/**
 * The IG's terminology the case derivation needs, read once per loaded conformance registry: the ICD-10 → disease
 * group and YJ-prefix → drug class ConceptMaps, the drug-class hierarchy, the in-hospital-death dispositions and the
 * code each jp-cvd-observation-* profile fixes. Nothing here is re-typed from the IG.
 */
export class RegistryTerms {
  private readonly diseaseByIcd10 = new Map<string, string>();
  /** YJ prefixes longest first, so the first match is the longest one (the ConceptMap's rule). */
  private readonly drugClassPrefixes: { prefix: string; drugClass: string }[] = [];
  private readonly drugClassParents = new Map<string, string>();
  private readonly observationRules: ObservationKindRule[] = [];
  private readonly terminology: LocalTerminology;
  /** The six disease-group codes (CodeSystem jp-cvd-disease-group). */
  readonly diseaseGroups: readonly string[];

  constructor(conformance: ConformanceRegistry) {
    this.terminology = new LocalTerminology(conformance);
    this.diseaseGroups = (conformance.codeSystem(DISEASE_GROUP_SYSTEM)?.concept ?? []).map((concept) => concept.code);
    for (const group of conceptMap(conformance, DISEASE_MAP).group ?? []) {
      if (group.source !== SYSTEM.icd10) continue;
      for (const element of group.element ?? []) {
        const target = element.target?.find((candidate) => candidate.equivalence !== 'unmatched' && candidate.equivalence !== 'disjoint');
        if (element.code && target?.code) this.diseaseByIcd10.set(element.code, target.code);
      }
    }
    for (const group of conceptMap(conformance, DRUG_CLASS_MAP).group ?? []) {
      if (group.source !== SYSTEM.yj) continue;
      for (const element of group.element ?? []) {
        for (const target of element.target ?? []) {
          if (element.code && target.code) this.drugClassPrefixes.push({ prefix: element.code, drugClass: target.code });
        }
      }
    }
    this.drugClassPrefixes.sort((a, b) => b.prefix.length - a.prefix.length);
    const walk = (concepts: fhir4.CodeSystemConcept[] = [], parent?: string) => {
      for (const concept of concepts) {
        if (parent) this.drugClassParents.set(concept.code, parent);
        walk(concept.concept, concept.code);
      }
    };
    walk(conformance.codeSystem(DRUG_CLASS_SYSTEM)?.concept);
    for (const url of conformance.resourceProfiles().get('Observation') ?? []) {
      const profile = url.startsWith(OBSERVATION_PROFILE_PREFIX) ? conformance.structureDefinition(url) : undefined;
      if (profile) this.observationRules.push(observationRule(profile, url.slice(OBSERVATION_PROFILE_PREFIX.length)));
    }
  }

  /** The registry disease group of a Condition's ICD-10 coding, if it is one of the six diseases. */
  diseaseGroup(condition: fhir4.Condition): string | undefined {
    for (const coding of condition.code?.coding ?? []) {
      if (coding.system === SYSTEM.icd10 && coding.code) {
        const group = this.diseaseByIcd10.get(coding.code);
        if (group) return group;
      }
    }
    return undefined;
  }

  /** ICD-10 codes of a Condition. */
  icd10Codes(condition: fhir4.Condition): string[] {
    return (condition.code?.coding ?? []).filter((coding) => coding.system === SYSTEM.icd10 && coding.code).map((coding) => coding.code!);
  }

  /** The prescription's YJ code (its first YJ coding). */
  yjCode(request: fhir4.MedicationRequest): string | undefined {
    return request.medicationCodeableConcept?.coding?.find((coding) => coding.system === SYSTEM.yj && coding.code)?.code;
  }

  /** Drug classes of a prescription from its YJ code (longest ConceptMap prefix), with their parent classes. */
  drugClasses(request: fhir4.MedicationRequest): string[] {
    const classes: string[] = [];
    for (const coding of request.medicationCodeableConcept?.coding ?? []) {
      if (coding.system !== SYSTEM.yj || !coding.code) continue;
      const match = this.drugClassPrefixes.find((rule) => coding.code!.startsWith(rule.prefix));
      for (let drugClass = match?.drugClass; drugClass; drugClass = this.drugClassParents.get(drugClass)) classes.push(drugClass);
    }
    return classes;
  }

  /** Whether a JP-CLINS discharge disposition means in-hospital death (ValueSet jp-cvd-in-hospital-death-disposition). */
  isDeathDisposition(coding: fhir4.Coding): boolean {
    return !!coding.code && this.terminology.membership(DEATH_DISPOSITIONS, coding.system, coding.code).result === 'member';
  }

  /** The IG observation kind ('nihss', 'lvef', ...) of an Observation, from the code its profile fixes or binds. */
  observationKind(observation: fhir4.Observation): string | undefined {
    const codings = observation.code?.coding ?? [];
    for (const rule of this.observationRules) {
      if (codings.some((coding) => rule.codings.some((fixed) => fixed.system === coding.system && fixed.code === coding.code))) return rule.kind;
    }
    for (const rule of this.observationRules) {
      if (rule.valueSet && codings.some((coding) => coding.code && this.terminology.membership(rule.valueSet!, coding.system, coding.code).result === 'member')) {
        return rule.kind;
      }
    }
    return undefined;
  }

  /**
   * The human text of the first value check of the IG profile for `kind` that `observation` fails (its range or
   * plausibility invariant), evaluated whether or not the Observation claims the profile.
   */
  implausibility(kind: string, observation: fhir4.Observation): string | undefined {
    return this.observationRules.find((rule) => rule.kind === kind)?.valueChecks.find((check) => !check.holds(observation))?.human;
  }

  /** The jp-cvd-procedure code of a Procedure (the IG's procedure profiles bind their code to that system). */
  procedureKind(procedure: fhir4.Procedure): string | undefined {
    return procedure.code?.coding?.find((coding) => coding.system === IG_CODE_SYSTEM.procedure && coding.code)?.code;
  }
}

const cache = new WeakMap<ConformanceRegistry, RegistryTerms>();

/** The registry terms of a loaded conformance registry (built on first use). */
export function registryTerms(conformance: ConformanceRegistry): RegistryTerms {
  let terms = cache.get(conformance);
  if (!terms) {
    terms = new RegistryTerms(conformance);
    cache.set(conformance, terms);
  }
  return terms;
}

function conceptMap(conformance: ConformanceRegistry, url: string): fhir4.ConceptMap {
  const map = conformance.resolve<fhir4.ConceptMap>('ConceptMap', url);
  if (!map) throw new Error(`ConceptMap ${url} is not loaded: run \`npm run build:ig\``);
  return map;
}

/** The codings an observation profile fixes on Observation.code (pattern, or fixed system+code of a slice), and its binding. */
function observationRule(profile: fhir4.StructureDefinition, kind: string): ObservationKindRule {
  const elements = profile.differential?.element ?? [];
  const codings: { system: string; code: string }[] = [];
  let valueSet: string | undefined;
  for (const element of elements) {
    if (element.id === 'Observation.code') {
      for (const coding of element.patternCodeableConcept?.coding ?? []) if (coding.system && coding.code) codings.push({ system: coding.system, code: coding.code });
      valueSet = element.binding?.valueSet;
    }
    const slice = /^Observation\.code\.coding:([^.]+)\.system$/.exec(element.id ?? '');
    if (slice && element.fixedUri) {
      const code = elements.find((candidate) => candidate.id === `Observation.code.coding:${slice[1]}.code`)?.fixedCode;
      if (code) codings.push({ system: element.fixedUri, code });
    }
  }
  // Judged as the validator judges the same invariant (an expression it cannot evaluate is no value judgement).
  const valueChecks = elements
    .flatMap((element) => element.constraint ?? [])
    .filter((constraint) => VALUE_CHECK.test(constraint.key) && constraint.expression)
    .map((constraint) => ({
      human: constraint.human,
      holds: (observation: fhir4.Observation) => {
        const result = invariants.evaluate(constraint.expression!, 'Observation', observation, observation, observation);
        return !('passed' in result) || result.passed;
      },
    }));
  return { kind, codings, ...(valueSet ? { valueSet } : {}), valueChecks };
}
