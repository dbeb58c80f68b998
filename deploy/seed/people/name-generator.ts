import type { PersonName } from '#contracts';
import type { Random } from '../random.js';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, patronymicsOf, SURNAMES } from './russian-names.js';

export type Gender = 'male' | 'female';

export interface FamilyName {
  masculine: string;
  feminine: string;
}

export function randomFamilyName(random: Random): FamilyName {
  const [masculine, feminine] = random.pick(SURNAMES);
  return { masculine, feminine };
}

export function randomFirstName(random: Random, gender: Gender): string {
  return random.pick(gender === 'male' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
}

/** An invented person: surname and patronymic agree with gender and with the father's first name. */
export function inventPerson(random: Random, gender: Gender, family: FamilyName, fatherFirstName: string): PersonName {
  const [masculinePatronymic, femininePatronymic] = patronymicsOf(fatherFirstName);
  return {
    lastName: gender === 'male' ? family.masculine : family.feminine,
    firstName: randomFirstName(random, gender),
    middleName: gender === 'male' ? masculinePatronymic : femininePatronymic,
  };
}
