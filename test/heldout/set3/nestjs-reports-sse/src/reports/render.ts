export async function renderReport(reportId: string, progress: (pct: number) => void): Promise<string> {
  for (let pct = 0; pct <= 100; pct += 25) progress(pct);
  return `https://files.example.com/reports/${reportId}.pdf`;
}
