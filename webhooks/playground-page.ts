import { FAVICON_HREF } from './favicon';

// The playground: one self-contained page (no CDN, inline CSS and JS) for talking to the bot
// as any demo person. Its texts are the page's own UI, not answers: answers come from the core.

// A chat screen, not a document: <main> is exactly the viewport's height (100vh where dvh is not
// known; 100dvh follows a phone's toolbars), the header and the input keep their size and only
// the message list scrolls (min-height:0 lets it shrink below its content). Otherwise every
// answer makes the page longer and a phone scrolls the header and the input out of view.
// #messages is positioned so that a message's offsetTop is measured within it (see reveal()).
const STYLE = `
*{box-sizing:border-box}html,body{height:100%}
body{margin:0;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#e7ebf0;color:#111;display:flex;justify-content:center}
main{width:100%;max-width:760px;height:100vh;height:100dvh;display:flex;flex-direction:column;background:#fff;overflow:hidden}
header,.quick,form{flex:none}
header{padding:10px 14px;background:#517da2;color:#fff;display:flex;gap:6px 10px;align-items:center;flex-wrap:wrap}
header h1{font-size:17px;margin:0 auto 0 0}header label{display:flex;gap:6px;align-items:center;max-width:100%;min-width:0;white-space:nowrap}header select{min-width:0;max-width:100%;font:inherit;padding:4px}
#messages{flex:1 1 auto;min-height:0;overflow-y:auto;overscroll-behavior:contain;scroll-padding:14px;position:relative;padding:14px;background:#dfe8d9;display:flex;flex-direction:column;gap:8px}
.msg{max-width:85%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word;box-shadow:0 1px 1px rgba(0,0,0,.15)}
.me{align-self:flex-end;background:#effdde}.bot{align-self:flex-start;background:#fff}
.rendering{margin-top:6px;font-size:12px;color:#555;white-space:normal}
.rendering summary{display:inline-block;min-height:28px;line-height:18px;padding:4px 10px;border:1px solid #517da2;border-radius:14px;color:#517da2;cursor:pointer;list-style:none;user-select:none}
.rendering summary::-webkit-details-marker{display:none}.rendering summary::before{margin-right:4px;content:"▸";content:"▸"/""}.rendering[open] summary::before{content:"▾";content:"▾"/""}
.rendering dt{font-weight:600;margin-top:4px}.rendering dd{margin:0;font-family:ui-monospace,monospace;white-space:pre-wrap;overflow-wrap:anywhere}
.max-kb{display:flex;flex-direction:column;gap:4px;margin-top:4px;font-family:inherit}.max-row{display:flex;gap:4px}
.max-btn{flex:1 1 0;min-width:0;padding:6px 4px;border-radius:8px;background:#e9eef5;color:#2a5885;text-align:center;font:13px/1.25 system-ui,sans-serif;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.quick{display:flex;gap:6px;flex-wrap:wrap;padding:8px 10px;border-top:1px solid #ddd}
.quick button{border:1px solid #517da2;background:#fff;color:#517da2;border-radius:14px;padding:4px 10px;font:inherit;cursor:pointer}
form{display:flex;gap:8px;padding:10px;border-top:1px solid #ddd}form input{flex:1;min-width:0;font:inherit;padding:8px;border:1px solid #ccc;border-radius:8px}
form button{font:inherit;padding:8px 14px;border:0;border-radius:8px;background:#517da2;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #f0a030;outline-offset:2px}
.error{color:#b00020}
.chart{display:block;max-width:100%;height:auto;margin-top:6px;border-radius:6px}
@media (max-width:600px){header{padding:8px 10px}header h1{font-size:15px}.msg{max-width:92%}.quick{flex-wrap:nowrap;overflow-x:auto}.quick button{flex:none}}`;

