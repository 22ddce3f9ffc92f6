// Formatting helpers; a "send" here means handing text to the caller, not a broker.
export function sendJsonLine(write: (line: string) => void, value: unknown): void {
  write(`${JSON.stringify(value)}\n`);
}

export function titleCase(text: string): string {
  return text.replace(/\b\w/g, (c) => c.toUpperCase());
}
