import { MANAGERS, Role } from '../../src/core/roles';
import { DecisionCategory, DirectoryItemStatus, DirectoryStatus } from '../../src/directory/directory.enums';
import { categoryViolations, inclusionViolations, publicationViolations, yearViolations } from '../../src/directory/directory.rules';
import { DIRECTORY_ITEM_WORKFLOW, DIRECTORY_WORKFLOW } from '../../src/directory/directory.workflow';

const codes = (v: { code: string; rule: string }[]) => v.map((x) => `${x.rule}:${x.code}`);

describe('directory rules', () => {
  it('R-DIR-1 keeps one directory a year', () => {
    expect(yearViolations(2026, 0)).toEqual([]);
    expect(codes(yearViolations(2026, 1))).toEqual(['R-DIR-1:DIRECTORY_EXISTS']);
  });
  it('R-DIR-2 refuses excluded categories', () => {
    for (const c of [DecisionCategory.FISCAL_MONETARY, DecisionCategory.LAW_MAKING, DecisionCategory.EMERGENCY_RESPONSE]) {
      expect(codes(categoryViolations(c))).toEqual(['R-DIR-2:EXCLUDED_CATEGORY']);
    }
    expect(categoryViolations(DecisionCategory.PUBLIC_POLICY)).toEqual([]);
  });
  it('R-DIR-3 publishes only after the Party agreement, and freezes items', () => {
    expect(codes(publicationViolations({ partyApprovedAt: null, activeItems: 0 }))).toEqual(['R-DIR-3:PARTY_APPROVAL_MISSING', 'R-DIR-1:DIRECTORY_EMPTY']);
    expect(publicationViolations({ partyApprovedAt: '2026-01-10', activeItems: 3 })).toEqual([]);
    expect(codes(DIRECTORY_WORKFLOW.violations(DirectoryStatus.PUBLISHED, 'UPDATE_DIRECTORY_ITEM'))).toEqual(['R-DIR-3:INVALID_STATE']);
    expect(codes(DIRECTORY_WORKFLOW.violations(DirectoryStatus.PUBLISHED, 'ADD_DIRECTORY_ITEM'))).toEqual(['R-DIR-3:INVALID_STATE']);
    expect(codes(DIRECTORY_WORKFLOW.violations(DirectoryStatus.PUBLISHED, 'RECORD_PARTY_APPROVAL'))).toEqual(['R-DIR-3:INVALID_STATE']);
  });
  it('R-DIR-4 includes only into an active item of a published directory of the same year', () => {
    expect(
      codes(
        inclusionViolations(
          { directoryStatus: DirectoryStatus.DRAFT, itemActive: false, directoryYear: 2025, sponsorDepartmentId: 'a', takenByAnother: false },
          { year: 2026, sponsorDepartmentId: 'a' },
        ),
      ),
    ).toEqual(['R-DIR-4:DIRECTORY_NOT_PUBLISHED', 'R-DIR-4:ITEM_WITHDRAWN', 'R-DIR-4:YEAR_MISMATCH']);
    expect(
      codes(
        inclusionViolations(
          { directoryStatus: DirectoryStatus.PUBLISHED, itemActive: true, directoryYear: 2026, sponsorDepartmentId: 'a', takenByAnother: true },
          { year: 2026, sponsorDepartmentId: 'b' },
        ),
      ),
    ).toEqual(['R-DIR-4:SPONSOR_MISMATCH', 'R-DIR-4:ITEM_TAKEN']);
  });
});

describe('directory state machine', () => {
  it('draws up while DRAFT, publishes once, then only adjusts (R-DIR-3)', () => {
    const events = DIRECTORY_WORKFLOW.transitions.map((t) => t.event);
    expect(new Set(events).size).toBe(events.length);
    expect(DIRECTORY_WORKFLOW.available(DirectoryStatus.DRAFT).map((t) => t.event)).toEqual([
      'ADD_DIRECTORY_ITEM',
      'UPDATE_DIRECTORY_ITEM',
      'RECORD_PARTY_APPROVAL',
      'PUBLISH_DIRECTORY',
    ]);
    expect(DIRECTORY_WORKFLOW.available(DirectoryStatus.PUBLISHED).map((t) => t.event)).toEqual(['ADJUST_DIRECTORY']);
    expect(DIRECTORY_WORKFLOW.next(DirectoryStatus.DRAFT, 'PUBLISH_DIRECTORY')).toBe(DirectoryStatus.PUBLISHED);
    expect(DIRECTORY_WORKFLOW.next(DirectoryStatus.DRAFT, 'RECORD_PARTY_APPROVAL')).toBe(DirectoryStatus.DRAFT);
    expect(codes(DIRECTORY_WORKFLOW.violations(DirectoryStatus.PUBLISHED, 'PUBLISH_DIRECTORY'))).toEqual(['R-DIR-3:INVALID_STATE']);
    expect(codes(DIRECTORY_WORKFLOW.violations(DirectoryStatus.DRAFT, 'ADJUST_DIRECTORY'))).toEqual(['R-DIR-3:INVALID_STATE']);
    expect(DIRECTORY_WORKFLOW.violations(DirectoryStatus.DRAFT, 'ADJUST_DIRECTORY')[0]!.message).toBe(
      '决策事项目录当前为「编制中」，不能调整目录（需处于：已公布）(R-DIR-3)',
    );
  });

  it('lets only administrators and decision makers manage it', () => {
    for (const t of DIRECTORY_WORKFLOW.transitions) expect(t.roles).toEqual(MANAGERS);
    expect(DIRECTORY_WORKFLOW.available(DirectoryStatus.DRAFT, { roles: [Role.DRAFTER] })).toEqual([]);
    expect(() => DIRECTORY_WORKFLOW.authorize({ roles: [Role.LEGAL_ADVISOR] }, 'PUBLISH_DIRECTORY')).toThrow(/公布目录需要以下角色之一/);
    expect(() => DIRECTORY_WORKFLOW.authorize({ roles: [Role.DECISION_MAKER] }, 'PUBLISH_DIRECTORY')).not.toThrow();
  });

  it('withdraws an item once and moves only active items', () => {
    expect(DIRECTORY_ITEM_WORKFLOW.next(DirectoryItemStatus.ACTIVE, 'WITHDRAW_DIRECTORY_ITEM')).toBe(DirectoryItemStatus.WITHDRAWN);
    expect(DIRECTORY_ITEM_WORKFLOW.next(DirectoryItemStatus.ACTIVE, 'RESCHEDULE_DIRECTORY_ITEM')).toBe(DirectoryItemStatus.ACTIVE);
    expect(codes(DIRECTORY_ITEM_WORKFLOW.violations(DirectoryItemStatus.WITHDRAWN, 'WITHDRAW_DIRECTORY_ITEM'))).toEqual(['R-DIR-3:INVALID_STATE']);
    expect(codes(DIRECTORY_ITEM_WORKFLOW.violations(DirectoryItemStatus.WITHDRAWN, 'RESCHEDULE_DIRECTORY_ITEM'))).toEqual(['R-DIR-3:INVALID_STATE']);
    expect(DIRECTORY_ITEM_WORKFLOW.available(DirectoryItemStatus.WITHDRAWN)).toEqual([]);
  });
});
