// Restricted Mode: the extension reads and analyzes untrusted workspaces (package.json declares
// `untrustedWorkspaces: supported`), but whatever writes files — scaffolds and the fixes that insert
// them — asks for trust first instead of writing.
import * as vscode from 'vscode';

const MANAGE_TRUST = 'Manage Workspace Trust';

/** True when the workspace is trusted; otherwise says why the action waits and offers the trust editor. */
export async function ensureTrusted(action: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const choice = await vscode.window.showWarningMessage(
    `Event Architect: ${action} writes files, which Restricted Mode does not allow. Trust this workspace to continue.`,
    { modal: true },
    MANAGE_TRUST,
  );
  if (choice === MANAGE_TRUST) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}
