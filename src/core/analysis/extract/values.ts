// Static evaluation of channel-like expressions: literals, templates, same-file consts, object members,
// enums, and references into imported modules (resolved later by the linker).
import type ts from 'typescript';
import type { ValueExpr } from './facts';
import type { Scope } from './scope';
import { bounded } from './valueBudget';
import { spendWork } from './workBudget';

const UNKNOWN: ValueExpr = { k: 'unknown' };
const MAX_PROPS = 64;

export function evalValue(scope: Scope, node: ts.Node | undefined, depth = 0): ValueExpr {
  if (!node || depth > 6) return UNKNOWN;
  spendWork();
  const t = scope.ts;
  const SK = t.SyntaxKind;
  switch (node.kind) {
    case SK.StringLiteral:
    case SK.NoSubstitutionTemplateLiteral:
      return { k: 'str', v: (node as ts.StringLiteral).text };
    case SK.NumericLiteral:
      return { k: 'str', v: (node as ts.NumericLiteral).text };
    case SK.RegularExpressionLiteral: {
      const txt = (node as ts.RegularExpressionLiteral).text;
      return { k: 'regex', source: txt.slice(1, txt.lastIndexOf('/')) };
    }
    case SK.TemplateExpression: {
      const te = node as ts.TemplateExpression;
      const parts: ValueExpr[] = [{ k: 'str', v: te.head.text }];
      for (const span of te.templateSpans) {
        parts.push(evalValue(scope, span.expression, depth + 1));
        parts.push({ k: 'str', v: span.literal.text });
      }
      return bounded({ k: 'tpl', parts });
    }
    case SK.AwaitExpression:
    case SK.ParenthesizedExpression:
    case SK.AsExpression:
    case SK.SatisfiesExpression:
    case SK.NonNullExpression:
    case SK.TypeAssertionExpression:
      return evalValue(scope, (node as ts.ParenthesizedExpression).expression, depth + 1);
    case SK.BinaryExpression: {
      const be = node as ts.BinaryExpression;
      if (be.operatorToken.kind === SK.PlusToken) {
        return bounded({ k: 'tpl', parts: [evalValue(scope, be.left, depth + 1), evalValue(scope, be.right, depth + 1)] });
      }
      if (be.operatorToken.kind === SK.QuestionQuestionToken || be.operatorToken.kind === SK.BarBarToken) {
        // `x ?? 'default'`: the left side usually wins at runtime, so only a known left side is a value.
        const left = evalValue(scope, be.left, depth + 1);
        return left.k === 'str' ? left : UNKNOWN;
      }
      return UNKNOWN;
    }
    case SK.Identifier: {
      const b = scope.bindings.get((node as ts.Identifier).text);
      return b?.value ?? UNKNOWN;
    }
    case SK.PropertyAccessExpression: {
      const pa = node as ts.PropertyAccessExpression;
      return member(evalValue(scope, pa.expression, depth + 1), pa.name.text);
    }
    case SK.ElementAccessExpression: {
      const ea = node as ts.ElementAccessExpression;
      const key = evalValue(scope, ea.argumentExpression, depth + 1);
      return key.k === 'str' ? member(evalValue(scope, ea.expression, depth + 1), key.v) : UNKNOWN;
    }
    case SK.CallExpression: {
      // `Object.freeze({...})` keeps its argument's value.
      const ce = node as ts.CallExpression;
      const callee = ce.expression;
      if (t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression) && callee.expression.text === 'Object' && callee.name.text === 'freeze') {
        return evalValue(scope, ce.arguments[0], depth + 1);
      }
      // `require('./topics')`: the module's exports, resolved by the linker.
      const a0 = ce.arguments[0];
      if (t.isIdentifier(callee) && callee.text === 'require' && a0 && t.isStringLiteral(a0) && /^\.\.?(\/|$)/.test(a0.text)) {
        return { k: 'ref', spec: a0.text, name: 'default', path: [] };
      }
      // `const { queue } = await ch.assertQueue('search.upserts')`: the reply names the queue asserted.
      if (t.isPropertyAccessExpression(callee) && callee.name.text === 'assertQueue' && a0) {
        return { k: 'obj', props: { queue: evalValue(scope, a0, depth + 1) } };
      }
      // `pollChannel(params.id)`: a workspace function computing the channel (resolved by the linker).
      if (t.isIdentifier(callee)) {
        const of = evalValue(scope, callee, depth + 1);
        if (of.k === 'fnv' || of.k === 'ref') return bounded({ k: 'call', of, args: ce.arguments.slice(0, 6).map((a) => evalValue(scope, a, depth + 1)) });
      }
      return UNKNOWN;
    }
    case SK.ArrowFunction:
    case SK.FunctionExpression:
      return scope.fnValues.get(node) ?? UNKNOWN;
    case SK.ArrayLiteralExpression:
      // `[...ORDER_TOPICS, AUDIT_TOPIC]`: a spread contributes its array (flattened by channelsOf).
      return bounded({
        k: 'arr',
        items: (node as ts.ArrayLiteralExpression).elements
          .slice(0, MAX_PROPS)
          .map((e) => evalValue(scope, e.kind === SK.SpreadElement ? (e as ts.SpreadElement).expression : e, depth + 1)),
      });
    case SK.ObjectLiteralExpression: {
      const props: Record<string, ValueExpr> = {};
      let n = 0;
      for (const p of (node as ts.ObjectLiteralExpression).properties) {
        if (++n > MAX_PROPS) break;
        const name = p.name ? propName(scope, p.name) : null;
        if (!name) continue;
        if (t.isPropertyAssignment(p)) props[name] = evalValue(scope, p.initializer, depth + 1);
        else if (t.isShorthandPropertyAssignment(p)) props[name] = evalValue(scope, p.name, depth + 1);
        else props[name] = UNKNOWN;
      }
      return bounded({ k: 'obj', props });
    }
    default:
      return UNKNOWN;
  }
}

export function member(base: ValueExpr, name: string): ValueExpr {
  if (base.k === 'obj') return base.props[name] ?? UNKNOWN;
  if (base.k === 'ref') return { k: 'ref', spec: base.spec, name: base.name, path: [...base.path, name] };
  return UNKNOWN;
}

export function propName(scope: Scope, name: ts.PropertyName): string | null {
  const t = scope.ts;
  if (t.isIdentifier(name) || t.isStringLiteral(name) || t.isNumericLiteral(name) || t.isPrivateIdentifier(name)) return name.text;
  if (t.isComputedPropertyName(name)) {
    const v = evalValue(scope, name.expression);
    return v.k === 'str' ? v.v : null;
  }
  return null;
}

/** Enum members as an object of string values (numeric members keep their index as text). */
export function evalEnum(scope: Scope, decl: ts.EnumDeclaration): ValueExpr {
  const props: Record<string, ValueExpr> = {};
  let next = 0;
  for (const m of decl.members) {
    const name = propName(scope, m.name);
    if (!name) continue;
    if (m.initializer) {
      const v = evalValue(scope, m.initializer);
      props[name] = v;
      if (v.k === 'str' && /^\d+$/.test(v.v)) next = Number(v.v) + 1;
    } else {
      props[name] = { k: 'str', v: String(next++) };
    }
  }
  return { k: 'obj', props };
}
