/**
 * A highlight dragged from inside one word to inside another holds both
 * words whole; one made inside a single word keeps just the part chosen.
 */
import { expect, test } from './support/lectern';
import { highlightText, paintedHighlights } from './support/reader';

test('a highlight that cuts words grows to their edges; one inside a word stays as chosen', async ({
  reader: page,
}) => {
  await highlightText(page, 'ined to the mainland', 'keep two clo', 'yellow');
  await expect
    .poll(async () => (await paintedHighlights(page)).yellow?.join(' ') ?? '')
    .toMatch(/^joined to the mainland[\s\S]*keep two clocks$/);

  await highlightText(page, 'mainl', 'mainl', 'green');
  await expect.poll(async () => (await paintedHighlights(page)).green).toEqual(['mainl']);
});
