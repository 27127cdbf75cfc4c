/** Everything the Alexa skill itself says; answers about the diary come from core renderers. */
export interface TAlexaTexts {
  launchLinked: string;
  launchNew: string;
  /** launchNew where account linking is set up: the Alexa app has a sign-in card too. */
  launchNewOrSignIn: string;
  askCode: string;
  /** askCode where account linking is set up. */
  askCodeOrSignIn: string;
  consentRepeat: string;
  reprompt: string;
  goodbye: string;
  /** Alerts and settings live in the chat bots, not in a voice skill. */
  elsewhere: string;
  error: string;
  cardTitle: string;
}
