/** Where a cold scan's time went, reported with the first result (the extension logs it as a timeline). */
export interface ScanTimings {
  walkMs: number;
  scanMs: number;
  cacheLoadMs: number;
  files: number;
  /** What the persistent cache gave: 'off', 'not used: <reason>', or the counts of reused and read files. */
  cache: string;
}
