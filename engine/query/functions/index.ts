// Database functions (Django's django.db.models.functions).
export { Func, type FunctionSpelling, type FunctionSpellings } from './func.ts';
export { Lower, Upper, Trim, Length, Concat, Substr, Replace } from './text.ts';
export { Coalesce, Greatest, Least, NullIf, Cast } from './comparison.ts';
export { Abs, Ceil, Floor, Mod, Power, Round } from './math.ts';
export { Now, TruncDate, TruncMonth, TruncYear, ExtractYear, ExtractMonth, ExtractDay } from './datetime.ts';
