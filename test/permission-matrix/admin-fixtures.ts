import { PersonalDataRpc, RosterRpc } from '#contracts';
import type { RpcClient } from '#platform';

/** Personal data the allowed persona writes again and again (the same each time: nothing changes after the first). */
export const MATRIX_PERSONAL_DATA = {
  birthDate: '2014-05-20',
  address: 'г. Ханты-Мансийск, ул. Выдуманная, д. 7',
  phones: ['+7 912 000-00-07'],
  document: { type: 'birth-certificate', number: 'II-ПН 654321' },
  snils: '112-233-445 95',
} as const;

/**
 * What the routes of accounts, personal data and the roster work on, made so that every allowed request of the
 * matrix succeeds and changes nothing the matrix depends on: groups with their members, enrollments that ended in
 * September (of the student who left), roster requests to apply and to reject (again and again), the director on
 * school A's personal-data list, and the subject the colleague's account already has.
 */
export interface AdminFixtures {
  colleagueSubject: string;
  groups: { a6: string; a7: string; oldA: string };
  leaverEnrollments: { a6: string; a7: string };
  requests: { apply: { a6: string; a7: string }; reject: { a6: string; a7: string } };
}

interface FixtureInput {
  schoolA: string;
  people: { student: string; studentA2: string; director: string; leaver: string };
  classes: { a6: string; a7: string; oldA: string };
  colleagueSubject: string;
}

/** Loads the fixtures through identity's own commands, as the system (`call` carries the system actor). */
export async function loadAdminFixtures(call: RpcClient['call'], { schoolA, people, classes, colleagueSubject }: FixtureInput): Promise<AdminFixtures> {
  const group = async (classId: string, studentIds: string[]) => {
    const { id } = await call(RosterRpc.createGroup, { classId, subjectCode: 'english', name: 'Английский, 1 группа' });
    if (studentIds.length > 0) await call(RosterRpc.setGroupMembers, { classId, groupId: id, studentIds, from: '2026-09-01' });
    return id;
  };
  const groups = { a6: await group(classes.a6, [people.student]), a7: await group(classes.a7, [people.studentA2]), oldA: await group(classes.oldA, []) };

  const leaverEnrollment = async (classId: string) =>
    (await call(RosterRpc.roster, { classId })).enrollments.find((enrollment) => enrollment.student.id === people.leaver)!.id;
  const leaverEnrollments = { a6: await leaverEnrollment(classes.a6), a7: await leaverEnrollment(classes.a7) };

  // Requests to correct a name to the name it already is: applying them changes nothing but their status.
  const request = async (classId: string, personId: string, name: [string, string, string]) =>
    (
      await call(RosterRpc.submitRequest, {
        classId,
        change: { kind: 'correct-name', personId, name: { lastName: name[0], firstName: name[1], middleName: name[2] } },
      })
    ).id;
  const STUDENT: [string, string, string] = ['Егоров', 'Антон', 'Ильич'];
  const STUDENT_A2: [string, string, string] = ['Абрамова', 'Алла', 'Сергеевна'];
  const requests = {
    apply: { a6: await request(classes.a6, people.student, STUDENT), a7: await request(classes.a7, people.studentA2, STUDENT_A2) },
    reject: { a6: await request(classes.a6, people.student, STUDENT), a7: await request(classes.a7, people.studentA2, STUDENT_A2) },
  };

  await call(PersonalDataRpc.addStaff, { schoolId: schoolA, personId: people.director });
  return { colleagueSubject, groups, leaverEnrollments, requests };
}
