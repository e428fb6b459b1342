import { Button } from './button.tsx';

/**
 * A failed load: what failed, the error envelope's code and message, its request id, and Retry.
 * @example <ErrorPanel title="The functions could not be loaded" code="UpstreamTimeout" message="…" retry={refetch} />
 */
export function ErrorPanel({
  title,
  code,
  message,
  requestId,
  retry,
}: {
  title: string;
  code: string;
  message: string;
  requestId?: string;
  retry: () => void;
}) {
  return (
    <div
      role="alert"
      className="m-4 max-w-3xl space-y-2 rounded-lg border border-red-200 bg-red-50 p-4 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <h2 className="font-semibold">{title}</h2>
      <p className="text-sm">
        <strong className="font-mono">{code}</strong>: {message}
      </p>
      {requestId ? <p className="font-mono text-xs">Request id {requestId}</p> : null}
      <Button onClick={retry}>Retry</Button>
    </div>
  );
}
