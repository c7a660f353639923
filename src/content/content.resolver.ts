import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Row } from '../db/rows';
import { NotFoundError } from '../core/errors';
import { ConnectionType } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { User } from '../identity/user.entity';
import { Material } from './material.entity';
import { TextVersion } from './text-version.entity';

export const TextVersionConnection = ConnectionType(TextVersion, 'TextVersion');
export const MaterialConnection = ConnectionType(Material, 'Material');

@Resolver(() => TextVersion)
export class TextVersionResolver {
  @FieldResolver(() => User, { description: 'Who wrote this version' })
  async author(@Root() v: Row<TextVersion>, @Ctx() ctx: Context): Promise<User> {
    const u = await ctx.loaders.userById.load(v.author.id);
    if (!u) throw new NotFoundError('用户', v.author.id);
    return u;
  }

  @FieldResolver(() => String, { description: 'Full text (正文), loaded only when asked for' })
  async text(@Root() v: Row<TextVersion>, @Ctx() ctx: Context): Promise<string> {
    return v.text ?? (await ctx.loaders.versionText.load(v.id)) ?? '';
  }
}

@Resolver(() => Material)
export class MaterialResolver {
  @FieldResolver(() => User, { description: 'Who uploaded it' })
  async uploadedBy(@Root() m: Row<Material>, @Ctx() ctx: Context): Promise<User> {
    const u = await ctx.loaders.userById.load(m.uploadedBy.id);
    if (!u) throw new NotFoundError('用户', m.uploadedBy.id);
    return u;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Text material, loaded only when asked for' })
  async text(@Root() m: Row<Material>, @Ctx() ctx: Context): Promise<string | null> {
    if (m.fileName) return null;
    return m.text ?? (await ctx.loaders.materialText.load(m.id));
  }

  @FieldResolver(() => String, { description: 'Where the bytes can be downloaded, with the same bearer token (下载地址)' })
  downloadUrl(@Root() m: Row<Material>): string {
    return `/materials/${m.id}`;
  }
}
