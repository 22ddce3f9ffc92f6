import type { Server, Socket } from 'socket.io';
import pg from 'pg';
import { BID_PLACED, BID_REJECTED, LOT_CLOSED, PLACE_BID } from '../events.js';

const pool = new pg.Pool();

export function registerBidding(io: Server, socket: Socket): void {
  socket.on(PLACE_BID, async ({ lotId, cents }: { lotId: string; cents: number }) => {
    const { rowCount } = await pool.query(
      'UPDATE lots SET high_bid = $2, high_bidder = $3 WHERE id = $1 AND high_bid < $2 AND open',
      [lotId, cents, socket.id],
    );
    if (rowCount === 0) {
      socket.emit(BID_REJECTED, { lotId });
      return;
    }
    io.to(`lot:${lotId}`).emit(BID_PLACED, { lotId, cents });
  });

  socket.on('lot:follow', (lotId: string) => socket.join(`lot:${lotId}`));
}

export async function closeLot(io: Server, lotId: string): Promise<void> {
  await pool.query('UPDATE lots SET open = false WHERE id = $1', [lotId]);
  io.to(`lot:${lotId}`).emit(LOT_CLOSED, { lotId });
}
