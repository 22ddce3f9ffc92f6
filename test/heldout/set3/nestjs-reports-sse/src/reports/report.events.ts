export const REPORT_QUEUE = 'reports';

export enum ReportEvent {
  Requested = 'report.requested',
  Completed = 'report.completed',
  Failed = 'report.failed',
}

export class ReportCompletedEvent {
  constructor(public readonly reportId: string, public readonly url: string) {}
}
