import type { TJournalEvent } from './event-schemas';
import type { TIngestScope } from './ingest-scope';
import type { TEntityKind } from './ingest-types';
import type { TBatchReferences, TEventError, TOwners, TReference } from './validate-batch';

// Schools are tenants. Every entity of a batch belongs to one school: a student's class, a
// lesson's class, subject and teacher, a grade's student and subject, ... must all be of the
// school the event is about (else 422, whoever writes). A school's key may, in addition, touch
// only its own school: naming another school, referring to anything of another school, or
// redefining something stored under another school is refused with 403.

export interface TTenancyFindings {
  /** 403: reaches beyond the key's school. Indices are positions in `events`. */
  forbidden: TEventError[];
  /** 422: one event mixes schools, or would move a stored entity to another school. */
  inconsistent: TEventError[];
}

// A pupil changes schools; a class, a subject, a teacher's record or a lesson does not (it would
// carry its pupils, lessons or grades along into the other school).
const MAY_CHANGE_SCHOOL: ReadonlySet<TEntityKind> = new Set(['student']);

export function checkTenancy(
  events: TJournalEvent[],
  references: TBatchReferences,
  stored: TOwners,
  scope: TIngestScope,
  shown: (id: string) => string,
): TTenancyFindings {
  const owners: TOwners = new Map([...stored].map(([kind, byId]) => [kind, new Map(byId)]));
  const ownerOf = (r: TReference) => (r.kind === 'school' ? r.id : owners.get(r.kind)?.get(r.id));
  const forbidden: TEventError[] = [];
  const inconsistent: TEventError[] = [];

  references.perEvent.forEach(({ defines, refers }, index) => {
    const named = [...(defines?.kind === 'school' ? [defines] : []), ...refers];
    const placed = named
      .map((r) => ({ r, school: ownerOf(r) }))
      .filter((p): p is { r: TReference; school: string } => p.school !== undefined);
    // The school the event is about: the one it names, else the one of its first known reference.
    const school = placed[0]?.school;
    const previous = defines && defines.kind !== 'school' ? owners.get(defines.kind)?.get(defines.id) : undefined;
    const say = (problems: string[]) => ({ index, id: events[index].id, message: problems.join('; ') });

    if (scope.kind === 'school') {
      const problems = placed.filter((p) => p.school !== scope.schoolId).map((p) => describeForeign(p.r, shown));
      if (defines && previous !== undefined && previous !== scope.schoolId)
        problems.push(describeForeign(defines, shown));
      if (problems.length > 0) {
        forbidden.push(say(problems));
        return;
      }
    }
    const problems = placed
      .filter((p) => p.school !== school)
      .map((p) => `data.${p.r.field}: ${p.r.kind} "${shown(p.r.id)}" is of school "${p.school}", not "${school}"`);
    if (
      defines &&
      school !== undefined &&
      previous !== undefined &&
      previous !== school &&
      !MAY_CHANGE_SCHOOL.has(defines.kind)
    ) {
      problems.push(
        `data.${defines.field}: ${defines.kind} "${shown(defines.id)}" is of school "${previous}" and cannot move to school "${school}"`,
      );
    }
    if (problems.length > 0) inconsistent.push(say(problems));
    else if (defines && defines.kind !== 'school' && school !== undefined) {
      if (!owners.has(defines.kind)) owners.set(defines.kind, new Map());
      owners.get(defines.kind)!.set(defines.id, school);
    }
  });
  return { forbidden, inconsistent };
}

// The other school is not named: a key learns nothing about schools it does not write.
function describeForeign(r: TReference, shown: (id: string) => string): string {
  return r.kind === 'school'
    ? `data.${r.field}: this key writes only its own school`
    : `data.${r.field}: ${r.kind} "${shown(r.id)}" belongs to another school`;
}

/**
 * The 403 part that needs no database, for events that failed validation: a school key's batch
 * naming another school is refused as forbidden even when it is also malformed.
 */
export function foreignSchoolFields(rawEvents: unknown[], scope: TIngestScope): TEventError[] {
  if (scope.kind !== 'school') return [];
  const errors: TEventError[] = [];
  rawEvents.forEach((raw, index) => {
    const event = raw as { id?: unknown; data?: { schoolId?: unknown } } | null;
    const schoolId = event?.data?.schoolId;
    if (typeof schoolId === 'string' && schoolId.trim() !== scope.schoolId) {
      errors.push({
        index,
        id: typeof event?.id === 'string' ? event.id : null,
        message: 'data.schoolId: this key writes only its own school',
      });
    }
  });
  return errors;
}
