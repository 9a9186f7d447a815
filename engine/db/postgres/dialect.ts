import { quoteDouble, type Dialect } from '../dialect.ts';
import { postgresAdmin } from './admin.ts';
import { postgresFunctions } from './functions.ts';
import { openPostgresDriver } from './driver.ts';
import { mapPostgresError } from './errors.ts';
import { postgresFeatures } from './features.ts';
import { postgresOperations } from './operations.ts';
import { postgresSchema } from './schema-editor.ts';

export const postgresDialect: Dialect = {
  name: 'postgres',
  label: 'PostgreSQL',
  openDriver: openPostgresDriver,
  features: postgresFeatures,
  mapError: mapPostgresError,
  quoteName: quoteDouble,
  backslashEscapes: false,
  admin: postgresAdmin,
  functions: postgresFunctions,
  operations: postgresOperations,
  schema: postgresSchema,
};
