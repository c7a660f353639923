import { Args, ArgsType, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { IsEnum, Length } from 'class-validator';
import { ConnectionType, PageArgs, toConnection } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { Role } from '../core/roles';
import { AuditEvent } from './audit-event.entity';
import { AuditSubjectType } from './audit.enums';

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');

@ObjectType({ description: 'Result of checking the audit hash chain (审计链校验结果)' })
export class AuditChainReport {
  @Field({ description: 'True when every event links to its predecessor and its content matches its hash' })
  ok!: boolean;

  @Field(() => Int, { description: 'Events checked up to and including the first broken one' })
  checkedCount!: number;

  @Field(() => ID, { nullable: true, description: 'The first event whose content or link was altered' })
  firstBrokenEventId!: string | null;

  @Field(() => String, { nullable: true, description: 'PREV_HASH_MISMATCH or HASH_MISMATCH' })
  reason!: string | null;
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
  @Query(() => AuditChainReport, { description: 'Re-computes the whole hash chain and reports the first broken event (校验审计链) — admin only' })
  async verifyAuditChain(@Ctx() ctx: Context): Promise<AuditChainReport> {
    const report = await ctx.services.audit.verifyChain(ctx.em);
    return {
      ok: report.ok,
      checkedCount: report.checkedCount,
      firstBrokenEventId: report.firstBroken?.eventId ?? null,
      reason: report.firstBroken?.reason ?? null,
    };
  }
}
