/**
 * iproute2's output layer (lib/json_print.c over lib/json_writer.c): one sequence of
 * `print_*(PRINT_ANY, key, fmt, value)` calls yields either the text or the `-j` JSON, so a
 * renderer describes each field once. The JSON writer copies jsonw's quirks byte for byte:
 * pretty mode indents by four spaces, arrays open with `[ ` and close with ` ]`, objects in an
 * array are joined by `},{`, an empty array is `[ ]`, and the document ends with a newline.
 */

/** A JSON scalar as jsonw writes it. */
export type JsonScalar = string | number | boolean | null;

/** lib/color.c's attributes: interface names, MACs, IPv4 and IPv6 addresses, operstates UP and DOWN. */
export type ColorAttr = 'ifname' | 'mac' | 'inet' | 'inet6' | 'up' | 'down' | 'none';

/** attr_colors_light (no COLORFGBG saying the background is dark): cyan, yellow, magenta, blue, green, red */
const COLOR_CODES: Record<Exclude<ColorAttr, 'none'>, string> = { ifname: '\x1b[36m', mac: '\x1b[33m', inet: '\x1b[35m', inet6: '\x1b[34m', up: '\x1b[32m', down: '\x1b[31m' };
const COLOR_CLEAR = '\x1b[0m';

/**
 * The text-or-JSON printer of one command. Calls mirror iproute2's: `any` is PRINT_ANY,
 * `text` is PRINT_FP, `jsonOnly` is PRINT_JSON.
 *
 * @example
 * const p = new Printer(true, false);
 * p.startList(); p.openObject(); p.any('dst', 'default ', 'default'); p.closeObject();
 * p.endList(); // '[{"dst":"default"}]\n'
 */
export class Printer {
  private out = '';
  private depth = 0;
  /** `-c`: check_enable_color said yes (never with `-j`) */
  color = false;
  /** jsonw's separator: '' at the start of a collection, ',' after an element */
  private sep = '';

  constructor(
    readonly json: boolean,
    readonly pretty: boolean,
  ) {}

  /** Everything printed so far. */
  get output(): string {
    return this.out;
  }

  /** new_json_obj(): a JSON document is one top-level array. */
  startList(): void {
    if (this.json) this.beginCollection('[', ' ');
  }

  /** delete_json_obj(): closes the array and ends the document with a newline. */
  endList(): void {
    if (!this.json) return;
    this.endArrayRaw();
    this.out += '\n';
  }

  /** open_json_object(key): JSON only. */
  openObject(key: string | null = null): void {
    if (!this.json) return;
    if (key !== null) this.name(key);
    this.beginCollection('{', '');
  }

  /** close_json_object(): JSON only. */
  closeObject(): void {
    if (!this.json) return;
    this.depth--;
    if (this.sep !== '') this.eol();
    this.out += '}';
    this.sep = ',';
  }

  /** open_json_array(PRINT_JSON, key): JSON only. */
  openArray(key: string | null): void {
    if (!this.json) return;
    if (key !== null) this.name(key);
    this.beginCollection('[', ' ');
  }

  /** close_json_array(PRINT_JSON, …): JSON only. */
  closeArray(): void {
    if (this.json) this.endArrayRaw();
  }

  /** PRINT_FP: text output only. */
  text(s: string): void {
    if (!this.json) this.out += s;
  }

  /** PRINT_JSON: a JSON member (or array element when key is null) only. */
  jsonOnly(key: string | null, value: JsonScalar): void {
    if (!this.json) return;
    if (key !== null) this.name(key);
    this.value(value);
  }

  /** jsonw_name + jsonw_printf: a JSON member whose value is written as is (bridge timers' `0.00`). */
  jsonRaw(key: string, raw: string): void {
    if (!this.json) return;
    this.name(key);
    this.eor();
    this.out += raw;
  }

  /** print_color_string(PRINT_ANY, attr, …): `any`, its text wrapped in the attribute's colour when colour is on. */
  colored(attr: ColorAttr, key: string | null, text: string, value: JsonScalar): void {
    if (this.json || !this.color || attr === 'none') this.any(key, text, value);
    else this.out += `${COLOR_CODES[attr]}${text}${COLOR_CLEAR}`;
  }

  /** PRINT_ANY: `text` in text mode, `key: value` in JSON. */
  any(key: string | null, text: string, value: JsonScalar): void {
    if (this.json) this.jsonOnly(key, value);
    else this.out += text;
  }

  private name(key: string): void {
    this.eor();
    this.eol();
    this.sep = '';
    this.out += `${quote(key)}:${this.pretty ? ' ' : ''}`;
  }

  private value(v: JsonScalar): void {
    this.eor();
    if (typeof v === 'string') this.out += quote(v);
    else if (v === null) this.out += 'null';
    else this.out += String(v);
  }

  private beginCollection(open: string, prettyPad: string): void {
    this.eor();
    this.out += open;
    this.depth++;
    this.sep = '';
    if (this.pretty) this.out += prettyPad;
  }

  private endArrayRaw(): void {
    if (this.pretty && this.sep !== '') this.out += ' ';
    this.sep = '';
    this.depth--;
    this.out += ']';
    this.sep = ',';
  }

  private eor(): void {
    if (this.sep !== '') this.out += this.sep;
    this.sep = ',';
  }

  private eol(): void {
    if (!this.pretty) return;
    this.out += `\n${'    '.repeat(this.depth)}`;
  }
}

/** jsonw_puts: C escapes only, no \u sequences. */
function quote(s: string): string {
  let r = '"';
  for (const ch of s) {
    switch (ch) {
      case '\t':
        r += '\\t';
        break;
      case '\n':
        r += '\\n';
        break;
      case '\r':
        r += '\\r';
        break;
      case '\f':
        r += '\\f';
        break;
      case '\b':
        r += '\\b';
        break;
      case '\\':
        r += '\\\\';
        break;
      case '"':
        r += '\\"';
        break;
      default:
        r += ch;
    }
  }
  return `${r}"`;
}
