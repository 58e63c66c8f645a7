import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { NewerLayoutError, openFailure } from './db';

describe('openFailure', () => {
  it('names the cause behind the browser’s and Dexie’s errors', () => {
    expect(openFailure(new NewerLayoutError('The store "summaries" is missing.'))).toBe('newer');
    expect(openFailure(new DOMException('Version mismatch', 'VersionError'))).toBe('newer');
    const quota = new DOMException('Quota exceeded', 'QuotaExceededError');
    expect(openFailure(new Dexie.OpenFailedError(quota))).toBe('full');
    expect(openFailure(new Dexie.MissingAPIError())).toBe('unavailable');
    expect(openFailure(new DOMException('The user denied permission', 'SecurityError'))).toBe(
      'unavailable'
    );
    const internal = new DOMException('Internal error opening backing store', 'UnknownError');
    expect(openFailure(new Dexie.OpenFailedError(internal))).toBe('damaged');
    expect(openFailure('something else')).toBe('damaged');
  });
});
