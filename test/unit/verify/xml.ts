/**
 * A strict little XML reader for the tests (no XML parser among the dependencies): prolog,
 * elements, attributes in double quotes, text, the five predefined entities and character
 * references. It throws on anything not well-formed in that subset.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;

function decode(s: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(s)) throw new Error(`bad entity in ${JSON.stringify(s.slice(0, 40))}`);
  if (/[<]/.test(s)) throw new Error('raw < in text');
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    const map: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (map[e]) return map[e]!;
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

export function parseXml(doc: string): XmlElement {
  let i = 0;
  const m = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(doc);
  if (!m) throw new Error('missing XML declaration');
  i = m[0].length;
  const ws = () => {
    while (i < doc.length && /\s/.test(doc[i]!)) i++;
  };
  const element = (): XmlElement => {
    if (doc[i] !== '<') throw new Error(`expected < at ${i}`);
    i++;
    const n = NAME.exec(doc.slice(i));
    if (!n) throw new Error(`bad element name at ${i}`);
    i += n[0].length;
    const el: XmlElement = { name: n[0], attrs: {}, children: [], text: '' };
    for (;;) {
      ws();
      if (doc.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (doc[i] === '>') {
        i++;
        break;
      }
      const a = NAME.exec(doc.slice(i));
      if (!a) throw new Error(`bad attribute at ${i}`);
      i += a[0].length;
      if (doc[i] !== '=' || doc[i + 1] !== '"') throw new Error(`attribute ${a[0]} without ="…"`);
      const end = doc.indexOf('"', i + 2);
      if (end < 0) throw new Error('unterminated attribute');
      if (a[0] in el.attrs) throw new Error(`duplicate attribute ${a[0]}`);
      el.attrs[a[0]] = decode(doc.slice(i + 2, end));
      i = end + 1;
    }
    for (;;) {
      const lt = doc.indexOf('<', i);
      if (lt < 0) throw new Error(`unclosed <${el.name}>`);
      el.text += decode(doc.slice(i, lt));
      i = lt;
      if (doc.startsWith('</', i)) {
        const close = `</${el.name}>`;
        if (!doc.startsWith(close, i)) throw new Error(`expected ${close} at ${i}`);
        i += close.length;
        return el;
      }
      el.children.push(element());
    }
  };
  const root = element();
  ws();
  if (i !== doc.length) throw new Error('content after the root element');
  return root;
}
