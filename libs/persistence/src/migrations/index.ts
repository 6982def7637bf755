import { Foundation1795843969242 } from './1795843969242-Foundation';
import { RadDrafting1795846551792 } from './1795846551792-RadDrafting';
import { BudgetLines1795852255043 } from './1795852255043-BudgetLines';
import { FundPools1795853026372 } from './1795853026372-FundPools';
import { PlanningCalendar1795855560996 } from './1795855560996-PlanningCalendar';

/** Every migration in order. A new migration is appended here and never edited once released. */
export const MIGRATIONS: Function[] = [Foundation1795843969242, RadDrafting1795846551792, BudgetLines1795852255043, FundPools1795853026372, PlanningCalendar1795855560996];
