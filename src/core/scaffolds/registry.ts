// Every scaffold the extension offers, in one list: the Insert Scaffold command, quick fixes, decision
// tree leaves and the snippet generator all read from here.
import { persistenceScaffolds } from './persistence';
import { realtimeScaffolds } from './realtime';
import type { Scaffold } from './types';

export const SCAFFOLDS: readonly Scaffold[] = [...persistenceScaffolds, ...realtimeScaffolds];

export function getScaffold(id: string): Scaffold | undefined {
  return SCAFFOLDS.find((s) => s.id === id);
}
