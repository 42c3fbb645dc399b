/**
 * Resolves in a task of its own (after a zero `setTimeout`): one long piece of work on the page's
 * main thread becomes short tasks, between which the page can respond.
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
