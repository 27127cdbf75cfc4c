import type { TViewerScope } from '../access/access-port';
import { firstNameMatches } from '../access/name-match';
import type { TChildPosition } from '../nlu';

/**
 * The first name of the child a parent means by position ("а у второго?" — the second in link
 * order, as the menus' child switcher lists them; "а у другого?" — the one not asked about last),
 * or null when that cannot be told (no such child, or "other" among more than two).
 */
export function positionedChild(
  scope: TViewerScope,
  position: TChildPosition,
  previousChild: string | null,
): string | null {
  const children = scope.linkedStudents;
  if (position.kind === 'ordinal') return children[position.n - 1]?.firstName ?? null;
  if (children.length !== 2 || !previousChild) return null;
  const others = children.filter((s) => !firstNameMatches(s.firstName, previousChild));
  return others.length === 1 ? others[0].firstName : null;
}
