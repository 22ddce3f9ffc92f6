// Every id the manifest (package.json › contributes) and the code share, in one typed place.
// test/unit/host/manifest.test.ts checks this module against package.json in both directions.

export const EXTENSION_ID = 'event-architect.event-architect';

export const CONTAINER_ID = 'eventArchitect';

export const VIEWS = {
  principles: 'eventArchitect.principles',
  architecture: 'eventArchitect.architecture',
  flows: 'eventArchitect.flows',
} as const;

export const COMMANDS = {
  showPrinciple: 'eventArchitect.showPrinciple',
  openArchitectureView: 'eventArchitect.openArchitectureView',
  reindex: 'eventArchitect.reindex',
  showFlowDiagram: 'eventArchitect.showFlowDiagram',
  openFlowDiagram: 'eventArchitect.openFlowDiagram',
  openDecisionTree: 'eventArchitect.openDecisionTree',
  insertScaffold: 'eventArchitect.insertScaffold',
  showLog: 'eventArchitect.showLog',
  exportAsyncApi: 'eventArchitect.exportAsyncApi',
  /** Internal: opens a detection's location from the Event Flows tree; hidden from the palette. */
  openLocation: 'eventArchitect.openLocation',
  goToConsumers: 'eventArchitect.goToConsumers',
  goToProducers: 'eventArchitect.goToProducers',
  /** Internal: a CodeLens click peeks at both sides of a detection's channel; hidden from the palette. */
  peekCounterparts: 'eventArchitect.peekCounterparts',
} as const;

/** The Flow Diagram editor panel's type, restored after a reload by its serializer. */
export const FLOW_DIAGRAM_PANEL = 'eventArchitect.flowDiagram';

export const SETTINGS = {
  section: 'eventArchitect',
  exclude: 'eventArchitect.index.exclude',
  maxFileSize: 'eventArchitect.index.maxFileSize',
  /** Start the index after start-up when a package.json names a library we detect (diagnostics without the side bar). */
  indexOnStartup: 'eventArchitect.index.startAfterStartup',
  codeLens: 'eventArchitect.codeLens.enabled',
} as const;

/** `eventArchitect.rules.<id>`: off / hint / information / warning / error / default, per folder. */
export const RULE_SETTING_PREFIX = 'eventArchitect.rules';

export function ruleSetting(ruleId: string): string {
  return `${RULE_SETTING_PREFIX}.${ruleId}`;
}

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
export type ViewId = (typeof VIEWS)[keyof typeof VIEWS];
