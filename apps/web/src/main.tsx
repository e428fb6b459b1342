import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app/app.tsx';
import { primeFirstPage } from './app/first-page.ts';
import { metaQueryOptions } from './features/functions/api/meta-query.ts';
import './styles.css';

const client = createQueryClient();
primeFirstPage(client);
client.prefetchQuery(metaQueryOptions).catch(() => {});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}
