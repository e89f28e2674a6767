import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvStream } from './csv';

describe('csv', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe('-2');
  });

  it('streams a BOM, the header and every batch with CRLF line ends', async () => {
    async function* batches() {
      yield [['白浩伟', 1]];
      yield [['华新', 2]];
    }
    const text = await new Response(csvStream(['name', 'n'], batches())).text();
    const bytes = new Uint8Array(await new Response(csvStream(['a'], batches())).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Response.text() decodes as UTF-8 and drops the BOM the bytes above start with.
    expect(text).toBe(`${csvLine(['name', 'n'])}白浩伟,1\r\n华新,2\r\n`);
  });
});
