/**
 * Overlays for tests: every string of a base, translated by a function (docs/languages.md,
 * "Questionnaire translations").
 */
import type { QuestionnaireOverlay, OverlayQuestion } from '../questionnaire/overlay-schema';
import type { Questionnaire } from '../questionnaire/schema';

function mapRecord(
  record: Readonly<Record<string, string | undefined>>,
  tr: (s: string) => string
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = tr(v);
  return out;
}

/**
 * A complete overlay of `base`: each string replaced by `tr` of it.
 * @example makeOverlay(privacy).title // '[fr] Privacy and data protection'
 */
export function makeOverlay(
  base: Questionnaire,
  tr: (english: string) => string = (s) => `[fr] ${s}`
): QuestionnaireOverlay {
  return {
    id: base.id,
    language: 'fr',
    baseVersion: base.version,
    title: tr(base.title),
    summary: tr(base.summary),
    scale: Object.fromEntries(
      base.scale.map((l) => [
        String(l.value),
        { label: tr(l.label), description: tr(l.description) }
      ])
    ),
    references: Object.fromEntries(base.references.map((r) => [r.id, tr(r.title)])),
    sections: Object.fromEntries(
      base.sections.map((s) => [
        s.id,
        {
          title: tr(s.title),
          ...(s.description !== undefined && { description: tr(s.description) }),
          ...(s.weightReason !== undefined && { weightReason: tr(s.weightReason) }),
          questions: Object.fromEntries(
            s.questions.map((q): [string, OverlayQuestion] => [
              q.id,
              {
                text: tr(q.text),
                ...(q.shortTitle !== undefined && { shortTitle: tr(q.shortTitle) }),
                ...(q.guidance !== undefined && { guidance: tr(q.guidance) }),
                ...(q.weightReason !== undefined && { weightReason: tr(q.weightReason) }),
                evidence: q.evidence.map(tr),
                ...(q.type === 'choice'
                  ? { options: Object.fromEntries(q.options.map((o) => [o.id, tr(o.label)])) }
                  : {
                      levels: mapRecord(q.levels, tr),
                      recommendations: mapRecord(q.recommendations, tr)
                    })
              }
            ])
          )
        }
      ])
    )
  };
}
