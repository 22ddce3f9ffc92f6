import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateApi, extension } from './extensionApi';

interface ManifestCommand {
  command: string;
  title: string;
}

describe('Commands', () => {
  before(async () => {
    await activateApi();
  });

  it('registers every command the manifest declares', async () => {
    const manifest = extension().packageJSON as { contributes?: { commands?: ManifestCommand[] } };
    const declared = (manifest.contributes?.commands ?? []).map((c) => c.command);
    for (const required of ['eventArchitect.showPrinciple', 'eventArchitect.openArchitectureView', 'eventArchitect.reindex']) {
      assert.ok(declared.includes(required), `package.json does not declare ${required}`);
    }
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `declared in package.json but not registered: ${missing.join(', ')}`);
  });

  it('titles the palette commands under the "Event Architect" category', () => {
    const manifest = extension().packageJSON as { contributes?: { commands?: (ManifestCommand & { category?: string })[] } };
    const titles = new Map((manifest.contributes?.commands ?? []).map((c) => [c.command, c.category ? `${c.category}: ${c.title}` : c.title]));
    assert.equal(titles.get('eventArchitect.showPrinciple'), 'Event Architect: Show Principle…');
    assert.equal(titles.get('eventArchitect.openArchitectureView'), 'Event Architect: Open Architecture View');
    assert.equal(titles.get('eventArchitect.reindex'), 'Event Architect: Re-index Workspace');
  });
});
