import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '#contracts';
import { entityTag, expectedVersion } from './entity-tag.js';

describe('versions in ETag and If-Match', () => {
  it('quotes the version in the ETag', () => {
    expect(entityTag(3)).toBe('"3"');
  });

  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
    ['*', undefined],
    [undefined, undefined],
  ])('reads If-Match %p as expected version %p', (header, version) => {
    expect(expectedVersion(header)).toBe(version);
  });

  it('refuses an If-Match that is not a version', () => {
    expect(() => expectedVersion('"abc"')).toThrow(expect.objectContaining({ code: ErrorCode.ValidationFailed }));
  });
});
