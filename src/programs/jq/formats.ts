/** jq's `@name` formats (`@csv`, `@tsv`, `@sh`, `@json`, `@text`, `@html`, `@uri`, `@base64`, `@base64d`). */
import { dump, formatNumber, JqError, named, type JV } from './value.js';

const text = (v: JV): string => (typeof v === 'string' ? v : dump(v, null));

function row(v: JV, what: 'csv' | 'tsv'): JV[] {
  if (!Array.isArray(v)) throw new JqError(`${named(v)} cannot be ${what}-formatted, only array`);
  return v;
}

function cell(v: JV, what: 'csv' | 'tsv'): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') {
    if (what === 'csv') return `"${v.replaceAll('"', '""')}"`;
    return v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
  }
  throw new JqError(`${named(v)} is not valid in a ${what} row`);
}

function shQuote(v: JV): string {
  if (typeof v === 'string') return `'${v.replaceAll("'", "'\\''")}'`;
  if (v === null || typeof v !== 'object') return text(v);
  throw new JqError(`${named(v)} can not be escaped for shell`);
}

const HTML: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' };

export function applyFormat(name: string, v: JV): JV {
  switch (name) {
    case 'text':
      return text(v);
    case 'json':
      return dump(v, null);
    case 'csv':
      return row(v, 'csv')
        .map((x) => cell(x, 'csv'))
        .join(',');
    case 'tsv':
      return row(v, 'tsv')
        .map((x) => cell(x, 'tsv'))
        .join('\t');
    case 'sh':
      return Array.isArray(v) ? v.map(shQuote).join(' ') : shQuote(v);
    case 'html':
      return text(v).replace(/[<>&'"]/g, (c) => (c === "'" ? '&apos;' : HTML[c]!));
    case 'uri':
      return [...Buffer.from(text(v))].map((b) => (/[A-Za-z0-9\-_.!~*'()]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
    case 'base64':
      return Buffer.from(text(v)).toString('base64');
    case 'base64d':
      return Buffer.from(text(v), 'base64').toString();
    default:
      throw new JqError(`${name} is not a valid format`);
  }
}
