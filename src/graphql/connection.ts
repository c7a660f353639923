import { IsOptional, IsString, MaxLength, Min, validateOrReject, type ValidationError } from 'class-validator';
import { ArgsType, ArgumentValidationError, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from '../core/page';

@ObjectType({ description: 'Relay page information (分页信息)' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size; capped by the server (default 20, at most 100). It multiplies the cost of the selection (README, limits).' })
  @IsOptional()
  @Min(1, { message: 'first 必须大于等于 1' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '分页游标过长' })
  after?: string;
}

/**
 * Validation of `PageArgs` without class-validator for the common case (a nested page is validated
 * once per parent row: 50 proposals' drafts are 50 validations). Anything unusual goes through
 * class-validator as before, with its messages.
 */
async function validatePageArgs(arg: unknown): Promise<void> {
  const a = arg as PageArgs | null;
  if (
    a &&
    (a.first === undefined || a.first === null || (Number.isInteger(a.first) && a.first >= 1)) &&
    (a.after === undefined || a.after === null || (typeof a.after === 'string' && a.after.length <= 500))
  ) {
    return;
  }
  try {
    await validateOrReject(a as object, { forbidUnknownValues: false, stopAtFirstError: false, skipMissingProperties: true });
  } catch (err) {
    throw new ArgumentValidationError(err as ValidationError[]);
  }
}

/** `@Args(PAGE_ARGS) page: PageArgs`. */
export const PAGE_ARGS = { validateFn: validatePageArgs };

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A getter: read (and counted) only when a client selects it. */
  readonly totalCount: Promise<number>;
}

/** The Relay connection of a service's page. */
export function toConnection<T>(page: Page<T>): Connection<T> {
  const last = page.items.length - 1;
  // Edges and cursors are built only when selected: the console's lists read `nodes`.
  return {
    get edges() {
      return page.items.map((node, i) => ({ node, cursor: page.cursor(i) }));
    },
    nodes: page.items,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      get startCursor() {
        return last >= 0 ? page.cursor(0) : null;
      },
      get endCursor() {
        return last >= 0 ? page.cursor(last) : null;
      },
    },
    get totalCount() {
      return page.count();
    },
  };
}

/** Builds a named Relay connection type (`XxxConnection`, `XxxEdge`) for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => node)
    node!: T;

    @Field()
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} (分页列表)` })
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [node], { description: 'The nodes of the edges, when cursors are not needed' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages' })
    totalCount!: number;
  }
  return ConnectionClass;
}
