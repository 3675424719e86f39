/**
 * TagsApi. Tags live in each article's `tags`; colours in lectern.json's
 * tagColors, by tag name. Renaming onto an existing name merges the two, and
 * nested tags move with their parent ("work" → "job" takes "work/reading" to
 * "job/reading").
 */
import type { TagChange, TagColor, TagInfo, TagsApi } from '../../shared/api';
import { LecternError } from '../../shared/errors';
import { countTags, renamedTag, sameTag, tagWithin, withTag } from '../../shared/tags';
import type { Library } from '../library/library';
import type { ServiceContext } from './context';
import { changeMany } from './change-many';

function colorOf(colors: Record<string, string>, name: string): TagColor | null {
  for (const [tag, color] of Object.entries(colors)) if (sameTag(tag, name)) return color as TagColor;
  return null;
}

function idsWithin(library: Library, name: string): string[] {
  return library
    .summaries()
    .filter((a) => a.tags.some((tag) => tagWithin(tag, name)))
    .map((a) => a.id);
}

function noSuchTag(name: string): LecternError {
  return new LecternError('not-found', `No article has the tag “${name}”.`);
}

export function tagsService({ library, events }: ServiceContext): TagsApi {
  return {
    async listTags() {
      const colors = library.file.tagColors();
      return countTags(library.summaries('articles')).map((tag): TagInfo => ({
        ...tag,
        color: colorOf(colors, tag.name),
      }));
    },

    async tagArticles(ids: string[], tags: string[]) {
      return changeMany(library, events, ids, (meta) => {
        const next = tags.reduce(withTag, meta.tags);
        if (next.length === meta.tags.length) return false;
        meta.tags = next;
      });
    },

    async untagArticles(ids: string[], tags: string[]) {
      return changeMany(library, events, ids, (meta) => {
        const next = meta.tags.filter((tag) => !tags.some((gone) => sameTag(tag, gone)));
        if (next.length === meta.tags.length) return false;
        meta.tags = next;
      });
    },

    async renameTag(from: string, to: string): Promise<TagChange> {
      const ids = idsWithin(library, from);
      if (ids.length === 0) throw noSuchTag(from);
      const result = await changeMany(library, events, ids, (meta) => {
        const renamed = meta.tags.map((tag) => renamedTag(tag, from, to) ?? tag);
        meta.tags = renamed.reduce<string[]>(withTag, []);
      });
      const colors = library.file.tagColors();
      const moved = Object.entries(colors).filter(([tag]) => tagWithin(tag, from));
      const colorsBefore: Record<string, TagColor | null> = {};
      for (const [tag, color] of moved) {
        colorsBefore[tag] = color as TagColor;
        const target = renamedTag(tag, from, to) as string;
        if (!(target in colorsBefore)) colorsBefore[target] = colorOf(colors, target);
      }
      if (moved.length > 0) {
        await library.file.changeTagColors((next) => {
          for (const [tag, color] of moved) {
            delete next[tag];
            const target = renamedTag(tag, from, to) as string;
            if (colorOf(next, target) === null) next[target] = color;
          }
        });
      }
      return { ...result, colorsBefore };
    },

    async deleteTag(name: string): Promise<TagChange> {
      const ids = idsWithin(library, name);
      const colored = Object.entries(library.file.tagColors()).filter(([tag]) => tagWithin(tag, name));
      if (ids.length === 0 && colored.length === 0) throw noSuchTag(name);
      const result = await changeMany(library, events, ids, (meta) => {
        meta.tags = meta.tags.filter((tag) => !tagWithin(tag, name));
      });
      if (colored.length > 0) {
        await library.file.changeTagColors((next) => {
          for (const [tag] of colored) delete next[tag];
        });
      }
      return { ...result, colorsBefore: Object.fromEntries(colored) as Record<string, TagColor> };
    },

    async setTagColor(name: string, color: TagColor | null) {
      await library.file.changeTagColors((next) => {
        for (const tag of Object.keys(next)) if (sameTag(tag, name)) delete next[tag];
        if (color !== null) next[name] = color;
      });
    },

    async restoreTagColors(colors: Record<string, TagColor | null>) {
      await library.file.changeTagColors((next) => {
        for (const name of Object.keys(colors)) {
          for (const tag of Object.keys(next)) if (sameTag(tag, name)) delete next[tag];
        }
        for (const [name, color] of Object.entries(colors)) if (color !== null) next[name] = color;
      });
    },
  };
}
