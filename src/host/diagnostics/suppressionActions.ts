// Quick fixes that silence one finding where the user decided it is fine: a
// `// event-architect-disable-next-line <rule>` comment above the line, or an
// `// event-architect-disable <rule>` comment at the top of the file (see core/rules/suppression.ts).
// The edit is plain text in the open document, undoable; the diagnostics follow on the next evaluation.
import * as vscode from 'vscode';
import { DISABLE_FILE, DISABLE_NEXT_LINE } from '../../core/rules/suppression';
import { DIAGNOSTIC_SOURCE } from './toDiagnostic';

/** Languages whose comments start with `#` (nginx, Caddy, YAML, properties, shell-like configs). */
const HASH_COMMENT_LANGUAGES = new Set(['nginx', 'yaml', 'dockercompose', 'properties', 'caddyfile', 'plaintext', 'shellscript', 'dockerfile']);

export class SuppressionCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || !ruleId) continue;
      actions.push(this.nextLine(document, diagnostic, ruleId), this.wholeFile(document, diagnostic, ruleId));
    }
    return actions;
  }

  private nextLine(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, ruleId: string): vscode.CodeAction {
    const line = document.lineAt(diagnostic.range.start.line);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const action = new vscode.CodeAction(`Suppress ${ruleId} on this line`, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(document.uri, new vscode.Position(line.lineNumber, 0), `${indent}${comment(document, `${DISABLE_NEXT_LINE} ${ruleId}`)}${eol(document)}`);
    action.diagnostics = [diagnostic];
    return action;
  }

  private wholeFile(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, ruleId: string): vscode.CodeAction {
    const action = new vscode.CodeAction(`Suppress ${ruleId} in this file`, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    // After a shebang and 'use client'/'use strict' directives, which must stay first.
    let line = 0;
    while (line < document.lineCount && /^(#!|\s*['"]use [\w ]+['"];?\s*$)/.test(document.lineAt(line).text)) line++;
    action.edit.insert(document.uri, new vscode.Position(line, 0), `${comment(document, `${DISABLE_FILE} ${ruleId}`)}${eol(document)}`);
    action.diagnostics = [diagnostic];
    return action;
  }
}

function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  const value = typeof code === 'object' ? code.value : code;
  return typeof value === 'string' && /^[a-z0-9-]+$/.test(value) ? value : undefined;
}

function comment(document: vscode.TextDocument, text: string): string {
  const hash = HASH_COMMENT_LANGUAGES.has(document.languageId) || /\.(conf|ya?ml)$|Caddyfile/.test(document.uri.path);
  return hash ? `# ${text}` : `// ${text}`;
}

function eol(document: vscode.TextDocument): string {
  return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}
