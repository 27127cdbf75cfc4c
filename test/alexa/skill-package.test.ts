import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { OAUTH_TTL_SECONDS } from '../../core/oauth';
import { MODEL_DIR } from '../../scripts/alexa-model';
import { ALEXA_LOCALES, INVOCATION_NAME } from '../../skills/alexa';
import { intentsMatching } from '../helpers/alexa-samples';

// The files ASK CLI v2 deploys the skill from: the manifest (skill-package/skill.json, "Skill
// Manifest Schema"), the project config (ask-resources.json, "askcliResourcesVersion 2020-03-31"),
// and the account-linking request (alexa-account-linking.json, SMAPI's AccountLinkingRequest).
// Checked against the fields Amazon documents as required, and against what the server serves.

const ROOT = path.join(__dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

const ZLocale = z.string().regex(/^[a-z]{2}-[A-Z]{2}$/);
const ZHttps = z.url({ protocol: /^https$/ });

const ZManifest = z.object({
  manifest: z.strictObject({
    manifestVersion: z.literal('1.0'),
    publishingInformation: z.object({
      locales: z.record(
        ZLocale,
        z.object({
          name: z.string().min(2).max(50),
          summary: z.string().min(1).max(160),
          description: z.string().min(1).max(4000),
          examplePhrases: z.array(z.string().max(200)).min(1).max(3),
          keywords: z.array(z.string().min(1)).max(30),
        }),
      ),
      isAvailableWorldwide: z.boolean(),
      distributionMode: z.enum(['PUBLIC', 'PRIVATE', 'INTERNAL']),
      category: z.string().regex(/^[A-Z_]+$/),
      testingInstructions: z.string().min(1).max(4000),
    }),
    apis: z.strictObject({
      custom: z.object({
        endpoint: z.object({ uri: ZHttps, sslCertificateType: z.enum(['SelfSigned', 'Wildcard', 'Trusted']) }),
        interfaces: z.array(z.object({ type: z.string() })),
      }),
    }),
    permissions: z.array(z.object({ name: z.string() })),
    privacyAndCompliance: z.object({
      allowsPurchases: z.boolean(),
      usesPersonalInfo: z.boolean(),
      isChildDirected: z.boolean(),
      isExportCompliant: z.boolean(),
      containsAds: z.boolean(),
      locales: z.record(ZLocale, z.object({ privacyPolicyUrl: ZHttps, termsOfUseUrl: ZHttps.optional() })),
    }),
  }),
});

// No `code` and no `skillInfrastructure`: ask deploy uploads the skill package only, the endpoint is our server.
const ZAskResources = z.strictObject({
  askcliResourcesVersion: z.literal('2020-03-31'),
  profiles: z.object({
    default: z.strictObject({ skillMetadata: z.strictObject({ src: z.string() }) }),
  }),
});

const ZAccountLinking = z.strictObject({
  accountLinkingRequest: z.strictObject({
    type: z.literal('AUTH_CODE'),
    authorizationUrl: ZHttps,
    accessTokenUrl: ZHttps,
    // Our token endpoint reads the client's credentials from HTTP Basic or the form.
    accessTokenScheme: z.enum(['HTTP_BASIC', 'REQUEST_BODY_CREDENTIALS']),
    clientId: z.string().min(1),
    domains: z.array(z.string()),
    scopes: z.array(z.string()),
    defaultTokenExpirationInSeconds: z.number().int().positive(),
    skipOnEnablement: z.boolean(),
  }),
});

describe('the ASK CLI project', () => {
  const { manifest } = ZManifest.parse(readJson('skill-package/skill.json'));
  const askResources = ZAskResources.parse(readJson('ask-resources.json'));
  const { accountLinkingRequest: linking } = ZAccountLinking.parse(readJson('alexa-account-linking.json'));

  it('deploys the skill package only, from skill-package/', () => {
    const src = path.join(ROOT, askResources.profiles.default.skillMetadata.src);
    expect(existsSync(path.join(src, 'skill.json'))).toBe(true);
    expect(path.join(src, 'interactionModels', 'custom')).toBe(MODEL_DIR);
  });

  it('publishes in exactly the locales that have an interaction model, with a privacy policy each', () => {
    const models = readdirSync(MODEL_DIR).map((file) => file.replace(/\.json$/, ''));
    expect(Object.keys(manifest.publishingInformation.locales).sort()).toEqual([...models].sort());
    expect(Object.keys(manifest.privacyAndCompliance.locales).sort()).toEqual([...models].sort());
    expect([...models].sort()).toEqual([...ALEXA_LOCALES].sort());
  });

  it('gives example phrases Alexa understands: the invocation name, then a sample of the model', () => {
    for (const info of Object.values(manifest.publishingInformation.locales)) {
      const [launch, ...asks] = info.examplePhrases;
      expect(launch).toBe(`Alexa, open ${INVOCATION_NAME}`);
      for (const phrase of asks) {
        const request = phrase.replace(new RegExp(`^Alexa, ask ${INVOCATION_NAME} `), '');
        expect(request).not.toBe(phrase);
        expect([request, intentsMatching(request)]).toEqual([request, [expect.any(String)]]);
      }
    }
  });

  it('says honestly what the skill is: personal data of pupils, children among them; no purchases, no ads', () => {
    expect(manifest.privacyAndCompliance).toMatchObject({
      allowsPurchases: false,
      usesPersonalInfo: true,
      isChildDirected: true,
      isExportCompliant: true,
      containsAds: false,
    });
    expect(manifest.permissions).toEqual([]);
  });

  it('points Amazon at our server: the Alexa webhook, and the sign-in and token pages under the same PUBLIC_URL', () => {
    const endpoint = new URL(manifest.apis.custom.endpoint.uri);
    expect(endpoint.pathname).toBe('/webhooks/alexa');
    expect(new URL(linking.authorizationUrl).origin).toBe(endpoint.origin);
    expect(new URL(linking.authorizationUrl).pathname).toBe('/oauth/authorize');
    expect(new URL(linking.accessTokenUrl).origin).toBe(endpoint.origin);
    expect(new URL(linking.accessTokenUrl).pathname).toBe('/oauth/token');
    // The lifetime the token endpoint gives, for a token answered without expires_in.
    expect(linking.defaultTokenExpirationInSeconds).toBe(OAUTH_TTL_SECONDS.access);
  });

  it('keeps the client secret out of the committed files', () => {
    const committed = readFileSync(path.join(ROOT, 'alexa-account-linking.json'), 'utf8');
    expect(committed).not.toMatch(/clientSecret/);
  });
});
