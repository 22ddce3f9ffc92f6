import * as vscode from 'vscode';
import { DECISION_TREES, preAnswerTree } from '../../core/decisions';
import type { DecisionFacts } from '../../core/decisions';
import type { DecisionsSnapshot } from '../../protocol/messages';

/**
 * The core's pre-answers of every tree, with each evidence turned into a location the webview can ask the
 * host to open (the host made the uri; the webview never names files itself).
 */
export function toDecisionsSnapshot(facts: DecisionFacts): DecisionsSnapshot {
  const out: DecisionsSnapshot = {};
  for (const tree of DECISION_TREES) {
    const pre = preAnswerTree(tree, facts);
    const entries = Object.entries(pre);
    if (entries.length === 0) continue;
    out[tree.id] = Object.fromEntries(
      entries.map(([key, answer]) => [
        key,
        {
          next: answer.next,
          reason: answer.reason,
          ...(answer.caveat !== undefined ? { caveat: answer.caveat } : {}),
          evidence: answer.evidence.map((e) => ({
            text: e.text,
            file: e.file,
            line: e.line,
            location: { uri: vscode.Uri.joinPath(vscode.Uri.file(e.root), e.file).toString(), line: e.line, column: Math.max(1, e.column) },
          })),
        },
      ]),
    );
  }
  return out;
}
