/** Writes docs/rules.md from the rules registry. A test fails when the committed file is stale. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { rulesReference } from '../src/core/rules/reference';
import { dateChecks } from './date-checks';
import { ruleCitations } from './rule-citations';

const file = path.resolve(__dirname, '..', 'docs', 'rules.md');
writeFileSync(file, rulesReference(ruleCitations(path.resolve(__dirname, '..', 'src')), dateChecks()));
process.stdout.write('docs/rules.md written\n');
