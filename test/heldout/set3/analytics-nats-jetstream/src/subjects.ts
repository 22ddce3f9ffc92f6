export enum Subject {
  PageView = 'analytics.events.pageview',
  Click = 'analytics.events.click',
  Rollup = 'analytics.rollup.hourly',
  Query = 'analytics.query',
}
export const STREAM = 'ANALYTICS';
