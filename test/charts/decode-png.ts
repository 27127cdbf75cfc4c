import zlib from 'node:zlib';

// A strict reader of the PNGs the charts make (8-bit RGBA or RGB, not interlaced): it checks the
// signature, every chunk's CRC and the image data's length, and returns the pixels, so that the
// tests compare what a viewer would show rather than bytes.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface TDecodedPng {
  width: number;
  height: number;
  /** RGBA, row by row. */
  rgba: Uint8Array;
}

export function decodePng(bytes: Uint8Array): TDecodedPng {
  const png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG signature');
  let at = 8;
  let header: { width: number; height: number; channels: number } | null = null;
  const data: Buffer[] = [];
  let ended = false;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    const crc = png.readUInt32BE(at + 8 + length);
    if (zlib.crc32(png.subarray(at + 4, at + 8 + length)) !== crc) throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || (colour !== 6 && colour !== 2) || interlace !== 0)
        throw new Error(`unexpected format: depth ${depth}, colour ${colour}, interlace ${interlace}`);
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), channels: colour === 6 ? 4 : 3 };
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    at += 12 + length;
  }
  if (!header || !ended || data.length === 0) throw new Error('missing IHDR, IDAT or IEND');
  const { width, height, channels } = header;
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`image data of ${raw.length} bytes for ${width}×${height}`);
  const out = new Uint8Array(width * height * 4);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i += 1) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = previous[i];
      const c = i >= channels ? previous[i - channels] : 0;
      if (filter === 1) line[i] += a;
      else if (filter === 2) line[i] += b;
      else if (filter === 3) line[i] += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        line[i] += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`unknown filter ${filter}`);
    }
    for (let x = 0; x < width; x += 1) {
      out.set(line.subarray(x * channels, x * channels + 3), (y * width + x) * 4);
      out[(y * width + x) * 4 + 3] = channels === 4 ? line[x * channels + 3] : 255;
    }
    previous = line;
  }
  return { width, height, rgba: out };
}

/** How many pixels of a region are not white (ink drawn there). */
export function inkedPixels(png: TDecodedPng, region = { x: 0, y: 0, width: png.width, height: png.height }): number {
  let n = 0;
  for (let y = region.y; y < region.y + region.height; y += 1) {
    for (let x = region.x; x < region.x + region.width; x += 1) {
      const i = (y * png.width + x) * 4;
      if (png.rgba[i] < 200 || png.rgba[i + 1] < 200 || png.rgba[i + 2] < 200) n += 1;
    }
  }
  return n;
}

/** How many pixels differ between two pictures of the same size. */
export function differentPixels(a: TDecodedPng, b: TDecodedPng): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('pictures of different sizes');
  let n = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    if (a.rgba[i] !== b.rgba[i] || a.rgba[i + 1] !== b.rgba[i + 1] || a.rgba[i + 2] !== b.rgba[i + 2]) n += 1;
  }
  return n;
}
