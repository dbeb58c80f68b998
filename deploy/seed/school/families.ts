import { type FamilyName, inventPerson, randomFamilyName, randomFirstName } from '../people/name-generator.js';
import { createRandom } from '../random.js';
import type { PlanFamily, PlanPerson, PlanStudent } from './plan-types.js';

export interface CohortClass {
  cohort: number;
  letter: string;
  size: number;
}

export interface StudentsAndFamilies {
  students: PlanStudent[];
  parents: PlanPerson[];
  families: PlanFamily[];
}

interface FamilyDraft {
  family: PlanFamily;
  surname: FamilyName;
  fatherFirstName: string;
  cohorts: Set<number>;
}

/** Invented students with their parents; about one student in seven has a sibling in another class of the school. */
export function inventStudentsAndFamilies(seed: string, cohortClasses: CohortClass[]): StudentsAndFamilies {
  const random = createRandom(`${seed}:families`);
  const students: PlanStudent[] = [];
  const parents: PlanPerson[] = [];
  const drafts: FamilyDraft[] = [];

  const newFamily = (): FamilyDraft => {
    const index = drafts.length + 1;
    const surname = randomFamilyName(random);
    const fatherFirstName = randomFirstName(random, 'male');
    const family: PlanFamily = { key: `demo:family:${index}`, parentKeys: [], childKeys: [] };
    const mother: PlanPerson = {
      key: `demo:parent:${index}:mother`,
      name: inventPerson(random, 'female', surname, randomFirstName(random, 'male')),
    };
    parents.push(mother);
    family.parentKeys.push(mother.key);
    if (random.chance(0.75)) {
      const father: PlanPerson = {
        key: `demo:parent:${index}:father`,
        name: { ...inventPerson(random, 'male', surname, randomFirstName(random, 'male')), firstName: fatherFirstName },
      };
      parents.push(father);
      family.parentKeys.push(father.key);
    }
    const draft = { family, surname, fatherFirstName, cohorts: new Set<number>() };
    drafts.push(draft);
    return draft;
  };

  for (const cohortClass of cohortClasses) {
    for (let i = 1; i <= cohortClass.size; i += 1) {
      const siblingCandidates = drafts.filter((draft) => !draft.cohorts.has(cohortClass.cohort));
      const draft = siblingCandidates.length > 0 && random.chance(0.15) ? random.pick(siblingCandidates) : newFamily();
      const gender = random.chance(0.5) ? 'male' : 'female';
      const student: PlanStudent = {
        key: `demo:student:${cohortClass.cohort}${cohortClass.letter}:${String(i).padStart(2, '0')}`,
        name: inventPerson(random, gender, draft.surname, draft.fatherFirstName),
        cohort: cohortClass.cohort,
        letter: cohortClass.letter,
        // Skewed towards good students, as in most schools.
        ability: Math.round((2.8 + 2.1 * Math.sqrt(random.next())) * 100) / 100,
      };
      students.push(student);
      draft.family.childKeys.push(student.key);
      draft.cohorts.add(cohortClass.cohort);
    }
  }
  return { students, parents, families: drafts.map((draft) => draft.family) };
}
