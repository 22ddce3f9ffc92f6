import { analyze } from '../src/core/analysis/index';
void analyze([process.argv[2]!]).then((r) => {
  for (const d of r.detections) console.log(`${d.file}:${d.line} ${d.kind} ${d.channel}`);
});
