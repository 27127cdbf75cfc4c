/** The sign-in page a voice skill's account linking opens in the person's browser. */
export interface TOAuthTexts {
  pageTitle: string;
  intro: string;
  codeLabel: string;
  codeHint: string;
  consentLabel: string;
  submit: string;
  consentRequired: string;
  badClient: string;
  /** The form was posted without its page's token, or the page stood open too long. */
  formExpired: string;
  /** The form was posted from another site. */
  foreignOrigin: string;
}
