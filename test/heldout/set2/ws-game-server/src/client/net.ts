import type { ClientMessage, ServerMessage } from '../server/protocol';

export function openConnection(onMessage: (m: ServerMessage) => void): (m: ClientMessage) => void {
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/arena`);
  const pending: string[] = [];

  ws.addEventListener('open', () => {
    for (const frame of pending.splice(0)) ws.send(frame);
  });
  ws.addEventListener('message', (event) => onMessage(JSON.parse(event.data as string) as ServerMessage));

  return (message) => {
    const frame = JSON.stringify(message);
    if (ws.readyState === WebSocket.OPEN) ws.send(frame);
    else pending.push(frame);
  };
}
