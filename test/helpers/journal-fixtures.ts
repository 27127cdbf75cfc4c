import type { Express } from 'express';
import request from 'supertest';
import { signJournalBody } from '../../webhooks/journal-signature';

export const JOURNAL_SECRET = 'test-journal-secret-0123456789';

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export type TRawEvent = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };

export function event(type: string, data: Record<string, unknown>, id = nextId(type)): TRawEvent {
  return { id, type, occurredAt: '2026-12-01T09:00:00+03:00', data };
}

/** A school with one class, subject, teacher, two students and a lesson: enough to hang grades on. */
export function schoolEvents(prefix = 's1'): TRawEvent[] {
  return [
    event('school.upserted', { schoolId: prefix, name: 'Школа № 1', timezone: 'Europe/Moscow' }),
    event('class.upserted', { schoolId: prefix, classId: `${prefix}-5a`, name: '5А' }),
    event('subject.upserted', { schoolId: prefix, subjectId: `${prefix}-math`, name: 'Математика' }),
    event('teacher.upserted', {
      schoolId: prefix,
      teacherId: `${prefix}-t1`,
      lastName: 'Петрова',
      firstName: 'Анна',
      middleName: 'Ивановна',
    }),
    event('student.upserted', {
      schoolId: prefix,
      studentId: `${prefix}-st1`,
      classId: `${prefix}-5a`,
      lastName: 'Иванова',
      firstName: 'Маша',
    }),
    event('student.upserted', {
      schoolId: prefix,
      studentId: `${prefix}-st2`,
      classId: `${prefix}-5a`,
      lastName: 'Смирнов',
      firstName: 'Петя',
    }),
    event('lesson.upserted', {
      lessonId: `${prefix}-l1`,
      classId: `${prefix}-5a`,
      subjectId: `${prefix}-math`,
      teacherId: `${prefix}-t1`,
      date: '2026-12-01',
      start: '08:30',
      end: '09:15',
      room: '204',
      topic: 'Дроби',
    }),
  ];
}

export function gradeEvent(
  prefix: string,
  gradeId: string,
  value = '5',
  extra: Record<string, unknown> = {},
): TRawEvent {
  return event('grade.upserted', {
    gradeId,
    studentId: `${prefix}-st1`,
    subjectId: `${prefix}-math`,
    date: '2026-12-01',
    value,
    weight: 1,
    lessonId: `${prefix}-l1`,
    ...extra,
  });
}

export interface PostOptions {
  secret?: string;
  timestamp?: number;
  signature?: string;
  contentType?: string;
  /** A school's key: sent in X-Dnevnik-Key-Id (sign with its secret). */
  keyId?: string;
}

/** Posts a raw body to the journal route, signed as a school system would sign it. */
export function postJournal(app: Express, body: string | Buffer, options: PostOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signature ?? signJournalBody(options.secret ?? JOURNAL_SECRET, timestamp, body);
  const req = request(app)
    .post('/webhooks/journal')
    .set('Content-Type', options.contentType ?? 'application/json')
    .set('X-Dnevnik-Timestamp', String(timestamp))
    .set('X-Dnevnik-Signature', signature);
  if (options.keyId !== undefined) req.set('X-Dnevnik-Key-Id', options.keyId);
  return req.send(body);
}

export const postEvents = (app: Express, events: unknown[], options?: PostOptions) =>
  postJournal(app, JSON.stringify({ events }), options);
