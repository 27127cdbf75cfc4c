import type { AbsenceBook } from './attendance';
import { compactDay, minutesOf, weekday } from './calendar';
import { chance, createRandom, pick, randomInt } from './prng';
import type { TStudent } from './roster';
import { BELLS } from './school-data';

// A pupil's canteen account. The ledger is replayed from the first Monday of the school year
// with the pupil's own seed, so every balance is the running sum of the amounts before it, and
// a given day's transactions come out the same whichever "today" the demo is generated for
// (within one school year). Only the part inside the demo window is returned.

export interface TCanteenTx {
  id: string;
  student: TStudent;
  day: number;
  minutes: number;
  amountKopecks: number;
  balanceKopecks: number;
  description: string;
}

export interface TLedgerRange {
  /** Replay starts here with an empty account (the school year's first Monday). */
  from: number;
  /** Transactions before this day are replayed but not returned. */
  first: number;
  today: number;
  /** Today's transactions after this minute have not happened yet. */
  nowMinutes: number;
}

/** Moscow school meal prices, in kopecks: a set breakfast and lunch, younger and older classes. */
const PRICES = {
  junior: { breakfast: 15_870, lunch: 24_870 },
  senior: { breakfast: 17_320, lunch: 27_390 },
};
const BUFFET = ['Буфет: выпечка, чай', 'Буфет: пицца, сок', 'Буфет: сырники, какао', 'Буфет: салат, компот'] as const;
const TOP_UP = 'Пополнение баланса';

export function canteenLedger(student: TStudent, range: TLedgerRange, absences: AbsenceBook): TCanteenTx[] {
  const profile = student.canteen;
  const prices = student.cls.grade <= 7 ? PRICES.junior : PRICES.senior;
  const breakfastBell = minutesOf(BELLS[student.cls.breakfastAfterLesson - 1].end);
  const lunchBell = minutesOf(BELLS[3].end);
  const snackBell = minutesOf(BELLS[4].end);
  const rnd = createRandom('canteen', student.id, range.from);
  const out: TCanteenTx[] = [];
  let balance = 0;
  let waitingDays = 0;
  let opened = false;

  for (let day = range.from; day <= range.today; day++) {
    if (weekday(day) > 5) continue;
    let seq = 0;
    const book = (minutes: number, amountKopecks: number, description: string) => {
      balance += amountKopecks;
      seq += 1;
      if (day >= range.first && (day < range.today || minutes <= range.nowMinutes)) {
        out.push({
          id: `cnt-${student.code}-${compactDay(day)}-${seq}`,
          student,
          day,
          minutes,
          amountKopecks,
          balanceKopecks: balance,
          description,
        });
      }
    };
    const buy = (minutes: number, price: number, description: string) => {
      if (balance >= price) book(minutes, -price, description);
      else waitingDays = Math.max(waitingDays, 1);
    };
    const away = absences.dayAbsence(student, day) !== null;
    const morning = randomInt(rnd, 7 * 60 + 5, 8 * 60 + 10);

    if (!opened) {
      opened = true;
      book(morning, profile.habit === 'daily' ? roundUp(prices.lunch) : profile.topUpKopecks, TOP_UP);
    } else if (profile.habit === 'daily' && !away && balance < prices.lunch) {
      // These parents pay for exactly one lunch each morning, so the balance never builds up.
      book(morning, roundUp(prices.lunch - balance), TOP_UP);
    }
    const wantsBreakfast = chance(rnd, profile.breakfastChance);
    const wantsLunch = chance(rnd, profile.lunchChance);
    const wantsSnack = chance(rnd, profile.buffetChance);
    const snackPrice = randomInt(rnd, 150, 350) * 100;
    const snack = pick(rnd, BUFFET);
    const evening = randomInt(rnd, 18 * 60, 22 * 60);
    if (!away) {
      if (wantsBreakfast) buy(breakfastBell + randomInt(rnd, 1, 12), prices.breakfast, 'Комплексный завтрак');
      if (wantsLunch) buy(lunchBell + randomInt(rnd, 1, 18), prices.lunch, 'Комплексный обед');
      if (wantsSnack) buy(snackBell + randomInt(rnd, 1, 8), snackPrice, snack);
    }
    if (profile.habit === 'regular' && balance < profile.thresholdKopecks) {
      book(evening, profile.topUpKopecks, TOP_UP);
    } else if (profile.habit === 'forgetful' && waitingDays > 0) {
      // Declined at the till: the family notices only after a few days.
      if (waitingDays > profile.topUpDelayDays) {
        book(evening, profile.topUpKopecks, TOP_UP);
        waitingDays = 0;
      } else waitingDays += 1;
    }
  }
  return out;
}

/** Up to whole tens of roubles, as people type amounts into a payment app. */
function roundUp(kopecks: number): number {
  return Math.ceil(kopecks / 1000) * 1000;
}
