import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import { registerBidding } from './bidding.js';

// Single-process deployments fan out through Postgres NOTIFY instead of the cluster adapter.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
await pool.query(`CREATE TABLE IF NOT EXISTS socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)`);

const io = new Server({ adapter: createAdapter(pool, { tableName: 'socket_io_attachments' }) });
io.on('connection', (socket) => registerBidding(io, socket));
io.listen(3001);
