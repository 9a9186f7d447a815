#!/usr/bin/env node
// `npx workbook`: load the TypeScript CLI through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/workbook.ts');
