import { registerEnumType } from 'type-graphql';

/** What kind of day a date is in the mainland-China working calendar (日期类型). */
export enum DayKind {
  /** A weekday that is not a public holiday. */
  WORKING_DAY = 'WORKING_DAY',
  /** Saturday or Sunday, not made up. */
  WEEKEND = 'WEEKEND',
  /** A day off of a public holiday (法定节假日放假). */
  PUBLIC_HOLIDAY = 'PUBLIC_HOLIDAY',
  /** A weekend day worked to make up for a holiday (调休上班). */
  MAKE_UP_WORKING_DAY = 'MAKE_UP_WORKING_DAY',
}

registerEnumType(DayKind, {
  name: 'DayKind',
  description: 'Kind of calendar day (日期类型)',
  valuesConfig: {
    WORKING_DAY: { description: '工作日' },
    WEEKEND: { description: '周末' },
    PUBLIC_HOLIDAY: { description: '法定节假日放假' },
    MAKE_UP_WORKING_DAY: { description: '调休上班' },
  },
});

/** The public holidays of the State Council's holiday rules (全国年节及纪念日放假办法). */
export enum Holiday {
  NEW_YEAR = 'NEW_YEAR',
  SPRING_FESTIVAL = 'SPRING_FESTIVAL',
  QINGMING = 'QINGMING',
  LABOUR_DAY = 'LABOUR_DAY',
  DRAGON_BOAT = 'DRAGON_BOAT',
  MID_AUTUMN = 'MID_AUTUMN',
  NATIONAL_DAY = 'NATIONAL_DAY',
  /** A one-off day off decided by the State Council (e.g. a commemoration). */
  OTHER = 'OTHER',
}

export const HOLIDAY_LABELS: Record<Holiday, string> = {
  NEW_YEAR: '元旦',
  SPRING_FESTIVAL: '春节',
  QINGMING: '清明节',
  LABOUR_DAY: '劳动节',
  DRAGON_BOAT: '端午节',
  MID_AUTUMN: '中秋节',
  NATIONAL_DAY: '国庆节',
  OTHER: '其他放假安排',
};

registerEnumType(Holiday, {
  name: 'Holiday',
  description: 'Public holiday (法定节假日)',
  valuesConfig: Object.fromEntries(Object.entries(HOLIDAY_LABELS).map(([k, v]) => [k, { description: v }])),
});

/** Where a year's holiday data comes from; a higher source replaces a lower one's year wholesale. */
export enum CalendarSource {
  /** The chinese-days package shipped with the server (its data ends with its last published year). */
  PACKAGE = 'PACKAGE',
  /** The JSON file named by CALENDAR_DATA_FILE. */
  FILE = 'FILE',
  /** Loaded by an admin through the API or the CLI (`calendar-load`), stored and versioned. */
  DATABASE = 'DATABASE',
}

export const CALENDAR_SOURCE_LABELS: Record<CalendarSource, string> = {
  PACKAGE: '内置数据（chinese-days）',
  FILE: '配置文件（CALENDAR_DATA_FILE）',
  DATABASE: '管理员载入（数据库）',
};

registerEnumType(CalendarSource, {
  name: 'CalendarSource',
  description: 'Where a year’s holiday data comes from (节假日数据来源)',
  valuesConfig: Object.fromEntries(Object.entries(CALENDAR_SOURCE_LABELS).map(([k, v]) => [k, { description: v }])),
});
