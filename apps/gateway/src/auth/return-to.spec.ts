import { describe, expect, it } from '@jest/globals';
import { sameSiteReturnTo } from './return-to.js';

describe('return after login', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(sameSiteReturnTo('/lessons/1?tab=marks#top')).toBe('/lessons/1?tab=marks#top');
  });

  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example', 'lessons', '/a\nb', '', undefined, 42])(
    'drops %p, which could lead elsewhere',
    (value) => {
      expect(sameSiteReturnTo(value)).toBeUndefined();
    },
  );
});
