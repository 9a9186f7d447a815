// Terminal output that respects NO_COLOR (https://no-color.org) and non-terminals.
const useColor = !process.env.NO_COLOR && process.stdout.isTTY === true && process.env.TERM !== 'dumb';

const paint = (code: number) => (text: string) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);

export const style = {
  bold: paint(1),
  dim: paint(2),
  green: paint(32),
  red: paint(31),
  yellow: paint(33),
};

export const mark = {
  ok: () => style.green('✓'),
  fail: () => style.red('✗'),
  absent: () => style.yellow('–'),
};
