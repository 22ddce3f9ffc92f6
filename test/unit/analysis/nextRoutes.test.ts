import { describe, expect, it } from 'vitest';
import { nextRoute } from '../../../src/core/analysis/extract/localRules';
import { analyzeTree, summarize } from './tree';

describe('Next.js route channels', () => {
  it('derives App Router and Pages Router routes from the file path', () => {
    expect(nextRoute('app/api/events/route.ts')).toBe('/api/events');
    expect(nextRoute('src/app/(dashboard)/api/feed/route.tsx')).toBe('/api/feed');
    expect(nextRoute('pages/api/clock.ts')).toBe('/api/clock');
    expect(nextRoute('src/pages/api/jobs/[id]/progress.ts')).toBe('/api/jobs/[id]/progress');
    expect(nextRoute('pages/api/stream/index.js')).toBe('/api/stream');
    expect(nextRoute('pages/about.tsx')).toBeNull();
    expect(nextRoute('src/routes/api.ts')).toBeNull();
  });

  it('pairs a Pages Router SSE route with its EventSource client', async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'web', dependencies: { next: '14.2.0', react: '18.3.0' } }),
      'pages/api/clock.ts': `import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache, no-transform',
  });
  const timer = setInterval(() => res.write(\`data: \${new Date().toISOString()}\\n\\n\`), 1000);
  req.on('close', () => clearInterval(timer));
}
`,
      'components/Clock.tsx': `import { useEffect, useState } from 'react';

export function Clock() {
  const [now, setNow] = useState('');
  useEffect(() => {
    const source = new EventSource('/api/clock');
    source.onmessage = (e) => setNow(e.data);
    return () => source.close();
  }, []);
  return <span>{now}</span>;
}
`,
    });
    expect(summarize(r, ['sse.endpoint', 'sse.client'])).toEqual([
      'components/Clock.tsx:6 sse.client /api/clock',
      'pages/api/clock.ts:5 sse.endpoint /api/clock',
    ]);
    expect(r.flows.find((f) => f.broker === 'sse')).toMatchObject({ channel: '/api/clock' });
  });
});
