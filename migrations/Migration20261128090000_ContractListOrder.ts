import { Migration } from '@mikro-orm/migrations';

/** The contract list (合同登记) reads newest code first: its order (code, id) has its index, like every list (issue #12). */
export class Migration20261128090000_ContractListOrder extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "contract_list_order" on "contract" ("code", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "contract_list_order";`);
  }

}
