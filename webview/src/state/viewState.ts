// UI state that survives hide/show through VS Code's getState/setState. It is small (where the user is and
// how far each decision walk went) and re-validated on restore: old or foreign state never crashes the app.
import type { WebviewPage } from '../../../src/protocol/messages';
import { PRINCIPLE_IDS } from '../../../src/core/principles/types';
import type { PrincipleId } from '../../../src/core/principles/types';
import { DECISION_TREE_IDS } from '../../../src/core/decisions/types';
import type { DecisionTreeId } from '../../../src/core/decisions/types';

export interface ViewState {
  version: 1;
  /** The page shown last, or null before anything was shown. */
  page: WebviewPage | null;
  /** Per tree, the node keys from the root to where the user stopped. */
  walks: Partial<Record<DecisionTreeId, string[]>>;
  /** Where the nav's "Principles" and "Decisions" tabs return to. */
  lastPrinciple?: PrincipleId;
  lastTree?: DecisionTreeId;
}

export const INITIAL_VIEW_STATE: ViewState = { version: 1, page: null, walks: {} };

const MAX_WALK = 50;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPrincipleId(value: unknown): value is PrincipleId {
  return typeof value === 'string' && (PRINCIPLE_IDS as readonly string[]).includes(value);
}

export function isTreeId(value: unknown): value is DecisionTreeId {
  return typeof value === 'string' && (DECISION_TREE_IDS as readonly string[]).includes(value);
}

export function parsePage(value: unknown): WebviewPage | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'flows') return { kind: 'flows' };
  if (value.kind === 'principle' && isPrincipleId(value.id)) return { kind: 'principle', id: value.id };
  if (value.kind === 'decision' && typeof value.treeId === 'string' && value.treeId.length > 0) {
    return { kind: 'decision', treeId: value.treeId };
  }
  return null;
}

/** Whatever getState returned, as a usable ViewState (falling back field by field). */
export function parseViewState(raw: unknown): ViewState {
  if (!isRecord(raw) || raw.version !== 1) return INITIAL_VIEW_STATE;
  const walks: ViewState['walks'] = {};
  if (isRecord(raw.walks)) {
    for (const [treeId, path] of Object.entries(raw.walks)) {
      if (!isTreeId(treeId) || !Array.isArray(path)) continue;
      const keys = path.filter((k): k is string => typeof k === 'string').slice(0, MAX_WALK);
      walks[treeId] = keys;
    }
  }
  const state: ViewState = { version: 1, page: parsePage(raw.page), walks };
  if (isPrincipleId(raw.lastPrinciple)) state.lastPrinciple = raw.lastPrinciple;
  if (isTreeId(raw.lastTree)) state.lastTree = raw.lastTree;
  return state;
}

/** Moves to a page and remembers it as the last principle or tree of its kind. */
export function withPage(view: ViewState, page: WebviewPage): ViewState {
  const next: ViewState = { ...view, page };
  if (page.kind === 'principle') next.lastPrinciple = page.id;
  if (page.kind === 'decision' && isTreeId(page.treeId)) next.lastTree = page.treeId;
  return next;
}
