// Narrows what arrives on `window.message` to the host's message union. The host is our own code and typed
// at compile time, but other frames and extensions' dev tools can post too, so the shape is checked.
import type { HostMessage } from '../../src/protocol/messages';

const HOST_TYPES = new Set<string>(['snapshot', 'navigate', 'graph', 'indexStatus', 'decisions']);

export function asHostMessage(data: unknown): HostMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const type = (data as { type?: unknown }).type;
  if (typeof type !== 'string' || !HOST_TYPES.has(type)) return null;
  const message = data as HostMessage;
  switch (message.type) {
    case 'snapshot':
      return typeof message.snapshot === 'object' && message.snapshot !== null && Array.isArray(message.snapshot.principles)
        ? message
        : null;
    case 'navigate':
      return typeof message.page === 'object' && message.page !== null ? message : null;
    case 'graph':
      return message.graph === null || (typeof message.graph === 'object' && Array.isArray(message.graph.flows)) ? message : null;
    case 'indexStatus':
      return typeof message.status === 'object' && message.status !== null ? message : null;
    case 'decisions':
      return typeof message.decisions === 'object' && message.decisions !== null && !Array.isArray(message.decisions) ? message : null;
  }
}
