import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useViewState } from '../lib/use-view-state.ts';
import { Dashboard } from './dashboard.tsx';

// The Changes page is not needed for the table's first rows: load it when it is opened.
const ChangesPage = lazy(() => import('./changes-page.tsx'));

/** One query client for the life of the page. */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
}

/** The page the address names: the table, or the Changes page. */
function CurrentPage() {
  const { view } = useViewState();
  if (view.page === 'changes')
    return (
      <Suspense fallback={null}>
        <ChangesPage />
      </Suspense>
    );
  return <Dashboard />;
}

/** The SPA root. */
export function App({ client }: { client: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <CurrentPage />
    </QueryClientProvider>
  );
}
