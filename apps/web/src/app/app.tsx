import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useViewState } from '../lib/use-view-state.ts';
import { Dashboard } from './dashboard.tsx';

// The Changes and Insights pages are not needed for the table's first rows: load each when it is opened.
const ChangesPage = lazy(() => import('./changes-page.tsx'));
const InsightsPage = lazy(() => import('./insights-page.tsx'));

/** One query client for the life of the page. */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
}

/** The page the address names: the table, the Changes page or the Insights page. */
function CurrentPage() {
  const { view } = useViewState();
  if (view.page === 'functions') return <Dashboard />;
  return <Suspense fallback={null}>{view.page === 'changes' ? <ChangesPage /> : <InsightsPage />}</Suspense>;
}

/** The SPA root. */
export function App({ client }: { client: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <CurrentPage />
    </QueryClientProvider>
  );
}
