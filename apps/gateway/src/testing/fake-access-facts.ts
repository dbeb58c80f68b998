import type { AccessFacts, Actor, Relation, ResourceRef } from '#contracts';
import { CHILD, CLASS_5A, type FakeWorld, PARENT, PEOPLE, SCHOOL, STUDENT } from './fake-world.js';

const MISSING: AccessFacts = { exists: false, schoolIds: [], relations: [] };

/** What identity would know about the made-up school: the teacher teaches its pages and leads 5А, the parent has the child. */
export function fakeAccessFacts(world: FakeWorld, actor: Actor | undefined, resource: ResourceRef): AccessFacts {
  const personId = actor?.kind === 'person' ? actor.personId : null;
  const found = (relations: Array<Relation | false>): AccessFacts => ({
    exists: true,
    schoolIds: [SCHOOL.id],
    relations: relations.filter((relation): relation is Relation => relation !== false),
  });
  const leadsClass = (classId: string) => classId === CLASS_5A.id && personId === CLASS_5A.classTeacherId;
  switch (resource.type) {
    case 'school':
      return resource.id === SCHOOL.id ? found([]) : MISSING;
    case 'class':
      return resource.id === CLASS_5A.id ? found([leadsClass(resource.id) && 'class-teacher']) : MISSING;
    case 'student':
      if (resource.id !== CHILD.id) return MISSING;
      return found([
        personId === PARENT.account.personId && 'guardian',
        leadsClass(CHILD.classId!) && 'class-teacher',
        personId === STUDENT.account.personId && 'self',
      ]);
    case 'page': {
      const page = world.pages.find((candidate) => candidate.id === resource.id);
      if (!page) return MISSING;
      const assigned = page.assignments.some((assignment) => assignment.teacherId === personId);
      return found([assigned && 'page-teacher', assigned && 'page-teacher-ever', leadsClass(page.classId) && 'class-teacher']);
    }
    case 'person':
      return PEOPLE.some((person) => person.account.personId === resource.id) ? found([personId === resource.id && 'self']) : MISSING;
    case 'account': {
      const account = PEOPLE.find((person) => person.account.accountId === resource.id)?.account;
      return account ? found([personId === account.personId && 'self']) : MISSING;
    }
  }
}
