import { describe, expect, it } from 'vitest';
import { analyzeTree, summarize } from './tree';

describe('channels computed by the project\'s functions', () => {
  it('fills a builder\'s parameters with the call\'s arguments, across files', async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'fleet', dependencies: { nats: '2.28.0' } }),
      'src/subjects.ts': `export const alertSubject = (site: string) => \`alerts.\${site}.raised\`;
export function commandSubject(device: string) {
  return 'commands.' + device;
}
export const label = (n: number) => n.toFixed(2);
`,
      'src/main.ts': `import { connect } from 'nats';
import { alertSubject, commandSubject, label } from './subjects';
const nc = await connect();
nc.publish(alertSubject('berlin'), label(1));
nc.publish(commandSubject(process.argv[2] ?? 'x'));
nc.subscribe(label(2));
`,
    });
    expect(summarize(r)).toEqual([
      'src/main.ts:4 nats.publish alerts.berlin.raised',
      'src/main.ts:5 nats.publish commands.*',
      'src/main.ts:6 nats.subscribe null',
    ]);
  });
});
