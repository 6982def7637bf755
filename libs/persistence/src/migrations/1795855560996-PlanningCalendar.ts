import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The planning calendar as data an admin can adjust, seeded with the usual regional timetable
 * (Permendagri 86/2017 for regional planning, 77/2020 for the APBD, 114/2014 and 20/2018 for the
 * village): each step with the months it runs in, relative to the fiscal year it plans for.
 */
const STEPS: [string, string, string, string, string, number, number, number][] = [
  ['musrenbang_desa', 'Musrenbang desa', 'Daftar usulan desa', 'village', 'village', 1, 1, -1],
  ['musrenbang_kecamatan', 'Musrenbang kecamatan', 'Usulan kecamatan', 'district', 'village', 2, 2, -1],
  ['musrenbang_kabupaten', 'Musrenbang kabupaten/kota', 'Renja Perangkat Daerah', 'regency', 'lead_agency', 3, 3, -1],
  ['rkpd', 'Penetapan RKPD', 'RKPD', 'regency', 'bappeda', 4, 5, -1],
  ['rkpdes', 'Penyusunan RKPDes', 'RKPDes', 'village', 'village', 7, 9, -1],
  ['kua_ppas', 'Kesepakatan KUA-PPAS', 'KUA-PPAS', 'regency', 'lead_agency', 7, 8, -1],
  ['rka_apbd', 'Penyusunan RKA dan persetujuan APBD (sebelum 30 November)', 'RKA-SKPD', 'regency', 'lead_agency', 9, 11, -1],
  ['apbdes', 'Penetapan APBDes (sebelum 31 Desember)', 'APBDes', 'village', 'village', 10, 12, -1],
  ['dpa', 'Pengesahan DPA', 'DPA-SKPD', 'regency', 'lead_agency', 12, 12, -1],
  ['apbd_perubahan', 'APBD Perubahan', 'DPPA-SKPD', 'regency', 'lead_agency', 7, 9, 0],
  ['apbdes_perubahan', 'APBDes Perubahan', 'APBDes Perubahan', 'village', 'village', 7, 9, 0],
];

export class PlanningCalendar1795855560996 implements MigrationInterface {
  name = 'PlanningCalendar1795855560996';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "planning_calendar_step" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "name" text NOT NULL, "document" text NOT NULL, "level" text NOT NULL, "carrier" text NOT NULL, "starts_month" integer NOT NULL, "ends_month" integer NOT NULL, "year_offset" integer NOT NULL DEFAULT '-1', "position" integer NOT NULL, "version" integer NOT NULL, CONSTRAINT "uq_planning_calendar_step_key" UNIQUE ("key"), CONSTRAINT "ck_planning_calendar_carrier" CHECK (carrier IN ('village', 'lead_agency', 'bappeda')), CONSTRAINT "ck_planning_calendar_level" CHECK (level IN ('village', 'district', 'regency')), CONSTRAINT "ck_planning_calendar_months" CHECK (starts_month BETWEEN 1 AND 12 AND ends_month BETWEEN 1 AND 12 AND ends_month >= starts_month), CONSTRAINT "PK_ea3c3b6e52809c71239212560a3" PRIMARY KEY ("id"))`);
    for (const [i, [key, name, document, level, carrier, starts, ends, offset]] of STEPS.entries()) {
      await queryRunner.query(
        `INSERT INTO "planning_calendar_step" ("key", "name", "document", "level", "carrier", "starts_month", "ends_month", "year_offset", "position", "version")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)`,
        [key, name, document, level, carrier, starts, ends, offset, i + 1],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "planning_calendar_step"`);
  }
}
