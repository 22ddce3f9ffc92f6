// JSON and SARIF are written piece by piece: the text equals what one JSON.stringify would give for small
// documents, and a million detections go out with flat memory — the SARIF log is then longer than any
// JavaScript string may be, so it could not have been built as one.
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonReportChunks } from '../../../src/cli/format/jsonReport';
import { StreamedArray, jsonChunks } from '../../../src/cli/format/jsonStream';
import { sarifChunks } from '../../../src/cli/format/sarif';
import { writeChunks, writeChunksToFile } from '../../../src/cli/format/sink';
import type { AnalysisResult, Detection } from '../../../src/core/analysis/types';
import { ordersResult } from '../render/resultFixture';
import { errorsOf, validateAnalysisJson, validateSarif } from './schemaValidators';

const text = (chunks: Iterable<string>): string => [...chunks].join('');
/** V8's longest string (2^29 - 24 UTF-16 units on 64-bit). */
const MAX_STRING_LENGTH = 2 ** 29 - 24;

describe('jsonChunks', () => {
  it('writes the skeleton as JSON.stringify(…, null, 2) does, streamed items one per line', () => {
    const value = { a: 1, b: 'x\ny', c: [1, { d: [] }, null], e: {}, f: undefined, g: [undefined, () => 1], h: { i: { j: 'k' } } };
    expect(text(jsonChunks(value))).toBe(JSON.stringify(value, null, 2));
    const streamed = { list: new StreamedArray([{ a: 1, b: [2, 3] }, 'two']), empty: new StreamedArray([]) };
    const out = text(jsonChunks(streamed));
    expect(out).toBe('{\n  "list": [\n    {"a":1,"b":[2,3]},\n    "two"\n  ],\n  "empty": []\n}');
    expect(JSON.parse(out)).toEqual({ list: [{ a: 1, b: [2, 3] }, 'two'], empty: [] });
  });

  it('escapes hidden characters so the file holds none raw, and the data parses back unchanged', () => {
    const names = ['gnp\u202e.exe', 'a\u2028b', 'zero\u200bwidth', 'bell\u0007esc\u001b', 'tag\u{E0041}', 'c1\u0085'];
    const out = text(jsonChunks({ names, streamed: new StreamedArray(names) }));
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\u{E0000}-\u{E007F}]/u);
    expect(JSON.parse(out)).toEqual({ names, streamed: names });
  });
});

describe('sinks', () => {
  it('wait for drain when the stream asks to, and write everything in order', async () => {
    const stream = new EventEmitter() as EventEmitter & { write(chunk: string): boolean };
    const written: string[] = [];
    let waiting = 0;
    stream.write = (chunk: string) => {
      written.push(chunk);
      waiting += 1;
      setImmediate(() => {
        waiting -= 1;
        stream.emit('drain');
      });
      return false;
    };
    const chunks = Array.from({ length: 5_000 }, (_, i) => `${String(i).padStart(40, '.')}\n`);
    await writeChunks(chunks, { write: (c) => stream.write(c), once: (e, l) => stream.once(e, l) });
    expect(written.join('')).toBe(chunks.join(''));
    expect(written.length).toBeGreaterThan(1);
    expect(waiting).toBe(0);
  });

  it('write a file through a temporary one, leaving nothing behind when writing fails', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ea-sink-'));
    try {
      const target = path.join(dir, 'report.json');
      writeChunksToFile(['{', '"a": 1', '}'], target);
      expect(readFileSync(target, 'utf8')).toBe('{"a": 1}');
      function* failing(): Generator<string> {
        yield 'partial';
        throw new Error('interrupted');
      }
      expect(() => writeChunksToFile(failing(), target)).toThrow('interrupted');
      expect(readFileSync(target, 'utf8')).toBe('{"a": 1}');
      expect(readdirSync(dir)).toEqual(['report.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('streamed reports', () => {
  it('stay valid against their schemas', () => {
    const report = JSON.parse(text(jsonReportChunks(ordersResult(), () => 0)));
    expect(validateAnalysisJson(report), errorsOf(validateAnalysisJson)).toBe(true);
    expect(report.detections).toHaveLength(ordersResult().detections.length);
    const log = JSON.parse(text(sarifChunks(ordersResult(), () => 0)));
    expect(validateSarif(log), errorsOf(validateSarif)).toBe(true);
    expect(log.runs[0].results).toHaveLength(ordersResult().detections.length);
  });

  it('write 1,000,000 detections as JSON and SARIF within the default heap', async () => {
    const n = 1_000_000;
    const detections: Detection[] = new Array<Detection>(n);
    for (let i = 0; i < n; i++) {
      const file = `src/module${i % 1000}.ts`;
      detections[i] = {
        id: `${file}:${i + 1}:5:kafka.produce`,
        kind: 'kafka.produce',
        library: 'kafkajs',
        broker: 'kafka',
        role: 'producer',
        channel: `orders.${i % 5000}`,
        channelIsPattern: false,
        file,
        root: 0,
        line: i + 1,
        column: 5,
        endLine: i + 1,
        endColumn: 40,
        enclosingFunction: 'OrdersService.create',
        service: 'orders',
        snippet: "producer.send({ topic: 'orders.created' })",
      };
    }
    const result: AnalysisResult = {
      schemaVersion: 1,
      roots: ['/repo'],
      detections,
      flows: [],
      skipped: [],
      services: { orders: { root: '/repo', libraries: ['kafkajs'] } },
      stats: { filesSeen: 1000, filesParsed: 1000, bytesRead: 1, lines: 1, durationMs: 1, parseMs: 1 },
    };

    /** Counts what is written (and a marker per item, across block boundaries) without keeping it. */
    const measure = async (chunks: Iterable<string>, marker: string) => {
      const before = process.memoryUsage().heapUsed;
      let length = 0;
      let markers = 0;
      let carry = '';
      let head = '';
      let tail = '';
      let peak = before;
      let writes = 0;
      await writeChunks(chunks, {
        write(block: string) {
          length += block.length;
          if (head.length < 200) head += block.slice(0, 200);
          const seen = carry + block;
          markers += seen.split(marker).length - 1;
          carry = block.slice(-(marker.length - 1));
          tail = (tail + block).slice(-200);
          if (++writes % 100 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
          return true;
        },
      });
      return { length, markers, head, tail, growthMb: (peak - before) / 1e6 };
    };

    const json = await measure(jsonReportChunks(result, (d) => d.root), '{"id":"src/module');
    expect(json.markers).toBe(n);
    expect(json.head.startsWith('{\n  "schemaVersion": 1,\n  "tool": {')).toBe(true);
    expect(json.tail.endsWith('"findings": []\n}\n')).toBe(true);
    // A whole-document string alone would take the report's length in memory (two bytes a character at worst).
    expect(json.length).toBeGreaterThan(300_000_000);
    expect(json.growthMb).toBeLessThan(150);

    const sarif = await measure(sarifChunks(result, (d) => d.root), '{"ruleId":"detection/kafka.produce"');
    expect(sarif.markers).toBe(n);
    expect(sarif.length).toBeGreaterThan(MAX_STRING_LENGTH);
    expect(sarif.tail.endsWith('"columnKind": "utf16CodeUnits"\n    }\n  ]\n}\n')).toBe(true);
    expect(sarif.growthMb).toBeLessThan(150);
  }, 240_000);
});
