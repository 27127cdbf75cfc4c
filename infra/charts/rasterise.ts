import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from './chart-fonts';
import { PIXEL_RATIO } from './chart-style';

export interface TPng {
  png: Uint8Array;
  /** In device pixels: the SVG's size times PIXEL_RATIO. */
  width: number;
  height: number;
}

/**
 * An SVG drawn as a PNG at PIXEL_RATIO by resvg (Rust, no browser), with the shipped fonts only:
 * `loadSystemFonts: false` keeps the machine's fonts out, so the picture is the same everywhere
 * (and a text in a family that is missing comes out empty rather than in some other face).
 */
export function rasterise(svg: string): TPng {
  const image = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: PIXEL_RATIO },
    logLevel: 'off',
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
