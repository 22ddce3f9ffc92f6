import { create } from 'zustand';

interface NotesState {
  selected: string | null;
  select: (id: string | null) => void;
}

export const useNotes = create<NotesState>((set) => ({
  selected: null,
  select: (id) => set({ selected: id }),
}));

// Persist the selection across reloads.
useNotes.subscribe((state) => localStorage.setItem('selected', state.selected ?? ''));

export const bus = new EventTarget();
export function emitLocal(type: string, detail: unknown) {
  bus.dispatchEvent(new CustomEvent(type, { detail }));
}
