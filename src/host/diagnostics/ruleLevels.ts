// `eventArchitect.rules.<id>` (scope: resource): read with the finding's file as the resource, so a
// folder's .vscode/settings.json can turn a rule off or re-level it for that folder only. One
// configuration object per workspace folder per evaluation keeps this cheap for thousands of findings.
import * as vscode from 'vscode';
import { displaySeverity, type DisplaySeverity } from '../../core/rules/levels';
import type { Finding } from '../../core/rules/types';
import { SETTINGS } from '../ids';

export class RuleLevels {
  private readonly configs = new Map<string, vscode.WorkspaceConfiguration>();

  /** The severity to show, or undefined when the rule is off where the file lives. */
  severityOf(finding: Finding, uri: vscode.Uri): DisplaySeverity | undefined {
    return displaySeverity(finding.severity, this.configFor(uri).get<unknown>(`rules.${finding.ruleId}`));
  }

  private configFor(uri: vscode.Uri): vscode.WorkspaceConfiguration {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    // Files outside every folder still get the user and workspace values (the resource decides nothing).
    const key = folder?.uri.toString() ?? '';
    let config = this.configs.get(key);
    if (!config) {
      config = vscode.workspace.getConfiguration(SETTINGS.section, folder?.uri ?? uri);
      this.configs.set(key, config);
    }
    return config;
  }
}
