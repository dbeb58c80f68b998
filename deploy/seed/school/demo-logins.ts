import type { DemoYear } from './demo-school-plan.js';
import type { DemoLogin, PlanFamily } from './plan-types.js';

export interface DemoStaff {
  director: string;
  deputy: string;
  coordinator: string;
  sysadmin: string;
}

/** Named logins for every role of the demo, then one for each other teacher and parent. */
export function chooseLogins(
  current: DemoYear,
  families: PlanFamily[],
  teacherKeys: string[],
  staff: DemoStaff,
): DemoLogin[] {
  const logins: DemoLogin[] = [
    { login: 'director', personKey: staff.director, roles: ['director'], descriptionRu: 'директор', canSignIn: true },
    { login: 'deputy', personKey: staff.deputy, roles: ['deputy'], descriptionRu: 'заместитель директора по УР', canSignIn: true },
    { login: 'coordinator', personKey: staff.coordinator, roles: ['coordinator'], descriptionRu: 'координатор ИС', canSignIn: true },
    { login: 'sysadmin', personKey: staff.sysadmin, roles: ['sysadmin'], descriptionRu: 'системный администратор', canSignIn: true },
  ];
  const olderClasses = current.classes.filter((c) => c.grade >= 5);
  const classForClassTeacher = olderClasses.find((c) => c.letter === 'А' && c.classTeacherKey) ?? current.classes.find((c) => c.classTeacherKey);
  const classTeacher = classForClassTeacher?.classTeacherKey;
  const leaders = new Set(current.classes.map((c) => c.classTeacherKey));
  const notLeading = (p: { teacherKey: string }) => !leaders.has(p.teacherKey);
  const mathTeacher = current.pages.find((p) => ['algebra', 'mathematics'].includes(p.subjectCode) && p.grade >= 5 && notLeading(p))?.teacherKey;
  const subjectTeacher = mathTeacher ?? current.pages.find((p) => p.grade >= 2 && notLeading(p))?.teacherKey;
  const firstGrade = current.classes.find((c) => c.grade === 1 && c.classTeacherKey);
  if (subjectTeacher) {
    logins.push({ login: 'teacher', personKey: subjectTeacher, roles: ['teacher'], descriptionRu: 'учитель-предметник', canSignIn: true });
  }
  if (classTeacher && classForClassTeacher) {
    logins.push({
      login: 'classteacher',
      personKey: classTeacher,
      roles: ['teacher'],
      descriptionRu: `классный руководитель ${classForClassTeacher.grade}${classForClassTeacher.letter}`,
      canSignIn: true,
    });
  }
  if (firstGrade?.classTeacherKey) {
    logins.push({
      login: 'primary',
      personKey: firstGrade.classTeacherKey,
      roles: ['teacher'],
      descriptionRu: `учитель начальных классов, ${firstGrade.grade}${firstGrade.letter} (без отметок)`,
      canSignIn: true,
    });
  }
  const enrolledNow = new Set(current.enrollments.filter((e) => e.to === null).map((e) => e.studentKey));
  const inClassTeachersClass = new Set(
    current.enrollments.filter((e) => e.classKey === classForClassTeacher?.key).map((e) => e.studentKey),
  );
  const family =
    families.find((f) => f.childKeys.filter((c) => enrolledNow.has(c)).length >= 2 && f.childKeys.some((c) => inClassTeachersClass.has(c))) ??
    families.find((f) => f.childKeys.some((c) => inClassTeachersClass.has(c))) ??
    families.find((f) => f.childKeys.some((c) => enrolledNow.has(c)));
  if (family) {
    logins.push({ login: 'parent', personKey: family.parentKeys[0]!, roles: ['parent'], descriptionRu: 'родитель', canSignIn: true });
  }
  const student = [...inClassTeachersClass][0];
  if (student) {
    logins.push({ login: 'student', personKey: student, roles: ['student'], descriptionRu: 'обучающийся (вход запрещён)', canSignIn: true });
  }
  const named = new Set(logins.map((l) => l.personKey));
  teacherKeys
    .filter((key) => !named.has(key))
    .forEach((personKey, index) =>
      logins.push({ login: `teacher${String(index + 1).padStart(2, '0')}`, personKey, roles: ['teacher'], descriptionRu: 'учитель', canSignIn: true }),
    );
  // Parents of the class teacher's class come first, so parent0001… are the ones who can sign in.
  const inDemoClass = (f: PlanFamily) => f.childKeys.some((c) => inClassTeachersClass.has(c));
  const ordered = [...families.filter(inDemoClass), ...families.filter((f) => !inDemoClass(f))];
  let parentNumber = 0;
  for (const f of ordered) {
    for (const personKey of f.parentKeys.filter((key) => !named.has(key))) {
      parentNumber += 1;
      logins.push({
        login: `parent${String(parentNumber).padStart(4, '0')}`,
        personKey,
        roles: ['parent'],
        descriptionRu: 'родитель',
        canSignIn: inDemoClass(f),
      });
    }
  }
  return logins;
}
