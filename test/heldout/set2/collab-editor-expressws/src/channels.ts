export const DOC_CHANNEL_PREFIX = 'doc-updates';
export const docChannel = (docId: string) => `${DOC_CHANNEL_PREFIX}:${docId}`;
export const AWARENESS = 'awareness';
