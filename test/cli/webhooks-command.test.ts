import nock from 'nock';
import { webhooksCommand } from '../../cli/webhooks-command';
import { parseConfig } from '../../infra/config';
import { startMaxStub } from '../helpers/max-stub';
import { startTelegramStub, type TelegramStub } from '../helpers/telegram-stub';
import { startVkApiStub, type TVkCall, VK_API_BASE } from '../helpers/vk-api-stub';

// `dnevnik webhooks set|show|delete` against the platforms' doubles: Telegram's webhook with its
// secret and updates, VK's Callback API server with its secret, events and confirmation code; what
// each platform reports is printed; bad use is one line and a non-zero exit.

const TOKEN = '123456:webhooks-test';
const PUBLIC_URL = 'https://dnevnik.example.org';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: { write: (s: string) => out.push(s) }, err: { write: (s: string) => err.push(s) } }, out, err };
}

/** VK's groups.* methods over one community's servers, as the API keeps them. */
function vkServers() {
  const servers: { id: number; url: string; title: string; secret_key: string; status: string }[] = [];
  let next = 1;
  return (call: TVkCall) => {
    const p = call.params;
    switch (call.method) {
      case 'groups.getCallbackServers':
        return { response: { count: servers.length, items: servers } };
      case 'groups.addCallbackServer':
        servers.push({ id: next, url: p.url, title: p.title, secret_key: p.secret_key, status: 'unconfigured' });
        return { response: { server_id: next++ } };
      case 'groups.editCallbackServer': {
        const s = servers.find((x) => x.id === Number(p.server_id));
        if (s) Object.assign(s, { url: p.url, secret_key: p.secret_key });
        return { response: 1 };
      }
      case 'groups.setCallbackSettings': {
        const s = servers.find((x) => x.id === Number(p.server_id));
        if (s) s.status = 'ok';
        return { response: 1 };
      }
      case 'groups.getCallbackConfirmationCode':
        return { response: { code: 'a1b2c3d4' } };
      case 'groups.deleteCallbackServer':
        servers.splice(
          servers.findIndex((x) => x.id === Number(p.server_id)),
          1,
        );
        return { response: 1 };
      default:
        return undefined;
    }
  };
}

