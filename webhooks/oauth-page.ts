import { escapeHtml as h } from '../core/answers';
import type { TLang } from '../core/i18n';
import { consentText, type TVoiceChannel } from '../core/linking';
import { OAUTH_TEXTS } from '../core/oauth';

// The sign-in page of account linking: one self-contained form (no scripts, no external assets),
// the consent text in full above the checkbox, every value escaped. It names the voice assistant
// of the client that opened it (Alice or Alexa), and so does the consent: whose servers carry what follows.

const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f2f3f5;color:#111;display:flex;justify-content:center}
main{width:100%;max-width:560px;background:#fff;padding:20px 18px;min-height:100vh}h1{font-size:21px;margin:0 0 10px}
label{display:block;margin:14px 0 4px;font-weight:600}input[type=text]{width:100%;font:inherit;font-size:20px;letter-spacing:2px;padding:10px;border:1px solid #bbb;border-radius:8px}
.hint{color:#666;font-size:14px}.consent{margin-top:14px;padding:10px 12px;background:#f7f7f9;border-radius:8px;font-size:14px;white-space:pre-wrap;max-height:40vh;overflow:auto}
.check{display:flex;gap:8px;align-items:flex-start;font-weight:400}.check input{margin-top:4px;width:20px;height:20px}
button{margin-top:16px;width:100%;font:inherit;padding:12px;border:0;border-radius:8px;background:#6839cf;color:#fff;cursor:pointer}
.error{color:#b00020;margin:10px 0 0}`;

export interface TOAuthFormValues {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  codeChallengeMethod: string;
  code: string;
  /** The CSRF token bound to the page's cookie (webhooks/oauth-form-session.ts). */
  csrf: string;
}

function page(locale: TLang, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${h(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function oauthFormPage(
  locale: TLang,
  platform: TVoiceChannel,
  values: TOAuthFormValues,
  message?: string,
): string {
  const t = OAUTH_TEXTS[locale];
  const words = t.pages[platform];
  const consent = consentText(locale, 'web', 'adult', platform);
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${h(value)}">`;
  return page(
    locale,
    words.pageTitle,
    `<h1>${h(words.pageTitle)}</h1><p>${h(words.intro)}</p>
<form method="post" action="?lang=${locale}">
${hidden('response_type', 'code')}${hidden('client_id', values.clientId)}${hidden('redirect_uri', values.redirectUri)}${hidden('state', values.state)}
${hidden('code_challenge', values.codeChallenge)}${hidden('code_challenge_method', values.codeChallengeMethod)}${hidden('csrf', values.csrf)}
<label for="code">${h(t.codeLabel)}</label><input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" value="${h(values.code)}" required>
<div class="hint">${h(t.codeHint)}</div>
<div class="consent"><strong>${h(consent.title)}</strong>\n\n${h(consent.text)}</div>
<label class="check"><input type="checkbox" name="consent" value="yes"> ${h(t.consentLabel)}</label>
${message ? `<p class="error" role="alert">${h(message)}</p>` : ''}
<button type="submit">${h(t.submit)}</button>
</form>`,
  );
}

/** A page that only says why: a wrong client or redirect URI, or the refusal named. */
export function oauthErrorPage(
  locale: TLang,
  platform: TVoiceChannel | 'unknown',
  reason: 'badClient' | 'formExpired' | 'foreignOrigin' = 'badClient',
): string {
  const words = OAUTH_TEXTS[locale].pages[platform];
  return page(locale, words.pageTitle, `<h1>${h(words.pageTitle)}</h1><p class="error">${h(words[reason])}</p>`);
}
