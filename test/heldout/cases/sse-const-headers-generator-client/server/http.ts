import { createServer, type ServerResponse } from 'node:http';

const SSE_HEADERS = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
} as const;

function startStream(res: ServerResponse): (event: string, data: unknown) => void {
  res.writeHead(200, SSE_HEADERS);
  return (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

async function* fakeCompletion(prompt: string): AsyncGenerator<string> {
  for (const word of `echo: ${prompt}`.split(' ')) {
    await new Promise((r) => setTimeout(r, 50));
    yield `${word} `;
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/v1/complete' && req.method === 'GET') {
    const send = startStream(res);
    for await (const token of fakeCompletion(url.searchParams.get('q') ?? '')) send('token', token);
    send('done', {});
    res.end();
    return;
  }
  if (url.pathname === '/v1/health') {
    res.setHeader('Content-Type', 'application/json');
    res.end('{"ok":true}');
    return;
  }
  res.statusCode = 404;
  res.end();
}).listen(8787);
