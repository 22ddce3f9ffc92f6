// Quick fixes for Event Architect diagnostics: the fix that edits the flagged code when the rule has one
// and it applies here; otherwise one "Insert scaffold" action per scaffold of the finding, anchored to the
// flagged file and pre-filled from the detection; then "Show principle: <title>".
import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/analysis/types';
import { FIX_TITLES, planFix } from '../../core/fixes';
import { getPrinciple } from '../../core/principles';
import { prefillParameters } from '../../core/scaffolds/fit';
import { getScaffold } from '../../core/scaffolds/registry';
import type { Finding } from '../../core/rules/types';
import { APPLY_FIX_COMMAND, type InsertScaffoldOptions } from '../commands/insertScaffold';
import { COMMANDS } from '../ids';
import { editorFs } from '../scaffolds/changeSetEdit';
import { DIAGNOSTIC_SOURCE } from './toDiagnostic';

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

  /** `index` gives the analysis the code fixes are planned against (absent: scaffold actions only). */
  constructor(
    private readonly lookup: FindingLookup,
    private readonly index?: { readonly result: AnalysisResult | undefined },
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = this.lookup(document.uri, diagnostic);
      if (!finding) continue;
      const codeFix = this.codeFixFor(finding, `${document.uri.toString()}#${document.version}`);
      if (codeFix) {
        const action = new vscode.CodeAction(codeFix, vscode.CodeActionKind.QuickFix);
        action.command = { command: APPLY_FIX_COMMAND, title: codeFix, arguments: [finding] };
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      const result = this.index?.result;
      const service = result?.detections.find((d) => d.file === finding.file && d.line === finding.line && result.roots[d.root] === finding.root)?.service;
      // A code fix that applies here makes the finding go away; the scaffold insertions would only add
      // files beside the flagged code, so they stay in the Insert Scaffold command for this finding.
      if (!codeFix) finding.fixes.forEach((fix, i) => {
        const scaffold = getScaffold(fix.scaffoldId);
        const options: InsertScaffoldOptions = {
          anchor: document.uri.fsPath,
          ...(scaffold ? { params: prefillParameters(scaffold, result, service, result?.detections.find((d) => d.file === finding.file && d.line === finding.line)) } : {}),
        };
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.command = { command: COMMANDS.insertScaffold, title: fix.title, arguments: [fix.scaffoldId, fix.variantId, options] };
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

  /** Titles planned per analysis result and document version: the lightbulb asks on every cursor move. */
  private readonly planned = new WeakMap<AnalysisResult, Map<string, string | undefined>>();

  /** The code fix's title when it plans cleanly against the current text; undefined otherwise. */
  private codeFixFor(finding: Finding, version: string): string | undefined {
    const result = this.index?.result;
    if (!result || !FIX_TITLES[finding.ruleId]) return undefined;
    const cache = this.planned.get(result) ?? new Map<string, string | undefined>();
    this.planned.set(result, cache);
    const key = `${version}#${finding.ruleId}:${finding.line}:${finding.column}`;
    if (cache.has(key)) return cache.get(key);
    let title: string | undefined;
    try {
      const planned = planFix(finding, { fs: editorFs(), result, now: new Date() });
      title = planned.ok && planned.set.changes.length > 0 ? planned.set.title : undefined;
    } catch {
      title = undefined;
    }
    if (cache.size > 200) cache.clear();
    cache.set(key, title);
    return title;
  }
}
