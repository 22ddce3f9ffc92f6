import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } });

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App customerId={root.dataset.customerId ?? 'guest'} email={root.dataset.email ?? ''} />
    </QueryClientProvider>
  </StrictMode>,
);
