import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app/app.tsx';
import { functionsQueryOptions } from './features/functions/api/functions-query.ts';
import { metaQueryOptions } from './features/functions/api/meta-query.ts';
import { parseView } from './lib/url-state.ts';
import { listingParams } from './lib/view-state.ts';
import './styles.css';

const client = createQueryClient();
// Ask for the first page and the server's description now, while React renders its first frame,
// instead of after it: the table's query finds them in flight.
client
  .prefetchInfiniteQuery(
    functionsQueryOptions(listingParams(parseView(window.location.search).view).toString()),
  )
  .catch(() => {});
client.prefetchQuery(metaQueryOptions).catch(() => {});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}
