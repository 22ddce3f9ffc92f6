export const API_ORIGIN = 'https://api.board.example';
export const CURSOR_WS = 'wss://cursors.board.example/v2';
