import type { TDiaryStudent } from '../diary/diary-types';
import type { TViewerScope } from './access-port';
import { firstNameMatches } from './name-match';

export type TStudentChoice =
  | { kind: 'students'; students: TDiaryStudent[] }
  /** Nobody the viewer may see answers to that name. Deliberately carries nothing else. */
  | { kind: 'refused' }
  /** The viewer has no students at all (a teacher asking about grades without a name, a fresh person). */
  | { kind: 'none' };

/**
 * The students an answer is about. Only students reachable through the viewer's own links are
 * ever considered (for a teacher, also `taught`: the pupils their grants cover today), so a name
 * elsewhere in the school is indistinguishable from a made-up one.
 */
export function chooseStudents(
  scope: TViewerScope,
  child: string | null,
  taught: readonly TDiaryStudent[] = [],
): TStudentChoice {
  if (!child)
    return scope.linkedStudents.length > 0 ? { kind: 'students', students: scope.linkedStudents } : { kind: 'none' };
  const own = scope.linkedStudents.filter((s) => firstNameMatches(s.firstName, child));
  if (own.length > 0) return { kind: 'students', students: own };
  const pupils = taught.filter((s) => firstNameMatches(s.firstName, child));
  if (pupils.length > 0) return { kind: 'students', students: pupils };
  return { kind: 'refused' };
}
