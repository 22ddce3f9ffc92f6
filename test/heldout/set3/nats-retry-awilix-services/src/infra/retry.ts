import pRetry from 'p-retry';

export function withRetry<T>(label: string, fn: () => Promise<T> | T, retries = 4): Promise<T> {
  return pRetry(async () => fn(), {
    retries,
    onFailedAttempt: (e) => console.warn(`${label} attempt ${e.attemptNumber} failed: ${e.message}`),
  });
}
