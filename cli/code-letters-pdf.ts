import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { TLang } from '../core/i18n';
import type { TGrant } from '../core/linking';
import { formatLinkCode, LINKING_TEXTS } from '../core/linking';

// The school letter: one A4 page per code, to print and hand out. The QR code carries one deep
// link (letterQrUrl), so a parent links by pointing the phone's camera at the sheet. Only the
// configured channels are named (cli/letter-channels.ts).

export interface TCodeLetter {
  grant: TGrant;
  /** "Иванова Мария" — who the letter is for, printed on top so letters reach the right family. */
  addressee: string;
  code: string;
  telegramUrl: string | null;
  vkUrl: string | null;
  maxUrl: string | null;
  /** the expiry as the reader should see it, e.g. "12 декабря 2026" */
  expires: string;
}

/** The voice skills the letters name: Alice's activation name, Alexa's invocation name. */
export interface TLetterVoice {
  alice: string | null;
  alexa: string | null;
}

// pdfkit's built-in fonts have no Cyrillic; these common system fonts do.
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/liberation/LiberationSans-Regular.ttf',
  '/Library/Fonts/Arial Unicode.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

/** A TrueType font with Cyrillic letters: the given one, or the first system font found. */
export function findLetterFont(explicit?: string): string {
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new Error(`font file not found: ${explicit}`);
    return explicit;
  }
  const found = FONT_CANDIDATES.find((file) => fs.existsSync(file));
  if (!found)
    throw new Error('no TrueType font with Cyrillic letters found; pass --font <file.ttf> (e.g. DejaVuSans.ttf)');
  return found;
}

/**
 * The link the QR code carries: the messenger a Russian school family most likely already has on
 * the phone that scans it. Telegram first, the messenger most parents use, as the letters always
 * had it. MAX next: it comes preinstalled on phones sold in Russia (since September 2025) and the
 * schools' Сферум chats have moved into it, so parents have it for the class chat at least. VK
 * last: class chats live in Telegram or MAX far more often than in a VK community's chat.
 */
export function letterQrUrl(letter: TCodeLetter): string | null {
  return letter.telegramUrl ?? letter.maxUrl ?? letter.vkUrl;
}

/** The lines that tell how to reach the bot or skill, in the order printed under the QR code. */
export function letterChannelLines(letter: TCodeLetter, voice: TLetterVoice, locale: TLang): string[] {
  const t = LINKING_TEXTS[locale].letter;
  const qr = letterQrUrl(letter);
  return [
    ...(letter.telegramUrl ? [t.telegram(letter.telegramUrl)] : []),
    ...(letter.maxUrl ? [t.max(letter.maxUrl, letter.maxUrl === qr)] : []),
    ...(letter.vkUrl ? [t.vk(letter.vkUrl, letter.vkUrl === qr)] : []),
    ...(voice.alice ? [t.alice(voice.alice)] : []),
    ...(voice.alexa ? [t.alexa(voice.alexa)] : []),
  ];
}

export async function renderCodeLettersPdf(
  letters: readonly TCodeLetter[],
  options: { locale: TLang; fontFile: string; voice: TLetterVoice },
): Promise<Buffer> {
  const t = LINKING_TEXTS[options.locale].letter;
  const qrImages = await Promise.all(
    letters.map((l) => {
      const url = letterQrUrl(l);
      return url ? QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 }) : null;
    }),
  );
  const doc = new PDFDocument({ size: 'A4', margin: 56, autoFirstPage: false, info: { Title: t.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('letter', options.fontFile);

  letters.forEach((letter, i) => {
    doc.addPage();
    const width = doc.page.width - 2 * 56;
    doc.font('letter').fontSize(10).fillColor('#555555').text(letter.addressee, { align: 'right' });
    doc.moveDown(1.5).fillColor('black').fontSize(20).text(t.title, { align: 'center' });
    doc.moveDown(1).fontSize(12).text(t.greeting(letter.grant.role));
    doc.moveDown(0.5).text(t.intro(letter.grant), { width });
    doc.moveDown(1.2).fontSize(12).text(t.codeLabel, { align: 'center' });
    doc.moveDown(0.3).fontSize(40).text(formatLinkCode(letter.code), { align: 'center', characterSpacing: 2 });
    const qr = qrImages[i];
    doc.moveDown(0.5);
    if (qr) {
      const qrSize = 200;
      doc.image(qr, (doc.page.width - qrSize) / 2, doc.y, { width: qrSize, height: qrSize });
      doc.y += qrSize + 12;
    }
    doc.fontSize(11);
    letterChannelLines(letter, options.voice, options.locale).forEach((line, n) => {
      if (n > 0) doc.moveDown(0.4);
      doc.text(line, 56, doc.y, { width });
    });
    doc.moveDown(1).fontSize(12).text(t.expires(letter.expires), { width });
    doc.moveDown(1).fontSize(10).fillColor('#555555').text(t.footer, { width });
  });
  doc.end();
  return done;
}
