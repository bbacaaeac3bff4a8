import { describe, expect, it } from 'vitest';
import { Printer } from '../../../src/iproute2/print.js';

function doc(json: boolean, pretty: boolean, objects: number, withArray: string[]) {
  const p = new Printer(json, pretty);
  p.startList();
  for (let i = 0; i < objects; i++) {
    p.openObject();
    p.any('n', `${i} `, i);
    p.openArray('a');
    for (const s of withArray) p.any(null, `${s} `, s);
    p.closeArray();
    p.any('z', 'null ', null);
    p.text('\n');
    p.closeObject();
  }
  p.endList();
  return p.output;
}

describe('Printer (jsonw)', () => {
  it('text mode prints only the text', () => expect(doc(false, false, 2, ['x'])).toBe('0 x null \n1 x null \n'));
  it('compact JSON', () => {
    expect(doc(true, false, 0, [])).toBe('[]\n');
    expect(doc(true, false, 2, ['x', 'y'])).toBe('[{"n":0,"a":["x","y"],"z":null},{"n":1,"a":["x","y"],"z":null}]\n');
  });
  it('pretty JSON: four-space indents, `[ ` and ` ]`, `},{`', () => {
    expect(doc(true, true, 0, [])).toBe('[ ]\n');
    expect(doc(true, true, 2, ['x'])).toBe('[ {\n        "n": 0,\n        "a": [ "x" ],\n        "z": null\n    },{\n        "n": 1,\n        "a": [ "x" ],\n        "z": null\n    } ]\n');
    expect(doc(true, true, 1, [])).toBe('[ {\n        "n": 0,\n        "a": [ ],\n        "z": null\n    } ]\n');
  });
  it('escapes as jsonw_puts does', () => {
    const p = new Printer(true, false);
    p.startList();
    p.jsonOnly(null, 'a"b\\c\td');
    p.endList();
    expect(p.output).toBe('["a\\"b\\\\c\\td"]\n');
  });
});
