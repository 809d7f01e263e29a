// The apply → submit → review → prefect opinion → approve → grant flow, as a front end would run it: only through the
// clients generated from the services' OpenAPI documents. Base URLs and bearer tokens come from the environment (the
// e2e test TypeScriptClientFlowIT passes those of the services it started). Prints one JSON line with what it saw.
import * as applications from '../generated/applications';
import * as funding from '../generated/funding';
import * as placement from '../generated/placement';

const EVENTUALLY_MS = 60_000;

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function daysFromToday(days: number): Date {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date;
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + EVENTUALLY_MS;
  for (;;) {
    const found = await probe();
    if (found !== undefined) {
      return found;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not seen within ${EVENTUALLY_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function check(condition: boolean, message: string): void {
  if (!condition) {
    throw new Error(message);
  }
}

async function main(): Promise<void> {
  const siret = env('CNFS_STRUCTURE_SIRET');
  const as = {
    structure: env('CNFS_TOKEN_STRUCTURE'),
    instructeur: env('CNFS_TOKEN_INSTRUCTEUR'),
    prefet: env('CNFS_TOKEN_PREFET'),
    finance: env('CNFS_TOKEN_FINANCE'),
    admin: env('CNFS_TOKEN_ADMIN'),
  };
  const applicationsAs = (token: string) =>
    new applications.Configuration({ basePath: env('CNFS_APPLICATIONS_URL'), accessToken: token });

  const structure = await new applications.StructuresApi(applicationsAs(as.structure)).registerStructure({
    registerStructure: {
      siret,
      name: 'Commune de Lyon',
      type: applications.StructureType.COMMUNE,
      communeCode: '69123',
      qpv: false,
      zrr: false,
      contact: {
        firstName: 'Claire', lastName: 'Durand', role: 'Directrice générale des services',
        email: `contact+${siret}@example.org`, phone: '04 72 10 30 30',
      },
    },
  });
  const campaign = await new applications.CampaignsApi(applicationsAs(as.instructeur)).openCampaign({
    createCampaign: {
      name: `AMI client TypeScript ${Date.now()}`,
      opensOn: daysFromToday(-1),
      closesOn: daysFromToday(30),
      postQuota: 10,
      eligibleCategories: new Set([applications.StructureCategory.PUBLIC, applications.StructureCategory.PRIVATE]),
      fundingPhase: 'PHASE_1',
    },
  });

  const asStructure = new applications.ApplicationsApi(applicationsAs(as.structure));
  const draft = await asStructure.createApplication({
    createApplication: {
      structureId: structure.id!,
      campaignId: campaign.id!,
      postsRequested: 2,
      contractMonths: 24,
      desiredStartDate: daysFromToday(10),
      motivation: 'Accompagner les habitants éloignés du numérique',
      franceServicesLabel: false,
    },
  });
  const id = draft.id!;
  await asStructure.submit({ id });

  const review = new applications.ReviewApi(applicationsAs(as.instructeur));
  await review.startReview({ id });
  await new applications.ReviewApi(applicationsAs(as.prefet)).givePrefectOpinion({
    id, givePrefectOpinion: { opinion: applications.PrefectOpinion.FAVORABLE, comment: 'Territoire prioritaire' },
  });
  const approved = await review.approve({ id, approve: { postsGranted: 2, decisionNumber: 'COSELEC 92' } });
  check(approved.status === applications.ApplicationStatus.APPROVED, `application ${id} is ${approved.status}`);
  check(approved.postIds?.length === 2, `application ${id} has posts ${approved.postIds}`);

  const grants = new funding.GrantsApi(new funding.Configuration({
    basePath: env('CNFS_FUNDING_URL'), accessToken: as.finance,
  }));
  const grant = await eventually('the grant in funding-service', async () =>
    (await grants.listGrants({ applicationId: id })).items?.[0]);
  check(grant.totalAmount === 100000 && grant.amountPerPost === 50000,
    `grant ${grant.id}: ${grant.amountPerPost} per post, ${grant.totalAmount} in total`);

  const posts = new placement.PostsApi(new placement.Configuration({
    basePath: env('CNFS_PLACEMENT_URL'), accessToken: as.admin,
  }));
  const postIds = await eventually('the posts in placement-service', async () => {
    const page = await posts.listPosts({ applicationId: id });
    return page.items?.length === 2 ? page.items.map((post) => post.id!) : undefined;
  });

  console.log(JSON.stringify({
    applicationId: id, status: approved.status, grantId: grant.id, amountPerPost: grant.amountPerPost,
    totalAmount: grant.totalAmount, postIds: [...postIds].sort(),
  }));
}

main().catch(async (error: unknown) => {
  if (error instanceof applications.ResponseError || error instanceof funding.ResponseError
      || error instanceof placement.ResponseError) {
    console.error(`${error.response.status} ${error.response.url}: ${await error.response.text()}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
