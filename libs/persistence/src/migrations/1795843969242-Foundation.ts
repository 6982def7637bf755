import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation schema: reference catalogues, regions, agencies, task forces, users, audit trail.
 * Generated from the entities by `npm run cli -- migration-generate`, then completed by hand.
 */
export class Foundation1795843969242 implements MigrationInterface {
  name = 'Foundation1795843969242';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "catalog_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "label" text NOT NULL, "source" text NOT NULL, "row_count" integer NOT NULL DEFAULT '0', "checksum" text, "current" boolean NOT NULL DEFAULT false, "imported_by" uuid, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_catalog_version_kind_label" UNIQUE ("kind", "label"), CONSTRAINT "PK_cf6a6b67bfbe27014f0eb4214d8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "account_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "catalog_version_id" uuid NOT NULL, "kind" text NOT NULL, "code" text NOT NULL, "level" text NOT NULL, "name" text NOT NULL, CONSTRAINT "uq_account_code_version_code" UNIQUE ("catalog_version_id", "code"), CONSTRAINT "PK_e259c5b0e0e951197d1e747f95c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "region" ("code" text NOT NULL, "name" text NOT NULL, "level" text NOT NULL, "parent_code" text, "search_text" text NOT NULL, "catalog_version_id" uuid NOT NULL, CONSTRAINT "PK_74f7723fdff738f92929c0056cb" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE INDEX "idx_region_parent" ON "region"  ("parent_code") `);
    await queryRunner.query(`CREATE TABLE "agency" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "short_name" text NOT NULL, "kind" text NOT NULL, "region_code" text NOT NULL, "mandates" text array NOT NULL DEFAULT '{}', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ab1244724d1c216e9720635a2e5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_agency_region_short_name" ON "agency"  ("region_code", "short_name") `);
    await queryRunner.query(`CREATE INDEX "idx_agency_region" ON "agency"  ("region_code") `);
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "entity" text NOT NULL, "entity_id" text NOT NULL, "action" text NOT NULL, "old_value" jsonb, "new_value" jsonb, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_audit_entry_entity" ON "audit_entry"  ("entity", "entity_id") `);
    await queryRunner.query(`CREATE TABLE "budget_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "catalog_version_id" uuid NOT NULL, "kind" text NOT NULL, "code" text NOT NULL, "level" text NOT NULL, "name" text NOT NULL, "government_level" text NOT NULL DEFAULT '', "bidang_urusan" text, "output" text, "indicator" text, "unit" text, "previous_code" text, "search_text" text NOT NULL, "search_detail" text NOT NULL DEFAULT '', CONSTRAINT "uq_budget_code_version_code_level" UNIQUE ("catalog_version_id", "code", "government_level"), CONSTRAINT "PK_5c5ecef8ee4225f4c025a8c4268" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_budget_code_kind_code" ON "budget_code"  ("kind", "code") `);
    await queryRunner.query(`CREATE TABLE "code_crosswalk" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "catalog_version_id" uuid NOT NULL, "previous_code" text NOT NULL, "code" text NOT NULL, "government_level" text NOT NULL DEFAULT '', CONSTRAINT "uq_code_crosswalk" UNIQUE ("catalog_version_id", "previous_code", "government_level"), CONSTRAINT "PK_6c343c3a4e7494a5156bc0cd9ed" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "fund_source" ("code" text NOT NULL, "name" text NOT NULL, "catalog_version_id" uuid NOT NULL, CONSTRAINT "PK_060d03be58a1e4fd911f700eba4" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "strategy" ("code" integer NOT NULL, "name" text NOT NULL, "name_en" text NOT NULL, "catalog_version_id" uuid NOT NULL, CONSTRAINT "PK_0780abda00222c02726d9af8a90" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "task_force" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_code" text NOT NULL, "name" text NOT NULL, "legal_basis" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a193e78f9b6cc53d3dc6991c715" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_task_force_region" ON "task_force"  ("region_code") `);
    await queryRunner.query(`CREATE TABLE "task_force_member" ("task_force_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c93ba9ba29da31bc2263a8f4f7a" PRIMARY KEY ("task_force_id", "agency_id"))`);
    await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "agency_id" uuid, "region_code" text, "village_code" text, "active" boolean NOT NULL DEFAULT true, "last_login_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_email" ON "app_user"  ("email") `);
    await queryRunner.query(`ALTER TABLE "account_code" ADD CONSTRAINT "fk_account_code_catalog_version" FOREIGN KEY ("catalog_version_id") REFERENCES "catalog_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "region" ADD CONSTRAINT "fk_region_catalog_version" FOREIGN KEY ("catalog_version_id") REFERENCES "catalog_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agency" ADD CONSTRAINT "fk_agency_region" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "budget_code" ADD CONSTRAINT "fk_budget_code_catalog_version" FOREIGN KEY ("catalog_version_id") REFERENCES "catalog_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "code_crosswalk" ADD CONSTRAINT "fk_code_crosswalk_catalog_version" FOREIGN KEY ("catalog_version_id") REFERENCES "catalog_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "fund_source" ADD CONSTRAINT "fk_fund_source_catalog_version" FOREIGN KEY ("catalog_version_id") REFERENCES "catalog_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "strategy" ADD CONSTRAINT "fk_strategy_catalog_version" FOREIGN KEY ("catalog_version_id") REFERENCES "catalog_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "task_force" ADD CONSTRAINT "fk_task_force_region" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "task_force_member" ADD CONSTRAINT "fk_task_force_member_task_force" FOREIGN KEY ("task_force_id") REFERENCES "task_force"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "task_force_member" ADD CONSTRAINT "fk_task_force_member_agency" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_agency" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_region" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_village" FOREIGN KEY ("village_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    // Hand-written below: what the entity decorators cannot express.
    // Ranked search (expressions must match reference.queries.ts exactly).
    await queryRunner.query(`CREATE INDEX "idx_region_search" ON "region" USING gin (to_tsvector('simple', search_text))`);
    await queryRunner.query(
      `CREATE INDEX "idx_budget_code_search" ON "budget_code" USING gin ((setweight(to_tsvector('simple', search_text), 'A') || setweight(to_tsvector('simple', search_detail), 'B')))`,
    );
    // Allowed values, so a bug in one service cannot write a role or level nobody else understands.
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "ck_app_user_role" CHECK (role IN ('admin', 'planner', 'agency', 'village', 'member', 'viewer'))`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "ck_app_user_email_lower" CHECK (email = lower(email))`);
    await queryRunner.query(`ALTER TABLE "region" ADD CONSTRAINT "ck_region_level" CHECK (level IN ('province', 'regency', 'district', 'village', 'urban_village'))`);
    await queryRunner.query(`ALTER TABLE "agency" ADD CONSTRAINT "ck_agency_kind" CHECK (kind IN ('opd', 'vertical', 'ngo', 'university', 'private', 'partner', 'other'))`);
    await queryRunner.query(`ALTER TABLE "budget_code" ADD CONSTRAINT "ck_budget_code_kind" CHECK (kind IN ('APBD', 'APBDES'))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_catalog_version_current" ON "catalog_version" (kind) WHERE current`);
    // Append-only tables (audit trail, and later snapshots and ledgers): no UPDATE or DELETE, whoever asks.
    await queryRunner.query(`CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "trg_audit_entry_append_only" BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_audit_entry_append_only" ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION append_only()`);
    await queryRunner.query(`DROP INDEX "uq_catalog_version_current"`);
    await queryRunner.query(`DROP INDEX "idx_budget_code_search"`);
    await queryRunner.query(`DROP INDEX "idx_region_search"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_village"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_region"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_agency"`);
    await queryRunner.query(`ALTER TABLE "task_force_member" DROP CONSTRAINT "fk_task_force_member_agency"`);
    await queryRunner.query(`ALTER TABLE "task_force_member" DROP CONSTRAINT "fk_task_force_member_task_force"`);
    await queryRunner.query(`ALTER TABLE "task_force" DROP CONSTRAINT "fk_task_force_region"`);
    await queryRunner.query(`ALTER TABLE "strategy" DROP CONSTRAINT "fk_strategy_catalog_version"`);
    await queryRunner.query(`ALTER TABLE "fund_source" DROP CONSTRAINT "fk_fund_source_catalog_version"`);
    await queryRunner.query(`ALTER TABLE "code_crosswalk" DROP CONSTRAINT "fk_code_crosswalk_catalog_version"`);
    await queryRunner.query(`ALTER TABLE "budget_code" DROP CONSTRAINT "fk_budget_code_catalog_version"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP CONSTRAINT "fk_agency_region"`);
    await queryRunner.query(`ALTER TABLE "region" DROP CONSTRAINT "fk_region_catalog_version"`);
    await queryRunner.query(`ALTER TABLE "account_code" DROP CONSTRAINT "fk_account_code_catalog_version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_app_user_email"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TABLE "task_force_member"`);
    await queryRunner.query(`DROP INDEX "public"."uq_task_force_region"`);
    await queryRunner.query(`DROP TABLE "task_force"`);
    await queryRunner.query(`DROP TABLE "strategy"`);
    await queryRunner.query(`DROP TABLE "fund_source"`);
    await queryRunner.query(`DROP TABLE "code_crosswalk"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_code_kind_code"`);
    await queryRunner.query(`DROP TABLE "budget_code"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entry_entity"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."idx_agency_region"`);
    await queryRunner.query(`DROP INDEX "public"."uq_agency_region_short_name"`);
    await queryRunner.query(`DROP TABLE "agency"`);
    await queryRunner.query(`DROP INDEX "public"."idx_region_parent"`);
    await queryRunner.query(`DROP TABLE "region"`);
    await queryRunner.query(`DROP TABLE "account_code"`);
    await queryRunner.query(`DROP TABLE "catalog_version"`);
  }
}
