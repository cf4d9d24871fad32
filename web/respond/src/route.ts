// The respondent pages' URLs, read once from the address bar (each page is a full load; no router needed):
//   /respond/iit/:agencyId[?t=token]   IIT (internal staff), with a single-use token prefilled from a slip's QR
//   /respond/eit                       find the agency for EIT part 1
//   /respond/eit/:agencyId             EIT part 1
export type Route =
  | { page: 'survey'; instrument: 'IIT' | 'EIT1'; agencyId: string; token: string }
  | { page: 'eit-search' }
  | { page: 'not-found' };

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(safeDecode);
  if (parts[0] !== 'respond') return { page: 'not-found' };
  const [, kind, agencyId, extra] = parts;
  if (extra !== undefined || !agencyId) {
    return kind === 'eit' && !agencyId && extra === undefined
      ? { page: 'eit-search' }
      : { page: 'not-found' };
  }
  if (kind !== 'iit' && kind !== 'eit') return { page: 'not-found' };
  const token = kind === 'iit' ? (new URLSearchParams(search).get('t') ?? '').trim() : '';
  return { page: 'survey', instrument: kind === 'iit' ? 'IIT' : 'EIT1', agencyId, token };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export const eitSurveyPath = (agencyId: string) => `/respond/eit/${encodeURIComponent(agencyId)}`;
