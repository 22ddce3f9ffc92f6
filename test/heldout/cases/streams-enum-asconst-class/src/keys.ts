export const STREAMS = {
  audit: 'stream:audit',
  billing: 'stream:billing',
} as const;

export enum Group {
  Archiver = 'archiver',
}

export type StreamName = (typeof STREAMS)[keyof typeof STREAMS];
