import fs from 'node:fs';
import path from 'node:path';
import { describeBrowser, usePlaygroundBrowser } from '../helpers/playground-browser';

// The MAX rendering on a phone-sized screen (390×844, as playground-phone.test.ts): folded under
// the answer until asked for, then the text as MAX gets it (tags shown, not applied) and the
// inline keyboard row by row, every button inside the bubble. PLAYGROUND_SCREENSHOTS=<folder>
// keeps a picture of it to look at.

const PHONE = { width: 390, height: 844 };

describeBrowser('playground: MAX rendering on a phone', () => {
  const world = usePlaygroundBrowser();

  it("unfolds to the answer's HTML and MAX's inline keyboard, within the screen", async () => {
    const context = await world.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(world.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#person', 'demo-guardian-1');
    await page.fill('#question', 'оценки сегодня');
    await page.click('#send');
    await page.locator('.msg.bot .answer').last().waitFor();

    const max = page.locator('.msg.bot details.max').last();
    // It repeats the answer: folded until asked for, as the voice texts are on a phone.
    expect(await max.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await max.locator('summary').click();
    expect(await max.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);

    // The text as MAX gets it: the answer's tags are shown as text.
    const shown = await max.locator('.max-text').first().innerText();
    expect(shown).toMatch(/<b>|<i>/);
    expect(await max.locator('dt').first().innerText()).toMatch(/^MAX, html · \d+ симв\.$/);

    const layout = await page.evaluate(() => {
      const bubble = Array.from(document.querySelectorAll('.msg.bot')).pop()!.getBoundingClientRect();
      const rows = Array.from(document.querySelectorAll('.msg.bot:last-child .max-row')).map((r) =>
        Array.from(r.querySelectorAll('.max-btn')).map((b) => {
          const box = b.getBoundingClientRect();
          return { left: box.left, right: box.right, text: b.textContent, title: (b as HTMLElement).title };
        }),
      );
      return { bubble: { left: bubble.left, right: bubble.right }, rows, width: document.documentElement.scrollWidth };
    });
    expect(layout.rows.length).toBeGreaterThan(0);
    for (const row of layout.rows)
      for (const b of row) {
        expect(b.left).toBeGreaterThanOrEqual(layout.bubble.left);
        expect(b.right).toBeLessThanOrEqual(layout.bubble.right);
        expect(b.text).not.toBe('');
        expect(b.title).not.toBe('');
      }
    // Nothing pushes the page sideways.
    expect(layout.width).toBe(PHONE.width);

    const dir = process.env.PLAYGROUND_SCREENSHOTS;
    if (dir) {
      fs.mkdirSync(dir, { recursive: true });
      await max.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(dir, 'playground-max-phone.png') });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
