/**
 * Country names to ISO 3166-1 alpha-2 codes, so a location the log wrote as a name (Okta's
 * `client.geographicalContext.country` is `United States`) compares equal to one the offline database gives as a
 * code (`US`). Written from ISO 3166-1 for the countries sign-in logs name most often, plus the usual English
 * variants vendors write (`Russia`, `South Korea`, `Czech Republic`, `UK`); a name not listed is kept as written.
 */
const CODES: Readonly<Record<string, string>> = {
  afghanistan: 'AF', albania: 'AL', algeria: 'DZ', argentina: 'AR', armenia: 'AM', australia: 'AU', austria: 'AT', azerbaijan: 'AZ',
  bahrain: 'BH', bangladesh: 'BD', belarus: 'BY', belgium: 'BE', bolivia: 'BO', 'bosnia and herzegovina': 'BA', brazil: 'BR', bulgaria: 'BG',
  cambodia: 'KH', cameroon: 'CM', canada: 'CA', chile: 'CL', china: 'CN', colombia: 'CO', 'costa rica': 'CR', croatia: 'HR', cuba: 'CU',
  cyprus: 'CY', czechia: 'CZ', 'czech republic': 'CZ', denmark: 'DK', 'dominican republic': 'DO', ecuador: 'EC', egypt: 'EG',
  'el salvador': 'SV', estonia: 'EE', ethiopia: 'ET', finland: 'FI', france: 'FR', georgia: 'GE', germany: 'DE', ghana: 'GH', greece: 'GR',
  guatemala: 'GT', honduras: 'HN', 'hong kong': 'HK', hungary: 'HU', iceland: 'IS', india: 'IN', indonesia: 'ID', iran: 'IR',
  'iran, islamic republic of': 'IR', iraq: 'IQ', ireland: 'IE', israel: 'IL', italy: 'IT', jamaica: 'JM', japan: 'JP', jordan: 'JO',
  kazakhstan: 'KZ', kenya: 'KE', kuwait: 'KW', latvia: 'LV', lebanon: 'LB', lithuania: 'LT', luxembourg: 'LU', malaysia: 'MY', malta: 'MT',
  mexico: 'MX', moldova: 'MD', 'moldova, republic of': 'MD', mongolia: 'MN', morocco: 'MA', nepal: 'NP', netherlands: 'NL', 'new zealand': 'NZ',
  nigeria: 'NG', 'north korea': 'KP', "korea, democratic people's republic of": 'KP', 'north macedonia': 'MK', norway: 'NO', oman: 'OM',
  pakistan: 'PK', panama: 'PA', paraguay: 'PY', peru: 'PE', philippines: 'PH', poland: 'PL', portugal: 'PT', qatar: 'QA', romania: 'RO',
  russia: 'RU', 'russian federation': 'RU', 'saudi arabia': 'SA', serbia: 'RS', singapore: 'SG', slovakia: 'SK', slovenia: 'SI',
  'south africa': 'ZA', 'south korea': 'KR', 'korea, republic of': 'KR', 'republic of korea': 'KR', spain: 'ES', 'sri lanka': 'LK', sweden: 'SE',
  switzerland: 'CH', syria: 'SY', 'syrian arab republic': 'SY', taiwan: 'TW', thailand: 'TH', tunisia: 'TN', turkey: 'TR', 'türkiye': 'TR',
  ukraine: 'UA', 'united arab emirates': 'AE', 'united kingdom': 'GB', 'united kingdom of great britain and northern ireland': 'GB',
  'great britain': 'GB', uk: 'GB', 'united states': 'US', 'united states of america': 'US', usa: 'US', uruguay: 'UY', uzbekistan: 'UZ',
  venezuela: 'VE', vietnam: 'VN', 'viet nam': 'VN', yemen: 'YE', zimbabwe: 'ZW',
};

/** The ISO 3166-1 alpha-2 code for a logged country: a two-letter code upper-cased, a listed name mapped, else as written. */
export function countryCode(logged: string): string {
  const text = logged.trim();
  if (/^[A-Za-z]{2}$/.test(text) && text.toLowerCase() !== 'uk') return text.toUpperCase();
  const key = text.toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');
  return CODES[key] ?? text;
}
