import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateApi, childrenOf, itemOf, labelOf } from './extensionApi';
import type { EventArchitectApi } from './extensionApi';

// The seed document's seven principles and the area each belongs to, written out here on purpose: the
// tree is built from the core catalog, so comparing it with the catalog would prove nothing.
const EXPECTED: Record<string, string[]> = {
  'Real-time transport': ['SSE is the Default for Server-to-Client Push', 'Scale WebSocket with Pub/Sub Adapters, Not Sticky Sessions'],
  'Event patterns': ["Event Sourcing is a Specialized Tool — Don't Apply by Default", 'Use CQRS Level 1 First — Escalate to Level 2 Under Load'],
  'Reliable messaging': ['Use the Outbox Pattern for Atomic DB Update + Event Publish', 'Match Message Broker to Durability and Throughput Requirements'],
  'UI consistency': ['Optimistic Updates with Smart Invalidation for UI Consistency'],
};

describe('Principles tree', () => {
  let api: EventArchitectApi;

  before(async () => {
    api = await activateApi();
  });

  it('is a contributed view that can be focused', async () => {
    await vscode.commands.executeCommand('eventArchitect.principles.focus');
  });

  it('groups the seven principles by area', async () => {
    const tree = api.principlesTree;
    const groups: Record<string, string[]> = {};
    for (const area of await childrenOf(tree)) {
      const areaItem = await itemOf(tree, area);
      const titles: string[] = [];
      for (const principle of await childrenOf(tree, area)) titles.push(labelOf(await itemOf(tree, principle)));
      groups[labelOf(areaItem)] = titles;
    }
    assert.deepEqual(groups, EXPECTED);
    assert.equal(Object.values(groups).flat().length, 7);
  });

  it('expands every principle into What / Why / When / When not, each opening the principle page', async () => {
    const tree = api.principlesTree;
    let principles = 0;
    for (const area of await childrenOf(tree)) {
      for (const principle of await childrenOf(tree, area)) {
        principles++;
        const item = await itemOf(tree, principle);
        assert.notEqual(item.collapsibleState, vscode.TreeItemCollapsibleState.None, `${labelOf(item)} should expand`);
        const sections = await childrenOf(tree, principle);
        const sectionItems = await Promise.all(sections.map((s) => itemOf(tree, s)));
        assert.deepEqual(sectionItems.map(labelOf), ['What', 'Why', 'When', 'When not'], labelOf(item));
        for (const section of sectionItems) {
          assert.equal(section.collapsibleState ?? vscode.TreeItemCollapsibleState.None, vscode.TreeItemCollapsibleState.None);
          assert.ok(typeof section.description === 'string' && section.description.length > 20, `${labelOf(item)} › ${labelOf(section)} has no text`);
          assert.equal(section.command?.command, 'eventArchitect.showPrinciple');
        }
        assert.equal(item.command?.command, 'eventArchitect.showPrinciple');
        assert.equal(typeof item.command?.arguments?.[0], 'string', `${labelOf(item)} passes its id`);
      }
    }
    assert.equal(principles, 7);
  });
});
