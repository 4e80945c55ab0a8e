/** Messages between the content script, the background and the popup. */
export interface ClaimSummary {
  id: string;
  title: string;
  /** highlighted occurrences on the page */
  count: number;
}

/** content -> background: what this tab shows now (empty when off or nothing found) */
export interface ClaimsFoundMessage {
  type: 'claims-found';
  claims: ClaimSummary[];
}

/** popup -> content: what is on this page? */
export interface GetPageStateMessage {
  type: 'get-page-state';
}

/** popup/background -> content: focus the next highlighted claim (of this id, if given) and open its card */
export interface FocusClaimMessage {
  type: 'focus-claim';
  id?: string;
}

export interface PageState {
  url: string;
  site: string | null;
  enabled: boolean;
  claims: ClaimSummary[];
}

export type Message = ClaimsFoundMessage | GetPageStateMessage | FocusClaimMessage;

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
