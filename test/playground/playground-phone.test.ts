import type { Page } from 'playwright-core';
import { describeBrowser, usePlaygroundBrowser } from '../helpers/playground-browser';

// The playground on a phone-sized screen (an iPhone 12–15's 390×844 CSS pixels, touch, the
// page's own viewport meta honoured): a chat screen whose header and input stay put while only
// the message list scrolls, with the voice texts folded until asked for.

const PHONE = { width: 390, height: 844 };

/** Where the page's fixed parts are and how its scrolling stands, in CSS pixels. */
function layout(page: Page) {
  return page.evaluate(() => {
    const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
    const list = document.querySelector('#messages')!;
    const lastAnswer = Array.from(document.querySelectorAll('.msg.bot')).pop()?.getBoundingClientRect();
    return {
      header: box('header'),
      form: box('form'),
      list: box('#messages'),
      lastAnswer,
      documentHeight: document.documentElement.scrollHeight,
      windowScroll: window.scrollY,
      listScroll: { top: list.scrollTop, height: list.scrollHeight, client: list.clientHeight },
    };
  });
}

describeBrowser('playground on a phone', () => {
  const world = usePlaygroundBrowser();

  it('keeps the header and the input on screen while only the message list scrolls', async () => {
    const context = await world.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(world.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#person', 'demo-guardian-1');

    const questions = [
      'оценки сегодня',
      'что задали на завтра',
      'расписание',
      'баланс',
      'оценки за неделю',
      'расписание на завтра',
    ];
    for (const [i, question] of questions.entries()) {
      await page.fill('#question', question);
      await page.click('#send');
      await page.locator('.msg.bot .answer').nth(i).waitFor();

      const now = await layout(page);
      expect(now.header.top).toBeGreaterThanOrEqual(0);
      expect(now.form.top).toBeGreaterThanOrEqual(now.header.bottom);
      expect(now.form.bottom).toBeLessThanOrEqual(PHONE.height);
      // The page itself never grows past the screen and never scrolls.
      expect(now.documentHeight).toBe(PHONE.height);
      expect(now.windowScroll).toBe(0);
      // The newest answer is (at least partly, from its start when long) inside the list's view.
      expect(now.lastAnswer!.top).toBeLessThan(now.list.bottom);
      expect(now.lastAnswer!.bottom).toBeGreaterThan(now.list.top);
    }

    const end = await layout(page);
    expect(end.listScroll.height).toBeGreaterThan(end.listScroll.client);
    expect(end.listScroll.top).toBeGreaterThan(0);
    // …and it scrolls back to the first question while the input stays where it was.
    await page.locator('#messages').evaluate((list) => (list.scrollTop = 0));
    const top = await layout(page);
    expect(top.listScroll.top).toBe(0);
    expect(top.form).toEqual(end.form);
    expect(top.header).toEqual(end.header);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts with the voice texts folded behind a control that unfolds them', async () => {
    const context = await world.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${world.url}?as=demo-guardian-1`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('.quick button:has-text("Расписание")');
    await page.locator('.msg.bot .answer').first().waitFor();

    const panel = page.locator('.msg.bot details.voice').first();
    expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await panel.locator('.alice-tts').isVisible()).toBe(false);
    const control = panel.locator('summary');
    expect(await control.isVisible()).toBe(true);
    expect(await control.innerText()).toMatch(/Голос.*Voice/);

    await control.focus();
    await page.keyboard.press('Enter');
    expect(await panel.locator('.alice-tts').isVisible()).toBe(true);
    expect(await panel.locator('.alexa-ssml').innerText()).toMatch(/^<speak>.*<\/speak>$/);
    // Once unfolded, the next answers come unfolded.
    await page.click('.quick button:has-text("Баланс")');
    await page.locator('.msg.bot .answer').nth(1).waitFor();
    expect(
      await page
        .locator('.msg.bot details.voice')
        .nth(1)
        .evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(true);
    await context.close();
  });
});
