import { Args, ArgsType, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { IsEnum, Length } from 'class-validator';
import { ConnectionType, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { Role } from '../core/roles';
import { AuditEvent } from './audit-event.entity';
import { AuditChainBreakReason, AuditSubjectType, CHAIN_BREAK_MESSAGES } from './audit.enums';
import type { Checkpoint } from './checkpoint';

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');

@ObjectType({ description: 'A signed checkpoint of the audit chain, kept outside the database (审计链检查点)' })
export class AuditCheckpoint {
  @Field({ description: 'When it was taken' })
  createdAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The newest event then; null for an empty chain' })
  headId!: string | null;

  @Field({ description: 'That event’s hash' })
  headHash!: string;

  @Field(() => Int, { description: 'Events up to and including the head' })
  count!: number;

  @Field({ description: 'Id of the audit key that signed it' })
  keyId!: string;
}

function checkpointType(cp: Checkpoint | null | undefined): AuditCheckpoint | null {
  if (!cp) return null;
  return { createdAt: new Date(cp.createdAt), headId: cp.headId, headHash: cp.headHash, count: cp.count, keyId: cp.keyId };
}

@ObjectType({ description: 'Result of checking the audit chain against its seals and its checkpoints (审计链校验结果)' })
export class AuditChainReport {
  @Field({ description: 'True when every event links to its predecessor, its seal verifies, and the chain agrees with every checkpoint' })
  ok!: boolean;

  @Field(() => Int, { description: 'Events checked up to and including the first broken one' })
  checkedCount!: number;

  @Field(() => ID, { nullable: true, description: 'The first event altered, or the head of the checkpoint the chain disagrees with or lost' })
  firstBrokenEventId!: string | null;

  @Field(() => AuditChainBreakReason, { nullable: true, description: 'What is wrong; null when ok' })
  reason!: AuditChainBreakReason | null;

  @Field(() => String, { nullable: true, description: 'What is wrong, in Chinese; null when ok' })
  message!: string | null;

  @Field(() => Int, { description: 'Valid checkpoints the chain was compared with (0: nothing outside the database anchors it yet)' })
  checkpointsChecked!: number;

  @Field(() => AuditCheckpoint, { nullable: true, description: 'The newest valid checkpoint' })
  latestCheckpoint!: AuditCheckpoint | null;

  @Field(() => AuditCheckpoint, { nullable: true, description: 'The checkpoint the chain disagrees with (CHECKPOINT_MISMATCH, CHECKPOINT_HEAD_MISSING)' })
  failedCheckpoint!: AuditCheckpoint | null;
}

@ArgsType()
class SubjectArgs extends PageArgs {
  @Field(() => AuditSubjectType)
  @IsEnum(AuditSubjectType, { message: '对象类型无效' })
  subjectType!: AuditSubjectType;

  @Field(() => ID)
  @Length(1, 64, { message: '对象 id 格式无效' })
  subjectId!: string;
}

@Resolver()
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEventConnection, { description: 'The audit trail of one subject, oldest first (审计记录) — admin only' })
  async auditTrail(@Args() args: SubjectArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.audit.trail(ctx.em, args, args, ctx.config.graphql));
  }

  @Authorized(Role.ADMIN)
  @Query(() => AuditChainReport, {
    description: 'Re-computes the whole keyed chain, compares it with every checkpoint kept outside the database, and reports the first problem (校验审计链) — admin only',
  })
  async verifyAuditChain(@Ctx() ctx: Context): Promise<AuditChainReport> {
    const report = await ctx.services.audit.verifyChain(ctx.em);
    const reason = (report.firstBroken?.reason ?? null) as AuditChainBreakReason | null;
    return {
      ok: report.ok,
      checkedCount: report.checkedCount,
      firstBrokenEventId: report.firstBroken?.eventId ?? null,
      reason,
      message: reason ? CHAIN_BREAK_MESSAGES[reason] : null,
      checkpointsChecked: report.checkpointsChecked,
      latestCheckpoint: checkpointType(report.latestCheckpoint),
      failedCheckpoint: checkpointType(report.firstBroken?.checkpoint),
    };
  }
}
