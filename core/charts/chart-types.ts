import { z } from 'zod';
import { isCivilDate } from '../calendar/civil-date';

// What a term chart is drawn from: plain data the caller reads from the diary, checked once here
// so that a renderer (in another thread) never meets a date it cannot place or a weight it cannot
// average. Text is only limited in length: odd characters in a name are the renderer's to escape.

const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isCivilDate, 'not a calendar date');
const ZText = z.string().max(200);

export const ZChartGradeSchema = z.object({
  date: ZDate,
  /** "2"–"5" (and "1") are averaged; anything else ("зачёт", "н/а") is shown but not averaged. */
  value: z.string().trim().min(1).max(20),
  /** The journal's weights are 1–5; only a positive one can be averaged. */
  weight: z.number().finite().positive().max(100),
});

// A term rarely brings more than 60 marks in a subject or 20 subjects; the limits are far above
// that and only keep a broken caller from asking for a picture tens of thousands of pixels tall.
export const ZChartSubjectSchema = z.object({
  /** The canonical (Russian) name, as the diary holds it; English is looked up for 'en'. */
  name: ZText,
  grades: z.array(ZChartGradeSchema).max(500),
});

export const ZChartPeriodSchema = z
  .object({
    /** "2-я четверть" / "term 2": already in the chat's language. */
    name: ZText,
    from: ZDate,
    to: ZDate,
  })
  .refine((p) => p.from <= p.to, 'the period ends before it starts');

const ZThreshold = z.number().min(1).max(5);

/**
 * The school's rule for turning an average into the period's mark: the lowest average that earns a
 * "5", a "4" and a "3" (below that, a "2"). The shape of core/terms' rounding, so that a school's
 * own rule passes straight through; without it, half up: 4.5, 3.5, 2.5.
 */
export const ZChartRoundingSchema = z
  .object({ '5': ZThreshold, '4': ZThreshold, '3': ZThreshold })
  .refine((r) => r['5'] > r['4'] && r['4'] > r['3'], 'the thresholds must descend: "5" above "4" above "3"');

const ZChartCommon = {
  /** The child's first name as the diary holds it. */
  childName: ZText,
  period: ZChartPeriodSchema,
  lang: z.enum(['ru', 'en']),
  rounding: ZChartRoundingSchema.optional(),
};

export const ZSubjectChartSchema = z.object({ ...ZChartCommon, subject: ZChartSubjectSchema });
export const ZTermChartSchema = z.object({ ...ZChartCommon, subjects: z.array(ZChartSubjectSchema).max(50) });

export type TChartGrade = z.infer<typeof ZChartGradeSchema>;
export type TChartSubject = z.infer<typeof ZChartSubjectSchema>;
export type TChartPeriod = z.infer<typeof ZChartPeriodSchema>;
export type TChartRounding = z.infer<typeof ZChartRoundingSchema>;
/** One subject over the term: its marks and the running weighted average. */
export type TSubjectChart = z.infer<typeof ZSubjectChartSchema>;
/** Every subject of the term, one row each. */
export type TTermChart = z.infer<typeof ZTermChartSchema>;

/** What the caller sends: a PNG with the message text under it, or only the text when there is nothing to draw. */
export type TChartImage =
  | { kind: 'image'; png: Uint8Array; width: number; height: number; caption: string }
  | { kind: 'empty'; caption: string };
