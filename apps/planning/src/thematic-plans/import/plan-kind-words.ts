import { PLAN_TOPIC_KIND_NAMES, type PlanTopicKind } from '#contracts';
import { normalizeHeader } from '#spreadsheet';

const END = '(?:$|[\\s.,;:(])';

/** Words of a kind column, as teachers write them (compared normalised, by their beginning), and the kind each means. */
const KIND_WORDS: ReadonlyArray<[RegExp, PlanTopicKind]> = [
  [new RegExp(`^(урок|изучени|комбинированн|открыти|повторени|обобщени|практическ|лабораторн|экскурси)`), 'lesson'],
  [new RegExp(`^(к/р|кр)${END}|^(контрольная|административная|итоговая контрольная|годовая контрольная)`), 'control-work'],
  [new RegExp(`^(п/р|пр)${END}|^проверочная`), 'verification-work'],
  [new RegExp(`^(диагностическ|входн|впр${END}|всероссийская проверочная)`), 'diagnostic-work'],
  [/^(контрольный диктант|диктант)/, 'dictation'],
  [/^(контрольное сочинение|контрольное изложение|сочинение|изложение)/, 'essay'],
  [new RegExp(`^(итоговый тест|тест|зачет)${END}`), 'test'],
];

/** Assessments that teachers name in the topic's title, when the file has no kind for the row. */
const TITLE_WORDS: ReadonlyArray<[RegExp, PlanTopicKind]> = [
  [/контрольн\S* диктант/, 'dictation'],
  [/контрольн\S* (сочинени|изложени)/, 'essay'],
  [/диагностическ\S* (контрольн\S* )?работ|входн\S* контрольн\S* работ|всероссийск\S* проверочн\S* работ/, 'diagnostic-work'],
  [/контрольн\S* работ|административн\S* контрольн/, 'control-work'],
  [/проверочн\S* работ/, 'verification-work'],
  [new RegExp(`итогов\\S* (тест|зачет)|^зачет${END}`), 'test'],
];

/** Lessons about an assessment rather than the assessment itself: its analysis, the work on its mistakes, preparing. */
const ABOUT_AN_ASSESSMENT = /анализ|ошибк|подготовк|повторени/;

const BY_NAME = new Map(
  (Object.entries(PLAN_TOPIC_KIND_NAMES) as Array<[PlanTopicKind, string]>).map(([kind, name]) => [normalizeHeader(name), kind]),
);

/** The kind a cell of the kind column names; undefined when it is not recognised. */
export function kindOfWord(text: string): PlanTopicKind | undefined {
  const word = normalizeHeader(text);
  return BY_NAME.get(word) ?? KIND_WORDS.find(([pattern]) => pattern.test(word))?.[1];
}

/** The kind a topic's title says: an assessment when it names one («Контрольная работа № 2 …»), a lesson otherwise. */
export function kindOfTitle(title: string): PlanTopicKind {
  const text = normalizeHeader(title);
  if (ABOUT_AN_ASSESSMENT.test(text)) return 'lesson';
  return TITLE_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? 'lesson';
}
