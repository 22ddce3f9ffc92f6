import { realtimeScaffolds } from './src/core/scaffolds/realtime/index';
const [id, v] = process.argv.slice(2);
const s = realtimeScaffolds.find((x) => x.id === id)!;
for (const f of s.generate(v!, {}).files) console.log('=== ' + f.path + '\n' + f.content);
