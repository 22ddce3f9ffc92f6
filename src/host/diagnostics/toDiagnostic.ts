// Finding → vscode.Diagnostic. Positions are 1-based in the core and 0-based in VS Code; the code
// links to the principle through a command URI (VS Code opens diagnostic code targets with commands
// allowed, in the hover and in the Problems view).
import * as vscode from 'vscode';
import type { DisplaySeverity } from '../../core/rules/levels';
import type { Finding, FindingFix } from '../../core/rules/types';
import { plainMessage } from '../../core/text/plain';
import { COMMANDS } from '../ids';

export const DIAGNOSTIC_SOURCE = 'Event Architect';

const SEVERITY: Record<DisplaySeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Diagnostics carry their finding so the code action provider can offer its fixes. */
export class FindingDiagnostic extends vscode.Diagnostic {
  constructor(
    range: vscode.Range,
    readonly finding: Finding,
    severity: DisplaySeverity = finding.severity,
  ) {
    // The message quotes names from the code; its hover shows it as text, hidden characters made visible.
    super(range, plainMessage(finding.message), SEVERITY[severity]);
  }
}

export type Locate = (file: string, root: string | undefined) => vscode.Uri | undefined;

/** `severity`: the one the user configured for the rule (`eventArchitect.rules.<id>`), else the rule's own. */
export function toDiagnostic(finding: Finding, locate: Locate, severity: DisplaySeverity = finding.severity): FindingDiagnostic {
  const d = new FindingDiagnostic(rangeOf(finding.line, finding.column, finding.endLine, finding.endColumn), finding, severity);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: finding.ruleId, target: principleCommandUri(finding.principleId) };
  d.relatedInformation = (finding.related ?? []).flatMap((r) => {
    const uri = locate(r.file, r.root);
    return uri ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, new vscode.Position(Math.max(r.line - 1, 0), 0)), plainMessage(r.message))] : [];
  });
  return d;
}

export function principleCommandUri(principleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${COMMANDS.showPrinciple}?${encodeURIComponent(JSON.stringify([principleId]))}`);
}

/** The arguments `COMMANDS.insertScaffold` takes for a fix: `(scaffoldId, variantId)`. */
export function insertScaffoldArguments(fix: FindingFix): [string, string | undefined] {
  return [fix.scaffoldId, fix.variantId];
}

function rangeOf(line: number, column: number, endLine: number, endColumn: number): vscode.Range {
  const start = new vscode.Position(Math.max(line - 1, 0), Math.max(column - 1, 0));
  const end = new vscode.Position(Math.max(endLine - 1, 0), Math.max(endColumn - 1, 0));
  return new vscode.Range(start, end.isBefore(start) ? start : end);
}
