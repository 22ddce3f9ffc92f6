// The data the Chromium smoke check sends as the host would: the real principle catalog and a flow graph
// rendered to Mermaid by the core renderer the CLI and the extension share.
import type { Broker, Detection, DetectionKind, Flow, Role } from '../../../src/core/analysis/types';
import { PRINCIPLES } from '../../../src/core/principles/catalog';
import { renderFlowMermaid } from '../../../src/core/render/mermaid';
import type { DetectionSummary, WebviewSnapshot } from '../../../src/protocol/messages';

function detection(service: string, file: string, line: number, kind: DetectionKind, broker: Broker, role: Role, library: string, channel: string, fn: string | null): Detection {
  return {
    id: `${file}:${line}:5:${kind}`,
    kind,
    library,
    broker,
    role,
    channel,
    channelIsPattern: false,
    file,
    root: 0,
    enclosingFunction: fn,
    service,
    snippet: `${kind} ${channel}`,
    line,
    column: 5,
    endLine: line,
    endColumn: 30,
  };
}

const detections: Detection[] = [
  detection('orders', 'src/orders/service.ts', 42, 'kafka.produce', 'kafka', 'producer', 'kafkajs', 'orders.created', 'OrdersService.create'),
  detection('billing', 'src/billing/consumer.ts', 17, 'kafka.consume', 'kafka', 'consumer', 'kafkajs', 'orders.created', 'onOrderCreated'),
  detection('gateway', 'src/gateway/socket.ts', 8, 'ws.emit', 'socket.io', 'producer', 'socket.io', 'order:update', 'notify'),
  detection('web', 'src/live.ts', 3, 'ws.on', 'socket.io', 'consumer', 'socket.io-client', 'order:update', null),
];

const flows: Flow[] = [
  { id: 'kafka:orders.created', broker: 'kafka', channel: 'orders.created', producers: [detections[0]!.id], consumers: [detections[1]!.id] },
  { id: 'socket.io:order:update', broker: 'socket.io', channel: 'order:update', producers: [detections[2]!.id], consumers: [detections[3]!.id] },
];

function summary(d: Detection): DetectionSummary {
  return {
    id: d.id,
    kind: d.kind,
    library: d.library,
    channel: d.channel,
    service: d.service,
    file: d.file,
    line: d.line,
    enclosingFunction: d.enclosingFunction,
    location: { uri: `file:///srv/shop/${d.service}/${d.file}`, line: d.line, column: d.column },
  };
}

export const smokeSnapshot: WebviewSnapshot = {
  principles: [...PRINCIPLES],
  page: { kind: 'flows' },
  graph: { flows, detections: detections.map(summary), mermaid: renderFlowMermaid({ detections, flows }).source },
  index: { state: 'ready', files: 4, detections: detections.length, flows: flows.length, durationMs: 12 },
  decisions: {},
};

export const smokeProducerLocation = summary(detections[0]!).location;
