import net from 'node:net';
import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';
import { request } from 'undici';

const db = new Database('metrics.db');
const insert = db.prepare('INSERT INTO samples (name, value, ts) VALUES (?, ?, ?)');

export const samples = new EventEmitter();

export const server = net.createServer((socket) => {
  socket.setEncoding('utf8');
  let buf = '';
  socket.on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const [name, value] = buf.slice(0, nl).split(' ');
      buf = buf.slice(nl + 1);
      insert.run(name, Number(value), Date.now());
      samples.emit('sample', { name, value: Number(value) });
      socket.write('ok\n');
    }
  });
  socket.on('end', () => socket.end());
  socket.on('error', () => socket.destroy());
});

export async function forwardThreshold(name: string, value: number): Promise<void> {
  insert.run(`${name}.alert`, value, Date.now());
  await request(process.env.ALERT_WEBHOOK!, { method: 'POST', body: JSON.stringify({ name, value }) });
}
