// The streamed reports joined back into one string, for tests on small results only.
import { jsonReportChunks } from '../../../src/cli/format/jsonReport';
import { sarifChunks } from '../../../src/cli/format/sarif';

export const jsonText = (...args: Parameters<typeof jsonReportChunks>): string => [...jsonReportChunks(...args)].join('');
export const sarifText = (...args: Parameters<typeof sarifChunks>): string => [...sarifChunks(...args)].join('');
