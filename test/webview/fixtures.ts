// Realistic host data for the webview tests: the real principle catalog and a small flow graph shaped
// like the analyzer's output for an orders service (Kafka topic, socket.io event, one unresolved id).
import { act } from '@testing-library/react';
import { PRINCIPLES } from '../../src/core/principles/catalog';
import type { DetectionSummary, FlowGraphSnapshot, HostMessage, IndexStatus, WebviewPage, WebviewSnapshot } from '../../src/protocol/messages';

function detection(file: string, line: number, kind: string, library: string, channel: string, fn: string | null): DetectionSummary {
  return {
    id: `${file}:${line}:5:${kind}`,
    kind,
    library,
    channel,
    service: 'orders',
    file,
    line,
    enclosingFunction: fn,
    location: { uri: `file:///srv/orders/${file}`, line, column: 5 },
  };
}

export const producer = detection('src/orders/service.ts', 42, 'kafka.produce', 'kafkajs', 'orders.created', 'OrdersService.create');
export const consumer = detection('src/billing/consumer.ts', 17, 'kafka.consume', 'kafkajs', 'orders.created', null);
export const emitter = detection('src/gateway/socket.ts', 8, 'ws.emit', 'socket.io', 'order:update', 'notify');

export const graph: FlowGraphSnapshot = {
  flows: [
    { id: 'kafka:orders.created', broker: 'kafka', channel: 'orders.created', producers: [producer.id], consumers: [consumer.id] },
    { id: 'socket.io:order:update', broker: 'socket.io', channel: 'order:update', producers: [emitter.id], consumers: ['web/src/live.ts:3:1:ws.on'] },
  ],
  detections: [producer, consumer, emitter],
  mermaid: 'flowchart LR\n  p1["OrdersService.create"] -->|orders.created| c1["billing consumer"]',
};

export const readyIndex: IndexStatus = { state: 'ready', files: 120, detections: 3, flows: 2, durationMs: 850 };

export function snapshot(page: WebviewPage, overrides: Partial<WebviewSnapshot> = {}): WebviewSnapshot {
  return { principles: [...PRINCIPLES], page, graph: null, index: { state: 'idle' }, decisions: {}, ...overrides };
}

/** Delivers a message the way the host does: a `message` event on the webview's window. */
export function fromHost(message: HostMessage | unknown): void {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data: message }));
  });
}
