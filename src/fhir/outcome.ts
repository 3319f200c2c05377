/** OperationOutcome construction and the error type every client-caused failure is thrown as. */
export type IssueSeverity = fhir4.OperationOutcomeIssue['severity'];
export type IssueType = fhir4.OperationOutcomeIssue['code'];

export function issue(
  severity: IssueSeverity,
  code: IssueType,
  diagnostics: string,
  expression?: string[],
): fhir4.OperationOutcomeIssue {
  return { severity, code, diagnostics, ...(expression?.length ? { expression } : {}) };
}

export function operationOutcome(issues: fhir4.OperationOutcomeIssue[]): fhir4.OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues };
}

/** More issues than this in one answer help no one and cost the server: the rest are counted, not listed. */
export const MAX_REPORTED_ISSUES = 1000;

/** A failure the client caused (or must be told about), with its HTTP status and OperationOutcome issues. */
export class FhirError extends Error {
  readonly issues: fhir4.OperationOutcomeIssue[];
  constructor(
    readonly status: number,
    code: IssueType,
    diagnostics: string,
    expression?: string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(diagnostics);
    this.issues = [issue('error', code, diagnostics, expression)];
  }

  /** An error carrying a whole OperationOutcome; very long issue lists are cut to MAX_REPORTED_ISSUES. */
  static fromOutcome(status: number, outcome: fhir4.OperationOutcome): FhirError {
    const error = new FhirError(status, 'invalid', outcome.issue[0]?.diagnostics ?? 'invalid resource');
    error.issues.length = 0;
    const reported = outcome.issue.slice(0, MAX_REPORTED_ISSUES);
    for (const one of reported) error.issues.push(one);
    if (outcome.issue.length > reported.length) {
      error.issues.push(issue('information', 'too-costly', `${outcome.issue.length - reported.length} further issues not listed`));
    }
    return error;
  }

  get outcome(): fhir4.OperationOutcome {
    return operationOutcome(this.issues);
  }
}

export const badRequest = (diagnostics: string, expression?: string[]) => new FhirError(400, 'invalid', diagnostics, expression);
export const notFound = (diagnostics: string) => new FhirError(404, 'not-found', diagnostics);
