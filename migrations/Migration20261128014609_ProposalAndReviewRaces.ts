import { Migration } from '@mikro-orm/migrations';

/**
 * Invariants of inclusion, drafting and review that hold under concurrency (issue #10): a directory
 * item carries one live proposal; risk-assessment rounds and consultation-opinion numbers are
 * unique; a review has one opinion draft and one issued opinion in force; an amended text is
 * confirmed once. The services lock the parent row before they count; these are what the database
 * itself refuses.
 */
export class Migration20261128014609_ProposalAndReviewRaces extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create unique index "legal_opinion_one_in_force_per_review" on "legal_opinion" ("review_id") where "status" = 'ISSUED' and not "superseded";`);
    this.addSql(`create unique index "legal_opinion_one_draft_per_review" on "legal_opinion" ("review_id") where "status" = 'DRAFT';`);

    this.addSql(`alter table "opinion_confirmation" add constraint "opinion_confirmation_opinion_id_draft_hash_unique" unique ("opinion_id", "draft_hash");`);

    this.addSql(`create unique index "decision_proposal_one_live_per_directory_item" on "decision_proposal" ("directory_item_id") where "directory_item_id" is not null and "state" not in ('WITHDRAWN', 'DECLINED');`);

    this.addSql(`alter table "risk_assessment" add constraint "risk_assessment_proposal_id_round_unique" unique ("proposal_id", "round");`);

    this.addSql(`alter table "consultation_opinion" add constraint "consultation_opinion_consultation_id_seq_unique" unique ("consultation_id", "seq");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "consultation_opinion" drop constraint "consultation_opinion_consultation_id_seq_unique";`);

    this.addSql(`drop index "decision_proposal_one_live_per_directory_item";`);

    this.addSql(`drop index "legal_opinion_one_in_force_per_review";`);
    this.addSql(`drop index "legal_opinion_one_draft_per_review";`);

    this.addSql(`alter table "opinion_confirmation" drop constraint "opinion_confirmation_opinion_id_draft_hash_unique";`);

    this.addSql(`alter table "risk_assessment" drop constraint "risk_assessment_proposal_id_round_unique";`);
  }

}
