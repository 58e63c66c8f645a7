/**
 * Translation overlays stored with a questionnaire version (docs/languages.md, "Questionnaire
 * translations"): a bundle or kit carries the overlays of the versions it pins, and they are kept
 * on that version's record.
 */
import type {
  OverlayLanguage,
  QuestionnaireOverlay
} from '$lib/domain/questionnaire/overlay-schema';
import { database, questionnaireKey } from './db';

/**
 * The overlay stored with `id@version` in `language`, if any.
 * @example await storedOverlay('privacy-data-protection', '2.0.0', 'fr')
 */
export async function storedOverlay(
  id: string,
  version: string,
  language: OverlayLanguage
): Promise<QuestionnaireOverlay | undefined> {
  const record = await database().questionnaires.get(questionnaireKey(id, version));
  return record?.overlays?.[language];
}

/**
 * Every overlay stored with these versions, in any language (for a kit to carry).
 * @example await storedOverlaysOf([{ id: 'privacy-data-protection', version: '2.0.0' }])
 */
export async function storedOverlaysOf(
  pins: readonly { id: string; version: string }[]
): Promise<QuestionnaireOverlay[]> {
  const records = await database().questionnaires.bulkGet(
    pins.map((p) => questionnaireKey(p.id, p.version))
  );
  return records.flatMap((r) => Object.values(r?.overlays ?? {}));
}
