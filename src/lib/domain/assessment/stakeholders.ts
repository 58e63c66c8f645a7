/**
 * The first release's participant groups of an assessment's provenance, with their labels; apart
 * from the schemas so that code without zod (the database upgrader) can use them.
 */
export const STAKEHOLDER_GROUPS = [
  'government',
  'regulator',
  'csirt',
  'law-enforcement',
  'judiciary',
  'critical-infrastructure',
  'industry',
  'academia',
  'civil-society',
  'international'
] as const;
export const STAKEHOLDER_LABELS: Record<(typeof STAKEHOLDER_GROUPS)[number], string> = {
  government: 'Government',
  regulator: 'Regulator',
  csirt: 'CSIRT / CERT',
  'law-enforcement': 'Law enforcement',
  judiciary: 'Judiciary',
  'critical-infrastructure': 'Critical infrastructure operator',
  industry: 'Industry',
  academia: 'Academia',
  'civil-society': 'Civil society',
  international: 'International partner'
};
