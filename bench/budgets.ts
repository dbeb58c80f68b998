/** A budget of one benchmark: what is measured, the limit, and whether the measurement keeps it. */
export interface Budget {
  name: string;
  measured: string;
  limit: string;
  kept: boolean;
}

export function report(budgets: Budget[]): string {
  const width = Math.max(...budgets.map((budget) => budget.name.length));
  return budgets
    .map((budget) => `${budget.kept ? 'ok  ' : 'MISS'}  ${budget.name.padEnd(width)}  ${budget.measured}  (budget ${budget.limit})`)
    .join('\n');
}
