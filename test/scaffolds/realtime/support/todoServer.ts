// A small real HTTP backend for the optimistic-update proof: a todo list with per-item PATCH latency and
// failure switches, counting every list fetch.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Todo {
  id: string;
  title: string;
  done: boolean;
}

export interface TodoServer {
  baseUrl: string;
  todos: Todo[];
  listFetches: number;
  /** Per item id: answer PATCH after this many ms, and fail with 500 instead of applying when `fail`. */
  behaviour: Map<string, { delayMs: number; fail: boolean }>;
  close(): Promise<void>;
}

export async function startTodoServer(initial: readonly Todo[]): Promise<TodoServer> {
  const state: TodoServer = {
    baseUrl: '',
    todos: initial.map((t) => ({ ...t })),
    listFetches: 0,
    behaviour: new Map(),
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/api/todos') {
      state.listFetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(state.todos));
      return;
    }
    const match = /^\/api\/todos\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'PATCH' && match) {
      const id = decodeURIComponent(match[1] ?? '');
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const behaviour = state.behaviour.get(id) ?? { delayMs: 0, fail: false };
        setTimeout(() => {
          const index = state.todos.findIndex((t) => t.id === id);
          if (behaviour.fail || index === -1) {
            res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"rejected"}');
            return;
          }
          const updated = { ...state.todos[index]!, ...(JSON.parse(body) as Partial<Todo>), id };
          state.todos[index] = updated;
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(updated));
        }, behaviour.delayMs);
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
