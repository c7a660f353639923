import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { openRuntime } from '../runtime';
import { createServices } from '../services';
import { AppError } from '../core/errors';
import { loadDemoData } from './seed';
import { loadDemoSamples } from './samples';
import { readFileSync, writeFileSync } from 'node:fs';
import { calendarYearProblems, calendarYearWarnings, yearsOfCalendarFile, type CalendarProblem } from '../calendar/calendar.rules';
import { CALENDAR_SOURCE_LABELS } from '../calendar/calendar.enums';
import { DecisionProposal } from '../proposal/proposal.entity';
import { FILING_FLAG_LABELS } from '../normative/normative.labels';
import { OVERDUE_KINDS } from '../normative/filing-flags';
import { readCheckpointFile } from '../audit/checkpoint-store';
import { CHAIN_BREAK_MESSAGES, type AuditChainBreakReason } from '../audit/audit.enums';
import { runBackupCommand } from './backup';

const USAGE = `Usage: node dist/src/cli/index.js <command> [options]

Commands:
  migrate                       apply pending migrations and exit
  create-admin                  create the first administrator on an empty database
      --username <name>         (default: admin)
      --display-name <name>     (default: 系统管理员)
      --password <pw>           or env ADMIN_PASSWORD (at least 10 characters, letters and digits)
      --department-code <code>  (default: DZB)
      --department-name <name>  (default: 党政综合办公室)
  archive <code-or-id>          write the complete record of a decision (R-DEC-15) as JSON
      --out <file>              (default: <code>.archive.json)
  filing-flags                  print every live filing problem (R-ND-8); exits 3 when anything is overdue
  audit-checkpoint              sign the audit chain's head into a new checkpoint file (AUDIT_CHECKPOINT_DIR)
                                and print it: keep a copy where the database's operators cannot reach it;
                                exits 2 when the chain disagrees with the previous checkpoint
  audit-verify                  check every event's seal and link and compare the chain with every checkpoint;
                                exits 2 when anything is wrong
      --checkpoint <file>       also compare with this checkpoint (e.g. a copy kept elsewhere); repeatable
  calendar-load <file>          load holiday years (the State Council's arrangement) into the database:
                                JSON as for CALENDAR_DATA_FILE, { "holidays": { "2027-01-01": "元旦", … },
                                "workdays": { "2027-02-20": "春节调休上班", … } }; every year in the file is
                                checked, stored as a new version, audited, and used at once by running servers;
                                exits 65 when the file has problems (all printed)
      --reason <text>           why (required when a year already has data, e.g. the correcting notice)
      --year <yyyy>             only this year of the file
      --dry-run                 check and print, store nothing
  calendar-withdraw <year>      withdraw a year's stored data (falls back to the file, the package or nothing)
      --reason <text>           why (required)
  calendar-years                list every year with holiday data, its source and counts
  backup <file>                 write the whole database to <file> (pg_dump custom format); see backup --help
  restore <file>                restore a backup into an empty database; see restore --help
      --force                   empty a database that already holds tables first
  seed                          load the demo street office and print the demo accounts
      --password <pw>           one password for every demo account (default: random per account)
      --no-samples              accounts only: no sample directory, proposal and document
      --allow-production        required to load demo data when NODE_ENV=production
`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return command ? 0 : 64;
  }
  if (command === 'backup' || command === 'restore') return runBackupCommand(command, rest, loadConfig(), createLogger(process.env.LOG_LEVEL === 'silent' ? 'silent' : 'warn'));
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      password: { type: 'string' },
      'department-code': { type: 'string' },
      'department-name': { type: 'string' },
      'allow-production': { type: 'boolean' },
      out: { type: 'string' },
      'no-samples': { type: 'boolean' },
      checkpoint: { type: 'string', multiple: true },
      reason: { type: 'string' },
      year: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    allowPositionals: true,
  });
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const runtime = await openRuntime(config, logger);
  try {
    switch (command) {
      case 'migrate':
        process.stdout.write(
          runtime.appliedMigrations.length ? `applied: ${runtime.appliedMigrations.join(', ')}\n` : 'database is up to date\n',
        );
        return 0;
      case 'create-admin': {
        const password = values.password ?? process.env.ADMIN_PASSWORD;
        if (!password) {
          process.stderr.write('请用 --password 或环境变量 ADMIN_PASSWORD 提供密码\n');
          return 64;
        }
        const services = createServices(runtime.orm.em.fork(), runtime.deps);
        const user = await services.users.bootstrapAdmin({
          username: values.username ?? 'admin',
          displayName: values['display-name'] ?? '系统管理员',
          password,
          departmentCode: values['department-code'] ?? 'DZB',
          departmentName: values['department-name'] ?? '党政综合办公室',
        });
        process.stdout.write(`管理员已创建 (administrator created): ${user.username}\n`);
        return 0;
      }
      case 'archive': {
        const key = positionals[0];
        if (!key) {
          process.stderr.write('请指定决策建议编号（如 JC-2026-001）或 id\n');
          return 64;
        }
        const em = runtime.orm.em.fork();
        const p = await em.findOne(DecisionProposal, /^[0-9a-f-]{36}$/i.test(key) ? { id: key } : { code: key });
        if (!p) {
          process.stderr.write(`未找到决策建议 ${key}\n`);
          return 1;
        }
        const archive = await createServices(em, runtime.deps).archive.archiveOf(p);
        const file = values.out ?? `${p.code}.archive.json`;
        writeFileSync(file, `${JSON.stringify(archive, null, 2)}\n`);
        const chain = archive.auditChain as { ok: boolean };
        process.stdout.write(`决策档案已写入 ${file}（审计链校验：${chain.ok ? '完整' : '发现篡改'}）\n`);
        return chain.ok ? 0 : 2;
      }
      case 'filing-flags': {
        // counted by the database, then streamed page by page: the register never sits in memory
        const filing = createServices(runtime.orm.em.fork(), runtime.deps).normativeFiling;
        const today = filing.today;
        const counts = await filing.flagCounts({}, today);
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        const overdue = OVERDUE_KINDS.reduce((a, k) => a + (counts.get(k) ?? 0), 0);
        process.stdout.write(`规范性文件备案预警 ${today}：共 ${total} 项\n`);
        let chunk = '';
        for await (const f of filing.allFlags({}, today)) {
          chunk += `  [${FILING_FLAG_LABELS[f.kind]}] ${f.registrationNumber ?? '（未编号）'} ${f.title}：${f.message}\n`;
          if (chunk.length > 64_000) {
            process.stdout.write(chunk);
            chunk = '';
          }
        }
        process.stdout.write(chunk);
        if (overdue > 0) process.stdout.write(`有 ${overdue} 项已逾期\n`);
        return overdue > 0 ? 3 : 0;
      }
      case 'audit-checkpoint': {
        const em = runtime.orm.em.fork();
        const { checkpoint, file, disagreement } = await createServices(em, runtime.deps).audit.writeCheckpoint(em);
        process.stdout.write(`审计链检查点已写入 (audit checkpoint written): ${file}\n${JSON.stringify(checkpoint, null, 2)}\n`);
        if (disagreement) {
          const reason = disagreement.reason as AuditChainBreakReason;
          process.stderr.write(`警告：审计链与上一个检查点不符（${CHAIN_BREAK_MESSAGES[reason]}；代码 ${String(reason)}）；请运行 audit-verify\n`);
          return 2;
        }
        return 0;
      }
      case 'audit-verify': {
        const em = runtime.orm.em.fork();
        const extra = await Promise.all((values.checkpoint ?? []).map((f) => readCheckpointFile(f)));
        const report = await createServices(em, runtime.deps).audit.verifyChain(em, { extraCheckpoints: extra });
        const latest = report.latestCheckpoint;
        process.stdout.write(`审计链校验 (audit chain): ${report.ok ? '完整 (intact)' : '发现问题 (BROKEN)'}\n`);
        process.stdout.write(`  已校验事件 (events checked): ${report.checkedCount}\n`);
        process.stdout.write(
          `  有效检查点 (valid checkpoints): ${report.checkpointsChecked}${latest ? `，最新 ${latest.createdAt}：事件 ${latest.headId ?? '—'}，共 ${latest.count} 条` : ''}\n`,
        );
        if (report.checkpointsChecked === 0) process.stdout.write('  注意：尚无检查点，审计链未在数据库之外锚定；请运行 audit-checkpoint\n');
        if (report.firstBroken) {
          const reason = report.firstBroken.reason as AuditChainBreakReason;
          process.stdout.write(`  问题 (problem): ${String(reason)} — ${CHAIN_BREAK_MESSAGES[reason]}${report.firstBroken.eventId ? `（事件 ${report.firstBroken.eventId}）` : ''}\n`);
          const cp = report.firstBroken.checkpoint;
          if (cp) process.stdout.write(`  检查点 (checkpoint): ${cp.createdAt}，事件 ${cp.headId}，共 ${cp.count} 条，哈希 ${cp.headHash}\n`);
        }
        for (const bad of report.invalidCheckpoints) process.stdout.write(`  无效检查点 (invalid checkpoint): ${bad.source}：${bad.problem}\n`);
        return report.ok ? 0 : 2;
      }
      case 'calendar-load': {
        const file = positionals[0];
        if (!file) {
          process.stderr.write('请指定节假日安排文件（JSON），如 npm run cli -- calendar-load 2027.json --reason "国办发明电〔2026〕x号"\n');
          return 64;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(readFileSync(file, 'utf8'));
        } catch (e) {
          process.stderr.write(`无法读取文件 ${file}（应为 JSON）：${(e as Error).message}\n`);
          return 66;
        }
        const { years, problems } = yearsOfCalendarFile(parsed);
        const chosen = values.year ? years.filter((y) => String(y.year) === values.year) : years;
        if (problems.length) return printProblems(file, problems);
        if (chosen.length === 0) {
          process.stderr.write(`文件 ${file} 中没有 ${values.year ?? ''} 年的放假日\n`);
          return 65;
        }
        const services = createServices(runtime.orm.em.fork(), runtime.deps);
        for (const facts of chosen) {
          if (values['dry-run']) {
            const found = calendarYearProblems(facts);
            if (found.length) return printProblems(`${file}（${facts.year} 年）`, found);
            process.stdout.write(`${facts.year} 年：放假 ${facts.holidays.length} 天，调休上班 ${facts.makeUpWorkingDays.length} 天，检查通过（未保存）\n`);
            for (const w of calendarYearWarnings(facts)) process.stdout.write(`  提示：${w}\n`);
            continue;
          }
          try {
            const change = await services.calendarYears.load(null, { year: facts.year, holidays: [...facts.holidays], makeUpWorkingDays: [...facts.makeUpWorkingDays], reason: values.reason ?? null });
            const y = change.year!;
            process.stdout.write(`${y.year} 年节假日安排已载入（第 ${y.version} 版）：放假 ${y.holidayCount} 天，调休上班 ${y.makeUpWorkingDayCount} 天，运行中的服务器即时生效\n`);
            for (const w of change.warnings) process.stdout.write(`  提示：${w}\n`);
            for (const d of change.recomputed) process.stdout.write(`  期限重算：${d.label} ${d.dueBefore ?? '—'} → ${d.dueAfter ?? '—'}\n`);
          } catch (e) {
            const found = e instanceof AppError ? (e.details.problems as CalendarProblem[] | undefined) : undefined;
            if (found) return printProblems(`${file}（${facts.year} 年）`, found);
            throw e;
          }
        }
        return 0;
      }
      case 'calendar-withdraw': {
        const year = Number(positionals[0]);
        if (!Number.isInteger(year) || !values.reason) {
          process.stderr.write('请指定年份和理由，如 npm run cli -- calendar-withdraw 2027 --reason "误录"\n');
          return 64;
        }
        const change = await createServices(runtime.orm.em.fork(), runtime.deps).calendarYears.withdraw(null, { year, reason: values.reason });
        process.stdout.write(
          `${year} 年管理员载入的节假日数据已撤回；现行：${change.year ? CALENDAR_SOURCE_LABELS[change.year.source] : '无节假日数据（仅周末休息，期限为暂定）'}\n`,
        );
        for (const d of change.recomputed) process.stdout.write(`  期限重算：${d.label} ${d.dueBefore ?? '—'} → ${d.dueAfter ?? '—'}\n`);
        return 0;
      }
      case 'calendar-years': {
        for (const y of runtime.deps.calendar.years()) {
          const stored = y.version ? `，第 ${y.version} 版，${y.loadedBy} 于 ${y.loadedAt!.toISOString()} 载入${y.reason ? `（${y.reason}）` : ''}` : '';
          process.stdout.write(`${y.year}  ${CALENDAR_SOURCE_LABELS[y.source]}：放假 ${y.holidayCount} 天，调休上班 ${y.makeUpWorkingDayCount} 天${stored}\n`);
        }
        return 0;
      }
      case 'seed': {
        if (config.env === 'production' && !values['allow-production']) {
          process.stderr.write('生产环境不载入演示数据；确需载入请加 --allow-production\n');
          return 64;
        }
        const result = await loadDemoData(runtime.orm, runtime.deps, { password: values.password });
        if (!values['no-samples'] && (await loadDemoSamples(runtime.orm, runtime.deps))) {
          process.stdout.write('示例数据已载入：本年度决策事项目录、一件起草中的决策建议、一件待确认的规范性文件\n');
        }
        process.stdout.write('演示数据已载入 (demo street office loaded). Demo accounts:\n');
        for (const c of result!.credentials) {
          process.stdout.write(`  ${c.username.padEnd(10)} ${c.password}  ${c.roles.join(',').padEnd(16)} ${c.department}\n`);
        }
        return 0;
      }
      default:
        process.stderr.write(`unknown command: ${command}\n\n${USAGE}`);
        return 64;
    }
  } finally {
    await runtime.shutdown();
  }
}

/** Prints every problem of a calendar file, one a line; exit code 65 (EX_DATAERR). */
function printProblems(where: string, problems: CalendarProblem[]): number {
  process.stderr.write(`${where} 有 ${problems.length} 处问题，未载入：\n`);
  for (const p of problems) process.stderr.write(`  - ${p.message}\n`);
  return 65;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else if (err instanceof AppError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
