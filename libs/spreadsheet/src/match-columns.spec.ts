import { describe, expect, it } from '@jest/globals';
import { matchColumns } from './match-columns.js';
import { normalizeHeader } from './normalize-header.js';

describe('columns by name', () => {
  it('normalises header names: case, ё, spaces, colons, a trailing asterisk', () => {
    expect(normalizeHeader('  Дата\u00a0 Рождения* ')).toBe('дата рождения');
    expect(normalizeHeader('Родитель 1 :Фамилия')).toBe('родитель 1: фамилия');
    expect(normalizeHeader('Отчёство:')).toBe('отчество');
  });

  it('finds expected columns by title or alias and lists the rest', () => {
    const match = matchColumns(['фио ученика', 'класс', '№ п/п'], {
      fullName: { title: 'ФИО', aliases: ['ФИО ученика'] },
      className: { title: 'Класс' },
      birthDate: { title: 'Дата рождения' },
    });
    expect(match).toEqual({ found: { fullName: 'фио ученика', className: 'класс' }, unknown: ['№ п/п'] });
  });
});
