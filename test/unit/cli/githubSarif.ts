// GitHub code scanning's documented constraints on an uploaded SARIF file, beyond the SARIF 2.1.0 schema
// ("SARIF support for code scanning" and "SARIF results exceed limits" in GitHub's code-security docs):
// at most 20 runs per file, 25,000 results and 25,000 rules per run, 1,000 locations per result, 20 tags per
// rule; a `tool.driver.name`; every result with `message.text`, a `ruleId` whose `ruleIndex` names it, a
// physical location whose `artifactLocation.uri` is relative to the checkout (through a `uriBaseId` declared
// in `originalUriBaseIds`), and `partialFingerprints`; file under 10 MB. Returns the violations found.
export const GITHUB_LIMITS = { runs: 20, results: 25_000, rules: 25_000, locationsPerResult: 1_000, tagsPerRule: 20, bytes: 10 * 1024 * 1024 };

interface Rule {
  id?: string;
  helpUri?: string;
  help?: { text?: string; markdown?: string };
  shortDescription?: { text?: string };
  properties?: { tags?: string[] };
}

interface Location {
  physicalLocation?: { artifactLocation?: { uri?: string; uriBaseId?: string }; region?: { startLine?: number } };
}

interface Result {
  ruleId?: string;
  ruleIndex?: number;
  message?: { text?: string };
  locations?: Location[];
  partialFingerprints?: Record<string, unknown>;
}

interface Run {
  tool?: { driver?: { name?: string; rules?: Rule[] } };
  results?: Result[];
  originalUriBaseIds?: Record<string, { uri?: string }>;
}

function relativeUriProblem(uri: string | undefined): string | undefined {
  if (!uri) return 'no artifactLocation.uri';
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) return `absolute uri ${uri}`;
  if (uri.startsWith('/')) return `rooted uri ${uri}`;
  if (uri.split('/').includes('..')) return `uri leaving the checkout ${uri}`;
  return undefined;
}

export function githubUploadProblems(text: string): string[] {
  const problems: string[] = [];
  if (Buffer.byteLength(text) > GITHUB_LIMITS.bytes) problems.push('file larger than 10 MB');
  const log = JSON.parse(text) as { version?: string; runs?: Run[] };
  if (log.version !== '2.1.0') problems.push(`version ${String(log.version)}`);
  const runs = log.runs ?? [];
  if (runs.length === 0 || runs.length > GITHUB_LIMITS.runs) problems.push(`${runs.length} runs`);
  runs.forEach((run, r) => {
    const rules = run.tool?.driver?.rules ?? [];
    if (!run.tool?.driver?.name) problems.push(`run ${r}: no tool.driver.name`);
    if (rules.length > GITHUB_LIMITS.rules) problems.push(`run ${r}: ${rules.length} rules`);
    const ids = new Set<string>();
    for (const rule of rules) {
      if (!rule.id) problems.push(`run ${r}: a rule without id`);
      else if (ids.has(rule.id)) problems.push(`run ${r}: duplicate rule id ${rule.id}`);
      else ids.add(rule.id);
      if ((rule.properties?.tags?.length ?? 0) > GITHUB_LIMITS.tagsPerRule) problems.push(`rule ${rule.id}: too many tags`);
    }
    const results = run.results ?? [];
    if (results.length > GITHUB_LIMITS.results) problems.push(`run ${r}: ${results.length} results`);
    const bases = run.originalUriBaseIds ?? {};
    results.forEach((res, i) => {
      const where = `run ${r} result ${i} (${res.ruleId ?? '?'})`;
      if (!res.message?.text) problems.push(`${where}: no message.text`);
      if (!res.ruleId || !ids.has(res.ruleId)) problems.push(`${where}: ruleId not among the rules`);
      if (res.ruleIndex !== undefined && rules[res.ruleIndex]?.id !== res.ruleId) problems.push(`${where}: ruleIndex ${res.ruleIndex} names ${rules[res.ruleIndex]?.id}`);
      const locations = res.locations ?? [];
      if (locations.length === 0 || locations.length > GITHUB_LIMITS.locationsPerResult) problems.push(`${where}: ${locations.length} locations`);
      for (const loc of locations) {
        const artifact = loc.physicalLocation?.artifactLocation;
        const uriProblem = relativeUriProblem(artifact?.uri);
        if (uriProblem) problems.push(`${where}: ${uriProblem}`);
        if (artifact?.uriBaseId !== undefined && !bases[artifact.uriBaseId]?.uri) problems.push(`${where}: undeclared uriBaseId ${artifact.uriBaseId}`);
        if (!((loc.physicalLocation?.region?.startLine ?? 0) >= 1)) problems.push(`${where}: no region.startLine`);
      }
      const prints = Object.values(res.partialFingerprints ?? {});
      if (prints.length === 0 || prints.some((p) => typeof p !== 'string' || p === '')) problems.push(`${where}: no partialFingerprints`);
    });
  });
  return problems;
}
