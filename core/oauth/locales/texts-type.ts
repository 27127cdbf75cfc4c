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
}
