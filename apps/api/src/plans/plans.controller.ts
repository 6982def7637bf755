import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  ActivityView,
  AuditEntryView,
  BudgetCodeView,
  CommentView,
  ConsultationParticipation,
  ConsultationRoundView,
  PlanDiff,
  PlanStatus,
  PlanSummary,
  PlanVersionView,
  PlanView,
  ProposalView,
  UserView,
} from '@sinergi/contracts';
import type { PlanSnapshot } from '@sinergi/domain';
import { Authenticated, CurrentUser, Roles } from '../common/access.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import {
  ActivityDto,
  CarryOverDto,
  CommentDto,
  CreatePlanDto,
  DecisionDto,
  DiffQueryDto,
  PlanQueryDto,
  ProposalDto,
  ProposalQueryDto,
  RejectDto,
  RoundDto,
  SuggestionQueryDto,
  TransitionDto,
  UpdateActivityDto,
  UpdatePlanDto,
  VersionQueryDto,
} from './plan.dto';
import { PlansService } from './plans.service';
import { ProposalsService } from './proposals.service';
import { RoundsService } from './rounds.service';

/** Who takes part in drafting: every role except viewer (scope checks are in the services). */
const PARTICIPANTS = ['admin', 'planner', 'agency', 'village', 'member'] as const;

