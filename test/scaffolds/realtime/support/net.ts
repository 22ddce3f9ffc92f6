// Loopback ports for the servers and proxies each test starts itself.
import { createConnection, createServer } from 'node:net';
import { waitFor } from '../../harness/index';

/** A port the OS just handed out and released; good enough for processes we start a moment later. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function waitForPort(port: number, what: string, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => canConnect(port), (open) => open, { timeoutMs, intervalMs: 50, message: `${what} did not listen on ${port}` });
}
