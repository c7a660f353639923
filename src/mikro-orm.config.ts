/**
 * Configuration for the MikroORM CLI (`npx mikro-orm …`), against DATABASE_URL. The application
 * itself builds its options in orm-options.ts; prefer `npm run migration:create` to add migrations.
 */
import 'reflect-metadata';
import { ormOptions } from './orm';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL to use the MikroORM CLI');
export default ormOptions({ clientUrl: url });
