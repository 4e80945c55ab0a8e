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

export interface PageState {
  site: string | null;
  enabled: boolean;
  claims: ClaimSummary[];
}

export type Message = ClaimsFoundMessage | GetPageStateMessage;

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
