// A readable page of the journal API, drawn from the OpenAPI document itself (journal-openapi.ts):
// the endpoint, its headers and answers, and each event type with its fields — plain HTML with no
// scripts or outside assets, so it works on a server without internet and under a strict CSP.

type TJson = Record<string, unknown>;

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A field's type and limits, in a few words: `string ≤ 200`, `"in" | "out"`, `integer 1–5`, `HH:mm`. */
function describe(schema: TJson): string {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as TJson[]).map(describe).join(' or ');
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const type = String(schema.type ?? 'any');
  if (type === 'array')
    return `list of ${describe((schema.items as TJson) ?? {})}${schema.maxItems ? `, ≤ ${schema.maxItems}` : ''}`;
  if (type === 'object') return 'object';
  const limits: string[] = [];
  if (typeof schema.pattern === 'string') limits.push(`pattern ${schema.pattern}`);
  if (typeof schema.format === 'string') limits.push(schema.format);
  if (typeof schema.minimum === 'number' || typeof schema.maximum === 'number')
    limits.push(`${schema.minimum ?? ''}–${schema.maximum ?? ''}`);
  if (typeof schema.maxLength === 'number') limits.push(`≤ ${schema.maxLength} chars`);
  return [type, ...limits].join(', ');
}

function fieldsTable(data: TJson): string {
  const properties = (data.properties ?? {}) as Record<string, TJson>;
  const required = new Set((data.required ?? []) as string[]);
  const rows = Object.entries(properties).map(
    ([name, s]) =>
      `<tr><td><code>${escape(name)}</code></td><td>${required.has(name) ? 'yes' : ''}</td><td>${escape(describe(s))}</td></tr>`,
  );
  return `<table><tr><th>field</th><th>required</th><th>type</th></tr>${rows.join('')}</table>`;
}

export function referencePage(doc: TJson): string {
  const info = doc.info as TJson;
  const post = ((doc.paths as TJson)['/webhooks/journal'] as TJson).post as TJson;
  const schemas = (doc.components as TJson).schemas as Record<string, TJson>;
  const headers = (post.parameters as TJson[])
    .map(
      (p) =>
        `<tr><td><code>${escape(String(p.name))}</code></td><td>${p.required ? 'yes' : ''}</td><td>${escape(String(p.description))}</td></tr>`,
    )
    .join('');
  const answers = Object.entries(post.responses as Record<string, TJson>)
    .map(([code, r]) => `<tr><td>${code}</td><td>${escape(String(r.description))}</td></tr>`)
    .join('');
  const events = Object.values(schemas)
    .filter((s) => (s.properties as TJson | undefined)?.type)
    .map((s) => {
      const type = String(((s.properties as TJson).type as TJson).const);
      return `<section id="${escape(type)}"><h3><code>${escape(type)}</code></h3><p>${escape(String(s.description))}</p>${fieldsTable((s.properties as TJson).data as TJson)}</section>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(String(info.title))}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}code{font-size:.92em}</style></head><body>
<h1>${escape(String(info.title))}</h1><p>${escape(String(info.description))}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<h2><code>POST /webhooks/journal</code></h2><p>${escape(String(post.description))}</p>
<h3>Headers</h3><table><tr><th>header</th><th>required</th><th></th></tr>${headers}</table>
<h3>Answers</h3><table><tr><th>status</th><th></th></tr>${answers}</table>
<p>Body: <code>{"events": [ … ]}</code>; each event is <code>{id, type, occurredAt, data}</code> with the <code>data</code> of its type:</p>
<h2>Event types</h2>${events}</body></html>`;
}
