// Entry of the extension-host test suite (VS Code calls `run()` when it is loaded as extensionTestsPath).
// The same file serves code-server (scripts/test/extHost.mjs) and @vscode/test-electron (test/electron).
// Output goes through console.log, which the extension host forwards to the workbench's console; the
// last line is a machine-readable count that the runners parse.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export const LINE_PREFIX = '[ext-host]';
export const SUMMARY_PREFIX = `${LINE_PREFIX} summary`;

export function run(): Promise<void> {
  // The workbench console mixes our lines with its own logs: tag every reporter line so runners can pick
  // them out (reporters call Base.consoleLog at report time, so replacing it here is enough).
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(`${LINE_PREFIX} ${format(...args)}`);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const filter = process.env.EA_TEST_GREP;
  if (filter) mocha.grep(filter);
  for (const file of readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
        console.log(`${SUMMARY_PREFIX} passed=${passes} failed=${failed} pending=${pending}`);
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
