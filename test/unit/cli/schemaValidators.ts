// ajv validators for the CLI's two machine formats: our own schema and the official SARIF 2.1.0 schema.
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import analysisSchema from '../../../src/cli/schema/analysis.schema.json';
import sarifSchema from './schemas/sarif-schema-2.1.0.json';

function compile(schema: object): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

export const validateAnalysisJson = compile(analysisSchema);
export const validateSarif = compile(sarifSchema);

export function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}
