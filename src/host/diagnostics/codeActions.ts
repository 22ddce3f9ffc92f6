// Quick fixes for Event Architect diagnostics: one "Insert scaffold" action per fix of the finding,
// then "Show principle: <title>". Actions only run commands; the Insert Scaffold command writes files.
import * as vscode from 'vscode';
import { getPrinciple } from '../../core/principles';
import { COMMANDS } from '../ids';
import type { Finding } from '../../core/rules/types';
import { DIAGNOSTIC_SOURCE, insertScaffoldArguments } from './toDiagnostic';

/** Finds the finding behind a diagnostic of ours (VS Code may hand providers copies, not our objects). */
export type FindingLookup = (uri: vscode.Uri, diagnostic: vscode.Diagnostic) => Finding | undefined;

/**
 * Findings live in TypeScript/JavaScript (plain and React) files and in nginx configs, which VS Code
 * may open as `nginx` (with an nginx extension), `properties` or `plaintext`; the `.conf` pattern covers
 * the rest. Registering for these only keeps the provider out of unrelated editors.
 */
export const CODE_ACTION_SELECTOR: vscode.DocumentSelector = [
  ...['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'nginx', 'plaintext', 'properties'].map((language) => ({ language, scheme: 'file' })),
  { scheme: 'file', pattern: '**/*.conf' },
];

export class FindingCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly lookup: FindingLookup) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = this.lookup(document.uri, diagnostic);
      if (!finding) continue;
      finding.fixes.forEach((fix, i) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.command = { command: COMMANDS.insertScaffold, title: fix.title, arguments: insertScaffoldArguments(fix) };
        action.diagnostics = [diagnostic];
        action.isPreferred = i === 0;
        actions.push(action);
      });
      const principle = getPrinciple(finding.principleId);
      const show = new vscode.CodeAction(`Show principle: ${principle.title}`, vscode.CodeActionKind.QuickFix);
      show.command = { command: COMMANDS.showPrinciple, title: show.title, arguments: [finding.principleId] };
      show.diagnostics = [diagnostic];
      actions.push(show);
    }
    return actions;
  }
}
