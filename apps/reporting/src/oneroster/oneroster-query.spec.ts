import { describe, expect, it } from '@jest/globals';
import type { OneRosterRecord } from '#contracts';
import { requireKnownFields } from './oneroster-fields.js';
import { applyFilter, applySort, parseFilter, selectFields } from './oneroster-query.js';

const record = (sourcedId: string, dateLastModified: string, extra: Record<string, unknown> = {}): OneRosterRecord => ({
  sourcedId,
  dateLastModified,
  ...extra,
});

describe('OneRoster filter, sort and fields (R-REP-5)', () => {
  const records = [
    record('b', '2026-12-01T05:00:00.000Z', { familyName: 'Петрова', school: { sourcedId: 's1' } }),
    record('a', '2026-12-02T05:00:00.000Z', { familyName: 'Иванов', school: { sourcedId: 's2' } }),
    record('c', '2026-11-30T05:00:00.000Z', { familyName: 'Сидоров', school: { sourcedId: 's1' } }),
  ];

  it('R-REP-5: dateLastModified compares as instants, whatever the offset', () => {
    const since = applyFilter(records, "dateLastModified>'2026-12-01T10:00:00+05:00'");
    expect(since.map((found) => found.sourcedId)).toEqual(['a']);
    expect(applyFilter(records, "dateLastModified>='2026-12-01T10:00:00+05:00'").map((found) => found.sourcedId)).toEqual(['b', 'a']);
  });

  it('R-REP-5: predicates on dotted fields, joined by AND or OR; contains with ~', () => {
    expect(applyFilter(records, "school.sourcedId='s1' AND familyName~'сид'").map((found) => found.sourcedId)).toEqual(['c']);
    expect(applyFilter(records, "familyName='Иванов' OR familyName='Петрова'").map((found) => found.sourcedId)).toEqual(['b', 'a']);
  });

  it('R-REP-5: a malformed filter, both AND and OR, or a bad instant is refused', () => {
    expect(() => parseFilter('familyName=Иванов')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => parseFilter("a='1' AND b='2' OR c='3'")).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => parseFilter("dateLastModified>'yesterday'")).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('R-REP-5: sorts by sourcedId by default, by a field in either direction; fields keeps the named ones', () => {
    expect(applySort(records, undefined, undefined).map((found) => found.sourcedId)).toEqual(['a', 'b', 'c']);
    expect(applySort(records, 'familyName', 'desc').map((found) => found.familyName)).toEqual(['Сидоров', 'Петрова', 'Иванов']);
    expect(selectFields(records[0]!, 'sourcedId, familyName')).toEqual({ sourcedId: 'b', familyName: 'Петрова' });
  });

  it("R-REP-5: a filter reaches into arrays: roles.role='teacher' finds a user with that role among several", () => {
    const users = [
      record('u1', '2026-12-01T05:00:00.000Z', { roles: [{ roleType: 'primary', role: 'teacher' }] }),
      record('u2', '2026-12-01T05:00:00.000Z', { roles: [{ roleType: 'primary', role: 'parent' }, { roleType: 'secondary', role: 'teacher' }] }),
      record('u3', '2026-12-01T05:00:00.000Z', { roles: [{ roleType: 'primary', role: 'student' }] }),
    ];
    expect(applyFilter(users, "roles.role='teacher'").map((found) => found.sourcedId)).toEqual(['u1', 'u2']);
    expect(applyFilter(users, "roles.role!='teacher'").map((found) => found.sourcedId)).toEqual(['u3']);
  });

  it('R-REP-5: a filter, sort or fields naming a field the records do not have is refused (invalid_filter_field)', () => {
    const refused = expect.objectContaining({ code: 'VALIDATION_FAILED' });
    expect(() => requireKnownFields('users', { filter: "foo='bar'" })).toThrow(refused);
    expect(() => requireKnownFields('users', { filter: "role='teacher'" })).toThrow(refused);
    expect(() => requireKnownFields('results', { sort: 'familyName' })).toThrow(refused);
    expect(() => requireKnownFields('orgs', { fields: 'sourcedId,nmae' })).toThrow(refused);
    expect(() =>
      requireKnownFields('users', { filter: "roles.role='teacher' AND dateLastModified>'2026-12-01T00:00:00Z'", sort: 'familyName', fields: 'sourcedId, givenName' }),
    ).not.toThrow();
    expect(() => requireKnownFields('enrollments', { filter: "role='teacher'" })).not.toThrow();
  });
});