describe('dnevnik webhooks', () => {
  let telegram: TelegramStub;
  beforeAll(async () => {
    telegram = await startTelegramStub();
  });
  afterAll(async () => {
    await telegram.close();
    // Unpatch http(s) for the next file this jest worker runs (see alexa-route.test.ts).
    nock.restore();
  });
  afterEach(() => nock.cleanAll());

  const config = (env: Record<string, string> = {}) =>
    parseConfig({
      DATA_DIR: '/nonexistent',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: 'tg-secret',
      VK_GROUP_TOKEN: 'vk-token',
      VK_GROUP_ID: '777',
      VK_CALLBACK_SECRET: 'vk-secret',
      VK_CONFIRMATION: 'a1b2c3d4',
      VK_API_BASE_URL: VK_API_BASE,
      PUBLIC_URL,
      ...env,
    });

  it('sets both, shows what the platforms report, sets again without a second VK server, and deletes', async () => {
    const vk = startVkApiStub({ answer: vkServers() });
    const set = capture();
    expect(await webhooksCommand(['set'], config(), set.io)).toBe(0);
    const printed = set.out.join('');
    expect(printed).toContain(`webhook set: ${PUBLIC_URL}/webhooks/telegram`);
    expect(printed).toContain('pending updates: 0');
    expect(printed).toContain(`callback server added: ${PUBLIC_URL}/webhooks/vk`);
    expect(printed).toContain('confirmation code: a1b2c3d4');
    expect(printed).toMatch(/callback server 1: .*\/webhooks\/vk — ok \(this deployment\)/);
    const setWebhook = telegram.calls.find((c) => c.method === 'setWebhook');
    expect(setWebhook?.body).toMatchObject({
      url: `${PUBLIC_URL}/webhooks/telegram`,
      secret_token: 'tg-secret',
      allowed_updates: ['message', 'callback_query', 'my_chat_member'],
    });
    const settings = vk.calls.find((c) => c.method === 'groups.setCallbackSettings');
    expect(settings?.params).toMatchObject({
      group_id: '777',
      message_new: '1',
      message_event: '1',
      message_allow: '1',
      message_deny: '1',
    });
    expect(vk.calls.find((c) => c.method === 'groups.addCallbackServer')?.params).toMatchObject({
      secret_key: 'vk-secret',
    });

    expect(await webhooksCommand(['set'], config(), capture().io)).toBe(0);
    expect(vk.calls.filter((c) => c.method === 'groups.addCallbackServer')).toHaveLength(1);
    expect(vk.calls.filter((c) => c.method === 'groups.editCallbackServer')).toHaveLength(1);

    const removed = capture();
    expect(await webhooksCommand(['delete'], config(), removed.io)).toBe(0);
    expect(removed.out.join('')).toContain('webhook deleted');
    expect(removed.out.join('')).toContain(`callback server deleted: ${PUBLIC_URL}/webhooks/vk`);
    const show = capture();
    expect(await webhooksCommand(['show'], config(), show.io)).toBe(0);
    expect(show.out.join('')).toContain('url: none');
    expect(show.out.join('')).toContain('callback servers: none');
    vk.stop();
  });

  it('refuses bad use with one line and a non-zero exit', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [[], {}, /usage: dnevnik webhooks set\|show\|delete/],
      [['sett'], {}, /usage/],
      [['set', 'extra'], {}, /usage/],
      [
        ['set'],
        { PUBLIC_URL: '', TELEGRAM_WEBHOOK_SECRET: '', VK_CALLBACK_SECRET: '', VK_CONFIRMATION: '' },
        /PUBLIC_URL is not set/,
      ],
      [['show'], { TELEGRAM_BOT_TOKEN: '', VK_GROUP_TOKEN: '', VK_GROUP_ID: '' }, /no bot is configured/],
    ];
    for (const [args, env, line] of cases) {
      const c = capture();
      expect(await webhooksCommand(args, config(env), c.io)).toBe(1);
      expect(c.err.join('')).toMatch(line);
      expect(c.err.join('').trim().split('\n')).toHaveLength(1);
    }
  });

  it('subscribes MAX with its secret and the updates the bot handles, shows it, and unsubscribes', async () => {
    const max = await startMaxStub();
    try {
      const env = {
        TELEGRAM_BOT_TOKEN: '',
        VK_GROUP_TOKEN: '',
        VK_GROUP_ID: '',
        MAX_BOT_TOKEN: max.token,
        MAX_API_BASE_URL: max.apiBaseUrl,
        MAX_WEBHOOK_SECRET: 'max-secret-1',
      };
      const set = capture();
      expect(await webhooksCommand(['set'], config(env), set.io)).toBe(0);
      expect(max.subscriptions).toEqual([
        expect.objectContaining({
          url: `${PUBLIC_URL}/webhooks/max`,
          secret: 'max-secret-1',
          update_types: ['message_created', 'message_callback', 'bot_started', 'bot_stopped'],
        }),
      ]);
      expect(set.out.join('')).toMatch(
        /^max:\n {2}subscribed\n {2}https:\/\/dnevnik\.example\.org\/webhooks\/max \(this server\): message_created/,
      );
      // Without PUBLIC_URL, show says that the subscription keeps long polling empty.
      const shown = capture();
      expect(
        await webhooksCommand(['show'], config({ ...env, PUBLIC_URL: '', MAX_WEBHOOK_SECRET: '' }), shown.io),
      ).toBe(0);
      expect(shown.out.join('')).toMatch(/long polling gets nothing/);
      const deleted = capture();
      expect(await webhooksCommand(['delete'], config(env), deleted.io)).toBe(0);
      expect(max.subscriptions).toEqual([]);
      expect(deleted.out.join('')).toMatch(/unsubscribed\n {2}no subscription/);
      // A token MAX refuses is one line and exit 1.
      const refused = capture();
      expect(await webhooksCommand(['show'], config({ ...env, MAX_BOT_TOKEN: 'wrong' }), refused.io)).toBe(1);
      expect(refused.err.join('').trim().split('\n')).toEqual([expect.stringMatching(/^dnevnik webhooks: max: /)]);
      expect(refused.err.join('')).not.toContain('wrong');
    } finally {
      await max.close();
    }
  });

  it('a platform that fails is one line; the other is still reported', async () => {
    const vk = startVkApiStub({
      answer: () => ({ error: { error_code: 15, error_msg: 'Access denied: no access to call this method' } }),
    });
    const c = capture();
    expect(await webhooksCommand(['show'], config(), c.io)).toBe(1);
    expect(c.out.join('')).toContain('telegram:');
    expect(c.err.join('')).toMatch(/^dnevnik webhooks: vk: .*Access denied/);
    vk.stop();
  });
});
