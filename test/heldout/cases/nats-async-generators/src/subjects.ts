export const enum Subject {
  Telemetry = 'telemetry.>',
  DeviceCommand = 'devices.command',
  Clock = 'svc.clock.now',
}
