import { quoteDouble, type Dialect } from '../dialect.ts';
import { sqliteAdmin } from './admin.ts';
import { sqliteFunctions } from './functions.ts';
import { openSqliteDriver } from './driver.ts';
import { mapSqliteError } from './errors.ts';
import { sqliteFeatures } from './features.ts';
import { sqliteOperations } from './operations.ts';
import { sqliteSchema } from './schema-editor.ts';

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  label: 'SQLite',
  openDriver: (url) => openSqliteDriver(url.filename ?? ':memory:'),
  features: sqliteFeatures,
  mapError: (err) => mapSqliteError(err),
  quoteName: quoteDouble,
  backslashEscapes: false,
  admin: sqliteAdmin,
  functions: sqliteFunctions,
  operations: sqliteOperations,
  schema: sqliteSchema,
};
