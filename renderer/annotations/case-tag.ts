// The case's tag set grows on the fly: a tag first used by an annotation is added with a colour of its own.
// Interim, like bulk-annotation-rows.ts: the annotations work (#14 §1) owns the tag set and its colours.
import type { TokentrailDatabase } from '../db/schema';

const PALETTE = ['#d64545', '#d68a1f', '#b8a11a', '#3f9d4a', '#2f8fae', '#4a62d6', '#8a4ad6', '#c2478f'];

/** A colour for a tag name: the same name always gets the same one. */
export function tagColour(name: string): string {
  let hash = 0;
  for (const character of name) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

/** Adds `name` to the case's tag set unless it is there. */
export async function ensureCaseTag(
  database: TokentrailDatabase,
  caseId: string,
  name: string,
  investigator: string,
): Promise<void> {
  await database.transaction('rw', database.caseTags, async () => {
    if (await database.caseTags.get([caseId, name])) return;
    await database.caseTags.add({
      caseId,
      name,
      colour: tagColour(name),
      createdAt: Date.now(),
      createdBy: investigator,
    });
  });
}
