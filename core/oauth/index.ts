// Account linking for voice skills: OAuth 2.0 authorization codes bound to a linked chat.

export { AMAZON_REDIRECT_HOSTS, AMAZON_VENDOR_ID, amazonRedirectPattern } from './amazon-redirects';
export { OAUTH_TEXTS, type TOAuthPageTexts, type TOAuthTexts } from './locales';
export { findClient, type TOAuthClient } from './oauth-clients';
export { FORM_TOKEN_TTL_SECONDS, type OAuthFormGuard } from './oauth-form-guard';
export type * from './oauth-port';
export {
  createOAuthService,
  type OAuthService,
  type OAuthServiceDeps,
  type TAuthorizationParams,
  type TAuthorizeRequest,
  type TAuthorizeResult,
  type TTokenRequest,
  type TTokenResult,
} from './oauth-service';
export { hashOAuthToken, OAUTH_TTL_SECONDS } from './oauth-tokens';
