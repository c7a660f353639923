import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import { TYPES_WITH_ACTIONS } from '../../src/web/src/action-types';

/** The console's cache replaces `availableActions` on exactly the types that have the field. */
it('the console lists every type with availableActions', () => {
  const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8'));
  const withActions = Object.values(schema.getTypeMap())
    .filter((t) => isObjectType(t) && !t.name.startsWith('__') && 'availableActions' in t.getFields())
    .map((t) => t.name)
    .sort();
  expect([...TYPES_WITH_ACTIONS].sort()).toEqual(withActions);
});
