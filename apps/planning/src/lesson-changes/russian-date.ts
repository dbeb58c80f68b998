/** A school date as people read it: `2026-12-10` → `10.12.2026`. */
export function russianDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}
