export type ClientMessage =
  | { type: 'join'; name: string }
  | { type: 'move'; dx: number; dy: number }
  | { type: 'chat'; text: string };

export type ServerMessage =
  | { type: 'welcome'; id: string }
  | { type: 'state'; players: PlayerState[] }
  | { type: 'chat'; from: string; text: string };

export interface PlayerState { id: string; name: string; x: number; y: number }

export const TICK_MS = 50;
