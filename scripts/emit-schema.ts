/** Writes schema/schema.graphql from the code (sorted). A test fails when the committed file is stale. */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSortedSchema } from '../src/graphql/schema';

printSortedSchema().then(
  (sdl) => {
    writeFileSync(path.resolve(__dirname, '..', 'schema', 'schema.graphql'), sdl);
    process.stdout.write('schema/schema.graphql written\n');
  },
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
