import type { AuthEvent } from './types';

/**
 * The most telling short text of an event: the vendor action, the HTTP request (`POST /token 200`), the failure
 * reason, joined by ` · `; '' when the record has none of them. Shown in the app's list and used in exports' messages.
 */
export function eventSummary(event: AuthEvent): string {
  const http = event.http;
  const request =
    http && (http.method || http.path)
      ? [http.method, http.path, http.status].filter((part) => part !== undefined).join(' ')
      : '';
  return [event.action, request, event.reason].filter(Boolean).join(' · ');
}
