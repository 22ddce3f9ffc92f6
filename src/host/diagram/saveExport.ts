import * as vscode from 'vscode';
import type { DiagramExportFormat } from '../../protocol/diagramMessages';
import type { Logger } from '../logger';

const FORMATS: Record<DiagramExportFormat, { extension: string; label: string }> = {
  svg: { extension: 'svg', label: 'SVG image' },
  png: { extension: 'png', label: 'PNG image' },
  markdown: { extension: 'md', label: 'Markdown' },
};

const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/;

/** The bytes to write, or null when the webview sent something that is not what the format promises. */
export function exportBytes(format: DiagramExportFormat, data: string): Uint8Array | null {
  if (format === 'png') {
    const m = PNG_DATA_URL.exec(data);
    return m?.[1] ? Buffer.from(m[1], 'base64') : null;
  }
  if (format === 'svg' && !/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(data)) return null;
  return Buffer.from(data, 'utf8');
}

/** Asks where to save (a file in the first folder by default) and writes the export there. */
export async function saveDiagramExport(format: DiagramExportFormat, data: string, logger: Logger): Promise<void> {
  const bytes = exportBytes(format, data);
  const { extension, label } = FORMATS[format];
  if (!bytes) {
    logger.warn(`Flow Diagram: ignored a malformed ${label} export`);
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: `Save the flow diagram as ${label}`,
    saveLabel: 'Save',
    filters: { [label]: [extension] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `flow-diagram.${extension}`) } : {}),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, bytes);
  logger.info(`Flow Diagram saved as ${target.toString()}`);
  void vscode.window.showInformationMessage(`Event Architect: flow diagram saved to ${vscode.workspace.asRelativePath(target)}.`);
}
