import type { DisposableStore } from '../util/disposableStore';
import type { Services } from '../services';
import { registerOpenArchitectureView } from './openArchitectureView';
import { registerOpenDecisionTree } from './openDecisionTree';
import { registerOpenLocation } from './openLocation';
import { registerReindex } from './reindex';
import { registerOpenFlowDiagram, registerShowFlowDiagram } from './showFlowDiagram';
import { registerShowLog } from './showLog';
import { registerShowPrinciple } from './showPrinciple';
import { registerInsertScaffold } from './insertScaffold';
import { registerExportAsyncApi } from './exportAsyncApi';

/** One line per command; each command lives in its own file. */
export function registerCommands(services: Services, store: DisposableStore): void {
  store.add(registerShowPrinciple(services));
  store.add(registerOpenArchitectureView(services));
  store.add(registerReindex(services));
  store.add(registerShowFlowDiagram(services));
  store.add(registerOpenFlowDiagram(services));
  store.add(registerOpenDecisionTree(services));
  store.add(registerInsertScaffold(services));
  store.add(registerShowLog(services));
  store.add(registerOpenLocation(services));
  store.add(registerExportAsyncApi(services));
}
