/**
 * Reference data, kept as dated data with its source — never as logic. Display names come from
 * the browser (`Intl.DisplayNames`), not from this file.
 */

/** ISO 3166-1 alpha-2: the 249 officially assigned codes, as published by the ISO 3166
 * Maintenance Agency; list checked 2026-11-28. */
export const ISO_3166_DATE = '2026-11-28';
export const ISO_3166_CODES: readonly string[] = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
  BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
  BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN
  CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
  EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF
  GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
  HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM
  JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
  LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK
  ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
  NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG
  PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
  SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS
  ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
  TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
  VN VU WF WS YE YT ZA ZM ZW
`
  .trim()
  .split(/\s+/);

export const COMMONWEALTH_REGIONS = [
  'Africa',
  'Asia',
  'Caribbean and Americas',
  'Europe',
  'Pacific'
] as const;
export type CommonwealthRegion = (typeof COMMONWEALTH_REGIONS)[number];

/** Commonwealth members by the Secretariat's regions: 56 members since Gabon and Togo joined
 * on 25 June 2022. Source: thecommonwealth.org member list, read 2026-11-28. */
export const COMMONWEALTH_SOURCE = 'Commonwealth Secretariat member list, read 2026-11-28';
export const COMMONWEALTH_MEMBERS: Readonly<Record<CommonwealthRegion, readonly string[]>> = {
  Africa: [
    'BW',
    'CM',
    'SZ',
    'GA',
    'GM',
    'GH',
    'KE',
    'LS',
    'MW',
    'MU',
    'MZ',
    'NA',
    'NG',
    'RW',
    'SC',
    'SL',
    'ZA',
    'TG',
    'UG',
    'TZ',
    'ZM'
  ],
  Asia: ['BD', 'BN', 'IN', 'MY', 'MV', 'PK', 'SG', 'LK'],
  'Caribbean and Americas': [
    'AG',
    'BS',
    'BB',
    'BZ',
    'CA',
    'DM',
    'GD',
    'GY',
    'JM',
    'KN',
    'LC',
    'VC',
    'TT'
  ],
  Europe: ['CY', 'MT', 'GB'],
  Pacific: ['AU', 'FJ', 'KI', 'NR', 'NZ', 'PG', 'WS', 'SB', 'TO', 'TV', 'VU']
};

/** The Commonwealth region of a country, or null when it is not a member. */
export function commonwealthRegion(code: string): CommonwealthRegion | null {
  for (const region of COMMONWEALTH_REGIONS) {
    if (COMMONWEALTH_MEMBERS[region].includes(code)) return region;
  }
  return null;
}

let names: Intl.DisplayNames | null = null;
/** Names already looked up: lists of thousands of assessments name a few dozen countries. */
const known = new Map<string, string>();

/**
 * The English name of a country from the runtime's own data.
 * @example countryName('KE') // 'Kenya'
 */
export function countryName(code: string): string {
  const seen = known.get(code);
  if (seen !== undefined) return seen;
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    const name = names.of(code) ?? code;
    known.set(code, name);
    return name;
  } catch {
    return code;
  }
}
