import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * RAD drafting: plans, activities with costs per year, supporting agencies and locations,
 * consultation rounds, proposals, endorsements, comments, notifications, immutable snapshots.
 * Generated from the entities by `npm run cli -- migration-generate`, then completed by hand.
 */
export class RadDrafting1795846551792 implements MigrationInterface {
  name = 'RadDrafting1795846551792';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "action_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_code" text NOT NULL, "title" text NOT NULL, "start_year" integer NOT NULL, "end_year" integer NOT NULL, "status" text NOT NULL DEFAULT 'draft', "task_force_id" uuid, "legal_basis_number" text, "legal_basis_date" date, "created_by" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_action_plan_period" CHECK (end_year >= start_year AND end_year - start_year < 10), CONSTRAINT "ck_action_plan_status" CHECK (status IN ('draft', 'consultation', 'review', 'adopted', 'revision')), CONSTRAINT "PK_73de59f4ddad48bad469c1afdbd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_action_plan_region" ON "action_plan"  ("region_code") `);
    await queryRunner.query(`CREATE TABLE "plan_activity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "strategy_code" integer NOT NULL, "seq" integer NOT NULL, "title" text NOT NULL, "description" text, "output" text, "indicator" text, "unit" text, "baseline" text, "lead_agency_id" uuid NOT NULL, "targets" jsonb NOT NULL DEFAULT '{}', "priority" text NOT NULL DEFAULT 'medium', "status" text NOT NULL DEFAULT 'active', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_plan_activity_code" UNIQUE ("plan_id", "strategy_code", "seq"), CONSTRAINT "ck_plan_activity_status" CHECK (status IN ('active', 'deferred', 'dropped')), CONSTRAINT "ck_plan_activity_priority" CHECK (priority IN ('high', 'medium', 'low')), CONSTRAINT "PK_00cb65642d534b808c35bb2f707" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_plan_activity_lead_agency" ON "plan_activity"  ("lead_agency_id") `);
    await queryRunner.query(`CREATE TABLE "plan_activity_cost" ("activity_id" uuid NOT NULL, "fiscal_year" integer NOT NULL, "amount" bigint NOT NULL, CONSTRAINT "ck_plan_activity_cost_amount" CHECK (amount >= 0), CONSTRAINT "PK_f3a81ae7d465ec59fcbc450829a" PRIMARY KEY ("activity_id", "fiscal_year"))`);
    await queryRunner.query(`CREATE TABLE "plan_activity_agency" ("activity_id" uuid NOT NULL, "agency_id" uuid NOT NULL, CONSTRAINT "PK_0e7dd296b9f1ff8f82b14a71214" PRIMARY KEY ("activity_id", "agency_id"))`);
    await queryRunner.query(`CREATE TABLE "plan_activity_location" ("activity_id" uuid NOT NULL, "region_code" text NOT NULL, CONSTRAINT "PK_4da97b9acdcceb7fbcdb6909391" PRIMARY KEY ("activity_id", "region_code"))`);
    await queryRunner.query(`CREATE INDEX "idx_plan_activity_location_region" ON "plan_activity_location"  ("region_code") `);
    await queryRunner.query(`CREATE TABLE "consultation_round" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "number" integer NOT NULL, "opens_on" date NOT NULL, "closes_on" date NOT NULL, "status" text NOT NULL DEFAULT 'open', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_consultation_round_number" UNIQUE ("plan_id", "number"), CONSTRAINT "ck_consultation_round_status" CHECK (status IN ('open', 'closed')), CONSTRAINT "ck_consultation_round_dates" CHECK (closes_on >= opens_on), CONSTRAINT "PK_6e60fe6477606114d035b58a527" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "consultation_invite" ("round_id" uuid NOT NULL, "agency_id" uuid NOT NULL, CONSTRAINT "PK_a82ac86a3b6d5cf1d60291f8a61" PRIMARY KEY ("round_id", "agency_id"))`);
    await queryRunner.query(`CREATE TABLE "proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "kind" text NOT NULL, "activity_id" uuid, "changes" jsonb NOT NULL, "rationale" text, "status" text NOT NULL DEFAULT 'open', "proposer_id" uuid NOT NULL, "proposer_agency_id" uuid, "round_id" uuid, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "carry_to_year" integer, "carry_to_next_plan" boolean NOT NULL DEFAULT false, "result_activity_id" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_proposal_amendment_target" CHECK (kind = 'new_activity' OR activity_id IS NOT NULL OR status <> 'open'), CONSTRAINT "ck_proposal_status" CHECK (status IN ('open', 'accepted', 'rejected', 'carried_over', 'withdrawn')), CONSTRAINT "ck_proposal_kind" CHECK (kind IN ('new_activity', 'amendment')), CONSTRAINT "PK_ca872ecfe4fef5720d2d39e4275" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_proposal_plan_status" ON "proposal"  ("plan_id", "status") `);
    await queryRunner.query(`CREATE TABLE "endorsement" ("proposal_id" uuid NOT NULL, "endorser_key" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_341fa7d702a49a92d12fcde94ee" PRIMARY KEY ("proposal_id", "endorser_key"))`);
    await queryRunner.query(`CREATE TABLE "comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "proposal_id" uuid, "activity_id" uuid, "parent_id" uuid, "author_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_comment_target" CHECK ((proposal_id IS NULL) <> (activity_id IS NULL)), CONSTRAINT "PK_0b0e4bbc8415ec426f87f3a88e2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_comment_activity" ON "comment"  ("activity_id") `);
    await queryRunner.query(`CREATE INDEX "idx_comment_proposal" ON "comment"  ("proposal_id") `);
    await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "link" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_notification_user" ON "notification"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "plan_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "number" integer NOT NULL, "transition" text NOT NULL, "status" text NOT NULL, "snapshot" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_plan_snapshot_number" UNIQUE ("plan_id", "number"), CONSTRAINT "PK_9e2252678bbbcb76fb577063136" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "action_plan" ADD CONSTRAINT "fk_action_plan_region" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "action_plan" ADD CONSTRAINT "fk_action_plan_task_force" FOREIGN KEY ("task_force_id") REFERENCES "task_force"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "action_plan" ADD CONSTRAINT "fk_action_plan_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_activity" ADD CONSTRAINT "fk_plan_activity_plan" FOREIGN KEY ("plan_id") REFERENCES "action_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_activity" ADD CONSTRAINT "fk_plan_activity_strategy" FOREIGN KEY ("strategy_code") REFERENCES "strategy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_activity" ADD CONSTRAINT "fk_plan_activity_lead_agency" FOREIGN KEY ("lead_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_activity_cost" ADD CONSTRAINT "fk_plan_activity_cost_activity" FOREIGN KEY ("activity_id") REFERENCES "plan_activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_activity_agency" ADD CONSTRAINT "fk_plan_activity_agency_activity" FOREIGN KEY ("activity_id") REFERENCES "plan_activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_activity_agency" ADD CONSTRAINT "fk_plan_activity_agency_agency" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_activity_location" ADD CONSTRAINT "fk_plan_activity_location_activity" FOREIGN KEY ("activity_id") REFERENCES "plan_activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_activity_location" ADD CONSTRAINT "fk_plan_activity_location_region" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "consultation_round" ADD CONSTRAINT "fk_consultation_round_plan" FOREIGN KEY ("plan_id") REFERENCES "action_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "consultation_invite" ADD CONSTRAINT "fk_consultation_invite_round" FOREIGN KEY ("round_id") REFERENCES "consultation_round"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "consultation_invite" ADD CONSTRAINT "fk_consultation_invite_agency" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "proposal" ADD CONSTRAINT "fk_proposal_plan" FOREIGN KEY ("plan_id") REFERENCES "action_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "proposal" ADD CONSTRAINT "fk_proposal_activity" FOREIGN KEY ("activity_id") REFERENCES "plan_activity"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "proposal" ADD CONSTRAINT "fk_proposal_proposer" FOREIGN KEY ("proposer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "proposal" ADD CONSTRAINT "fk_proposal_proposer_agency" FOREIGN KEY ("proposer_agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "proposal" ADD CONSTRAINT "fk_proposal_round" FOREIGN KEY ("round_id") REFERENCES "consultation_round"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "endorsement" ADD CONSTRAINT "fk_endorsement_proposal" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "endorsement" ADD CONSTRAINT "fk_endorsement_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "fk_comment_plan" FOREIGN KEY ("plan_id") REFERENCES "action_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "fk_comment_proposal" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "fk_comment_activity" FOREIGN KEY ("activity_id") REFERENCES "plan_activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "fk_comment_parent" FOREIGN KEY ("parent_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "fk_comment_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_snapshot" ADD CONSTRAINT "fk_plan_snapshot_plan" FOREIGN KEY ("plan_id") REFERENCES "action_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Hand-written: a snapshot is the record of what was adopted; nobody rewrites it.
    await queryRunner.query(
      `CREATE TRIGGER "trg_plan_snapshot_append_only" BEFORE UPDATE OR DELETE ON "plan_snapshot" FOR EACH ROW EXECUTE FUNCTION append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_plan_snapshot_append_only" ON "plan_snapshot"`);
    await queryRunner.query(`ALTER TABLE "plan_snapshot" DROP CONSTRAINT "fk_plan_snapshot_plan"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_user"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "fk_comment_author"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "fk_comment_parent"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "fk_comment_activity"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "fk_comment_proposal"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "fk_comment_plan"`);
    await queryRunner.query(`ALTER TABLE "endorsement" DROP CONSTRAINT "fk_endorsement_user"`);
    await queryRunner.query(`ALTER TABLE "endorsement" DROP CONSTRAINT "fk_endorsement_proposal"`);
    await queryRunner.query(`ALTER TABLE "proposal" DROP CONSTRAINT "fk_proposal_round"`);
    await queryRunner.query(`ALTER TABLE "proposal" DROP CONSTRAINT "fk_proposal_proposer_agency"`);
    await queryRunner.query(`ALTER TABLE "proposal" DROP CONSTRAINT "fk_proposal_proposer"`);
    await queryRunner.query(`ALTER TABLE "proposal" DROP CONSTRAINT "fk_proposal_activity"`);
    await queryRunner.query(`ALTER TABLE "proposal" DROP CONSTRAINT "fk_proposal_plan"`);
    await queryRunner.query(`ALTER TABLE "consultation_invite" DROP CONSTRAINT "fk_consultation_invite_agency"`);
    await queryRunner.query(`ALTER TABLE "consultation_invite" DROP CONSTRAINT "fk_consultation_invite_round"`);
    await queryRunner.query(`ALTER TABLE "consultation_round" DROP CONSTRAINT "fk_consultation_round_plan"`);
    await queryRunner.query(`ALTER TABLE "plan_activity_location" DROP CONSTRAINT "fk_plan_activity_location_region"`);
    await queryRunner.query(`ALTER TABLE "plan_activity_location" DROP CONSTRAINT "fk_plan_activity_location_activity"`);
    await queryRunner.query(`ALTER TABLE "plan_activity_agency" DROP CONSTRAINT "fk_plan_activity_agency_agency"`);
    await queryRunner.query(`ALTER TABLE "plan_activity_agency" DROP CONSTRAINT "fk_plan_activity_agency_activity"`);
    await queryRunner.query(`ALTER TABLE "plan_activity_cost" DROP CONSTRAINT "fk_plan_activity_cost_activity"`);
    await queryRunner.query(`ALTER TABLE "plan_activity" DROP CONSTRAINT "fk_plan_activity_lead_agency"`);
    await queryRunner.query(`ALTER TABLE "plan_activity" DROP CONSTRAINT "fk_plan_activity_strategy"`);
    await queryRunner.query(`ALTER TABLE "plan_activity" DROP CONSTRAINT "fk_plan_activity_plan"`);
    await queryRunner.query(`ALTER TABLE "action_plan" DROP CONSTRAINT "fk_action_plan_created_by"`);
    await queryRunner.query(`ALTER TABLE "action_plan" DROP CONSTRAINT "fk_action_plan_task_force"`);
    await queryRunner.query(`ALTER TABLE "action_plan" DROP CONSTRAINT "fk_action_plan_region"`);
    await queryRunner.query(`DROP TABLE "plan_snapshot"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_user"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP INDEX "public"."idx_comment_proposal"`);
    await queryRunner.query(`DROP INDEX "public"."idx_comment_activity"`);
    await queryRunner.query(`DROP TABLE "comment"`);
    await queryRunner.query(`DROP TABLE "endorsement"`);
    await queryRunner.query(`DROP INDEX "public"."idx_proposal_plan_status"`);
    await queryRunner.query(`DROP TABLE "proposal"`);
    await queryRunner.query(`DROP TABLE "consultation_invite"`);
    await queryRunner.query(`DROP TABLE "consultation_round"`);
    await queryRunner.query(`DROP INDEX "public"."idx_plan_activity_location_region"`);
    await queryRunner.query(`DROP TABLE "plan_activity_location"`);
    await queryRunner.query(`DROP TABLE "plan_activity_agency"`);
    await queryRunner.query(`DROP TABLE "plan_activity_cost"`);
    await queryRunner.query(`DROP INDEX "public"."idx_plan_activity_lead_agency"`);
    await queryRunner.query(`DROP TABLE "plan_activity"`);
    await queryRunner.query(`DROP INDEX "public"."idx_action_plan_region"`);
    await queryRunner.query(`DROP TABLE "action_plan"`);
  }
}
