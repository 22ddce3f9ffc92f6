import { describe, expect, it } from 'vitest';
import { appReducer, type AppModel } from '../../webview/src/state/appModel';
import { INITIAL_VIEW_STATE, parseViewState } from '../../webview/src/state/viewState';
import { graph, readyIndex, snapshot } from './fixtures';

const empty: AppModel = { data: null, view: INITIAL_VIEW_STATE };

describe('appReducer', () => {
  it('drops incremental updates that arrive before the first snapshot (the snapshot carries them)', () => {
    const afterGraph = appReducer(empty, { type: 'host', message: { type: 'graph', graph } });
    const afterStatus = appReducer(afterGraph, { type: 'host', message: { type: 'indexStatus', status: readyIndex } });
    expect(afterStatus).toBe(empty);
  });

  it('applies updates after the snapshot and keeps the walks when the host changes the page', () => {
    let model = appReducer(empty, { type: 'host', message: { type: 'snapshot', snapshot: snapshot({ kind: 'flows' }) } });
    model = appReducer(model, { type: 'walk', treeId: 'cqrs-level', path: ['writeSide', 'eventStore'] });
    model = appReducer(model, { type: 'host', message: { type: 'graph', graph } });
    model = appReducer(model, { type: 'host', message: { type: 'navigate', page: { kind: 'decision', treeId: 'cqrs-level' } } });
    expect(model.data?.graph).toBe(graph);
    expect(model.view).toEqual({
      version: 1,
      page: { kind: 'decision', treeId: 'cqrs-level' },
      walks: { 'cqrs-level': ['writeSide', 'eventStore'] },
      lastTree: 'cqrs-level',
    });
  });
});

describe('parseViewState', () => {
  it('keeps what is valid and drops the rest, field by field', () => {
    expect(
      parseViewState({
        version: 1,
        page: { kind: 'principle', id: 'not-a-principle' },
        walks: { 'broker-choice': ['purpose', 7, 'durability'], unknown: ['a'], 'cqrs-level': 'x' },
        lastPrinciple: 'outbox-pattern',
        lastTree: 'nope',
      }),
    ).toEqual({ version: 1, page: null, walks: { 'broker-choice': ['purpose', 'durability'] }, lastPrinciple: 'outbox-pattern' });
  });

  it('starts over for another version or a non-object', () => {
    expect(parseViewState({ version: 2, page: { kind: 'flows' } })).toEqual(INITIAL_VIEW_STATE);
    expect(parseViewState(null)).toEqual(INITIAL_VIEW_STATE);
    expect(parseViewState([1, 2])).toEqual(INITIAL_VIEW_STATE);
  });

  it('bounds a hostile walk', () => {
    const long = Array.from({ length: 10_000 }, () => 'purpose');
    expect(parseViewState({ version: 1, walks: { 'broker-choice': long } }).walks['broker-choice']).toHaveLength(50);
  });
});
