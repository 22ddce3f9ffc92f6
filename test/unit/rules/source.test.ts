import { describe, expect, it } from 'vitest';
import { maskCode } from '../../../src/core/rules/source/mask';
import { SourceView } from '../../../src/core/rules/source/sourceView';

describe('maskCode', () => {
  it('blanks comments, strings, template text and regexes but keeps template expressions and offsets', () => {
    const code = "const a = '}{'; // } comment\nconst re = /[}]+/g; /* { */ const t = `x${f({ y: 1 })}}`;\n";
    const masked = maskCode(code);
    expect(masked.length).toBe(code.length);
    expect(masked.split('\n')[0]).toBe("const a = '  ';".padEnd('const a = \'}{\'; // } comment'.length));
    expect(masked).toContain('f({ y: 1 })');
    expect(masked.split('').filter((c) => c === '{').length).toBe(masked.split('').filter((c) => c === '}').length);
    expect(masked).not.toContain('comment');
  });

  it('tells division from a regex literal', () => {
    expect(maskCode('const half = total / 2 / count;')).toBe('const half = total / 2 / count;');
    expect(maskCode("if (/^\\/api\\//.test(url)) go();")).toBe(`if (/${' '.repeat(8)}/.test(url)) go();`);
  });
});

describe('SourceView', () => {
  const code = `import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  if (req.query.a) {
    res.write('data: {}\\n\\n');
  }
});
export class Orders {
  async create(input: { id: string }): Promise<void> {
    for (const x of [1]) {
      console.log(x);
    }
  }
}
`;
  const view = new SourceView(code);

  it('finds the innermost function body, skipping if/for blocks, class bodies and object literals', () => {
    const write = view.enclosingFunction(code.indexOf('res.write'));
    expect(code.slice(write?.headerStart, write?.bodyStart)).toBe('(req, res) => ');
    const log = view.enclosingFunction(code.indexOf('console.log'));
    expect(code.slice(log?.headerStart, log?.bodyStart)).toBe('create(input: { id: string }): Promise<void> ');
    expect(view.enclosingFunction(code.indexOf('const app'))).toBeUndefined();
  });

  it('converts between offsets and 1-based positions', () => {
    const at = code.indexOf('res.write');
    expect(view.positionAt(at)).toEqual({ line: 5, column: 5 });
    expect(view.offsetAt(5, 5)).toBe(at);
  });

  it('reads property values of object literals, arrow or method shorthand', () => {
    const opts = new SourceView(`useMutation({ onMutate: async (v) => { set(v, { a: 1 }); }, onSettled() { invalidate(); }, retry: 3 })`);
    const text = opts.text;
    const mutate = opts.propertyValue('onMutate', 0, text.length);
    expect(text.slice(mutate?.start, mutate?.end).trim()).toBe('async (v) => { set(v, { a: 1 }); }');
    const settled = opts.propertyValue('onSettled', 0, text.length);
    expect(text.slice(settled?.start, settled?.end)).toBe('{ invalidate(); }');
    expect(opts.propertyValue('onError', 0, text.length)).toBeUndefined();
  });

  it('answers "not found" on unbalanced text instead of throwing', () => {
    const broken = new SourceView('app.get("/x", (req, res) => {\n  res.write("a");\n');
    expect(broken.enclosingFunction(20)).toBeUndefined();
    expect(broken.propertyValue('onSettled', 0, 10)).toBeUndefined();
  });
});
