// "Go to Consumers" / "Go to Producers": from the publish, subscribe, emit or handler under the cursor to
// the other side of its channel, across services. The pick lists each location with its service (the
// reason to cross a message boundary is usually to land in another service); Enter opens it.
import * as vscode from 'vscode';
import type { Detection } from '../../core/analysis/types';
import { channelNoun, type FlowGraph } from '../../core/navigation';
import { COMMANDS } from '../ids';
import type { Logger } from '../logger';
import type { NavigationModel } from './navigationModel';

type Side = 'consumers' | 'producers';

interface CounterpartItem extends vscode.QuickPickItem {
  readonly location: vscode.Location;
}

/** Arguments the commands accept from other callers (CodeLens, tests): a document and a position. */
export interface CounterpartArgs {
  uri: vscode.Uri;
  position: vscode.Position;
}

export function registerGoToCounterparts(model: NavigationModel, logger: Logger): vscode.Disposable[] {
  const run = (side: Side) => async (args?: CounterpartArgs) => {
    try {
      return await goTo(model, side, args);
    } catch (error) {
      logger.error(`Go to ${side} failed`, error);
      void vscode.window.showErrorMessage(`Event Architect: Go to ${side} failed (see the log).`);
      return undefined;
    }
  };
  return [
    vscode.commands.registerCommand(COMMANDS.goToConsumers, run('consumers')),
    vscode.commands.registerCommand(COMMANDS.goToProducers, run('producers')),
    vscode.commands.registerCommand(COMMANDS.peekCounterparts, (id: unknown) => peek(model, typeof id === 'string' ? id : undefined)),
  ];
}

/** Where the command starts: the given position, else the active editor's cursor. */
function origin(args: CounterpartArgs | undefined): CounterpartArgs | undefined {
  if (args?.uri instanceof vscode.Uri && args.position instanceof vscode.Position) return args;
  const editor = vscode.window.activeTextEditor;
  return editor ? { uri: editor.document.uri, position: editor.selection.active } : undefined;
}

async function goTo(model: NavigationModel, side: Side, args: CounterpartArgs | undefined): Promise<vscode.Location | undefined> {
  const from = origin(args);
  if (!from) {
    void vscode.window.showInformationMessage('Event Architect: open a file and place the cursor on a publish, subscribe, emit or handler.');
    return undefined;
  }
  const graph = await model.ready();
  const detection = graph && model.detectionAt(graph, from.uri, from.position, false);
  if (!graph || !detection) {
    void vscode.window.showInformationMessage('Event Architect: no publish, subscribe, emit or handler at the cursor.');
    return undefined;
  }
  const sides = graph.counterparts(detection);
  const others = (side === 'consumers' ? sides.consumers : sides.producers).filter((d) => d.id !== detection.id);
  const what = detection.channel === null ? 'this channel' : `${channelNoun(detection.broker)} ${detection.channel}`;
  if (others.length === 0) {
    const message = detection.channel === null
      ? `Event Architect: the channel here is computed at run time, so its ${side} cannot be found statically.`
      : `Event Architect: no ${side === 'consumers' ? 'consumer' : 'producer'} of ${what} in this workspace.`;
    void vscode.window.showInformationMessage(message);
    return undefined;
  }
  const items = others.flatMap((d) => itemOf(model, graph, d));
  const picked = await vscode.window.showQuickPick(items, {
    title: `${side === 'consumers' ? 'Consumers' : 'Producers'} of ${what}`,
    placeHolder: `${items.length} ${items.length === 1 ? side.slice(0, -1) : side}: pick one to open`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  await vscode.window.showTextDocument(picked.location.uri, { selection: new vscode.Range(picked.location.range.start, picked.location.range.start) });
  return picked.location;
}

function itemOf(model: NavigationModel, graph: FlowGraph, d: Detection): CounterpartItem[] {
  const location = model.locationOf(graph, d);
  if (!location) return [];
  return [
    {
      label: d.service,
      description: `${d.file}:${d.line}`,
      detail: d.enclosingFunction ? `${d.snippet} — in ${d.enclosingFunction}` : d.snippet,
      iconPath: new vscode.ThemeIcon(d.role === 'producer' || d.role === 'server' ? 'arrow-up' : 'arrow-down'),
      location,
    },
  ];
}

/** The CodeLens click: both sides of the detection's flows in the peek view, its own place first. */
async function peek(model: NavigationModel, id: string | undefined): Promise<void> {
  const graph = model.current();
  const detection = id === undefined ? undefined : graph?.detection(id);
  if (!graph || !detection) return;
  const sides = graph.counterparts(detection);
  const others = [...sides.producers, ...sides.consumers].filter((d) => d.id !== detection.id);
  const locations = others.flatMap((d) => model.locationOf(graph, d) ?? []);
  const uri = model.uriOf(graph, detection);
  if (!uri) return;
  await vscode.commands.executeCommand('editor.action.peekLocations', uri, model.rangeOf(detection).start, locations, 'peek');
}
