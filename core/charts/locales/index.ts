import type { TLang } from '../../i18n';
import { enChartTexts } from './en';
import { ruChartTexts } from './ru';
import type { TChartTexts } from './texts-type';

export type { TChartTexts } from './texts-type';

export const CHART_TEXTS: Record<TLang, TChartTexts> = { ru: ruChartTexts, en: enChartTexts };
