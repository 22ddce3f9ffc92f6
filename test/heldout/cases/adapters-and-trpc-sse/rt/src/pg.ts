import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import { Server } from 'socket.io';

export function attachPg(io: Server): void {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  pool.on('error', (err) => console.error(err));
  io.adapter(createAdapter(pool, { tableName: 'socket_io_attachments' }));
}

export function secondary(): Server {
  const io = new Server();
  attachPg(io);
  io.listen(3101);
  return io;
}
