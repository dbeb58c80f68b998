/**
 * One table of a service that holds a school's data, declared for export and import (R-DATA-2).
 *
 * `where` selects the school's rows; it may use `$1` (the school's id), `$2` (its page ids, `uuid[]`) and `$3` (the
 * students ever enrolled in it, `uuid[]`), and refers to the table's own columns unqualified or as `t.`.
 */
export interface TransferTable {
  name: string;
  where: string;
  /** A total order over the school's rows (the primary key), so that two exports of the same data are identical. */
  orderBy: string;
  /**
   * Columns the database numbers itself (bigserial surrogate keys of logs): not exported; an import lets the target's
   * sequence number the rows again, in their exported order, so a school can join a system that has others.
   */
  generated?: readonly string[];
  /**
   * Rows another school may hold too (a person, a guardianship, a student's excuse): an import keeps a row that is
   * already there (same primary key) and does not count it as the school's presence.
   */
  shared?: boolean;
}
