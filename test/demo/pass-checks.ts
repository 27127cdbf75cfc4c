import type { TEventData, TJournalEvent } from '../../core/ingest/event-schemas';
import { ofType } from './demo-checks';

// Turnstile passes checked against the journal's own lessons and attendance marks, for any day
// the demo is made for. The demo writes instants in school time, so `at` reads as local time.

type TPass = TEventData<'pass.recorded'>;

const dateOf = (at: string) => at.slice(0, 10);
const timeOf = (at: string) => at.slice(11, 16);

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Pupil-days: for each `studentId date`, the lessons they were at (by start) and their passes (by time). */
function pupilDays(events: TJournalEvent[]) {
  const lessons = new Map(ofType(events, 'lesson.upserted').map((l) => [l.lessonId, l]));
  const days = new Map<
    string,
    { at: { start: string; end: string; late: boolean }[]; classLessons: string[]; passes: TPass[] }
  >();
  const dayOf = (key: string) => {
    let d = days.get(key);
    if (!d) days.set(key, (d = { at: [], classLessons: [], passes: [] }));
    return d;
  };
  for (const a of ofType(events, 'attendance.marked')) {
    const l = lessons.get(a.lessonId)!;
    const d = dayOf(`${a.studentId} ${l.date}`);
    d.classLessons.push(`${l.start}-${l.end}`);
    if (a.status !== 'absent') d.at.push({ start: l.start, end: l.end, late: a.status === 'late' });
  }
  for (const p of ofType(events, 'pass.recorded')) dayOf(`${p.studentId} ${dateOf(p.at)}`).passes.push(p);
  for (const d of days.values()) {
    d.at.sort((a, b) => (a.start < b.start ? -1 : 1));
    d.passes.sort((a, b) => (a.at < b.at ? -1 : 1));
  }
  return days;
}

export interface TPassReport {
  problems: string[];
  /** Out and back in within a break. */
  stepOuts: number;
  latecomers: number;
}

/** What is wrong with the passes of a demo made for `today` with its snapshot at `now` (HH:mm). */
export function passReport(events: TJournalEvent[], today: string, now: string): TPassReport {
  const problems: string[] = [];
  let stepOuts = 0;
  let latecomers = 0;
  const snapshot = Date.parse(`${today}T${now}:00+03:00`);
  for (const p of ofType(events, 'pass.recorded'))
    if (Date.parse(p.at) > snapshot) problems.push(`${p.passId}: after the snapshot`);

  for (const [key, d] of pupilDays(events)) {
    const say = (what: string) => problems.push(`${key}: ${what}`);
    if (d.at.length === 0) {
      if (d.passes.length > 0) say('passes on a day absent from every lesson');
      continue;
    }
    const first = d.at[0];
    const last = d.at[d.at.length - 1];
    const directions = d.passes.map((p) => p.direction).join(' ');
    if (!/^in( out in)*( out)?$/.test(directions)) {
      say(`passes do not alternate from an 'in': ${directions}`);
      continue;
    }
    const start = minutes(first.start);
    const firstIn = minutes(timeOf(d.passes[0].at));
    const inBeforeStart = d.passes.filter((p) => p.direction === 'in' && minutes(timeOf(p.at)) <= start).length;
    if (first.late) {
      latecomers += 1;
      // Attendance is marked five minutes into the lesson: a latecomer is in class by then.
      if (inBeforeStart !== 0 || firstIn > start + 5) say(`late, yet in at ${timeOf(d.passes[0].at)}`);
    } else if (inBeforeStart !== 1 || start - firstIn > 25)
      say(`in at ${timeOf(d.passes[0].at)} for a lesson at ${first.start}`);

    const gone = d.passes[d.passes.length - 1];
    const leftForGood = gone.direction === 'out';
    if (dateOf(gone.at) === today && leftForGood) say(`left today before the snapshot at ${timeOf(gone.at)}`);
    if (dateOf(gone.at) < today) {
      const after = minutes(timeOf(gone.at)) - minutes(last.end);
      if (!leftForGood || after < 5 || after > 40) say(`left at ${timeOf(gone.at)} after lessons to ${last.end}`);
    }
    // Every other out is a step-out: back within a few minutes, both in the same break.
    const during = (t: number) => d.classLessons.some((l) => minutes(l.slice(0, 5)) < t && t < minutes(l.slice(6, 11)));
    for (let i = 1; i + 1 < d.passes.length; i += 2) {
      const out = minutes(timeOf(d.passes[i].at));
      const back = minutes(timeOf(d.passes[i + 1].at));
      stepOuts += 1;
      if (back - out > 10 || during(out) || during(back)) say(`stepped out ${out}–${back} not within a break`);
    }
  }
  return { problems, stepOuts, latecomers };
}
