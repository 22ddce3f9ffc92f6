import { createSocket } from 'node:dgram';
import { createServer, connect, type Socket } from 'node:net';
import fastq from 'fastq';
import nodemailer from 'nodemailer';

// Syslog over UDP: a datagram socket, not a WebSocket.
const udp = createSocket('udp4');
udp.on('message', (msg, rinfo) => console.log(`${rinfo.address}: ${msg.toString()}`));
udp.bind(5514);

export function forward(line: string): void {
  udp.send(Buffer.from(line), 514, 'logs.internal');
}

// Line-based TCP control port.
const control = createServer((socket: Socket) => {
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    if (chunk.trim() === 'ping') socket.write('pong\n');
  });
  socket.on('end', () => socket.end());
  socket.on('error', () => socket.destroy());
});
control.on('connection', (socket) => console.log('control client', socket.remoteAddress));
control.listen(7070);

export function probe(host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = connect(22, host, () => {
      s.end();
      resolve();
    });
    s.on('error', reject);
  });
}

const uploads = fastq.promise(async (file: string) => {
  console.log('uploading', file);
}, 2);

export async function enqueueUpload(file: string): Promise<void> {
  await uploads.push(file);
}

const mailer = nodemailer.createTransport({ host: 'smtp.internal', port: 25 });

export async function alert(text: string): Promise<void> {
  await mailer.sendMail({ to: 'ops@example.com', subject: 'edge alert', text });
}

if (typeof BroadcastChannel !== 'undefined') {
  const tabs = new BroadcastChannel('edge-ui');
  tabs.postMessage({ type: 'hello' });
  tabs.onmessage = (event) => console.log(event.data);
}
