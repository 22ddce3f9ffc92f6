import * as vscode from 'vscode';
import { PRINCIPLES, isPrincipleId } from '../../core/principles';
import type { PrincipleId } from '../../core/principles';
import { COMMANDS } from '../ids';
import type { Services } from '../services';

interface PrinciplePick extends vscode.QuickPickItem {
  id: PrincipleId;
}

/** "Event Architect: Show Principle…": with an id (tree clicks, links) opens it; without, asks. */
export function registerShowPrinciple(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.showPrinciple, async (id?: unknown) => {
    let target: PrincipleId | undefined = isPrincipleId(id) ? id : undefined;
    if (!target) {
      const picks: PrinciplePick[] = PRINCIPLES.map((p) => ({ id: p.id, label: p.title, description: p.area, detail: p.summary }));
      const picked = await vscode.window.showQuickPick(picks, {
        title: 'Event Architect: Show Principle',
        placeHolder: 'Choose a principle to read',
        matchOnDescription: true,
        matchOnDetail: true,
      });
      target = picked?.id;
    }
    if (target) await services.architecture.show({ kind: 'principle', id: target });
  });
}
