/**
 * Several bundle files imported together become one bundle, so they import in one transaction.
 */
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { versionKey } from '$lib/domain/questionnaire/version';
import { canonicalJson, type BundleItem, type ParsedBundle } from '$lib/domain/records';
import type { FileProblem } from '$lib/domain/problems';

/**
 * Several checked bundles as one, so dozens of files import in one transaction, all or nothing.
 * Refused when two files hold the same assessment or differ on a questionnaire version.
 * @example mergeBundles([kenya, uganda]).ok // true
 */
export function mergeBundles(
  bundles: readonly ParsedBundle[]
): { ok: true; bundle: ParsedBundle } | { ok: false; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const items = new Map<string, { item: BundleItem; file: string }>();
  const questionnaires = new Map<string, { q: Questionnaire; file: string; json: string }>();
  for (const bundle of bundles) {
    for (const item of bundle.items) {
      const earlier = items.get(item.assessment.id);
      if (earlier) {
        problems.push({
          file: bundle.file,
          code: 'import.same-assessment',
          params: { title: item.assessment.title, id: item.assessment.id, earlier: earlier.file }
        });
      } else {
        items.set(item.assessment.id, { item, file: bundle.file });
      }
    }
    for (const q of bundle.questionnaires) {
      const key = versionKey(q.id, q.version);
      const json = canonicalJson(q);
      const earlier = questionnaires.get(key);
      if (!earlier) {
        questionnaires.set(key, { q, file: bundle.file, json });
      } else if (earlier.json !== json) {
        problems.push({
          file: bundle.file,
          code: 'import.questionnaire-differs',
          params: { key, version: q.version, earlier: earlier.file }
        });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const first = bundles[0];
  // Translations: one per version and language, the first file's when two carry one.
  const overlays = new Map(
    bundles
      .flatMap((b) => b.overlays ?? [])
      .reverse()
      .map((o) => [`${versionKey(o.id, o.baseVersion)}/${o.language}`, o])
  );
  return {
    ok: true,
    bundle: {
      file: bundles.map((b) => b.file).join(', '),
      appVersion: first?.appVersion ?? '',
      exportedAt: first?.exportedAt ?? '',
      sanitised: bundles.some((b) => b.sanitised),
      items: [...items.values()].map((i) => i.item),
      questionnaires: [...questionnaires.values()].map((q) => q.q),
      ...(overlays.size > 0 ? { overlays: [...overlays.values()] } : {})
    }
  };
}
