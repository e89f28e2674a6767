import { describe, expect, it } from 'vitest';
import { mediaUrlField, sniffMediaType, uploadRefusal } from './upload-rules';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])),
  );

describe('uploads are judged by their bytes', () => {
  it('recognises the accepted image and video formats', () => {
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffMediaType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffMediaType(bytes('GIF89a'))).toBe('image/gif');
    expect(sniffMediaType(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))).toBe('image/webp');
    expect(sniffMediaType(bytes(0, 0, 0, 0x20, 'ftypisom'))).toBe('video/mp4');
    expect(sniffMediaType(bytes(0x1a, 0x45, 0xdf, 0xa3))).toBe('video/webm');
    expect(sniffMediaType(bytes(0x1a, 0x45, 0xdf))).toBeNull();
  });

  it('takes an ISO-BMFF file as mp4 only for an MP4 video brand', () => {
    for (const brand of ['iso2', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash'])
      expect(sniffMediaType(bytes(0, 0, 0, 0x18, 'ftyp', brand)), brand).toBe('video/mp4');
    for (const brand of ['heic', 'heix', 'mif1', 'avif', 'qt  ', '3gp4', '3g2a', 'M4A ', 'crx ', 'ISOM'])
      expect(sniffMediaType(bytes(0, 0, 0, 0x18, 'ftyp', brand)), brand).toBeNull();
    expect(sniffMediaType(bytes(0, 0, 0, 0x18, 'ftyp'))).toBeNull();
  });

  it('refuses what proves nothing, whatever it is called', () => {
    expect(sniffMediaType(bytes('<svg onload=alert(1)>'))).toBeNull();
    expect(sniffMediaType(bytes('%PDF-1.7'))).toBeNull();
    expect(sniffMediaType(new Uint8Array())).toBeNull();
  });

  it('says why a file is refused: empty, too large, or the wrong kind', () => {
    expect(uploadRefusal('image', { size: 0 }, null)).toBe('empty');
    expect(uploadRefusal('image', { size: 4 * 1024 * 1024 + 1 }, 'image/png')).toBe('tooLarge');
    expect(uploadRefusal('image', { size: 10 }, 'video/mp4')).toBe('wrongType');
    expect(uploadRefusal('video', { size: 32 * 1024 * 1024 }, 'video/mp4')).toBeNull();
  });

  it('keeps only URLs our stores produced', () => {
    expect(mediaUrlField.safeParse('/uploads/media/a-1.png').success).toBe(true);
    expect(mediaUrlField.safeParse('https://abc.ufs.sh/f/key').success).toBe(true);
    for (const bad of ['/uploads/../secret', 'javascript:alert(1)', 'https://evil.example/x.png', '//evil.example/a'])
      expect(mediaUrlField.safeParse(bad).success).toBe(false);
  });
});
