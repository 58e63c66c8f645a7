import { describe, expect, it } from 'vitest';
import { classificationRank, highestClassification } from './classification';

describe('classification order', () => {
  it('ranks CLEAR lowest and RED highest', () => {
    expect(classificationRank('CLEAR')).toBeLessThan(classificationRank('GREEN'));
    expect(classificationRank('AMBER')).toBeLessThan(classificationRank('AMBER+STRICT'));
    expect(classificationRank('AMBER+STRICT')).toBeLessThan(classificationRank('RED'));
  });
  it('takes the most restrictive label of a set, null for none', () => {
    expect(highestClassification(['GREEN', 'RED', 'AMBER'])).toBe('RED');
    expect(highestClassification(['AMBER', 'AMBER+STRICT'])).toBe('AMBER+STRICT');
    expect(highestClassification([])).toBeNull();
  });
});
