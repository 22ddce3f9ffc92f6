export const STREAM = 'TELEMETRY';

export enum Subject {
  Readings = 'telemetry.readings',
  Alerts = 'telemetry.alerts',
  DeviceCommand = 'devices.command',
  DeviceStatus = 'devices.status',
}

export const readingSubject = (site: string, deviceId: string) => `${Subject.Readings}.${site}.${deviceId}`;
