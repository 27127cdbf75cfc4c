import type { AccessReader } from '../../../core/access';
import type { DiaryReader } from '../../../core/diary';
import type { Database } from '../../db/database';
import { createAccessReader } from '../access/access-reader';
import { createDiaryReader } from './diary-reader';
import { createNameCache } from './name-cache';

/** The read side the answer service needs, sharing one name cache. */
export function createReadModel(db: Database, defaultZone: string): { access: AccessReader; diary: DiaryReader } {
  const names = createNameCache(db.prisma, defaultZone);
  // Every answer runs these statements: prepared, they are planned once.
  return {
    access: createAccessReader(db.sql.prepared, names, defaultZone),
    diary: createDiaryReader(db.sql.prepared, names),
  };
}
