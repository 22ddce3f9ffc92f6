export function openBoard(boardId, onOp) {
  const proto = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${proto}://${location.host}/boards/${boardId}`);
  socket.addEventListener('message', (ev) => onOp(JSON.parse(ev.data)));
  return {
    draw(stroke) {
      socket.send(JSON.stringify({ type: 'stroke', stroke }));
    },
    close: () => socket.close(),
  };
}
