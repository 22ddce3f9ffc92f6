// Navigation across message boundaries: Go to Consumers/Producers, references, CodeLens, hover and
// channel symbols, all reading the flow graph of the latest index result. None of them starts the index
// (the views, the commands and the start-up check in diagnostics/autoIndex.ts do), so a workspace without
// event flows pays nothing.
import * as vscode from 'vscode';
import type { Logger } from '../logger';
import { ChannelCodeLensProvider } from './codeLensProvider';
import { registerGoToCounterparts } from './goToCounterparts';
import { DetectionHoverProvider } from './hoverProvider';
import { NavigationModel, type NavigationIndex } from './navigationModel';
import { ChannelReferenceProvider } from './referenceProvider';
import { ChannelSymbolProvider } from './symbolProvider';

/** Files the analyzer reads detections from (see core/analysis/discovery). */
export const NAVIGATION_SELECTOR: vscode.DocumentSelector = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'vue', 'svelte'].map((language) => ({
  language,
  scheme: 'file',
}));

/** Context key for the editor menu's Go to Consumers/Producers: true once the index has flows. */
const HAS_FLOWS_CONTEXT = 'eventArchitect.hasFlows';

export function registerNavigation(deps: { index: NavigationIndex; logger: Logger }, store: { add<T extends vscode.Disposable>(d: T): T }): NavigationModel {
  const model = store.add(new NavigationModel(deps.index));
  for (const d of registerGoToCounterparts(model, deps.logger)) store.add(d);
  store.add(vscode.languages.registerReferenceProvider(NAVIGATION_SELECTOR, new ChannelReferenceProvider(model)));
  const lenses = store.add(new ChannelCodeLensProvider(model));
  store.add(vscode.languages.registerCodeLensProvider(NAVIGATION_SELECTOR, lenses));
  store.add(vscode.languages.registerHoverProvider(NAVIGATION_SELECTOR, new DetectionHoverProvider(model)));
  store.add(vscode.languages.registerWorkspaceSymbolProvider(new ChannelSymbolProvider(model)));
  store.add(model.onDidChange(() => void vscode.commands.executeCommand('setContext', HAS_FLOWS_CONTEXT, (deps.index.result?.flows.length ?? 0) > 0)));
  return model;
}
