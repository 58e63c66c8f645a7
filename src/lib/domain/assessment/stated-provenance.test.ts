import { describe, expect, it } from 'vitest';
import { AS_STATED, statedProvenance } from './stated-provenance';

describe('statedProvenance', () => {
  it('names who validated and when, as far as the file says', () => {
    expect(
      statedProvenance({ mode: 'validated', validatedBy: ' KE-CIRT ', validatedOn: '2026-10-01' })
    ).toBe('Externally validated by KE-CIRT on 2026-10-01');
    expect(statedProvenance({ mode: 'validated', validatedBy: '', validatedOn: '' })).toBe(
      'Externally validated'
    );
  });

  it('gives the mode alone for a self-assessment, ignoring stray validation fields', () => {
    expect(
      statedProvenance({ mode: 'workshop', validatedBy: 'X', validatedOn: '2026-01-01' })
    ).toBe('Multi-stakeholder workshop');
    expect(statedProvenance({ mode: 'desk-review', validatedBy: '', validatedOn: '' })).toBe(
      'Desk review'
    );
  });

  it('has one wording for claims a file makes', () => {
    expect(AS_STATED).toBe('as stated in the file');
  });
});
