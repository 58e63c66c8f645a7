// npm run schema: regenerates questionnaires/schema.json from the zod schema.
import { writeFileSync } from 'node:fs';
import { questionnaireJsonSchemaText } from '../src/lib/domain/questionnaire/json-schema';

writeFileSync('questionnaires/schema.json', questionnaireJsonSchemaText());
console.log('questionnaires/schema.json written');
