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

  static fromOutcome(status: number, outcome: fhir4.OperationOutcome): FhirError {
    const error = new FhirError(status, 'invalid', outcome.issue[0]?.diagnostics ?? 'invalid resource');
    error.issues.splice(0, error.issues.length, ...outcome.issue);
    return error;
  }

  get outcome(): fhir4.OperationOutcome {
    return operationOutcome(this.issues);
  }
}

export const badRequest = (diagnostics: string, expression?: string[]) => new FhirError(400, 'invalid', diagnostics, expression);
export const notFound = (diagnostics: string) => new FhirError(404, 'not-found', diagnostics);