const SCRIPT = `
const $ = (s) => document.querySelector(s);
const messages = $('#messages'), person = $('#person'), input = $('#question');
const ROLE = { guardian: 'Родители', student: 'Ученики', teacher: 'Учителя' };
const ALLOWED = { B: [], I: [], S: [], A: ['href'] };
// On a phone three voice renderings under every answer push the answer itself out of view, so
// narrow screens start with them folded (as the CSS, at 600px). Unfolding or folding one sets
// how the next answers come.
let voiceOpen = !matchMedia('(max-width: 600px)').matches;
// The MAX rendering repeats the answer: folded on every screen until asked for.
let maxOpen = false;

// Answers are Telegram HTML: keep only the tags Telegram would show, and only http(s) links.
function safeFragment(html) {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  const walk = (node) => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType !== 1) continue;
      walk(child);
      const allowed = ALLOWED[child.tagName];
      if (!allowed) { child.replaceWith(...child.childNodes); continue; }
      for (const attr of [...child.attributes]) if (!allowed.includes(attr.name)) child.removeAttribute(attr.name);
      if (child.tagName === 'A') {
        if (!/^https?:\\/\\//i.test(child.getAttribute('href') || '')) child.removeAttribute('href');
        child.target = '_blank'; child.rel = 'noopener noreferrer';
      }
    }
  };
  walk(tpl.content);
  return tpl.content;
}

// The newest exchange in view: whole at the bottom when it fits, else from the question's top
// so that a long answer is read from its start.
function reveal(first, last) {
  messages.scrollTop = Math.min(first.offsetTop - 8, last.offsetTop + last.offsetHeight - messages.clientHeight + 14);
}

function bubble(cls) {
  const div = document.createElement('div');
  div.className = 'msg ' + cls;
  messages.append(div);
  messages.scrollTop = messages.scrollHeight;
  return div;
}

// A folded block of renderings under an answer: unfolding or folding one sets how the next come.
function folding(cls, label, isOpen, setOpen, dl) {
  const details = document.createElement('details');
  details.className = 'rendering ' + cls;
  details.open = isOpen;
  details.addEventListener('toggle', () => setOpen(details.open));
  const summary = document.createElement('summary');
  summary.append(...label);
  details.append(summary, dl);
  // Unfolded by the reader at the foot of the list, the texts would open below its edge.
  summary.addEventListener('click', () => requestAnimationFrame(() => { if (details.open) dl.scrollIntoView({ block: 'nearest' }); }));
  return details;
}

function term(dl, label, dd) {
  const dt = document.createElement('dt'); dt.textContent = label;
  dl.append(dt, dd);
}

function voice(reply) {
  const dl = document.createElement('dl');
  for (const [label, value, cls] of [['Алиса, text', reply.speech, 'alice-text'], ['Алиса, tts', reply.tts, 'alice-tts'], ['Alexa, SSML', reply.ssml, 'alexa-ssml']]) {
    const dd = document.createElement('dd'); dd.textContent = value; dd.className = cls;
    term(dl, label, dd);
  }
  const en = document.createElement('span');
  en.lang = 'en'; en.textContent = 'Voice';
  return folding('voice', ['Голос · ', en], voiceOpen, (open) => { voiceOpen = open; }, dl);
}

// The answer as the MAX bot sends it: each message's text as MAX gets it (its HTML tags shown,
// not applied), and the inline keyboard under the last one, row by row as MAX lays it out.
function maxView(max) {
  const dl = document.createElement('dl');
  max.parts.forEach((part, i) => {
    const dd = document.createElement('dd'); dd.className = 'max-text'; dd.textContent = part;
    const count = max.parts.length > 1 ? ' · ' + (i + 1) + '/' + max.parts.length : '';
    term(dl, 'MAX, ' + (max.format || 'text') + count + ' · ' + part.length + ' симв.', dd);
  });
  if (max.keyboard) {
    const kb = document.createElement('dd');
    kb.className = 'max-kb';
    for (const row of max.keyboard.payload.buttons) {
      const r = document.createElement('div');
      r.className = 'max-row';
      for (const b of row) {
        const span = document.createElement('span');
        span.className = 'max-btn';
        span.textContent = b.type === 'link' ? b.text + ' ↗' : b.text;
        span.title = b.type === 'link' ? b.url : b.payload;
        r.append(span);
      }
      kb.append(r);
    }
    term(dl, 'MAX, inline_keyboard', kb);
  }
  return folding('max', ['MAX'], maxOpen, (open) => { maxOpen = open; }, dl);
}

async function ask(text) {
  if (!text.trim() || !person.value) return;
  const mine = bubble('me');
  mine.textContent = text;
  const reply = bubble('bot');
  reply.textContent = '…';
  try {
    const res = await fetch('playground/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: person.value, text }) });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || res.statusText);
    reply.textContent = '';
    const answer = document.createElement('div');
    answer.className = 'answer';
    answer.append(safeFragment(body.text));
    reply.append(answer);
    // A term chart: the picture under its caption; the caption alone already says what it shows.
    for (const src of body.images || []) {
      const img = document.createElement('img');
      img.className = 'chart'; img.alt = ''; img.src = src;
      reply.append(img);
    }
    // A question back ("оценки или домашнее задание?"): each choice is asked as if typed.
    if (body.buttons && body.buttons.length) {
      const choices = document.createElement('div');
      choices.className = 'quick choices';
      for (const label of body.buttons) {
        const b = document.createElement('button');
        b.type = 'button'; b.textContent = label;
        b.addEventListener('click', () => ask(label));
        choices.append(b);
      }
      reply.append(choices);
    }
    reply.append(voice(body));
    if (body.max) reply.append(maxView(body.max));
  } catch (err) {
    reply.textContent = 'Ошибка: ' + err.message;
    reply.classList.add('error');
  }
  reveal(mine, reply);
}

async function loadPeople() {
  const res = await fetch('playground/people');
  const { people } = await res.json();
  for (const role of ['guardian', 'student', 'teacher']) {
    const group = document.createElement('optgroup');
    group.label = ROLE[role];
    for (const p of people.filter((x) => x.role === role)) {
      const opt = document.createElement('option');
      opt.value = p.id; opt.textContent = p.displayName;
      group.append(opt);
    }
    person.append(group);
  }
  const wanted = new URLSearchParams(location.search).get('as');
  if (wanted && people.some((p) => p.id === wanted)) person.value = wanted;
  document.body.dataset.ready = 'true';
}

person.addEventListener('change', () => { messages.textContent = ''; });
$('form').addEventListener('submit', (e) => { e.preventDefault(); const text = input.value; input.value = ''; ask(text); });
for (const b of document.querySelectorAll('.quick button')) b.addEventListener('click', () => ask(b.textContent));
loadPeople();`;

