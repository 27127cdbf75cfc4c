import http from 'node:http';
import net from 'node:net';
import { signJournalBody } from '../../webhooks/journal-signature';

// Pieces of the several-processes test: Telegram updates as the platform posts them, a journal
// request held open on purpose, and a plain "is anybody listening" probe.

export const TELEGRAM_SECRET = 'several-processes-telegram-secret';

/** A text message from a private chat: the Update Telegram posts to the webhook. */
export function textUpdate(updateId: number, chatId: string, text: string): string {
  const from = { id: Number(chatId), is_bot: false, first_name: 'Ирина', language_code: 'ru' };
  const chat = { id: Number(chatId), first_name: 'Ирина', type: 'private' };
  return JSON.stringify({ update_id: updateId, message: { message_id: updateId, date: 1764921600, from, chat, text } });
}

/** POST /webhooks/telegram; returns the response's body (a webhook reply, or empty). */
export async function postUpdate(url: string, body: string): Promise<string> {
  const res = await fetch(`${url}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET },
    body,
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`/webhooks/telegram answered ${res.status}: ${text.slice(0, 200)}`);
  return text;
}

export interface HeldJournalRequest {
  /** Resolves once the server has read the headers (it answered 100 Continue): the request is in flight there. */
  started: Promise<void>;
  /** Sends the body and waits for the answer. */
  finish(): Promise<{ status: number; body: string }>;
}

/**
 * A signed journal batch whose body is sent only when the caller says so. `Expect: 100-continue`
 * makes the server say when it has taken the request, so a signal can be sent while it is
 * certainly in flight — no guessing with timers.
 */
export function heldJournalRequest(port: number, secret: string, events: unknown[]): HeldJournalRequest {
  const body = JSON.stringify({ events });
  const ts = Math.floor(Date.now() / 1000);
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/webhooks/journal',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      expect: '100-continue',
      'x-dnevnik-timestamp': String(ts),
      'x-dnevnik-signature': signJournalBody(secret, ts, body),
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
  });
  const started = new Promise<void>((resolve, reject) => {
    req.once('continue', () => resolve());
    req.once('error', reject);
  });
  req.flushHeaders();
  return {
    started,
    finish: () => {
      req.end(body);
      return answer;
    },
  };
}

/** Whether a new TCP connection to the port is refused (nobody listens any more). */
export function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

/** A grade of today in the school's zone (the diary's "today" and the alerts' both). */
export function gradeEvent(id: string, studentId: string, subject: number, value: number, date: string) {
  return {
    id: `ev-${id}`,
    type: 'grade.upserted',
    occurredAt: new Date().toISOString(),
    data: { gradeId: id, studentId, subjectId: `b-sub${subject}`, date, value: String(value), weight: 1 },
  };
}

/** Pupils of the first class of bench/alerts-school.ts's school, by id. */
export function pupilEvents(studentIds: string[]) {
  const at = new Date().toISOString();
  return studentIds.map((studentId) => ({
    id: `pupil-${studentId}`,
    type: 'student.upserted',
    occurredAt: at,
    data: { schoolId: 'b', studentId, classId: 'b-c0', lastName: 'Петрова', firstName: `Ученица ${studentId}` },
  }));
}
