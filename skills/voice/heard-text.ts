import { cutUtterance, isPrintableText } from '../../core/input';

/**
 * What a voice request says, as the skills read it: cut to 1,024 characters before anything parses
 * it (the platforms never send more; a forged request must not buy seconds of parsing), and empty
 * — nothing heard — when it holds NUL or a lone surrogate, which no speech recogniser writes.
 */
export function heardText(raw: string): string {
  const said = cutUtterance(raw);
  return isPrintableText(said) ? said : '';
}
