import type { Quote } from '../../../shared/events';

const SKUS = ['kettle-1l', 'espresso-pro', 'grinder-x', 'mug-set'];
const prices = new Map<string, number>(SKUS.map((sku, i) => [sku, 1999 + i * 1500]));

export function latestQuotes(): Quote[] {
  return [...prices].map(([symbol, priceCents]) => ({ symbol, priceCents, at: Date.now() }));
}

// Flash-sale pricing drifts every couple of seconds; the storefront shows it live.
export function startQuoteFeed(onQuote: (quote: Quote) => void): () => void {
  const timer = setInterval(() => {
    const symbol = SKUS[Math.floor(Math.random() * SKUS.length)] ?? 'kettle-1l';
    const current = prices.get(symbol) ?? 1999;
    const next = Math.max(499, Math.round(current * (1 + (Math.random() - 0.5) / 50)));
    prices.set(symbol, next);
    onQuote({ symbol, priceCents: next, at: Date.now() });
  }, 2000);
  return () => clearInterval(timer);
}
