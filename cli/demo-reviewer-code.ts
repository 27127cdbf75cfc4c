import { DateTime } from 'luxon';
import { formatLinkCode, issueCodes } from '../core/linking';
import { DEMO_SCHOOL_ID } from '../prisma/demo/load-demo';
import { demoPeople } from '../prisma/demo/people';
import type { Runtime } from '../runtime/runtime';

// `dnevnik codes --demo-reviewer` (docs/alice-publishing.md): the code a store's moderators link
// with, as the parent of a demo pupil. Several moderators try the same code, in any order, so it
// is not spent when redeemed; it expires like any code. Being reusable, it must never reach a real
// pupil: it grants one pupil of the demo school, and the linking store refuses a reusable code for
// anyone else on every lookup and redemption (prisma/stores/linking/linking-store.ts).

type TWritable = { write(chunk: string | Uint8Array): unknown };

/** Why no reviewer code can be made, and what to do: one line. */
export const NO_DEMO_SCHOOL =
  'this database has no demo school, and the reviewer code links only to it: load it first with `dnevnik seed-demo`';

/** The pupil whose parent the moderators become: the first demo guardian's (first) child. */
const reviewedPupilId = () => demoPeople()[0].studentIds[0];

export async function demoReviewerCode(
  runtime: Runtime,
  days: number,
  out: TWritable,
  err: TWritable,
): Promise<number> {
  const studentId = reviewedPupilId();
  const pupil = await runtime.db.prisma.student.findFirst({
    where: { id: studentId, schoolId: DEMO_SCHOOL_ID },
    include: { schoolClass: true, school: true },
  });
  if (!pupil) {
    err.write(`dnevnik codes: ${NO_DEMO_SCHOOL}\n`);
    return 1;
  }
  const [issued] = await issueCodes(
    runtime.stores.linking,
    runtime.linkCodes().pepper,
    [{ role: 'guardian', studentId, teacherId: null }],
    { days, reusable: true },
  );
  const expires = DateTime.fromJSDate(issued.expiresAt).setZone(runtime.config.TZ_DEFAULT).toISO();
  out.write(
    [
      `demo reviewer code: ${formatLinkCode(issued.code)}`,
      `  links:    a parent of ${pupil.lastName} ${pupil.firstName}, ${pupil.schoolClass.name} (demo school "${pupil.school.name}")`,
      '  reusable: by any number of chats until it expires; it links nothing outside the demo school',
      `  expires:  ${expires}`,
      '',
    ].join('\n'),
  );
  return 0;
}
