import * as vscode from 'vscode';
import { DECISION_TREES, isDecisionTreeId } from '../../core/decisions';
import { COMMANDS } from '../ids';
import type { Services } from '../services';

/** "Event Architect: Open Decision Tree…": walks a question tree in the Architecture view. */
export function registerOpenDecisionTree(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openDecisionTree, async (treeId?: unknown) => {
    let target = isDecisionTreeId(treeId) ? treeId : undefined;
    if (!target) {
      const picked = await vscode.window.showQuickPick(
        DECISION_TREES.map((t) => ({ id: t.id, label: t.title, detail: t.description })),
        { title: 'Event Architect: Open Decision Tree', placeHolder: 'Which decision are you making?', matchOnDetail: true },
      );
      target = picked?.id;
    }
    if (target) await services.architecture.show({ kind: 'decision', treeId: target });
  });
}