// interactive-widget: a phone's keyboard shrinks the layout (where supported) instead of sliding
// the page up under it, so the header stays in view above the input.
export function playgroundPage(): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1,interactive-widget=resizes-content">
<meta name="theme-color" content="#517da2"><link rel="icon" type="image/svg+xml" href="${FAVICON_HREF}">
<title>dnevnik — игровая площадка</title><style>${STYLE}</style></head>
<body><main>
<header><h1>Дневник · демо-школа</h1><label>Я — <select id="person" aria-label="Кто спрашивает"></select></label></header>
<section id="messages" role="log" aria-live="polite" aria-label="Переписка" tabindex="0"></section>
<div class="quick" role="group" aria-label="Быстрые вопросы"><button type="button">Оценки сегодня</button><button type="button">Что задали на завтра</button><button type="button">Расписание</button><button type="button">Баланс</button></div>
<form><input id="question" autocomplete="off" placeholder="Спросите: какие оценки сегодня?" aria-label="Вопрос"><button id="send" type="submit">Отправить</button></form>
</main><script>${SCRIPT}</script></body></html>`;
}

export function statusPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" type="image/svg+xml" href="${FAVICON_HREF}"><title>dnevnik</title></head>
<body><h1>dnevnik</h1><p>The school-diary assistant is running. Health: <a href="/healthz">/healthz</a>, readiness: <a href="/readyz">/readyz</a>.</p>
<p>The playground is available when <code>DEMO</code> is on.</p></body></html>`;
}
