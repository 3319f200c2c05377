/** One finding of the validator before it becomes an OperationOutcome issue. */
export interface ValidationIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: fhir4.OperationOutcomeIssue['code'];
  /** FHIRPath location, e.g. `Bundle.entry[3].resource.code.coding[0]`. */
  expression: string;
  /** English message (diagnostics). */
  message: string;
  /** Japanese message, carried in details.text where we have one. */
  messageJa?: string;
}

/** Collects issues for one validation target; duplicates (same location, severity and message) are kept once. */
export class IssueList {
  readonly issues: ValidationIssue[] = [];
  private readonly seen = new Set<string>();

  add(issue: ValidationIssue): void {
    const key = `${issue.severity}|${issue.expression}|${issue.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.issues.push(issue);
  }

  addAll(issues: readonly ValidationIssue[]): void {
    for (const issue of issues) this.add(issue);
  }

  error(code: ValidationIssue['code'], expression: string, message: string, messageJa?: string): void {
    this.add({ severity: 'error', code, expression, message, messageJa });
  }

  warning(code: ValidationIssue['code'], expression: string, message: string, messageJa?: string): void {
    this.add({ severity: 'warning', code, expression, message, messageJa });
  }

  information(code: ValidationIssue['code'], expression: string, message: string, messageJa?: string): void {
    this.add({ severity: 'information', code, expression, message, messageJa });
  }

  hasErrors(): boolean {
    return this.issues.some((issue) => issue.severity === 'error' || issue.severity === 'fatal');
  }
}

const SEVERITY_ORDER = { fatal: 0, error: 1, warning: 2, information: 3 } as const;

export function toOperationOutcome(issues: readonly ValidationIssue[]): fhir4.OperationOutcome {
  const sorted = [...issues].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const outcomeIssues: fhir4.OperationOutcomeIssue[] = sorted.map((issue) => ({
    severity: issue.severity,
    code: issue.code,
    diagnostics: issue.message,
    ...(issue.messageJa ? { details: { text: issue.messageJa } } : {}),
    expression: [issue.expression],
  }));
  if (outcomeIssues.length === 0) {
    // An OperationOutcome needs at least one issue: report success explicitly.
    outcomeIssues.push({ severity: 'information', code: 'informational', diagnostics: 'No issues detected during validation', details: { text: '検証で問題は検出されませんでした' } });
  }
  return { resourceType: 'OperationOutcome', issue: outcomeIssues };
}
