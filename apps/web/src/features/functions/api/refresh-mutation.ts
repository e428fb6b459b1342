import { useMutation } from '@tanstack/react-query';
import { postJson } from '../../../lib/api-client.ts';
import { scopeParams, type ViewState } from '../../../lib/view-state.ts';
import { parseRefresh } from './parse-refresh.ts';
import type { RefreshAnswer } from './types.ts';

/** `POST /api/refresh` for the view's account and regions: sync passes now, not at the next interval. */
export function postRefresh(view: ViewState): Promise<RefreshAnswer> {
  return postJson('api/refresh', parseRefresh, { params: scopeParams(view) });
}

/**
 * Asks for a refresh of the view's regions. A refusal (429 when asked too often, 403 from
 * another site) is the mutation's `error`, an `ApiError` with the server's message.
 */
export function useRefreshMutation(onAnswer: (answer: RefreshAnswer) => void) {
  return useMutation({ mutationFn: postRefresh, onSuccess: onAnswer, retry: false });
}
