import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { questionnaireJsonSchemaText } from './json-schema';

it('the committed questionnaires/schema.json matches the zod schema (run npm run schema)', () => {
  const committed = readFileSync(join(process.cwd(), 'questionnaires/schema.json'), 'utf8');
  expect(committed).toBe(questionnaireJsonSchemaText());
});

it('the JSON Schema names the keys authors write and requires the essentials', () => {
  const schema = JSON.parse(questionnaireJsonSchemaText()) as {
    required: string[];
    properties: Record<string, unknown>;
  };
  expect(schema.required).toEqual(
    expect.arrayContaining(['id', 'version', 'title', 'scale', 'defaultTarget', 'sections'])
  );
  expect(Object.keys(schema.properties)).toContain('references');
});
