import type { MikroORM } from '@mikro-orm/postgresql';
import type { RulesConfig } from '../core/config';
import { transaction } from '../db/transaction';

/**
 * Writes the configured filing deadlines into the one row the flag triggers read (migration
 * NormativeFlagColumns), and when they differ from what the database holds (first start, or a
 * changed FILING_DUE_DAYS, CORRECTION_DUE_DAYS, EVALUATION_LEAD_MONTHS or filing materials),
 * recomputes every document's stored facts in the same transaction. Returns whether
 * anything changed. Called at every start of the server, the CLI and the test harness.
 */
export async function syncDeadlineSettings(orm: MikroORM, rules: RulesConfig): Promise<boolean> {
  const n = rules.normative;
  const em = orm.em.fork();
  return transaction(em, async (tx) => {
    const conn = tx.getConnection();
    const changed = await conn.execute<{ id: number }[]>(
      `insert into normative_deadline_setting as s (id, filing_due_days, correction_due_days, evaluation_lead_months, filing_materials)
       values (1, ?, ?, ?, ?::jsonb)
       on conflict (id) do update set filing_due_days = excluded.filing_due_days, correction_due_days = excluded.correction_due_days,
              evaluation_lead_months = excluded.evaluation_lead_months, filing_materials = excluded.filing_materials
        where (s.filing_due_days, s.correction_due_days, s.evaluation_lead_months, s.filing_materials)
              is distinct from (excluded.filing_due_days, excluded.correction_due_days, excluded.evaluation_lead_months, excluded.filing_materials)
       returning id`,
      [n.filingDueDays, n.correctionDueDays, n.evaluationLeadMonths, JSON.stringify(n.filingMaterials)],
    );
    if (!changed.length) return false;
    // the before-update triggers recompute the stored dates from the new settings
    await conn.execute(`update normative_document set filed_on = filed_on`);
    return true;
  });
}
