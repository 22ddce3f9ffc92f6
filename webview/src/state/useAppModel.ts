// Wires the reducer to the host: listens for host messages, announces `ready` once the listener is in
// place (so the snapshot cannot be missed), persists UI state, and tells the host about user navigation.
import { useCallback, useEffect, useReducer } from 'react';
import type { WebviewPage } from '../../../src/protocol/messages';
import type { DecisionTreeId } from '../../../src/core/decisions/types';
import { asHostMessage } from '../hostMessages';
import { loadPersistedState, persistState, postToHost } from '../vscodeApi';
import { appReducer, type AppModel } from './appModel';
import { parseViewState } from './viewState';

export interface AppController {
  model: AppModel;
  /** User navigation: updates the page and posts `navigated`. */
  navigate(page: WebviewPage): void;
  setWalk(treeId: DecisionTreeId, path: string[]): void;
}

function initialModel(): AppModel {
  return { data: null, view: parseViewState(loadPersistedState()) };
}

export function useAppModel(): AppController {
  const [model, dispatch] = useReducer(appReducer, undefined, initialModel);

  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>): void => {
      const message = asHostMessage(event.data);
      if (message) dispatch({ type: 'host', message });
    };
    window.addEventListener('message', onMessage);
    postToHost({ type: 'ready' });
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    persistState(model.view);
  }, [model.view]);

  const navigate = useCallback((page: WebviewPage) => {
    dispatch({ type: 'navigate', page });
    postToHost({ type: 'navigated', page });
  }, []);

  const setWalk = useCallback((treeId: DecisionTreeId, path: string[]) => {
    dispatch({ type: 'walk', treeId, path });
  }, []);

  return { model, navigate, setWalk };
}
