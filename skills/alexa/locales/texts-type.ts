/** Everything the Alexa skill itself says; answers about the diary come from core renderers. */
export interface TAlexaTexts {
  launchLinked: string;
  launchNew: string;
  askCode: string;
  consentRepeat: string;
  reprompt: string;
  goodbye: string;
  /** Alerts and settings live in the chat bots, not in a voice skill. */
  elsewhere: string;
  error: string;
  cardTitle: string;
}
