// The index of built-in questionnaires (current editions, then earlier ones), made by the build
// from questionnaires/*.yaml and questionnaires/editions/*.yaml.
declare module 'virtual:questionnaire-index' {
  const index: import('$lib/domain/questionnaire/index-entry').QuestionnaireIndexEntry[];
  export default index;
  /** Earlier editions, shipped so assessments pinned to them keep their scores. */
  export const editions: import('$lib/domain/questionnaire/index-entry').EditionIndexEntry[];
}

/** The app's version from package.json, written into exported files. */
declare const __APP_VERSION__: string;

// The built-in translation overlays, made by the build from questionnaires/i18n/<language>/*.yaml:
// `id@version/language` → a loader of that overlay, a chunk of its own (docs/languages.md).
declare module 'virtual:questionnaire-overlays' {
  const overlays: Readonly<
    Record<
      string,
      () => Promise<{
        default: import('$lib/domain/questionnaire/overlay-schema').QuestionnaireOverlay;
      }>
    >
  >;
  export default overlays;
  /** `id@version/language` → the overlay's title, for lists that show titles only. */
  export const titles: Readonly<Record<string, string>>;
}
