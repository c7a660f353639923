import { Migration } from '@mikro-orm/migrations';

export class Migration20261128013339_TokenGenerationAndRevokedTokens extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "revoked_token" ("jti" uuid not null, "user_id" uuid not null, "revoked_at" timestamptz not null, "expires_at" timestamptz not null, constraint "revoked_token_pkey" primary key ("jti"));`);
    this.addSql(`create index "revoked_token_user_id_index" on "revoked_token" ("user_id");`);
    this.addSql(`create index "revoked_token_expires_at_index" on "revoked_token" ("expires_at");`);

    this.addSql(`alter table "revoked_token" add constraint "revoked_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "app_user" add column "token_generation" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "revoked_token" cascade;`);

    this.addSql(`alter table "app_user" drop column "token_generation";`);
  }

}
