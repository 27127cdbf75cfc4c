import type { TVoiceChannel } from '../../linking/linking-types';

/** What the sign-in page says that names the voice assistant being linked. */
export interface TOAuthPageTexts {
  pageTitle: string;
  intro: string;
  badClient: string;
  /** The form was posted without its page's token, or the page stood open too long. */
  formExpired: string;
  /** The form was posted from another site. */
  foreignOrigin: string;
}

/** The sign-in page a voice skill's account linking opens in the person's browser. */
export interface TOAuthTexts {
  /** Per platform; `unknown` when the request names no client we have (no platform to name). */
  pages: Record<TVoiceChannel | 'unknown', TOAuthPageTexts>;
  codeLabel: string;
  codeHint: string;
  consentLabel: string;
  submit: string;
  consentRequired: string;
}
