import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe on the page as it is now and expects no violation; a failure lists each rule with its
 * first five nodes. Legacy mode runs every rule with axe.run() in the page itself instead of
 * runPartial() plus a finishRun() in a new blank page: same coverage here (the dashboard has no
 * frames), seconds faster.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
  const summary = violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  }));
  expect(summary).toEqual([]);
}
