// The CLI's control flow, separate from process wiring (main.ts) so the exit code is a return value.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../core/analysis';
import { DEFAULT_MAX_FILE_BYTES } from '../core/analysis/runtime/engine';
import { cacheFileFor } from '../core/analysis/runtime/persistentCache';
import type { AnalysisResult } from '../core/analysis/types';
import { renderFlowMermaid } from '../core/render/mermaid';
import { collectConfigFiles } from '../core/rules';
import type { ConfigFile } from '../core/rules/types';
import type { AnalyzeCommand } from './args';
import { parseCliArgs, USAGE } from './args';
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_UNREADABLE_ROOT, EXIT_USAGE } from './exitCodes';
import type { RuleOutcome } from './findings';
import { findingsAtOrAbove } from './findings';
import { findingsWithCache } from './findingsCache';
import { jsonReportChunks } from './format/jsonReport';
import { appendFindingComments } from './format/mermaidFindings';
import { asyncApiText } from './format/asyncapi';
import { sarifChunks } from './format/sarif';
import { sarifBases } from './repoBase';
import type { ChunkStream } from './format/sink';
import { writeChunks, writeChunksToFile } from './format/sink';
import { createStyle, shouldColor } from './format/style';
import { formatMs, renderText } from './format/text';
import { findingCounts } from './format/textFindings';
import { ProgressBar } from './progress';
import { checkRoots } from './roots';
import type { RootOf } from './format/jsonReport';
import { TOOL_NAME, TOOL_VERSION } from './version';

export interface OutStream extends ChunkStream {
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  cwd: string;
  signal?: AbortSignal;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseCliArgs(argv);
  switch (command.kind) {
    case 'help':
      io.stdout.write(USAGE);
      return EXIT_OK;
    case 'version':
      io.stdout.write(`${TOOL_NAME} ${TOOL_VERSION}\n`);
      return EXIT_OK;
    case 'usage-error':
      io.stderr.write(`${TOOL_NAME}: ${command.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    case 'analyze':
      return runAnalyze(command, io);
  }
}

async function runAnalyze(command: AnalyzeCommand, io: CliIo): Promise<number> {
  const checked = checkRoots(command.dirs, io.cwd);
  if (!checked.ok) {
    io.stderr.write(`${TOOL_NAME}: ${checked.message}\n`);
    return EXIT_UNREADABLE_ROOT;
  }
  const base = command.base === null ? null : checkRoots([command.base], io.cwd);
  if (base && !base.ok) {
    io.stderr.write(`${TOOL_NAME}: --base: ${base.message}\n`);
    return EXIT_UNREADABLE_ROOT;
  }
  const progress = !command.quiet && io.stderr.isTTY ? new ProgressBar(io.stderr) : null;
  let result: AnalysisResult;
  let rules: RuleOutcome;
  let configFiles: ConfigFile[];
  // The deployment files the rules read are collected while the analysis runs (its I/O waits overlap).
  const configs = collectConfigFiles(checked.roots, io.signal);
  try {
    const cacheFile =
      command.cacheDir === null
        ? undefined
        : cacheFileFor(path.resolve(io.cwd, command.cacheDir), { roots: checked.roots.map((r) => path.resolve(r)), maxBytes: command.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, exclude: command.exclude });
    result = await analyze(checked.roots, {
      exclude: command.exclude,
      ...(command.maxFileBytes !== undefined ? { maxFileBytes: command.maxFileBytes } : {}),
      ...(cacheFile ? { cacheFile, onCache: (message: string) => !command.quiet && io.stderr.write(`${TOOL_NAME}: index cache: ${message}\n`) } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
    });
    rules = await findingsWithCache(result, cacheFile, configs, io.signal);
    configFiles = await configs;
    // collectConfigFiles stops early on abort instead of throwing: a report from half the configs is wrong.
    if (io.signal?.aborted) throw new Error('interrupted');
  } catch (error) {
    progress?.clear();
    if (io.signal?.aborted) {
      io.stderr.write(`${TOOL_NAME}: interrupted\n`);
      return EXIT_INTERRUPTED;
    }
    io.stderr.write(`${TOOL_NAME}: analysis failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
  progress?.clear();
  // A failed rule never stops the report: the others' findings are complete, and the gap is said out loud.
  for (const e of rules.ruleErrors) io.stderr.write(`${TOOL_NAME}: warning: rule ${e.ruleId} failed, its findings are missing: ${e.message}\n`);

  const output = render(command, { result, rules, configFiles, base: base?.ok ? base.roots[0] : undefined }, io);
  const exit = gate(command, rules, io);
  if (command.out === null) {
    await writeChunks(output, io.stdout);
    return exit;
  }
  const target = path.resolve(io.cwd, command.out);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeChunksToFile(output, target);
  } catch (error) {
    io.stderr.write(`${TOOL_NAME}: cannot write "${command.out}": ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return EXIT_FAILURE;
  }
  if (!command.quiet) {
    const r = result;
    io.stderr.write(
      `${TOOL_NAME}: wrote ${command.format} to ${command.out} — ${findingCounts(rules.findings)}, ${r.detections.length} detections, ${r.flows.length} channels, ` +
        `${r.skipped.length} skipped, ${formatMs(r.stats.durationMs)}\n`,
    );
  }
  return exit;
}

/** `--fail-on`: exit 1 when a finding at or above the level exists, with a one-line reason for CI logs. */
function gate(command: AnalyzeCommand, rules: RuleOutcome, io: CliIo): number {
  const failing = findingsAtOrAbove(rules.findings, command.failOn);
  if (failing.length === 0) return EXIT_OK;
  if (!command.quiet) {
    const n = failing.length;
    io.stderr.write(`${TOOL_NAME}: ${n} ${n === 1 ? 'finding' : 'findings'} at or above "${command.failOn}" (--fail-on ${command.failOn})\n`);
  }
  return EXIT_FINDINGS;
}

/** The report as chunks of text: JSON and SARIF are streamed (they can be larger than any one string). */
interface RenderInput {
  result: AnalysisResult;
  rules: RuleOutcome;
  configFiles: readonly ConfigFile[];
  /** `--base`, absolute. */
  base: string | undefined;
}

function render(command: AnalyzeCommand, { result, rules, configFiles, base }: RenderInput, io: CliIo): Iterable<string> {
  // The analyzer says which root holds each file.
  const rootOf: RootOf = (item) => item.root;
  switch (command.format) {
    case 'json':
      return jsonReportChunks(result, rootOf, rules);
    case 'sarif':
      return sarifChunks(result, rootOf, rules, { detections: command.sarifDetections, bases: sarifBases(result.roots, base) });
    case 'asyncapi':
      return [asyncApiText(result, configFiles)];
    case 'mermaid': {
      const diagram = renderFlowMermaid(result);
      if (diagram.channelsShown < diagram.channelsTotal && !command.quiet) {
        io.stderr.write(`${TOOL_NAME}: diagram summarised: ${diagram.channelsShown} of ${diagram.channelsTotal} channels shown\n`);
      }
      return [appendFindingComments(diagram.source, rules.findings)];
    }
    case 'text': {
      const color = command.out === null && shouldColor(io.stdout.isTTY === true, io.env);
      return [renderText(result, { style: createStyle(color), rules })];
    }
  }
}
