import { describe, expect, it } from '@jest/globals';
import { SLOW_REQUEST_MS, slowRequestLine } from './slow-requests.js';

describe('slow request log', () => {
  const request = { method: 'GET', id: 'req-1', routeOptions: { url: '/ims/oneroster/gradebook/v1p2/results/:sourcedId' } };

  it('names the route pattern, status, time and request id of a slow request, not the ids in its path', () => {
    expect(slowRequestLine(request, 200, 12_345.6)).toBe(
      'slow request: GET /ims/oneroster/gradebook/v1p2/results/:sourcedId answered 200 in 12346 ms (request req-1)',
    );
  });

  it('says nothing of a quick one', () => {
    expect(slowRequestLine(request, 200, SLOW_REQUEST_MS - 1)).toBeNull();
  });
});
