// The index of built-in questionnaires, made by the build from questionnaires/*.yaml.
declare module 'virtual:questionnaire-index' {
  const index: import('$lib/domain/questionnaire/index-entry').QuestionnaireIndexEntry[];
  export default index;
}

/** The app's version from package.json, written into exported files. */
declare const __APP_VERSION__: string;
