import { Migration } from '@mikro-orm/migrations';

/**
 * Every list order has an index that yields it (issue #12): root lists by (key, id), nested pages by
 * (parent, key, id), so a page reads in index order and never sorts the table.
 */
export class Migration20261128041922_ListOrderIndexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "decision_directory_list_order" on "decision_directory" ("year", "id");`);

    this.addSql(`create index "department_list_order" on "department" ("code", "id");`);

    this.addSql(`create index "directory_item_page_order" on "directory_item" ("directory_id", "seq", "id");`);

    this.addSql(`create index "directory_adjustment_page_order" on "directory_adjustment" ("directory_id", "recorded_at", "id");`);

    this.addSql(`create index "app_user_list_order" on "app_user" ("username", "id");`);

    this.addSql(`create index "text_version_page_order" on "text_version" ("owner_type", "owner_id", "number", "id");`);

    this.addSql(`create index "review_request_queue_order" on "review_request" ("due_sort_key", "id");`);

    this.addSql(`create index "meeting_list_order" on "meeting" ("held_on", "id");`);

    this.addSql(`create index "meeting_correction_page_order" on "meeting_correction" ("meeting_id", "recorded_at", "id");`);

    this.addSql(`create index "material_page_order" on "material" ("owner_type", "owner_id", "created_at", "id");`);

    this.addSql(`create index "decision_proposal_list_order" on "decision_proposal" ("code", "id");`);

    this.addSql(`create index "risk_assessment_page_order" on "risk_assessment" ("proposal_id", "round", "id");`);

    this.addSql(`create index "consultation_opinion_page_order" on "consultation_opinion" ("consultation_id", "seq", "id");`);

    this.addSql(`create index "expert_opinion_page_order" on "expert_opinion" ("proposal_id", "signed_on", "id");`);

    this.addSql(`create index "agenda_item_page_order" on "agenda_item" ("meeting_id", "seq", "id");`);

    this.addSql(`create index "post_evaluation_page_order" on "post_evaluation" ("decision_id", "evaluated_on", "id");`);

    this.addSql(`create index "execution_report_page_order" on "execution_report" ("decision_id", "reported_on", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "agenda_item_page_order";`);

    this.addSql(`drop index "app_user_list_order";`);

    this.addSql(`drop index "consultation_opinion_page_order";`);

    this.addSql(`drop index "decision_directory_list_order";`);

    this.addSql(`drop index "decision_proposal_list_order";`);

    this.addSql(`drop index "department_list_order";`);

    this.addSql(`drop index "directory_adjustment_page_order";`);

    this.addSql(`drop index "directory_item_page_order";`);

    this.addSql(`drop index "execution_report_page_order";`);

    this.addSql(`drop index "expert_opinion_page_order";`);

    this.addSql(`drop index "material_page_order";`);

    this.addSql(`drop index "meeting_list_order";`);

    this.addSql(`drop index "meeting_correction_page_order";`);

    this.addSql(`drop index "post_evaluation_page_order";`);

    this.addSql(`drop index "review_request_queue_order";`);

    this.addSql(`drop index "risk_assessment_page_order";`);

    this.addSql(`drop index "text_version_page_order";`);
  }

}
