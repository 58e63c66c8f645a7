/** Tests only: a two-group workshop on the `mini` questionnaire, for the kit and response tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment } from '../../domain/assessment/model';
import { parseQuestionnaireText } from '../questionnaire-file';

const fixtures = join(process.cwd(), 'src/lib/io/fixtures');
const read = parseQuestionnaireText('mini.yaml', readFileSync(join(fixtures, 'mini.yaml'), 'utf8'));
if (!read.ok) throw new Error('fixture mini.yaml must be valid');
export const mini = read.questionnaire;

export const workshop: Assessment = {
  id: 'ke-2026',
  country: 'KE',
  title: 'Kenya 2026',
  date: '2026-12-01',
  questionnaires: [{ id: 'mini', version: mini.version }],
  status: 'draft',
  classification: 'AMBER',
  provenance: {
    mode: 'workshop',
    participants: [],
    facilitator: 'A. Otieno',
    validatedBy: '',
    validatedOn: ''
  },
  narrative: {
    executiveSummary: '',
    context: '',
    keyFindings: '',
    decisionsSought: '',
    nextReviewDate: ''
  },
  respondent: '',
  reopenings: [],
  groups: [
    { id: 'government', name: 'Government', kind: 'government', observer: false },
    { id: 'academia', name: 'Universities', kind: 'academia', observer: false }
  ],
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z'
};
