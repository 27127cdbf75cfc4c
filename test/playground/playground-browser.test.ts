import { DEMO_TODAY, dbDay } from '../helpers/demo-database';
import { describeBrowser, usePlaygroundBrowser } from '../helpers/playground-browser';

// The playground in a real headless Chromium (Debian's package). Without it the suite is
// reported as skipped, never as passed.

describeBrowser('playground in a browser', () => {
  const world = usePlaygroundBrowser();

  it("picks a guardian, asks for today's grades and shows the grades from the database with the voice texts", async () => {
    const link = await world.db.prisma.studentLink.findFirstOrThrow({
      where: { personId: 'demo-guardian-1' },
      include: { student: true },
    });
    const grades = await world.db.prisma.grade.findMany({
      where: { studentId: link.studentId, date: dbDay(DEMO_TODAY), deletedAt: null },
    });
    expect(grades.length).toBeGreaterThan(0);
    const subjects = new Map((await world.db.prisma.subject.findMany()).map((s) => [s.id, s.name]));

    const page = await world.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(world.url);
    await page.waitForSelector('body[data-ready="true"]');
    const options = await page.$$eval('#person option', (els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(['demo-guardian-1', 'demo-teacher-tch-01']));

    await page.selectOption('#person', 'demo-guardian-1');
    await page.fill('#question', 'оценки сегодня');
    await page.click('#send');
    const answer = page.locator('.msg.bot .answer').last();
    await answer.waitFor();
    const text = await answer.innerText();
    expect(text).toContain(link.student.firstName);
    for (const g of grades) expect(text).toContain(`${subjects.get(g.subjectId)}: ${g.value}`);
    // A wide screen has room for the voice texts: they come unfolded.
    expect(
      await page
        .locator('.msg.bot details.voice')
        .last()
        .evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(true);
    expect(await page.locator('.msg.bot .alice-tts').last().innerText()).toMatch(/сегодня/);
    expect(await page.locator('.msg.bot .alexa-ssml').last().innerText()).toMatch(/^<speak>.*<\/speak>$/);

    await page.click('.quick button:has-text("Баланс")');
    await page.locator('.msg.bot .answer').nth(1).waitFor();
    expect(await page.locator('.msg.bot .answer').nth(1).innerText()).toMatch(/₽/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
