import { z } from '../zod';
import { questionnaireSchema } from './schema';

/**
 * The JSON Schema of a questionnaire file (input side: defaults may be omitted), for editors
 * that validate YAML/JSON as authors type. Cross-field rules (levels match the scale, references
 * resolve…) are checked by `npm run validate`, not by the JSON Schema.
 * @example JSON.stringify(questionnaireJsonSchema()).includes('"defaultTarget"') // true
 */
export function questionnaireJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(questionnaireSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://ncs-self-assessment.invalid/questionnaire.schema.json',
    title: 'NCS Self-Assessment questionnaire',
    description:
      'A questionnaire file (docs/file-formats.md). Generated from src/lib/domain/questionnaire/schema.ts by npm run schema; do not edit by hand.'
  };
}

export function questionnaireJsonSchemaText(): string {
  return `${JSON.stringify(questionnaireJsonSchema(), null, 2)}\n`;
}
