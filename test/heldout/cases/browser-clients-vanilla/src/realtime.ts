import { io, type Socket } from 'socket.io-client';
import { CURSOR_WS } from './config';

export class BoardConnection {
  private socket: Socket | null = null;
  private cursors?: WebSocket;

  connect(boardId: string, token: string): void {
    this.socket = io({ path: '/board-rt', auth: { token }, transports: ['websocket'] });
    this.socket.on('connect', () => this.socket?.emit('board:join', boardId));
    this.socket.io.on('reconnect', (attempt) => console.info('reconnected after', attempt));
    this.socket.on('card:moved', (card: { id: string; column: string }) => this.render(card));
    this.socket.on('disconnect', (reason) => console.warn('board socket', reason));

    this.cursors = new WebSocket(CURSOR_WS);
    this.cursors.onopen = () => this.cursors?.send(JSON.stringify({ boardId }));
    window.addEventListener('mousemove', (e) => this.moveCursor(e.clientX, e.clientY));
  }

  async moveCard(id: string, column: string): Promise<boolean> {
    const res = await this.socket?.timeout(4000).emitWithAck('card:move', { id, column });
    return Boolean(res?.ok);
  }

  private moveCursor(x: number, y: number): void {
    if (this.cursors?.readyState === WebSocket.OPEN) this.cursors.send(`${x},${y}`);
  }

  private render(card: { id: string; column: string }): void {
    document.getElementById(card.id)?.setAttribute('data-column', card.column);
  }

  close(): void {
    this.socket?.off('card:moved');
    this.socket?.disconnect();
    this.cursors?.close();
  }
}
