import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Dashboard } from './dashboard.tsx';

/** One query client for the life of the page. */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
}

/** The SPA root. */
export function App({ client }: { client: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <Dashboard />
    </QueryClientProvider>
  );
}
