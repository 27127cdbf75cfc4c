import type { LinkingStore } from './linking-port';
import type { TGrant } from './linking-types';

// A pupil consents for themselves only where the school allows it (School.studentSelfConsent,
// default off). Otherwise a pupil's own code works once a guardian of that pupil has linked and
// consented: a parent decides first that the child's diary may be in a messenger at all. Checked
// when the code is offered (a polite reply, the code left unused and the try not counted) and
// again when consent is accepted, since a guardian may have withdrawn meanwhile.

export async function pupilMayLink(store: Pick<LinkingStore, 'pupilMayConsent'>, grant: TGrant): Promise<boolean> {
  if (grant.role !== 'student' || !grant.studentId) return true;
  return store.pupilMayConsent(grant.studentId);
}
