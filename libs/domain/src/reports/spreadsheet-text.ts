// A spreadsheet runs a cell that starts with = + - or @ as a formula (a tab or carriage return
// first can still lead there once trimmed): a name such as =HYPERLINK("http://x") would become a
// live link or worse. Such text is written with a leading apostrophe, the convention spreadsheets
// read as "this is text". Numbers are written as numbers and never pass through here.

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet must receive it: unchanged, or with a leading apostrophe. */
export const neutraliseFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
