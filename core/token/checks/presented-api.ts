import type { CaseConfig } from '../../evidence/case-config';

/** The API of the case configuration a token was presented to: matched by name, or by a URL under its baseUrl. */
export function presentedApi(
  caseConfig: CaseConfig | undefined,
  presentedTo: string | undefined,
): CaseConfig['apis'][number] | undefined {
  if (!caseConfig || presentedTo === undefined) return undefined;
  const byName = caseConfig.apis.find((api) => api.name === presentedTo);
  if (byName) return byName;
  const matching = caseConfig.apis.filter(
    (api) =>
      presentedTo === api.baseUrl ||
      presentedTo.startsWith(api.baseUrl.endsWith('/') ? api.baseUrl : `${api.baseUrl}/`),
  );
  return matching.sort((a, b) => b.baseUrl.length - a.baseUrl.length)[0];
}
