/**
 * How an imported file's claims about itself are shown: who made it, when, with which app, and
 * how an assessment in it was carried out. The file's checksum detects damage, not tampering,
 * so none of this is proven; screens show it "as stated in the file" (see docs/file-formats.md,
 * "The JSON envelope").
 */
import { PROVENANCE_LABELS, type Assessment } from './model';

/** Appended to every claim an imported file makes about itself. */
export const AS_STATED = 'as stated in the file';

/**
 * An assessment's provenance in words: how it was carried out and, when validated, by whom and
 * when — without the "as stated" note, which the screen adds once per column or line.
 * @example statedProvenance({ mode: 'validated', validatedBy: 'KE-CIRT', validatedOn: '2026-10-01' })
 * // 'Externally validated by KE-CIRT on 2026-10-01'
 */
export function statedProvenance(
  provenance: Pick<Assessment['provenance'], 'mode' | 'validatedBy' | 'validatedOn'>
): string {
  const label = PROVENANCE_LABELS[provenance.mode];
  if (provenance.mode !== 'validated') return label;
  const by = provenance.validatedBy.trim();
  const on = provenance.validatedOn.trim();
  return `${label}${by ? ` by ${by}` : ''}${on ? ` on ${on}` : ''}`;
}
