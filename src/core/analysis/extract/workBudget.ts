// The extraction step budget of one file. Every node visited and every value evaluated is a step; a
// file that needs more steps than its size can justify is skipped with the reason `budget` instead of
// holding up the index. Counting steps (not time) keeps the outcome deterministic: the same text is
// skipped or analyzed on every machine, in a cold run and in an incremental update alike.

/** Steps any file may take, plus steps per character of its text (real code takes well under one). */
const DEFAULT_BUDGET = { base: 1_000_000, perChar: 8 };
let budget = DEFAULT_BUDGET;

/** Tests: a smaller budget (no argument restores the default). */
export function setWorkBudget(next: { base: number; perChar: number } = DEFAULT_BUDGET): void {
  budget = next;
}

export class BudgetExceeded extends Error {
  constructor(readonly steps: number) {
    super(`analysis step budget exceeded (${steps.toLocaleString('en-US')} steps)`);
  }
}

let limit = Number.POSITIVE_INFINITY;
let used = 0;

/** Starts the budget of one file's extraction (extraction is synchronous: one file at a time). */
export function startWork(textLength: number): void {
  used = 0;
  limit = budget.base + budget.perChar * textLength;
}

export function endWork(): void {
  limit = Number.POSITIVE_INFINITY;
}

export function spendWork(): void {
  if (++used > limit) throw new BudgetExceeded(limit);
}
