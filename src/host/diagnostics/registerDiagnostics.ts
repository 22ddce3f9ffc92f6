// Shows rule findings as diagnostics ("Event Architect" in the Problems view) and offers their quick
// fixes. Findings are recomputed on every index result: deployment files are re-collected, source files
// are read from open editors first (unsaved edits count) and from disk otherwise.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/analysis/types';
import { collectConfigFiles, evaluateRules } from '../../core/rules';
import type { ConfigFile, Finding } from '../../core/rules/types';
import { RULE_SETTING_PREFIX } from '../ids';
import type { Logger } from '../logger';
import { CODE_ACTION_SELECTOR, FindingCodeActionProvider } from './codeActions';
import { toDiagnostic, type FindingDiagnostic } from './toDiagnostic';
import { RuleLevels } from './ruleLevels';
import { SuppressionCodeActionProvider } from './suppressionActions';

export interface DiagnosticsDeps {
  readonly index: { readonly onDidChangeResult: vscode.Event<AnalysisResult>; readonly result: AnalysisResult | undefined };
  readonly logger: Logger;
}

export interface DiagnosticsController {
  readonly collection: vscode.DiagnosticCollection;
  /** The findings currently shown (for tests and for other views). */
  readonly findings: readonly Finding[];
  /** Resolves when the findings for the latest result are shown. */
  readonly settled: Promise<void>;
  /** Fires with each result's findings once they are shown (the decision trees' pre-answers read them). */
  readonly onDidChangeFindings: vscode.Event<FindingsChange>;
}

export interface FindingsChange {
  readonly result: AnalysisResult;
  readonly findings: readonly Finding[];
  readonly configs: readonly ConfigFile[];
}

export const DIAGNOSTIC_COLLECTION = 'eventArchitect';

/**
 * Deployment files the rules read but the index does not analyze (see core/rules/configFiles.ts):
 * a change to one re-evaluates the rules against the last result.
 */
const CONFIG_GLOBS = ['**/*.conf', '**/*.conf.template', '**/Caddyfile*', '**/*.{caddy,caddyfile}', '**/{ecosystem,pm2}*.*', '**/*.{yml,yaml}'];
const CONFIG_DEBOUNCE_MS = 300;

export function registerDiagnostics(deps: DiagnosticsDeps, store: { add<T extends vscode.Disposable>(d: T): T }): DiagnosticsController {
  const collection = store.add(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION));
  const shown = new Map<string, FindingDiagnostic[]>();
  let findings: readonly Finding[] = [];
  let generation = 0;
  let settled: Promise<void> = Promise.resolve();
  const changed = store.add(new vscode.EventEmitter<FindingsChange>());

  // Deployment files change rarely: collect them once per set of roots and again only when a watcher
  // reports a change, not on every keystroke's index update.
  let configCache: { key: string; files: Promise<ConfigFile[]> } | undefined;
  const configsFor = (roots: readonly string[]) => {
    const key = roots.join('\u0000');
    if (configCache?.key !== key) configCache = { key, files: collectConfigFiles(roots) };
    return configCache.files;
  };

  const update = async (result: AnalysisResult, mine: number): Promise<void> => {
    const configs = await configsFor(result.roots);
    if (mine !== generation) return; // a newer result arrived while collecting: it wins
    const next = evaluateRules(result, readWorkspaceFile, configs, {
      onRuleError: (ruleId, error) => deps.logger.error(`Rule ${ruleId} failed`, error),
    });
    const locate = (file: string, root: string | undefined) => {
      const base = root ?? result.roots[0];
      return base ? vscode.Uri.joinPath(vscode.Uri.file(base), file) : undefined;
    };
    const byUri = new Map<string, { uri: vscode.Uri; diagnostics: FindingDiagnostic[] }>();
    // `eventArchitect.rules.<id>` is per folder: read with each finding's own file as the resource.
    const levels = new RuleLevels();
    for (const finding of next) {
      const uri = locate(finding.file, finding.root);
      if (!uri) continue;
      const severity = levels.severityOf(finding, uri);
      if (severity === undefined) continue; // the rule is off for this file's folder
      const entry = byUri.get(uri.toString()) ?? { uri, diagnostics: [] };
      entry.diagnostics.push(toDiagnostic(finding, locate, severity));
      byUri.set(uri.toString(), entry);
    }
    collection.clear();
    shown.clear();
    for (const [key, { uri, diagnostics }] of byUri) {
      collection.set(uri, diagnostics);
      shown.set(key, diagnostics);
    }
    findings = next;
    changed.fire({ result, findings: next, configs });
    deps.logger.debug(`Event Architect: ${next.length} finding(s) in ${byUri.size} file(s)`);
  };

  const onResult = (result: AnalysisResult) => {
    const mine = ++generation;
    settled = update(result, mine).catch((error: unknown) => deps.logger.error('Updating Event Architect diagnostics failed', error));
  };
  store.add(deps.index.onDidChangeResult(onResult));
  if (deps.index.result) onResult(deps.index.result);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const onConfigChange = () => {
    clearTimeout(timer);
    configCache = undefined;
    timer = setTimeout(() => deps.index.result && onResult(deps.index.result), CONFIG_DEBOUNCE_MS);
  };
  for (const glob of CONFIG_GLOBS) {
    const watcher = store.add(vscode.workspace.createFileSystemWatcher(glob));
    for (const event of [watcher.onDidChange, watcher.onDidCreate, watcher.onDidDelete]) store.add(event(onConfigChange));
  }
  store.add({ dispose: () => clearTimeout(timer) });
  // Re-levelling or turning a rule off applies at once, without waiting for the next index result.
  store.add(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(RULE_SETTING_PREFIX) && deps.index.result && onResult(deps.index.result)));

  const lookup = (uri: vscode.Uri, diagnostic: vscode.Diagnostic) =>
    shown.get(uri.toString())?.find((d) => d.range.isEqual(diagnostic.range) && (d.message === diagnostic.message || codeOf(d) === codeOf(diagnostic)))?.finding;
  store.add(vscode.languages.registerCodeActionsProvider(CODE_ACTION_SELECTOR, new FindingCodeActionProvider(lookup, deps.index), FindingCodeActionProvider.metadata));
  store.add(vscode.languages.registerCodeActionsProvider(CODE_ACTION_SELECTOR, new SuppressionCodeActionProvider(), SuppressionCodeActionProvider.metadata));

  return {
    collection,
    get findings() {
      return findings;
    },
    get settled() {
      return settled;
    },
    onDidChangeFindings: changed.event,
  };
}

/** Open editors first (their unsaved text is what the user sees), then the disk. */
function readWorkspaceFile(relPath: string, root: string): string | undefined {
  const abs = path.join(root, relPath);
  const open = vscode.workspace.textDocuments.find((doc) => doc.uri.scheme === 'file' && doc.uri.fsPath === abs);
  if (open) return open.getText();
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

/** The rule id a diagnostic carries (its `code`), to find it again when the editor's copy differs in text. */
function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}
