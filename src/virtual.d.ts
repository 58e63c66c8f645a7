// The index of built-in questionnaires, made by the build from questionnaires/*.yaml.
declare module 'virtual:questionnaire-index' {
  const index: import('$lib/domain/questionnaire/index-entry').QuestionnaireIndexEntry[];
  export default index;
}
