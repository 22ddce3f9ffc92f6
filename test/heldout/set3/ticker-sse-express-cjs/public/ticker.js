const board = document.querySelector('#board');
const source = new EventSource('/stream/quotes?s=AAPL,MSFT,NVDA');

source.addEventListener('quote', (e) => {
  const q = JSON.parse(e.data);
  board.querySelector(`[data-sym="${q.symbol}"]`).textContent = q.last.toFixed(2);
});
source.onerror = () => board.classList.add('stale');
