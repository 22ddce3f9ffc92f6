import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNIPPET_LANGUAGES } from '../../../src/core/scaffolds/snippets';
import { RULE_IDS } from '../../../src/core/rules/types';
import { COMMANDS, CONTAINER_ID, FLOW_DIAGRAM_PANEL, SETTINGS, VIEWS, ruleSetting } from '../../../src/host/ids';

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    views: Record<string, { id: string; name: string; type?: string }[]>;
    configuration: { properties: Record<string, unknown> };
    menus: Record<string, { command: string; when?: string }[]>;
    snippets: { language: string; path: string }[];
  };
}

const root = path.join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const sourceFiles = (dir: string): string[] => {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
};

describe('package.json ↔ src/host/ids.ts', () => {
  it('declares exactly the commands of COMMANDS, each with the Event Architect category', () => {
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    expect(declared).toEqual(Object.values(COMMANDS).sort());
    for (const c of manifest.contributes.commands) expect(c.category).toBe('Event Architect');
  });

  it('declares exactly the views of VIEWS inside the Event Architect container', () => {
    expect(manifest.contributes.viewsContainers.activitybar.map((c) => c.id)).toEqual([CONTAINER_ID]);
    expect(manifest.contributes.viewsContainers.activitybar[0]?.title).toBe('Event Architect');
    expect(Object.keys(manifest.contributes.views)).toEqual([CONTAINER_ID]);
    const views = manifest.contributes.views[CONTAINER_ID]?.map((v) => v.id).sort();
    expect(views).toEqual(Object.values(VIEWS).sort());
  });

  it('declares exactly the settings of SETTINGS and one eventArchitect.rules.<id> per rule', () => {
    const settings = [...Object.values(SETTINGS).filter((s) => s !== SETTINGS.section), ...RULE_IDS.map(ruleSetting)].sort();
    expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual(settings);
  });

  it('activates only on its views, its restored Flow Diagram panel (commands activate implicitly) and after start-up, never on *', () => {
    expect(manifest.activationEvents).not.toContain('*');
    const allowed = (e: string) => e.startsWith('onView:') || e === `onWebviewPanel:${FLOW_DIAGRAM_PANEL}` || e === 'onStartupFinished';
    expect(manifest.activationEvents.every(allowed)).toBe(true);
    expect(manifest.activationEvents).toContain(`onWebviewPanel:${FLOW_DIAGRAM_PANEL}`);
  });

  it('contributes one generated snippet file per snippet language', () => {
    expect(manifest.contributes.snippets.map((s) => s.language).sort()).toEqual([...SNIPPET_LANGUAGES].sort());
    for (const s of manifest.contributes.snippets) expect(s.path).toBe(`./dist/snippets/${s.language}.code-snippets`);
  });

  it('menus name only declared commands', () => {
    const declared = new Set(Object.values(COMMANDS) as string[]);
    for (const entries of Object.values(manifest.contributes.menus)) for (const e of entries) expect(declared.has(e.command)).toBe(true);
  });

  it('no host source spells a command or view id as a string outside ids.ts', () => {
    const ids = [...Object.values(COMMANDS), ...Object.values(VIEWS)];
    const offenders = sourceFiles(path.join(root, 'src')).filter((file) => {
      if (file.endsWith(path.join('host', 'ids.ts'))) return false;
      const text = readFileSync(file, 'utf8');
      return ids.some((id) => text.includes(`'${id}'`) || text.includes(`"${id}"`));
    });
    expect(offenders).toEqual([]);
  });
});
