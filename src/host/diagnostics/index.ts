export { registerDiagnostics, DIAGNOSTIC_COLLECTION } from './registerDiagnostics';
export type { DiagnosticsController, DiagnosticsDeps } from './registerDiagnostics';
export { DIAGNOSTIC_SOURCE } from './toDiagnostic';
