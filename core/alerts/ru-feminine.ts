import { russianGender } from '../i18n/ru-gender';

/**
 * Whether an alert's Russian verbs take the feminine form («пришла»): a name that could be either
 * (Саша) or is not known reads as a boy's — a wrong guess costs one letter, not the alert.
 */
export const ruFeminine = (firstName: string, middleName?: string | null): boolean =>
  russianGender(firstName, middleName) === 'f';
