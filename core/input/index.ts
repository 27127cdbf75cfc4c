// The public face of core/input: outside core, the module is imported only from here.

export { isPrintableText, printable, unprintableReason } from './printable-text';
export { cutUtterance, isTooLongUtterance } from './utterance-limit';
export { readYesNo, type TYesNo } from './yes-no';
