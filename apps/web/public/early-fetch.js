// Starts the first page of the table while the app's bundle is still downloading: the request
// leaves about half a second earlier than it would from React. The app uses the answer only if
// its own query for the view is the same, so a mismatch costs one spare request, nothing more.
// Only the table's page starts with it: the Changes and Insights pages (`{base}/changes`,
// `{base}/insights`) list no functions.
(() => {
  try {
    const path = new URL(window.location.href).pathname;
    const base = new URL(document.baseURI).pathname;
    const rest = path.startsWith(base) ? path.slice(base.length) : '';
    if (['changes', 'insights'].includes(rest.replace(/\/$/, ''))) return;
    const params = new URLSearchParams(window.location.search);
    for (const key of ['fn', 'tab', 'embed', 'theme']) params.delete(key);
    const listing = params.toString();
    const query = new URLSearchParams(listing);
    query.set('limit', '100');
    const url = new URL(`api/functions?${query.toString()}`, document.baseURI).toString();
    const response = fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    // A failure here is handled by the app, which then asks again itself.
    response.catch(() => {});
    window.__fcFleetFirstPage = { listing, response };
  } catch {
    // Nothing to do: the app fetches the first page itself.
  }
})();
