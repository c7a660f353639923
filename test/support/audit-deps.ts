import { folderCheckpointStore } from '../../src/audit/checkpoint-store';
import type { Config } from '../../src/core/config';
import { resolveAuditKeys } from '../../src/core/secrets';
import type { AppDeps } from '../../src/services';

/** The audit collaborators of a test's AppDeps, from its config (AUDIT_KEY, AUDIT_CHECKPOINT_DIR). */
export function auditDeps(config: Config): AppDeps['audit'] {
  return { keys: resolveAuditKeys(config), checkpoints: folderCheckpointStore(config.audit.checkpointDir) };
}
