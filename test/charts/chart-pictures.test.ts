import { chartSvg, renderChart } from '../../infra/charts';
import { FONT_FAMILY } from '../../infra/charts/chart-fonts';
import { rasterise } from '../../infra/charts/rasterise';
import { textWidth } from '../../infra/charts/text-fit';
import { subjectChart, termChart } from './chart-fixtures';
import { decodePng, differentPixels, inkedPixels } from './decode-png';

// What the charts draw, on this thread: valid PNGs at twice a phone's width, real glyphs from the
// shipped font, names from a journal escaped whatever they hold, and a full term that still fits.

const draw = (svg: string) => decodePng(rasterise(svg).png);
const oneText = (content: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#fff"/><text x="10" y="28" font-family="${FONT_FAMILY}" font-size="22">${content}</text></svg>`;
/** The title's band at the top of a chart, in device pixels. */
const TITLE = { x: 0, y: 20, width: 600, height: 50 };

describe('the PNG', () => {
  it('is a valid PNG at twice the SVG size, 780 px wide', () => {
    const job = { kind: 'subject', chart: subjectChart(14) } as const;
    const svgHeight = Number(/height="([\d.]+)"/.exec(chartSvg(job))?.[1]);
    const out = renderChart(job);
    const png = decodePng(out.png);
    expect([png.width, png.height]).toEqual([780, Math.ceil(svgHeight * 2)]);
    expect([out.width, out.height]).toEqual([png.width, png.height]);
    // A white ground, not transparency, which chats show as black.
    expect(Array.from(png.rgba.subarray(0, 4))).toEqual([255, 255, 255, 255]);
  });
});

describe('Cyrillic text', () => {
  it('is drawn with real glyphs of the shipped font: two letters differ from each other and from nothing', () => {
    const zhe = draw(oneText('Ж'));
    const sha = draw(oneText('Ш'));
    const none = draw(oneText(''));
    expect(inkedPixels(none)).toBe(0);
    expect(inkedPixels(zhe)).toBeGreaterThan(100);
    // A font without the letters would draw the same empty box (or nothing) for both.
    expect(differentPixels(zhe, sha)).toBeGreaterThan(100);
  });

  it('draws the subject name in a chart', () => {
    const named = decodePng(renderChart({ kind: 'subject', chart: subjectChart(14, 'ru', 'Алгебра') }).png);
    const blank = decodePng(renderChart({ kind: 'subject', chart: subjectChart(14, 'ru', '') }).png);
    expect(inkedPixels(named, TITLE) - inkedPixels(blank, TITLE)).toBeGreaterThan(500);
  });
});

describe('text widths', () => {
  it('are measured from the font file as resvg draws them, so that a name is cut where it would overflow', () => {
    for (const [label, weight] of [
      ['Вероятность и статистика', 'regular'],
      ['Основы безопасности и защиты Родины', 'regular'],
      ['Physical education 4,21', 'bold'],
    ] as const) {
      const size = 12.5;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="30"><rect width="300" height="30" fill="#fff"/><text x="10" y="20" font-family="${FONT_FAMILY}" font-weight="${weight === 'bold' ? 700 : 400}" font-size="${size}">${label}</text></svg>`;
      const png = draw(svg);
      let right = 0;
      for (let x = 0; x < png.width; x += 1) if (inkedPixels(png, { x, y: 0, width: 1, height: png.height })) right = x;
      // The ink ends a little inside the advance (the last letter's side bearing), never past it.
      const drawn = (right + 1) / 2 - 10;
      expect(textWidth(label, size, weight) - drawn).toBeGreaterThanOrEqual(-0.5);
      expect(textWidth(label, size, weight) - drawn).toBeLessThan(2);
    }
  });
});

describe('names from a journal', () => {
  const odd = '<b>&amp; "Ф" \'Я\'\u0007\u0000 \ud800!';

  it('are escaped in the SVG, and characters XML forbids are dropped', () => {
    const svg = chartSvg({ kind: 'subject', chart: subjectChart(5, 'ru', odd) });
    expect(svg).toContain('>&lt;b&gt;&amp;amp; &quot;Ф&quot; &apos;Я&apos; !</text>');
    for (const dropped of ['<b>', '\u0007', '\u0000', '\ud800']) expect(svg.includes(dropped)).toBe(false);
    const grid = chartSvg({ kind: 'overview', chart: { ...termChart(2, 5), childName: '<Маша & "Ко">' } });
    expect(grid).toContain('&lt;Маша &amp; &quot;Ко&quot;&gt;');
  });

  it('are drawn, not refused', () => {
    const png = decodePng(renderChart({ kind: 'subject', chart: subjectChart(5, 'ru', odd) }).png);
    const blank = decodePng(renderChart({ kind: 'subject', chart: subjectChart(5, 'ru', '') }).png);
    expect(inkedPixels(png, TITLE) - inkedPixels(blank, TITLE)).toBeGreaterThan(500);
  });

  it('are cut with an ellipsis when too long for their place', () => {
    const long = 'Основы религиозных культур и светской этики: модуль «Основы православной культуры»';
    const svg = chartSvg({ kind: 'overview', chart: { ...termChart(1, 3), subjects: [{ name: long, grades: [] }] } });
    expect(svg).toContain('Основы религиозных…');
    expect(svg).not.toContain('православной');
  });
});

describe('the term grid', () => {
  it('draws 20 subjects × 60 marks, every mark a cell, within a phone-width picture', () => {
    const job = { kind: 'overview', chart: termChart(20, 60) } as const;
    const svg = chartSvg(job);
    const cells = [...svg.matchAll(/<path d="([^"]+)"/g)].reduce((n, m) => n + (m[1].match(/M/g)?.length ?? 0), 0);
    expect(cells).toBe(1200);
    const png = decodePng(renderChart(job).png);
    expect(png.width).toBe(780);
    expect(png.height).toBeLessThan(1800);
    // Each mark's colour is there.
    const count = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      let n = 0;
      for (let i = 0; i < png.rgba.length; i += 4)
        if (png.rgba[i] === r && png.rgba[i + 1] === g && png.rgba[i + 2] === b) n += 1;
      return n;
    };
    for (const colour of ['#1f9d55', '#9ccc4a', '#f5b82e', '#e5484d', '#cbd0d8'])
      expect(count(colour)).toBeGreaterThan(100);
  });

  it('puts digits in the cells when they are wide enough, and not when they are not', () => {
    const digits = (svg: string) => [...svg.matchAll(/font-weight="700"[^>]*>([2-5])<\/text>/g)].length;
    // 4 key cells + one digit per mark
    expect(digits(chartSvg({ kind: 'overview', chart: termChart(3, 8) }))).toBeGreaterThan(4 + 20);
    expect(digits(chartSvg({ kind: 'overview', chart: termChart(3, 60) }))).toBe(4);
  });

  it('stays within what the chats take at the largest the schema allows, 50 subjects × 500 marks', () => {
    const svg = chartSvg({ kind: 'overview', chart: termChart(50, 500) });
    const height = 2 * Number(/height="([\d.]+)"/.exec(svg)?.[1]);
    // Telegram's sendPhoto: width + height at most 10,000 px, the sides' ratio at most 20.
    expect(780 + height).toBeLessThanOrEqual(10_000);
    expect(height / 780).toBeLessThanOrEqual(20);
  });

  it('shows a subject without marks as a dash', () => {
    const chart = termChart(2, 5);
    chart.subjects[1].grades = [];
    expect(chartSvg({ kind: 'overview', chart })).toMatch(/>—<\/text>/);
  });
});

describe("the school's rounding rule", () => {
  it('sets the guides and the colour of the average', () => {
    const chart = subjectChart(0);
    // (5 · 11 + 4 · 9) / 20 = 4.55
    chart.subject.grades = [
      { date: '2026-11-10', value: '5', weight: 11 },
      { date: '2026-11-11', value: '4', weight: 9 },
    ];
    const halfUp = chartSvg({ kind: 'subject', chart });
    const strict = chartSvg({ kind: 'subject', chart: { ...chart, rounding: { '5': 4.6, '4': 3.6, '3': 2.6 } } });
    expect(halfUp).toContain('>«5» от 4,5<');
    expect(strict).toContain('>«5» от 4,6<');
    expect(strict).toContain('>«4» от 3,6<');
    // 4,55: a "5" half up (green), a "4" when a five needs 4,6 (olive).
    expect(halfUp).toMatch(/fill="#15803d" text-anchor="end">4,55</);
    expect(strict).toMatch(/fill="#4d7c0f" text-anchor="end">4,55</);
  });
});

describe('English', () => {
  it('labels everything in English, with no Cyrillic left', () => {
    for (const job of [
      { kind: 'subject', chart: subjectChart(60, 'en') },
      { kind: 'overview', chart: termChart(20, 30, 'en') },
    ] as const) {
      const svg = chartSvg(job);
      expect(svg).not.toMatch(/[\u0400-\u04ff]/);
      expect(svg).toContain('Masha');
    }
    const chart = subjectChart(0, 'en');
    chart.subject.grades = [
      { date: '2026-11-10', value: '5', weight: 1 },
      { date: '2026-11-20', value: 'зачёт', weight: 1 },
      { date: '2026-12-10', value: 'н/а', weight: 1 },
    ];
    const subject = chartSvg({ kind: 'subject', chart });
    for (const label of ['Algebra', 'average', 'pass', 'n/a', '18 Nov', '27 Dec'])
      expect(subject).toContain(`>${label}<`);
  });
});