@ApiTags('plans')
@ApiBearerAuth()
@Controller()
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly proposals: ProposalsService,
    private readonly rounds: RoundsService,
  ) {}

  @Authenticated()
  @Get('plans')
  list(@Query() query: PlanQueryDto): Promise<PlanSummary[]> {
    return this.plans.list(query);
  }

  @Roles('admin', 'planner')
  @Post('plans')
  create(@Body() body: CreatePlanDto, @CurrentUser() user: UserView): Promise<{ id: string; status: PlanStatus; version: number }> {
    return this.plans.create(user, body);
  }

  @Authenticated()
  @Get('plans/:id')
  get(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView): Promise<PlanView> {
    return this.plans.get(user, id);
  }

  @Roles('admin', 'planner')
  @Patch('plans/:id')
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdatePlanDto, @CurrentUser() user: UserView): Promise<PlanView> {
    return this.plans.update(user, id, body);
  }

  @Roles('admin', 'planner')
  @Post('plans/:id/transitions')
  @HttpCode(200)
  transition(@Param('id', uuidPipe) id: string, @Body() body: TransitionDto, @CurrentUser() user: UserView): Promise<PlanView> {
    return this.plans.transition(user, id, body);
  }

  @Authenticated()
  @Get('plans/:id/versions')
  versions(@Param('id', uuidPipe) id: string): Promise<PlanVersionView[]> {
    return this.plans.versions(id);
  }

  @Authenticated()
  @Get('plans/:id/versions/:number')
  version(@Param('id', uuidPipe) id: string, @Param('number') number: string): Promise<PlanSnapshot> {
    return this.plans.version(id, /^\d{1,6}$/.test(number) ? Number(number) : -1);
  }

  @Authenticated()
  @Get('plans/:id/diff')
  diff(@Param('id', uuidPipe) id: string, @Query() query: DiffQueryDto): Promise<PlanDiff> {
    return this.plans.diff(id, query.from, query.to);
  }

  // Activities

  @Roles('admin', 'planner')
  @Post('plans/:id/activities')
  addActivity(@Param('id', uuidPipe) id: string, @Body() body: ActivityDto, @CurrentUser() user: UserView): Promise<{ id: string; code: string; version: number }> {
    return this.plans.addActivity(user, id, body);
  }

  @Authenticated()
  @Get('activities/:id')
  activity(@Param('id', uuidPipe) id: string): Promise<ActivityView> {
    return this.plans.getActivity(id);
  }

  @Roles('admin', 'planner')
  @Patch('activities/:id')
  updateActivity(@Param('id', uuidPipe) id: string, @Body() body: UpdateActivityDto, @CurrentUser() user: UserView): Promise<ActivityView> {
    return this.plans.updateActivity(user, id, body);
  }

  @Roles('admin', 'planner')
  @Delete('activities/:id')
  @HttpCode(204)
  async deleteActivity(@Param('id', uuidPipe) id: string, @Query() query: VersionQueryDto, @CurrentUser() user: UserView): Promise<void> {
    await this.plans.deleteActivity(user, id, query.version);
  }

  @Authenticated()
  @Get('activities/:id/history')
  history(@Param('id', uuidPipe) id: string): Promise<AuditEntryView[]> {
    return this.plans.activityHistory(id);
  }

  @Authenticated()
  @Get('activities/:id/suggestions')
  suggestions(@Param('id', uuidPipe) id: string, @Query() query: SuggestionQueryDto): Promise<BudgetCodeView[]> {
    return this.plans.suggestions(id, query.kind ?? 'APBD', query.limit ?? 10);
  }

  @Authenticated()
  @Get('activities/:id/comments')
  activityComments(@Param('id', uuidPipe) id: string): Promise<CommentView[]> {
    return this.proposals.comments({ activityId: id });
  }

  @Roles(...PARTICIPANTS)
  @Post('activities/:id/comments')
  commentActivity(@Param('id', uuidPipe) id: string, @Body() body: CommentDto, @CurrentUser() user: UserView): Promise<CommentView> {
    return this.proposals.comment(user, { activityId: id }, body);
  }

  // Consultation

  @Authenticated()
  @Get('plans/:id/rounds')
  listRounds(@Param('id', uuidPipe) id: string): Promise<ConsultationRoundView[]> {
    return this.rounds.list(id);
  }

  @Roles('admin', 'planner')
  @Post('plans/:id/rounds')
  openRound(@Param('id', uuidPipe) id: string, @Body() body: RoundDto, @CurrentUser() user: UserView): Promise<ConsultationRoundView> {
    return this.rounds.open(user, id, body);
  }

  @Roles('admin', 'planner')
  @Post('rounds/:id/close')
  @HttpCode(200)
  closeRound(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView): Promise<ConsultationRoundView> {
    return this.rounds.close(user, id);
  }

  @Authenticated()
  @Get('rounds/:id/participation')
  participation(@Param('id', uuidPipe) id: string): Promise<ConsultationParticipation[]> {
    return this.rounds.participation(id);
  }

  // Proposals

  @Roles(...PARTICIPANTS)
  @Post('plans/:id/proposals')
  propose(@Param('id', uuidPipe) id: string, @Body() body: ProposalDto, @CurrentUser() user: UserView): Promise<ProposalView> {
    return this.proposals.create(user, id, body);
  }

  @Authenticated()
  @Get('plans/:id/proposals')
  listProposals(@Param('id', uuidPipe) id: string, @Query() query: ProposalQueryDto): Promise<ProposalView[]> {
    return this.proposals.list(id, query.status);
  }

  @Authenticated()
  @Get('plans/:id/carried-in')
  carriedIn(@Param('id', uuidPipe) id: string): Promise<ProposalView[]> {
    return this.proposals.carriedIn(id);
  }

  @Authenticated()
  @Get('proposals/:id')
  proposal(@Param('id', uuidPipe) id: string): Promise<ProposalView> {
    return this.proposals.get(id);
  }

  @Roles('admin', 'planner')
  @Post('proposals/:id/accept')
  @HttpCode(200)
  accept(@Param('id', uuidPipe) id: string, @Body() body: DecisionDto, @CurrentUser() user: UserView): Promise<ProposalView> {
    return this.proposals.accept(user, id, body.reason);
  }

  @Roles('admin', 'planner')
  @Post('proposals/:id/reject')
  @HttpCode(200)
  reject(@Param('id', uuidPipe) id: string, @Body() body: RejectDto, @CurrentUser() user: UserView): Promise<ProposalView> {
    return this.proposals.reject(user, id, body.reason);
  }

  @Roles('admin', 'planner')
  @Post('proposals/:id/carry-over')
  @HttpCode(200)
  carryOver(@Param('id', uuidPipe) id: string, @Body() body: CarryOverDto, @CurrentUser() user: UserView): Promise<ProposalView> {
    return this.proposals.carryOver(user, id, body);
  }

  @Roles(...PARTICIPANTS)
  @Post('proposals/:id/withdraw')
  @HttpCode(200)
  withdraw(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView): Promise<ProposalView> {
    return this.proposals.withdraw(user, id);
  }

  @Roles(...PARTICIPANTS)
  @Post('proposals/:id/endorsements')
  endorse(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView): Promise<ProposalView> {
    return this.proposals.endorse(user, id);
  }

  @Roles(...PARTICIPANTS)
  @Delete('proposals/:id/endorsements/mine')
  @HttpCode(204)
  async unendorse(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView): Promise<void> {
    await this.proposals.unendorse(user, id);
  }

  @Authenticated()
  @Get('proposals/:id/comments')
  proposalComments(@Param('id', uuidPipe) id: string): Promise<CommentView[]> {
    return this.proposals.comments({ proposalId: id });
  }

  @Roles(...PARTICIPANTS)
  @Post('proposals/:id/comments')
  commentProposal(@Param('id', uuidPipe) id: string, @Body() body: CommentDto, @CurrentUser() user: UserView): Promise<CommentView> {
    return this.proposals.comment(user, { proposalId: id }, body);
  }
}
