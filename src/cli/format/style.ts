// Terminal styling for the text report. Colour only when the stream is a terminal and the user has not
// opted out (https://no-color.org: NO_COLOR set to anything non-empty); FORCE_COLOR turns it on for pipes.
// Names from the analysed code are made safe for a terminal by src/core/text/terminal.ts before styling.

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  cyan(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
}

export function shouldColor(isTTY: boolean, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return isTTY && env.TERM !== 'dumb';
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function createStyle(enabled: boolean): Style {
  if (!enabled) {
    const id = (s: string): string => s;
    return { bold: id, dim: id, cyan: id, yellow: id, green: id };
  }
  return { bold: wrap(1, 22), dim: wrap(2, 22), cyan: wrap(36, 39), yellow: wrap(33, 39), green: wrap(32, 39) };
}
