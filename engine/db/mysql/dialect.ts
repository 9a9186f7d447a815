import type { Dialect } from '../dialect.ts';
import { mysqlAdmin } from './admin.ts';
import { mysqlFunctions } from './functions.ts';
import { openMysqlDriver } from './driver.ts';
import { mapMysqlError } from './errors.ts';
import { mysqlFeatures } from './features.ts';
import { mysqlOperations } from './operations.ts';
import { mysqlSchema } from './schema-editor.ts';

export const mysqlDialect: Dialect = {
  name: 'mysql',
  label: 'MySQL/MariaDB',
  openDriver: openMysqlDriver,
  features: mysqlFeatures,
  mapError: mapMysqlError,
  quoteName: (name) => '`' + name.replace(/`/g, '``') + '`',
  backslashEscapes: true,
  admin: mysqlAdmin,
  functions: mysqlFunctions,
  operations: mysqlOperations,
  schema: mysqlSchema,
};
