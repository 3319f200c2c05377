import type { RegistryCase } from '../cases/model.js';
import type { IndicatorSet } from './definitions.js';

/**
 * Where one case stands in one indicator it belongs to (its initial population). The flags nest as the measure's
 * populations do: `exclusion` only for denominator members, `numerator` only for members not excluded.
 */
export interface Membership {
  measureId: string;
  denominator: boolean;
  exclusion: boolean;
  numerator: boolean;
}

/**
 * Evaluates every indicator's population criteria on one case; returns the indicators whose initial population
 * holds the case. A criterion is met when its FHIRPath result is exactly `true`; an empty result (a missing time,
 * a missing observation) is not met. Results are shared by expression text within the case, since many Measures
 * repeat an initial population or a denominator.
 */
export function evaluateCase(indicators: IndicatorSet, registryCase: RegistryCase): Membership[] {
  const results = new Map<string, boolean>();
  const met = (expression: string): boolean => {
    let result = results.get(expression);
    if (result === undefined) {
      const value = indicators.criterion(expression)(registryCase);
      result = value.length === 1 && value[0] === true;
      results.set(expression, result);
    }
    return result;
  };
  const memberships: Membership[] = [];
  for (const { id, populations } of indicators.indicators) {
    if (!met(populations['initial-population'].expression)) continue;
    const denominator = met(populations.denominator.expression);
    const exclusion = denominator && met(populations['denominator-exclusion'].expression);
    const numerator = denominator && !exclusion && met(populations.numerator.expression);
    memberships.push({ measureId: id, denominator, exclusion, numerator });
  }
  return memberships;
}
