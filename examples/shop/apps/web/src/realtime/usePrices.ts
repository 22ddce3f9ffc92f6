import { useEffect, useState } from 'react';
import type { Quote } from '../../../../shared/events';

type PriceFrame = { type: 'snapshot'; quotes: Quote[] } | { type: 'quote'; quote: Quote };

export function usePrices(): Record<string, number> {
  const [prices, setPrices] = useState<Record<string, number>>({});

  useEffect(() => {
    const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/prices`);
    socket.onmessage = (event: MessageEvent<string>) => {
      const frame = JSON.parse(event.data) as PriceFrame;
      const quotes = frame.type === 'snapshot' ? frame.quotes : [frame.quote];
      setPrices((prev) => ({ ...prev, ...Object.fromEntries(quotes.map((q) => [q.symbol, q.priceCents])) }));
    };
    return () => socket.close();
  }, []);

  return prices;
}
