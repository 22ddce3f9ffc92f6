// NestJS transports, told apart by their role. A service often names several: it is served over TCP
// (`NestFactory.createMicroservice(AppModule, { transport: Transport.TCP })`) and registers a Kafka client
// for another service (`ClientsModule.register([{ name: 'BILLING', transport: Transport.KAFKA }])`). Its
// `@MessagePattern` handlers follow the transport it is served by, and each `ClientProxy` the transport of
// the registration behind its injection token (`@Inject('BILLING')`).
//
// They are recorded in `FileFacts.transports` beside the plain names, as `served:<T>` and
// `client:<token>=<T>`, so the per-service set the engine already builds carries them to the link.
import type ts from 'typescript';
import type { Scope } from './scope';
import { evalValue, propName } from './values';

const SERVED_CALLS = new Set(['createMicroservice', 'connectMicroservice']);
const CLIENT_CALLS = new Set(['register', 'registerAsync', 'create']);

/** Records the role of each `transport: Transport.X` option in the file (only files naming `Transport.`). */
export function nestTransportRoles(scope: Scope): void {
  const t = scope.ts;
  const out = scope.facts.transports;
  const add = (s: string): void => {
    if (!out.includes(s)) out.push(s);
  };
  const visit = (node: ts.Node, owner: 'served' | 'client' | null): void => {
    let role = owner;
    if (t.isCallExpression(node) && t.isPropertyAccessExpression(node.expression)) {
      const m = node.expression.name.text;
      if (SERVED_CALLS.has(m)) role = 'served';
      else if (CLIENT_CALLS.has(m) && /Clients?Module|ClientProxyFactory/.test(node.expression.expression.getText(scope.sf))) role = 'client';
    }
    if (role && t.isObjectLiteralExpression(node)) {
      const transport = transportOf(scope, node);
      if (transport && role === 'served') add(`served:${transport}`);
      if (transport && role === 'client') {
        const name = propValue(scope, node, 'name');
        if (name) add(`client:${name}=${transport}`);
      }
    }
    t.forEachChild(node, (c) => visit(c, role));
  };
  visit(scope.sf, null);
}

function transportOf(scope: Scope, obj: ts.ObjectLiteralExpression): string | null {
  const t = scope.ts;
  for (const p of obj.properties) {
    if (!t.isPropertyAssignment(p) || propName(scope, p.name) !== 'transport') continue;
    const init = p.initializer;
    if (t.isPropertyAccessExpression(init) && t.isIdentifier(init.expression) && init.expression.text === 'Transport') return init.name.text;
  }
  return null;
}

function propValue(scope: Scope, obj: ts.ObjectLiteralExpression, key: string): string | null {
  const t = scope.ts;
  for (const p of obj.properties) {
    if (!t.isPropertyAssignment(p) || propName(scope, p.name) !== key) continue;
    const v = evalValue(scope, p.initializer);
    return v.k === 'str' ? v.v : t.isIdentifier(p.initializer) ? p.initializer.text : null;
  }
  return null;
}
