/**
 * Questionnaire versions: one order and one key for every layer, so a list of versions sorts
 * the same on screen, in an import and in a comparison.
 */

/**
 * Compares two version strings part by part: numeric parts as numbers, anything else as text,
 * a missing part before a present one (`1.0` < `1.0.0`). Total and antisymmetric, so it sorts
 * any strings, even ones that are not semantic versions.
 * @example compareVersions('1.10.0', '1.9.0') // > 0
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    const step = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (step !== 0) return step;
  }
  return 0;
}

/**
 * `id@version`: the key under which a questionnaire version is stored and looked up.
 * @example versionKey('privacy-data-protection', '1.0.0') // 'privacy-data-protection@1.0.0'
 */
export function versionKey(id: string, version: string): string {
  return `${id}@${version}`;
}
