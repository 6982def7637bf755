import { Check, Column, Entity, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';
import type { CalendarCarrier, CalendarLevel } from '@sinergi/contracts';

/**
 * One step of the regional planning calendar (musrenbang desa in January … APBD agreed before the
 * year starts). Data, not code: an admin adjusts months when a region's timetable differs. Months
 * are relative to the fiscal year the step plans for (`yearOffset` −1: the year before).
 */
@Entity('planning_calendar_step')
@Unique('uq_planning_calendar_step_key', ['key'])
@Check('ck_planning_calendar_months', `starts_month BETWEEN 1 AND 12 AND ends_month BETWEEN 1 AND 12 AND ends_month >= starts_month`)
@Check('ck_planning_calendar_level', `level IN ('village', 'district', 'regency')`)
@Check('ck_planning_calendar_carrier', `carrier IN ('village', 'lead_agency', 'bappeda')`)
export class PlanningCalendarStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The document the step produces or amends (RKPDes, Renja, RKPD, KUA-PPAS, RKA-SKPD, DPA …). */
  @Column({ type: 'text' })
  document!: string;

  @Column({ type: 'text' })
  level!: CalendarLevel;

  /** Who has to carry an activity into this document. */
  @Column({ type: 'text' })
  carrier!: CalendarCarrier;

  @Column({ type: 'integer' })
  startsMonth!: number;

  @Column({ type: 'integer' })
  endsMonth!: number;

  @Column({ type: 'integer', default: -1 })
  yearOffset!: number;

  @Column({ type: 'integer' })
  position!: number;

  @VersionColumn()
  version!: number;
}
