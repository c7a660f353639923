import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #10: triggers (written by hand) on every record the rule book calls immutable, for
 * whoever connects — the server's own role cannot disable them, owning nothing: a decision's
 * approved version and, once signed, its number and signature (R-DEC-12); a published directory
 * and its items, where only an item's status and current quarter change, by adjustment (R-DIR-3);
 * adjustments and meeting corrections, append-only; the members of a finalised meeting
 * (R-DEC-11); and TRUNCATE of any of them, or of the minutes, opinions and findings already
 * guarded row by row.
 */
export class Migration20261128013051_ImmutableRecords extends Migration {
  override async up(): Promise<void> {
    // ---- decisions: what was approved never changes; once signed, neither do number and signature
    this.addSql(`create function decision_record_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'decision % records an approval and is immutable: DELETE is not allowed', old.id using errcode = 'insufficient_privilege';
  end if;
  if (new.id, new.proposal_id, new.agenda_item_id, new.approved_draft_number, new.approved_draft_hash)
      is distinct from (old.id, old.proposal_id, old.agenda_item_id, old.approved_draft_number, old.approved_draft_hash) then
    raise exception 'the approved version of decision % is immutable: UPDATE of it is not allowed', old.id using errcode = 'insufficient_privilege';
  end if;
  if (old.document_number is not null or old.signed_by_id is not null or old.signed_on is not null)
      and (new.document_number, new.signed_by_id, new.signed_on) is distinct from (old.document_number, old.signed_by_id, old.signed_on) then
    raise exception 'decision % is signed: its document number and signature are immutable', old.id using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger decision_immutable before update or delete on "decision" for each row execute function decision_record_guard();`);

    // ---- a published directory: never unpublished, never edited; its items change only status and current quarter
    this.addSql(`create function decision_directory_guard() returns trigger language plpgsql as $$
begin
  if old.status = 'PUBLISHED' and (tg_op = 'DELETE'
      or (to_jsonb(new) - 'version' - 'updated_at') is distinct from (to_jsonb(old) - 'version' - 'updated_at')) then
    raise exception 'directory % is published and immutable: % is not allowed; change it by adjustment', old.id, tg_op using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;`);
    this.addSql(`create trigger decision_directory_published_immutable before update or delete on "decision_directory" for each row execute function decision_directory_guard();`);
    this.addSql(`create function directory_item_guard() returns trigger language plpgsql as $$
declare
  directory_status text;
begin
  select status into directory_status from decision_directory where id = old.directory_id;
  if directory_status = 'PUBLISHED' and (tg_op = 'DELETE'
      or (to_jsonb(new) - 'status' - 'current_quarter' - 'version') is distinct from (to_jsonb(old) - 'status' - 'current_quarter' - 'version')) then
    raise exception 'directory item % is published and immutable: % is not allowed; only its status and current quarter change, by adjustment', old.id, tg_op
      using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;`);
    this.addSql(`create trigger directory_item_published_immutable before update or delete on "directory_item" for each row execute function directory_item_guard();`);

    // ---- append-only records
    this.addSql(`create trigger directory_adjustment_immutable before update or delete on "directory_adjustment" for each row execute function immutable_row_refuse_change();`);
    this.addSql(`create trigger meeting_correction_immutable before update or delete on "meeting_correction" for each row execute function immutable_row_refuse_change();`);

    // ---- the members of a finalised meeting
    this.addSql(`create function meeting_member_guard() returns trigger language plpgsql as $$
begin
  if exists (select 1 from meeting m where m.status = 'FINALISED'
              and m.id in (case when tg_op <> 'INSERT' then old.meeting_id end, case when tg_op <> 'DELETE' then new.meeting_id end)) then
    raise exception 'the minutes are finalised and immutable: % on meeting_member is not allowed', tg_op using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;`);
    this.addSql(`create trigger meeting_member_finalised_immutable before insert or update or delete on "meeting_member" for each row execute function meeting_member_guard();`);

    // ---- no TRUNCATE of any immutable record (audit_event, text_version and material refuse it already)
    for (const table of TRUNCATE_GUARDED) {
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function immutable_row_refuse_change();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of TRUNCATE_GUARDED) this.addSql(`drop trigger if exists "${table}_no_truncate" on "${table}";`);
    this.addSql(`drop trigger if exists meeting_member_finalised_immutable on "meeting_member";`);
    this.addSql(`drop function if exists meeting_member_guard();`);
    this.addSql(`drop trigger if exists meeting_correction_immutable on "meeting_correction";`);
    this.addSql(`drop trigger if exists directory_adjustment_immutable on "directory_adjustment";`);
    this.addSql(`drop trigger if exists directory_item_published_immutable on "directory_item";`);
    this.addSql(`drop function if exists directory_item_guard();`);
    this.addSql(`drop trigger if exists decision_directory_published_immutable on "decision_directory";`);
    this.addSql(`drop function if exists decision_directory_guard();`);
    this.addSql(`drop trigger if exists decision_immutable on "decision";`);
    this.addSql(`drop function if exists decision_record_guard();`);
  }
}

const TRUNCATE_GUARDED = [
  'decision',
  'decision_directory',
  'directory_item',
  'directory_adjustment',
  'meeting',
  'meeting_member',
  'agenda_item',
  'member_position',
  'meeting_correction',
  'legal_opinion',
  'opinion_finding',
];
